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
// "Copy" buttons: put the link on the clipboard and say so.
document.querySelectorAll("[data-copy]").forEach(function (button) {
  button.addEventListener("click", function () {
    var done = function () { button.textContent = button.dataset.copiedText || "✓"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(button.dataset.copy).then(done, function () {});
    } else {
      var input = button.parentNode.querySelector("input");
      if (input) { input.select(); try { document.execCommand("copy"); done(); } catch (e) {} }
    }
  });
});
