// Reloads a progress page every few seconds while its work is still running
// (<script src=".../reload.js" data-reload-after="3000">).
(function () {
  var script = document.currentScript;
  var after = parseInt((script && script.dataset.reloadAfter) || "3000", 10);
  setTimeout(function () { location.reload(); }, after);
})();
