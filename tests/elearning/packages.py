"""Real, minimal e-learning packages built in code for the tests.

``scorm12_zip`` and ``scorm2004_zip`` build a SCORM package with a mastery
score and a two-question quiz in plain HTML and JavaScript that talks to the
SCORM API the way exported courses do: it finds ``API`` / ``API_1484_11``,
resumes from ``lesson_location``/``location`` and ``suspend_data``, saves
each answer with a commit, and reports score, status and finish. ``h5p_zip``
builds an .h5p with its own tiny H5P library that sends xAPI statements
through H5P's core. The ``bad_*`` builders make the malicious archives.
"""

import io
import json
import stat
import zipfile

QUIZ_HTML = """<!doctype html>
<html lang="th"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body{{font-family:sans-serif;margin:12px}} .card{{border:1px solid #ccc;padding:10px;border-radius:8px}}
button{{font-size:16px;padding:8px 14px;margin-top:8px}} label{{display:block;padding:6px 0}}</style>
</head><body>
<h1>{title}</h1>
<p id="welcome" hidden>ยินดีต้อนรับกลับ</p>
<section id="intro" class="card"><p>บทเรียนสั้น: ข่าวปลอมมักเร่งให้รีบแชร์</p>
<button id="next" type="button">ต่อไป</button></section>
<section id="question" class="card" hidden>
<fieldset><legend>ข้อ 1: ข่าวที่บอกว่า "แชร์ด่วน!" น่าสงสัยไหม</legend>
<label><input type="radio" name="q1" value="a"> น่าสงสัย</label>
<label><input type="radio" name="q1" value="b"> ไม่น่าสงสัย</label></fieldset>
<fieldset><legend>ข้อ 2: ตรวจข่าวได้ที่ไหน</legend>
<label><input type="radio" name="q2" value="a"> ศูนย์ต่อต้านข่าวปลอม</label>
<label><input type="radio" name="q2" value="b"> กลุ่มไลน์ครอบครัว</label></fieldset>
<button id="submit" type="button">ส่งคำตอบ</button></section>
<p id="result" role="status"></p>
<script src="quiz.js"></script>
</body></html>
"""

QUIZ_JS = """(function () {
  var v12 = %(v12)s;
  function find(win) {
    for (var i = 0; win && i < 10; i++) {
      if (v12 && win.API) return win.API;
      if (!v12 && win.API_1484_11) return win.API_1484_11;
      if (win.parent === win) break;
      try { win = win.parent; } catch (e) { break; }
    }
    return null;
  }
  var api = find(window);
  var K = v12
    ? { init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish",
        location: "cmi.core.lesson_location", entry: "cmi.core.entry", exit: "cmi.core.exit", raw: "cmi.core.score.raw" }
    : { init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate",
        location: "cmi.location", entry: "cmi.entry", exit: "cmi.exit", raw: "cmi.score.raw" };
  function call(name, a, b) { return api ? api[K[name]].apply(api, b === undefined ? (a === undefined ? [""] : [a]) : [a, b]) : ""; }
  var $ = function (id) { return document.getElementById(id); };
  call("init");
  if (call("get", K.entry) === "resume") $("welcome").hidden = false;
  var saved = {};
  String(call("get", "cmi.suspend_data") || "").split(";").forEach(function (pair) {
    var kv = pair.split("="); if (kv[0]) saved[kv[0]] = kv[1];
  });
  function show(where) {
    $("intro").hidden = where !== "intro";
    $("question").hidden = where !== "question";
  }
  function save() {
    var parts = [];
    ["q1", "q2"].forEach(function (q) {
      var el = document.querySelector("input[name=" + q + "]:checked");
      if (el) parts.push(q + "=" + el.value);
    });
    call("set", "cmi.suspend_data", parts.join(";"));
    call("set", K.exit, "suspend");
    call("commit");
  }
  var where = call("get", K.location) || "intro";
  show(where);
  Object.keys(saved).forEach(function (q) {
    var el = document.querySelector("input[name=" + q + "][value=" + saved[q] + "]");
    if (el) el.checked = true;
  });
  if (v12) { if (call("get", "cmi.core.lesson_status") === "not attempted") call("set", "cmi.core.lesson_status", "incomplete"); }
  else call("set", "cmi.completion_status", "incomplete");
  $("next").addEventListener("click", function () { call("set", K.location, "question"); show("question"); save(); });
  document.querySelectorAll("input[type=radio]").forEach(function (el) { el.addEventListener("change", save); });
  $("submit").addEventListener("click", function () {
    var right = 0;
    var q1 = document.querySelector("input[name=q1]:checked");
    var q2 = document.querySelector("input[name=q2]:checked");
    if (q1 && q1.value === "a") right += 1;
    if (q2 && q2.value === "a") right += 1;
    var score = right * 50;
    call("set", K.raw, String(score));
    call("set", v12 ? "cmi.core.score.min" : "cmi.score.min", "0");
    call("set", v12 ? "cmi.core.score.max" : "cmi.score.max", "100");
    if (v12) {
      var mastery = parseFloat(call("get", "cmi.student_data.mastery_score") || "0");
      call("set", "cmi.core.lesson_status", score >= mastery ? "passed" : "failed");
      call("set", "cmi.core.session_time", "00:02:30");
    } else {
      var pass = parseFloat(call("get", "cmi.scaled_passing_score") || "0");
      call("set", "cmi.score.scaled", String(score / 100));
      call("set", "cmi.completion_status", "completed");
      call("set", "cmi.success_status", score / 100 >= pass ? "passed" : "failed");
      call("set", "cmi.session_time", "PT2M30S");
    }
    call("set", K.exit, "");
    call("commit");
    call("finish");
    $("question").hidden = true;
    $("result").textContent = "คะแนน " + score + "%%";
  });
})();
"""

MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="lms-test-12" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org1">
    <organization identifier="org1">
      <title>{title}</title>
      <item identifier="item1" identifierref="res1">
        <title>{title}</title>
        <adlcp:masteryscore>{mastery}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="{launch}">
      <file href="{launch}"/><file href="quiz.js"/>
    </resource>
  </resources>
</manifest>
"""

MANIFEST_2004 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="lms-test-2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 {edition} Edition</schemaversion></metadata>
  <organizations default="org1">
    <organization identifier="org1">
      <title>{title}</title>
      <item identifier="item1" identifierref="res1">
        <title>{title}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="pass" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>{scaled}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormType="sco" xml:base="content/" href="{launch}">
      <file href="{launch}"/><file href="quiz.js"/>
    </resource>
  </resources>
</manifest>
"""


def _zip(files: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(
                name, content.encode() if isinstance(content, str) else content
            )
    return buffer.getvalue()


def scorm12_files(
    *, title: str = "รู้ทันข่าวปลอม (SCORM 1.2)", mastery: int = 80
) -> dict[str, str]:
    return {
        "imsmanifest.xml": MANIFEST_12.format(
            title=title, mastery=mastery, launch="index.html"
        ),
        "index.html": QUIZ_HTML.format(title=title),
        "quiz.js": QUIZ_JS % {"v12": "true"},
    }


def scorm12_zip(**kwargs) -> bytes:
    return _zip(scorm12_files(**kwargs))


def scorm2004_zip(
    *, title: str = "รู้ทันข่าวปลอม (SCORM 2004)", mastery: int = 80, edition: str = "4th"
) -> bytes:
    return _zip(
        {
            "imsmanifest.xml": MANIFEST_2004.format(
                title=title, scaled=mastery / 100, launch="index.html", edition=edition
            ),
            "content/index.html": QUIZ_HTML.format(title=title),
            "content/quiz.js": QUIZ_JS % {"v12": "false"},
        }
    )


H5P_LIBRARY_JS = """var H5P = H5P || {};
H5P.LmsTinyQuiz = (function () {
  function TinyQuiz(params, contentId) {
    H5P.EventDispatcher.call(this);
    this.params = params || {};
    this.contentId = contentId;
  }
  TinyQuiz.prototype = Object.create(H5P.EventDispatcher.prototype);
  TinyQuiz.prototype.constructor = TinyQuiz;
  TinyQuiz.prototype.attach = function ($container) {
    var self = this;
    var root = document.createElement("div");
    root.className = "lms-tiny-quiz";
    var question = document.createElement("p");
    question.textContent = self.params.question;
    root.appendChild(question);
    var result = document.createElement("p");
    result.setAttribute("role", "status");
    (self.params.answers || []).forEach(function (answer) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = answer.text;
      button.addEventListener("click", function () {
        var score = answer.correct ? 1 : 0;
        self.triggerXAPIScored(score, 1, "answered", true, score === 1);
        result.textContent = score ? "ถูกต้อง" : "ยังไม่ถูก";
      });
      root.appendChild(button);
    });
    root.appendChild(result);
    $container.get(0).appendChild(root);
  };
  return TinyQuiz;
})();
"""


def h5p_zip(*, title: str = "รู้ทันข่าวปลอม (H5P)") -> bytes:
    library = {
        "title": "LMS tiny quiz",
        "machineName": "H5P.LmsTinyQuiz",
        "majorVersion": 1,
        "minorVersion": 0,
        "patchVersion": 0,
        "runnable": 1,
        "embedTypes": ["iframe"],
        "preloadedJs": [{"path": "tinyquiz.js"}],
    }
    meta = {
        "title": title,
        "language": "th",
        "mainLibrary": "H5P.LmsTinyQuiz",
        "embedTypes": ["iframe"],
        "license": "U",
        "preloadedDependencies": [
            {"machineName": "H5P.LmsTinyQuiz", "majorVersion": "1", "minorVersion": "0"}
        ],
    }
    content = {
        "question": "ข่าวที่บอกว่า แชร์ด่วน! น่าสงสัยไหม",
        "answers": [
            {"text": "น่าสงสัย", "correct": True},
            {"text": "ไม่น่าสงสัย", "correct": False},
        ],
    }
    return _zip(
        {
            "h5p.json": json.dumps(meta, ensure_ascii=False),
            "content/content.json": json.dumps(content, ensure_ascii=False),
            "H5P.LmsTinyQuiz-1.0/library.json": json.dumps(library),
            "H5P.LmsTinyQuiz-1.0/tinyquiz.js": H5P_LIBRARY_JS,
        }
    )


# --- Malicious and broken archives -----------------------------------------------


def bad_zip_slip() -> bytes:
    files = scorm12_files()
    files["../../evil.html"] = "<script>alert(1)</script>"
    return _zip(files)


def bad_absolute() -> bytes:
    files = scorm12_files()
    files["/etc/evil.txt"] = "x"
    return _zip(files)


def bad_symlink() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in scorm12_files().items():
            archive.writestr(name, content)
        link = zipfile.ZipInfo("secrets")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    return buffer.getvalue()


def bad_bomb(size: int = 50 * 1024 * 1024) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in scorm12_files().items():
            archive.writestr(name, content)
        with archive.open("zeros.bin", "w", force_zip64=True) as handle:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                handle.write(chunk)
    return buffer.getvalue()


def bad_no_manifest() -> bytes:
    files = scorm12_files()
    del files["imsmanifest.xml"]
    return _zip(files)


def bad_manifest_xml() -> bytes:
    files = scorm12_files()
    files["imsmanifest.xml"] = (
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><manifest>&x;</manifest>'
    )
    return _zip(files)


def bad_launch_missing() -> bytes:
    files = scorm12_files()
    del files["index.html"]
    return _zip(files)


def bad_two_scos() -> bytes:
    """A course exported as two SCOs: a step plays one, so it is refused."""
    files = scorm12_files()
    files["imsmanifest.xml"] = (
        files["imsmanifest.xml"]
        .replace(
            "</organization>",
            '<item identifier="item2" identifierref="res2"><title>2</title></item>'
            "</organization>",
        )
        .replace(
            "</resources>",
            '<resource identifier="res2" type="webcontent" adlcp:scormtype="sco" '
            'href="index.html"><file href="index.html"/></resource></resources>',
        )
    )
    return _zip(files)
