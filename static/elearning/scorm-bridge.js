/* The SCORM runtime inside the sandboxed package frame.
 *
 * scorm-again (vendor/scorm12.min.js or scorm2004.min.js, loaded just
 * before) provides the API the package calls synchronously, started from
 * the learner's saved state (window.LMS_PACKAGE, from __lms__/state.js).
 * Every LMSCommit/Commit and LMSFinish/Terminate posts the data model to
 * the player page, which stores it on the server. This frame has an opaque
 * origin: it has no cookies and cannot call the site itself.
 */
(function () {
  "use strict";
  var state = window.LMS_PACKAGE;
  if (!state) return;
  var is12 = state.kind === "scorm12";
  var Api = is12 ? window.Scorm12API : window.Scorm2004API;
  if (!Api) return;
  var api = new Api({
    autocommit: true,
    autocommitSeconds: 15,
    lmsCommitUrl: false,
    logLevel: 5,
    mastery_override: true,
    alwaysSendTotalTime: true
  });
  if (state.cmi) api.loadFromJSON(state.cmi, "");
  var seq = state.seq || 0;
  var finished = false;

  function send(terminated) {
    if (!state.attempt || finished) return;
    seq += 1;
    var data = api.renderCMIToJSONObject();
    var cmi = data && data.cmi ? data.cmi : data;
    window.parent.postMessage(
      { lms: "package", type: "commit", seq: seq, terminated: !!terminated, cmi: cmi },
      state.origin
    );
    if (terminated) finished = true;
  }

  api.on(is12 ? "LMSCommit" : "Commit", function () { send(false); });
  api.on(is12 ? "LMSFinish" : "Terminate", function () { send(true); });
  // A package closed without committing: keep what it set.
  window.addEventListener("pagehide", function () { send(false); });

  if (is12) window.API = api;
  else window.API_1484_11 = api;
})();
