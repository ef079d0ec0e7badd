// The parts of Workbox the service worker uses, bundled by `make offline-vendor`
// into one classic script (vendor/workbox.js) that sets self.workbox.
import { registerRoute, setCatchHandler, NavigationRoute } from "workbox-routing";
import { NetworkFirst, NetworkOnly, StaleWhileRevalidate, CacheFirst } from "workbox-strategies";
import { ExpirationPlugin } from "workbox-expiration";
import { CacheableResponsePlugin } from "workbox-cacheable-response";
import { clientsClaim, setCacheNameDetails } from "workbox-core";

self.workbox = {
  routing: { registerRoute, setCatchHandler, NavigationRoute },
  strategies: { NetworkFirst, NetworkOnly, StaleWhileRevalidate, CacheFirst },
  expiration: { ExpirationPlugin },
  cacheableResponse: { CacheableResponsePlugin },
  core: { clientsClaim, setCacheNameDetails },
};
