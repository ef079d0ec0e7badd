// "Share" buttons on My certificates: the phone's share sheet, else copy the link.
document.querySelectorAll("[data-share]").forEach(function (button) {
  button.addEventListener("click", function () {
    var url = button.dataset.share;
    if (navigator.share) {
      navigator.share({ title: button.dataset.title, url: url }).catch(function () {});
      return;
    }
    if (navigator.clipboard) {
      navigator.clipboard.writeText(url).then(function () { button.textContent = "✓"; });
    }
  });
});
document.querySelectorAll("input[data-select-on-focus]").forEach(function (input) {
  input.addEventListener("focus", function () { input.select(); });
  input.addEventListener("click", function () { input.select(); });
});
