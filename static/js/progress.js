// Marks a lesson complete once the reader reaches its end, then shows the
// "Next step" link. The end must be in view after a short stay on the page
// (data-min-seconds), so a short lesson is not "read" the instant it opens.
// Without JS (or IntersectionObserver) the form's button does the same with
// a normal POST.
(function () {
  var end = document.querySelector("[data-lesson-end]");
  var form = end && end.querySelector("form[data-complete-form]");
  if (!form || !("IntersectionObserver" in window) || !window.fetch) return;
  var minMs = 1000 * (parseFloat(end.getAttribute("data-min-seconds")) || 0);
  var openedAt = Date.now();
  var visible = false;
  var sending = false;
  var timer = null;

  function done() {
    form.hidden = true;
    document.dispatchEvent(new CustomEvent("lms:lesson-done"));
    end.setAttribute("data-learning", "done");
    end.querySelectorAll("[data-complete-done], [data-next-link]").forEach(function (el) { el.hidden = false; });
  }

  function send() {
    timer = null;
    if (sending || !visible) return;
    var wait = minMs - (Date.now() - openedAt);
    if (wait > 0) { timer = setTimeout(send, wait); return; }
    sending = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form), // carries csrfmiddlewaretoken
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      // A refusal (not enrolled, locked) will not change by scrolling: stop
      // and leave the button, whose normal POST shows the reason.
      observer.disconnect();
      if (!response.ok) return;
      return response.json().then(function (data) {
        done();
        // The last step finished the course: offer the completion screen.
        var link = end.querySelector("[data-done-link]");
        if (data && data.done_url && link) {
          link.querySelector("a").href = data.done_url;
          link.hidden = false;
          end.querySelectorAll("[data-next-link]").forEach(function (el) { el.hidden = true; });
        }
      });
    }).catch(function () {
      // Offline: the mark waits on the phone (offline/offline.js) until the
      // connection returns; without it, try again on the next scroll.
      if (!navigator.onLine && window.lmsOffline) {
        observer.disconnect();
        window.lmsOffline.queueMark(form).then(done, function () { sending = false; });
      } else {
        sending = false;
      }
    });
  }

  var observer = new IntersectionObserver(function (entries) {
    visible = entries.some(function (e) { return e.isIntersecting; });
    if (visible && !timer) send();
  }, { threshold: 0.5 });
  observer.observe(end);
})();
