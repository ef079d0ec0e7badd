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
  // Questions left blank: say how many and ask before submitting. Without
  // JavaScript the server accepts the submission and says so on the result.
  var warning = document.getElementById("quiz-unanswered");
  var confirmed = false;
  function unanswered() {
    var blank = [];
    form.querySelectorAll("fieldset.question").forEach(function (set) {
      var choices = set.querySelectorAll("input[type=radio], input[type=checkbox]");
      var answered = false;
      if (choices.length) {
        choices.forEach(function (c) { if (c.checked) answered = true; });
      } else {
        set.querySelectorAll("input[type=text], textarea, select").forEach(function (t) {
          if (t.value.trim()) answered = true;
        });
      }
      if (!answered) blank.push(set);
    });
    return blank;
  }
  if (warning) {
    warning.querySelector("[data-confirm-submit]").addEventListener("click", function () {
      confirmed = true;
      if (form.requestSubmit) form.requestSubmit(); else form.submit();
    });
    warning.querySelector("[data-keep-answering]").addEventListener("click", function () {
      warning.hidden = true;
      var first = unanswered()[0];
      if (first) {
        first.scrollIntoView({ block: "center" });
        var input = first.querySelector("input, textarea");
        if (input) input.focus();
      }
    });
  }
  form.addEventListener("submit", function (event) {
    if (submitted) { event.preventDefault(); return; }
    var blank = warning && !confirmed ? unanswered() : [];
    if (blank.length) {
      event.preventDefault();
      var text = warning.getAttribute(blank.length === 1 ? "data-one" : "data-many");
      warning.querySelector("[data-count]").textContent = text.replace("{n}", blank.length);
      warning.hidden = false;
      warning.scrollIntoView({ block: "center" });
      warning.querySelector("[data-confirm-submit]").focus();
      return;
    }
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
