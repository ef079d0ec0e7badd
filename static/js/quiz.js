// The take page: saves answers on the server as they are given (so they count
// if time runs out or the phone drops the connection), shows the time left and
// submits the attempt when it runs out. The server enforces the limit.
(function () {
  var form = document.getElementById("quiz-form");
  if (!form) return;
  var status = form.querySelector("[data-save-status]");
  var saveUrl = form.getAttribute("data-save-url");
  var timer = null;
  var submitted = false;

  function save() {
    if (!saveUrl || submitted || !window.fetch) return;
    fetch(saveUrl, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (status && data && data.saved) status.textContent = form.getAttribute("data-saved-text") || "✓";
      })
      .catch(function () {});
  }
  function later() { clearTimeout(timer); timer = setTimeout(save, 800); }
  form.addEventListener("change", save);
  form.addEventListener("input", later);
  form.addEventListener("submit", function (event) {
    if (submitted) { event.preventDefault(); return; }
    submitted = true;
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
  });

  var box = document.querySelector("[data-deadline]");
  if (!box) return;
  var deadline = new Date(box.getAttribute("data-deadline")).getTime();
  var out = box.querySelector("[data-timer]");
  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    out.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
    if (left <= 0) { if (!submitted) { submitted = true; form.submit(); } return; }
    setTimeout(tick, 1000);
  }
  tick();
})();
