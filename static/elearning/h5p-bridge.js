/* The H5P player inside the sandboxed package frame: h5p-standalone
 * (h5p/main.bundle.js) plays the unpacked .h5p from this frame's token
 * path, and every xAPI statement goes to the player page by postMessage.
 */
(function () {
  "use strict";
  var state = window.LMS_PACKAGE || {};
  var el = document.getElementById("h5p-container");
  if (!el || !window.H5PStandalone) return;
  var base = el.getAttribute("data-base");
  new window.H5PStandalone.H5P(el, {
    h5pJsonPath: base,
    frameJs: el.getAttribute("data-frame-js"),
    frameCss: el.getAttribute("data-frame-css"),
    embedType: "div",
    frame: false,
    copyright: false,
    export: false,
    icon: false,
    fullScreen: false
  });

  // H5P's core (frame.bundle.js) is loaded by the player while it starts;
  // listen as soon as its dispatcher exists, whatever else the start does.
  var tries = 0;
  var wait = setInterval(function () {
    tries += 1;
    if (window.H5P && window.H5P.externalDispatcher) {
      clearInterval(wait);
      window.H5P.externalDispatcher.on("xAPI", function (event) {
        if (!state.attempt) return;
        var statement = event && event.data && event.data.statement;
        if (!statement) return;
        window.parent.postMessage(
          { lms: "package", type: "xapi", statement: JSON.parse(JSON.stringify(statement)) },
          state.origin
        );
      });
    } else if (tries > 600) {
      clearInterval(wait);
    }
  }, 50);
})();
