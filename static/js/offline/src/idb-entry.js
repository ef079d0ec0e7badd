// IndexedDB with promises (Jake Archibald's idb), bundled by `make offline-vendor`
// into vendor/idb.js, which sets window.idb for offline.js.
import { openDB, deleteDB } from "idb";

self.idb = { openDB, deleteDB };
