/* The service worker, on Workbox (vendor/workbox.js, `make offline-vendor`).
 *
 * What it keeps: the site's CSS/JS/fonts/icons, the offline page, and the
 * courses a learner saved ("Save for offline", offline.js), in a cache named
 * after the account ("lms-saved-<key>"). Pages are never cached as they are
 * visited: a page is fetched from the network and, only when that fails, read
 * from the saved course or answered with the offline page. The admin, the
 * API, sign-in pages and quiz attempts are left to the network untouched;
 * writes (POST) never reach a cache (the Cache API stores GETs only).
 * Sign-out answers with Clear-Site-Data, which empties all of it.
 */
/* global workbox */
(function () {
  "use strict";
  var config = self.LMS_OFFLINE;
  var routing = workbox.routing;
  var strategies = workbox.strategies;
  var STATIC = "lms-static-v1";
  var SHELL = "lms-shell-v1";
  var META = "lms-meta";
  var USER_KEY_URL = "/__offline/user";
  // Never answered by the worker, whatever the method.
  var UNTOUCHED = /^\/(admin|django-admin|api|documents|elearning\/run|healthz|sw\.js)(\/|$)/;
  // Answered from the network only, never from a cache (a fallback page if offline).
  var ONLINE_ONLY = /^\/[a-z]{2}\/(accounts|quiz|privacy|offline\/(sync|course))\//;

  function savedCacheName(key) { return "lms-saved-" + key; }

  function currentUser() {
    return caches.open(META).then(function (cache) {
      return cache.match(USER_KEY_URL);
    }).then(function (response) { return response ? response.text() : ""; });
  }

  function language(url) {
    var match = /^\/([a-z]{2})\//.exec(new URL(url).pathname);
    var code = match && config.offline[match[1]] ? match[1] : "th";
    return config.offline[code];
  }

  function savedMatch(request) {
    return currentUser().then(function (key) {
      if (!key) return undefined;
      return caches.open(savedCacheName(key)).then(function (cache) {
        return cache.match(request, { ignoreVary: true });
      });
    });
  }

  function offlinePage(url) {
    return caches.open(SHELL).then(function (cache) {
      return cache.match(language(url));
    }).then(function (response) {
      return response || Response.error();
    });
  }

  self.addEventListener("install", function (event) {
    event.waitUntil(Promise.all([
      caches.open(SHELL).then(function (cache) {
        // Without cookies: the offline page must not carry anyone's name or token.
        return Promise.all(Object.keys(config.offline).map(function (code) {
          var url = config.offline[code];
          return fetch(new Request(url, { credentials: "omit" })).then(function (response) {
            if (response.ok) return cache.put(url, response);
          });
        }));
      }),
      caches.open(STATIC).then(function (cache) { return cache.addAll(config.precache); })
    ]).then(function () { return self.skipWaiting(); }));
  });

  self.addEventListener("activate", function (event) {
    event.waitUntil(self.clients.claim());
  });

  // Pages: the network (with a timeout, for a signal that comes and goes), then
  // the saved copy, then the offline page. A fresh copy of a saved page
  // replaces the saved one, so a changed lesson is never studied stale.
  var pages = new strategies.NetworkOnly({
    networkTimeoutSeconds: 10,
    plugins: [{
      fetchDidSucceed: function (args) {
        var response = args.response;
        var request = args.request;
        if (!response.ok || response.redirected) return response;
        return currentUser().then(function (key) {
          if (!key) return response;
          return caches.open(savedCacheName(key)).then(function (cache) {
            return cache.match(request, { ignoreVary: true }).then(function (old) {
              if (old) return cache.put(request, response.clone());
            });
          });
        }).then(function () { return response; }, function () { return response; });
      },
      handlerDidError: function (args) {
        return savedMatch(args.request).then(function (saved) {
          return saved || offlinePage(args.request.url);
        });
      }
    }]
  });

  routing.registerRoute(function (options) {
    var url = options.url;
    return options.request.mode === "navigate" && url.origin === self.location.origin &&
      !UNTOUCHED.test(url.pathname);
  }, function (options) {
    if (ONLINE_ONLY.test(options.url.pathname)) {
      return fetch(options.request).catch(function () { return offlinePage(options.request.url); });
    }
    return pages.handle(options);
  });

  // A saved package's frame (its stable "offline." address, listed by the
  // course's manifest): the network, else the copy saved with the course.
  // The files it loads come from the browser's cache (the frame's origin is
  // opaque, so the worker does not see them); they are kept for a year.
  var SAVED_PACKAGE = /^\/elearning\/run\/offline\./;
  routing.registerRoute(function (options) {
    return options.url.origin === self.location.origin && SAVED_PACKAGE.test(options.url.pathname);
  }, function (options) {
    return fetch(options.request).catch(function () {
      return savedMatch(options.request).then(function (saved) { return saved || Response.error(); });
    });
  });

  // The site's own CSS, JS, fonts and icons: from the cache, refreshed behind.
  routing.registerRoute(function (options) {
    return options.url.origin === self.location.origin && options.url.pathname.indexOf("/static/") === 0;
  }, new strategies.StaleWhileRevalidate({
    cacheName: STATIC,
    plugins: [
      new workbox.cacheableResponse.CacheableResponsePlugin({ statuses: [200] }),
      new workbox.expiration.ExpirationPlugin({ maxEntries: 80 })
    ]
  }));

  // Lesson images: a saved rendition first; offline, any saved rendition of the
  // same image (the phone may ask for another width of the srcset).
  function renditionStem(pathname) {
    return pathname.replace(/\.(width|fill|max|min)-[^/]*$/, "");
  }
  routing.registerRoute(function (options) {
    return options.url.origin === self.location.origin && options.url.pathname.indexOf("/media/images/") === 0;
  }, function (options) {
    var request = options.request;
    return savedMatch(request).then(function (saved) {
      if (saved) return saved;
      return fetch(request).catch(function () {
        return currentUser().then(function (key) {
          if (!key) return Response.error();
          return caches.open(savedCacheName(key)).then(function (cache) {
            return cache.keys().then(function (keys) {
              var stem = renditionStem(new URL(request.url).pathname);
              var other = keys.find(function (k) { return renditionStem(new URL(k.url).pathname) === stem; });
              return other ? cache.match(other) : Response.error();
            });
          });
        });
      });
    });
  });
})();
