/* Offline study, on the page side (the service worker is sw-main.js).
 *
 * - registers /sw.js and tells it whose account this is (an opaque key);
 * - "Save for offline" on a course page: the size first, then every lesson,
 *   its images (the srcset width this phone uses) and the course page, into
 *   the cache "lms-saved-<key>"; the list of saved courses on My learning and
 *   on the offline page, with "Remove";
 * - a lesson marked done offline (the button, or reading to the end through
 *   progress.js) is queued in IndexedDB with its own id and sent when the
 *   connection returns ("3 lessons waiting to sync" until then);
 * - saved courses are checked against the server when online: changed lessons
 *   are downloaded again and the learner is told which;
 * - quizzes say they need a connection while offline;
 * - the install prompt waits for the first completed lesson.
 */
(function () {
  "use strict";
  var script = document.querySelector("script[data-offline]");
  if (!script || !("serviceWorker" in navigator) || !window.caches || !window.idb) return;
  var USER = script.getAttribute("data-user") || "";
  var SYNC_URL = script.getAttribute("data-sync-url");
  var SAVED = "lms-saved-" + USER;
  // The offline page is cached without cookies (no account): it claims
  // nothing and lists the saved courses of the phone's last account.
  var isOfflinePage = !!document.querySelector("[data-offline-page-lead]");
  var whose = !isOfflinePage ? Promise.resolve() : caches.open("lms-meta").then(function (cache) {
    return cache.match("/__offline/user");
  }).then(function (response) { return response ? response.text() : ""; }).then(function (key) {
    USER = key;
    SAVED = "lms-saved-" + USER;
  });
  var CHECK_EVERY_MS = 10 * 60 * 1000;
  var t = function (name) { return script.getAttribute("data-t-" + name) || ""; };
  var status = document.querySelector("[data-offline-status]");
  var notice = document.querySelector("[data-offline-notice]");

  var dbPromise = idb.openDB("lms-offline", 1, {
    upgrade: function (db) {
      db.createObjectStore("courses", { keyPath: "key" });
      var marks = db.createObjectStore("marks", { keyPath: "id" });
      marks.createIndex("user", "user");
    }
  });

  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});

  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? values[k] : m; });
  }
  function size(bytes) {
    return bytes >= 1e6 ? (bytes / 1e6).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1e3)) + " KB";
  }
  function csrf() {
    var m = /(?:^|;\s*)csrftoken=([^;]+)/.exec(document.cookie);
    if (m) return decodeURIComponent(m[1]);
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // --- whose phone is this ---------------------------------------------------
  // The worker reads the key to open only this account's saved courses. An
  // online page for nobody (signed out, session over) or for another account
  // removes what other accounts saved: nobody studies someone else's copy.
  function claim() {
    var meta = caches.open("lms-meta").then(function (cache) {
      return cache.put("/__offline/user", new Response(USER));
    });
    var others = caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) {
        return k.indexOf("lms-saved-") === 0 && k !== SAVED;
      }).map(function (k) { return caches.delete(k); }));
    });
    var records = dbPromise.then(function (db) {
      return db.getAll("courses").then(function (all) {
        return Promise.all(all.filter(function (c) { return c.user !== USER; })
          .map(function (c) { return db.delete("courses", c.key); }));
      });
    });
    return Promise.all([meta, others, records]);
  }
  var claimed = whose.then(function () {
    return navigator.onLine && !isOfflinePage ? claim() : undefined;
  });

  // --- saved courses ---------------------------------------------------------
  function savedCourses() {
    return dbPromise.then(function (db) { return db.getAll("courses"); }).then(function (all) {
      return all.filter(function (c) { return c.user === USER; });
    });
  }

  function pickImage(candidates) {
    // The width the phone's srcset picks for a full-width image.
    var want = (window.innerWidth || 360) * (window.devicePixelRatio || 1);
    var sorted = candidates.slice().sort(function (a, b) { return a.width - b.width; });
    return sorted.find(function (c) { return c.width >= want; }) || sorted[sorted.length - 1];
  }

  function estimate(manifest) {
    return manifest.lessons.reduce(function (sum, lesson) {
      return sum + lesson.bytes + lesson.images.reduce(function (s, img) {
        return s + (pickImage(img.candidates).bytes || 0);
      }, 0);
    }, manifest.page_bytes);
  }

  function store(cache, url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.clone().blob().then(function (blob) {
        return cache.put(url, response).then(function () { return blob.size; });
      });
    });
  }

  function saveLessons(manifest, lessons, onStep) {
    return caches.open(SAVED).then(function (cache) {
      var urls = [];
      lessons.forEach(function (lesson) {
        urls.push(lesson.url);
        lesson.images.forEach(function (img) { urls.push(pickImage(img.candidates).url); });
        // A package step: every file of its package, so it opens offline.
        if (lesson.package) lesson.package.files.forEach(function (url) { urls.push(url); });
      });
      var total = urls.length;
      var done = 0;
      var bytes = 0;
      // One at a time: a cheap phone on a weak signal, and honest progress.
      return urls.reduce(function (chain, url) {
        return chain.then(function () {
          return store(cache, url).then(function (n) {
            bytes += n; done += 1;
            if (onStep) onStep(done, total);
          });
        });
      }, Promise.resolve()).then(function () { return bytes; });
    });
  }

  function saveCourse(manifest, onStep) {
    return saveLessons(manifest, manifest.lessons, onStep).then(function (bytes) {
      return caches.open(SAVED).then(function (cache) {
        return Promise.all([store(cache, manifest.course.url)].concat(
          manifest.static.map(function (url) { return caches.open("lms-static-v1").then(function (c) { return store(c, url); }); })
        ));
      }).then(function () {
        return dbPromise.then(function (db) {
          return db.put("courses", {
            key: USER + ":" + manifest.course.id,
            user: USER,
            id: manifest.course.id,
            title: manifest.course.title,
            url: manifest.course.url,
            manifest: manifest,
            bytes: bytes,
            savedAt: new Date().toISOString(),
            checkedAt: Date.now()
          });
        });
      }).then(function () { return bytes; });
    });
  }

  function removeCourse(record) {
    return caches.open(SAVED).then(function (cache) {
      var urls = [record.url];
      record.manifest.lessons.forEach(function (lesson) {
        urls.push(lesson.url);
        lesson.images.forEach(function (img) { img.candidates.forEach(function (c) { urls.push(c.url); }); });
      });
      return Promise.all(urls.map(function (url) { return cache.delete(url); }));
    }).then(function () {
      return dbPromise.then(function (db) { return db.delete("courses", record.key); });
    });
  }

  // Online: saved copies are compared with the server's versions; what changed
  // is downloaded again and the learner is told.
  function refreshSaved(force, marked) {
    return savedCourses().then(function (courses) {
      return courses.reduce(function (chain, record) {
        return chain.then(function () {
          if (!force && Date.now() - (record.checkedAt || 0) < CHECK_EVERY_MS) return;
          var url = "/" + script.getAttribute("data-lang") + "/offline/course/" + record.id + ".json";
          return fetch(url, { credentials: "same-origin" }).then(function (response) {
            if (response.status === 404) return removeCourse(record);
            if (!response.ok) return;
            return response.json().then(function (manifest) {
              var before = {};
              record.manifest.lessons.forEach(function (l) { before[l.url] = l.version; });
              // Changed on the server, or just marked done (the saved copy shows it).
              var changed = manifest.lessons.filter(function (l) {
                return before[l.url] !== l.version || (marked && marked.indexOf(l.id) !== -1);
              });
              var old = changed.filter(function (l) { return before[l.url] !== undefined && before[l.url] !== l.version; });
              return saveLessons(manifest, changed).then(function () {
                return caches.open(SAVED).then(function (cache) { return store(cache, manifest.course.url); });
              }).then(function () {
                record.manifest = manifest;
                record.checkedAt = Date.now();
                return dbPromise.then(function (db) { return db.put("courses", record); });
              }).then(function () {
                if (old.length) tell(fmt(t("updated"), { titles: old.map(function (l) { return l.title; }).join(", ") }));
              });
            });
          }).catch(function () {});
        });
      }, Promise.resolve());
    });
  }

  function tell(text) {
    if (!notice) return;
    notice.textContent = text;
    notice.hidden = false;
  }

  // --- the course page's panel -----------------------------------------------
  var panel = document.querySelector("[data-offline-save]");
  if (panel) {
    var courseKey = USER + ":" + panel.getAttribute("data-course");
    var message = panel.querySelector("[data-offline-message]");
    var bar = panel.querySelector("[data-offline-progress]");
    var check = panel.querySelector("[data-offline-check]");
    var download = panel.querySelector("[data-offline-download]");
    var remove = panel.querySelector("[data-offline-remove]");
    var pending = null;
    var pt = function (name) { return panel.getAttribute("data-t-" + name); };

    var showSaved = function (record) {
      message.textContent = fmt(pt("done"), { size: size(record.bytes) });
      check.hidden = true; download.hidden = true; remove.hidden = false; bar.hidden = true;
      panel.setAttribute("data-state", "saved");
    };
    claimed.then(function () { return dbPromise; }).then(function (db) { return db.get("courses", courseKey); }).then(function (record) {
      if (record) showSaved(record);
    });
    check.addEventListener("click", function () {
      check.disabled = true;
      fetch(panel.getAttribute("data-manifest"), { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).then(function (manifest) {
        pending = manifest;
        message.textContent = fmt(pt("size"), { lessons: manifest.lessons.length, size: size(estimate(manifest)) });
        check.hidden = true; download.hidden = false;
        panel.setAttribute("data-state", "sized");
      }).catch(function () {
        message.textContent = pt("failed"); check.disabled = false;
      });
    });
    download.addEventListener("click", function () {
      download.disabled = true;
      bar.hidden = false;
      panel.setAttribute("data-state", "saving");
      saveCourse(pending, function (done, total) {
        bar.value = Math.round(100 * done / total);
        message.textContent = fmt(pt("progress"), { done: done, total: total });
      }).then(function () {
        return dbPromise.then(function (db) { return db.get("courses", courseKey); });
      }).then(showSaved).catch(function () {
        message.textContent = pt("failed"); download.disabled = false; bar.hidden = true;
        panel.setAttribute("data-state", "failed");
      });
    });
    remove.addEventListener("click", function () {
      dbPromise.then(function (db) { return db.get("courses", courseKey); }).then(function (record) {
        return record && removeCourse(record);
      }).then(function () {
        remove.hidden = true; check.hidden = false; check.disabled = false; download.hidden = true; download.disabled = false;
        message.textContent = "";
        panel.removeAttribute("data-state");
      });
    });
  }

  // --- lists of saved courses (My learning, the offline page) ------------------
  function renderLists() {
    var section = document.querySelector("[data-offline-saved]");
    if (!section) return Promise.resolve();
    var list = section.querySelector("[data-offline-list]");
    return savedCourses().then(function (courses) {
      list.textContent = "";
      courses.sort(function (a, b) { return a.title.localeCompare(b.title); }).forEach(function (record) {
        var item = document.createElement("li");
        item.className = "panel";
        var link = document.createElement("a");
        link.href = record.url;
        link.textContent = record.title;
        var meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = " · " + size(record.bytes) + " ";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "link";
        button.textContent = t("remove");
        button.setAttribute("aria-label", t("remove") + " " + record.title);
        button.addEventListener("click", function () { removeCourse(record).then(renderLists); });
        item.appendChild(link); item.appendChild(meta); item.appendChild(button);
        var lessons = document.createElement("ul");
        record.manifest.lessons.forEach(function (lesson) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = lesson.url; a.textContent = lesson.title;
          li.appendChild(a); lessons.appendChild(li);
        });
        item.appendChild(lessons);
        list.appendChild(item);
      });
      section.hidden = courses.length === 0;
      var empty = document.querySelector("[data-offline-page-empty]");
      if (empty) empty.hidden = courses.length > 0;
      // The offline page answering for a quiz says why it cannot open.
      var quizNotice = document.querySelector("[data-offline-page-lead]") && document.querySelector("[data-needs-connection]");
      if (quizNotice) {
        var path = location.pathname;
        var isQuiz = /^\/[a-z]{2}\/quiz\//.test(path) || courses.some(function (c) {
          return c.manifest.online_only.some(function (s) { return s.url === path; });
        });
        quizNotice.hidden = !isQuiz;
      }
    });
  }

  // --- marks made offline ---------------------------------------------------
  function pendingMarks() {
    return dbPromise.then(function (db) { return db.getAllFromIndex("marks", "user", USER); });
  }

  function showPending() {
    if (!status) return Promise.resolve();
    return pendingMarks().then(function (marks) {
      var n = marks.length;
      if (n) {
        status.textContent = n === 1 ? status.getAttribute("data-one") : fmt(status.getAttribute("data-many"), { n: n });
      } else if (!navigator.onLine) {
        status.textContent = status.getAttribute("data-offline-text");
      }
      status.hidden = !(n || !navigator.onLine);
      status.setAttribute("data-pending", String(n));
    });
  }

  function queueMark(form) {
    var match = /\/complete\/(\d+)\/?$/.exec(form.getAttribute("action") || "");
    if (!match || !USER) return Promise.reject(new Error("not a lesson"));
    var mark = {
      id: crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random(),
      user: USER,
      page: parseInt(match[1], 10),
      at: new Date().toISOString(),
      title: document.title
    };
    return dbPromise.then(function (db) { return db.put("marks", mark); }).then(function () {
      lessonDone();
      return showPending();
    });
  }

  var syncing = null;
  function sync() {
    if (syncing || !navigator.onLine || !USER) return syncing || Promise.resolve();
    syncing = pendingMarks().then(function (marks) {
      if (!marks.length) return;
      return fetch(SYNC_URL, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf(), "Accept": "application/json" },
        body: JSON.stringify({ marks: marks.map(function (m) { return { id: m.id, page: m.page, at: m.at }; }) })
      }).then(function (response) {
        if (!response.ok) return;
        return response.json().then(function (data) {
          var notes = [];
          var pages = {};
          marks.forEach(function (m) { pages[m.id] = m.page; });
          var recorded = data.results.filter(function (r) { return r.status === "recorded"; })
            .map(function (r) { return pages[r.id]; });
          return dbPromise.then(function (db) {
            return Promise.all(data.results.map(function (result) {
              if (result.note) notes.push(result.note);
              return db.delete("marks", result.id);
            }));
          }).then(function () {
            if (recorded.length) notes.unshift(recorded.length === 1 ? t("synced-one") : fmt(t("synced-many"), { n: recorded.length }));
            if (notes.length) tell(notes.join(" "));
            return refreshSaved(true, recorded);
          });
        });
      });
    }).catch(function () {}).then(function () { syncing = null; return showPending(); });
    return syncing;
  }

  // The lesson's button while offline: queue the mark instead of a POST that
  // cannot leave the phone. progress.js calls lmsOffline.queueMark the same way.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form[data-complete-form]") || navigator.onLine) return;
    event.preventDefault();
    queueMark(form).then(function () {
      form.hidden = true;
      var end = form.closest("[data-lesson-end]");
      if (end) {
        end.setAttribute("data-learning", "done");
        end.querySelectorAll("[data-complete-done], [data-next-link]").forEach(function (el) { el.hidden = false; });
      }
    });
  });

  // Unsent marks go before signing out (sign-out clears the phone's storage).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!/\/accounts\/logout\/$/.test(form.getAttribute("action") || "") || form.hasAttribute("data-synced")) return;
    event.preventDefault();
    sync().then(function () { form.setAttribute("data-synced", ""); form.submit(); });
  });

  // --- quizzes need the server ------------------------------------------------
  function quizConnection() {
    var quizNotice = document.querySelector("[data-needs-connection]");
    if (!quizNotice || document.querySelector("[data-offline-page-lead]")) return;
    var offline = !navigator.onLine;
    quizNotice.hidden = !offline;
    document.querySelectorAll("main form button").forEach(function (button) {
      if (offline) { button.setAttribute("data-offline-disabled", ""); button.disabled = true; }
      else if (button.hasAttribute("data-offline-disabled")) { button.removeAttribute("data-offline-disabled"); button.disabled = false; }
    });
  }

  // --- install, after the first completed lesson ------------------------------
  var installEvent = null;
  var installPanel = document.querySelector("[data-install]");
  function offerInstall() {
    if (!installEvent || !installPanel || !localStorage.getItem("lms-lesson-done") || localStorage.getItem("lms-install-declined")) return;
    installPanel.hidden = false;
  }
  function lessonDone() {
    try { localStorage.setItem("lms-lesson-done", "1"); } catch (e) { /* private mode */ }
    offerInstall();
  }
  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault();
    installEvent = event;
    offerInstall();
  });
  if (installPanel) {
    installPanel.querySelector("[data-install-yes]").addEventListener("click", function () {
      installPanel.hidden = true;
      if (installEvent) installEvent.prompt();
      installEvent = null;
    });
    installPanel.querySelector("[data-install-no]").addEventListener("click", function () {
      installPanel.hidden = true;
      try { localStorage.setItem("lms-install-declined", "1"); } catch (e) { /* private mode */ }
    });
  }
  document.addEventListener("lms:lesson-done", lessonDone);
  if (document.querySelector("[data-lesson-end][data-learning=done]")) lessonDone();

  // The connection is back: marks first, then every saved course is checked.
  window.addEventListener("online", function () {
    quizConnection();
    showPending();
    sync().then(function () { return refreshSaved(true); });
  });
  window.addEventListener("offline", function () { quizConnection(); showPending(); });

  window.lmsOffline = { queueMark: queueMark, sync: sync, refresh: refreshSaved };
  claimed.then(function () {
    quizConnection();
    renderLists();
    showPending();
    if (navigator.onLine) sync().then(function () { return refreshSaved(false); });
  });
})();
