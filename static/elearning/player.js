/* The package step's player on the site's own page (strict CSP).
 *
 * Listens only to messages from its own sandboxed frame, and sends what the
 * package reported to the server in order, one request at a time, with the
 * page's CSRF token. The server's answer (saved, completed, passed, not
 * passed) is shown in a live region; a completed step shows the way on.
 */
(function () {
  "use strict";
  var frame = document.querySelector("[data-package-frame]");
  if (!frame) return;
  var root = frame.closest("[data-player]");
  var status = root.querySelector("[data-package-status]");
  var csrf = root.querySelector("input[name=csrfmiddlewaretoken]");
  var urls = { commit: root.getAttribute("data-commit-url"), xapi: root.getAttribute("data-xapi-url") };
  var queue = [];
  var busy = false;
  var failures = 0;

  function show(result) {
    if (!result) return;
    root.setAttribute("data-state", result.step_done ? "done" : result.closed ? "closed" : "open");
    if (result.message) status.textContent = result.message;
    if (result.step_done) {
      document.querySelectorAll("[data-package-done], [data-next-link]").forEach(function (el) { el.hidden = false; });
      document.querySelectorAll("[data-package-retry]").forEach(function (el) { el.hidden = true; });
    } else if (result.closed) {
      document.querySelectorAll("[data-package-retry]").forEach(function (el) { el.hidden = false; });
    }
    if (result.attempt && result.attempt !== root.getAttribute("data-attempt")) {
      root.setAttribute("data-attempt", result.attempt);
      urls.commit = urls.commit.replace(/attempts\/[^/]+\//, "attempts/" + result.attempt + "/");
      urls.xapi = urls.xapi.replace(/attempts\/[^/]+\//, "attempts/" + result.attempt + "/");
    }
  }

  function pump() {
    if (busy || !queue.length) return;
    busy = true;
    var message = queue[0];
    var body = JSON.stringify(message.type === "xapi" ? { statement: message.statement } : message);
    fetch(message.type === "xapi" ? urls.xapi : urls.commit, {
      method: "POST",
      credentials: "same-origin",
      keepalive: body.length < 60000,
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf ? csrf.value : "" },
      body: body
    })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (reply) {
        queue.shift();
        failures = 0;
        if (reply.ok) show(reply.data);
        else if (reply.data && reply.data.message) status.textContent = reply.data.message;
      })
      .catch(function () {
        // Offline or the server was away: keep it and try again.
        failures += 1;
        status.textContent = root.getAttribute("data-offline-message");
      })
      .then(function () {
        busy = false;
        if (queue.length) setTimeout(pump, failures ? Math.min(30000, 1000 * failures) : 0);
      });
  }

  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.lms !== "package") return;
    if (data.type === "commit" && data.cmi && typeof data.seq === "number") {
      queue.push({ type: "commit", seq: data.seq, terminated: !!data.terminated, cmi: data.cmi });
    } else if (data.type === "xapi" && data.statement) {
      queue.push({ type: "xapi", statement: data.statement });
    } else {
      return;
    }
    pump();
  });
})();
