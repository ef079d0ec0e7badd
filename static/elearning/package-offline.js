/* A saved package step opened without a connection.
 *
 * The page (saved with its course) carries the package's stable offline
 * address. Offline, the usual player (or the start button) is replaced by a
 * frame on that address, with a note that nothing is recorded: the package's
 * results need the server. The frame has no sandbox attribute so the copy
 * saved with the course can answer it, and every file it is served with is
 * still sandboxed by its own Content-Security-Policy (no same-origin).
 * Back online, the page reloads to the usual player.
 */
(function () {
  "use strict";
  var box = document.querySelector("[data-package-offline]");
  if (!box) return;
  var shown = false;

  function goOffline() {
    if (shown || navigator.onLine) return;
    shown = true;
    document.querySelectorAll("[data-package-online]").forEach(function (el) { el.hidden = true; });
    var frame = document.createElement("iframe");
    frame.className = "package-frame";
    frame.title = box.getAttribute("data-title");
    frame.src = box.getAttribute("data-src");
    frame.setAttribute("allow", "fullscreen");
    frame.setAttribute("data-package-offline-frame", "");
    box.appendChild(frame);
    box.hidden = false;
  }

  window.addEventListener("offline", goOffline);
  window.addEventListener("online", function () { if (shown) location.reload(); });
  goOffline();
})();
