/* The SCORM bridge of the launcher page: one SCO session around the framed site.

   Finds the LMS's API by ADL's discovery algorithm (parents, at most 500 hops, then the
   opener and its parents), every access guarded because a cross-origin window throws; it
   looks only for the version the manifest declares. Without an API the course still works
   and says its progress is not reported.

   Session: Initialize; read mode, entry, bookmark and suspend data; replace the course's
   stored keys by the LMS's (progress-data.js); open the bookmark. Then status, score, exit,
   bookmark and suspend data are set as they change, Commit once per recorded result
   (`cq:finished`) and when the page is hidden, and Finish on pagehide. Never Commit in
   pagehide: Chromium refuses the synchronous request an LMS's Commit makes while a page is
   dismissed (scorm-again#472, pipwerks/scorm-api-wrapper#45). Browse and review modes are
   read-only; an empty lesson_mode counts as normal (LiaScript-Exporter#36). */
(function () {
  "use strict";
  var L = window.CourseLMS, cfg = L.config;
  var V = {
    "1.2": { api: "API", init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish",
             mode: "cmi.core.lesson_mode", entry: "cmi.core.entry", location: "cmi.core.lesson_location",
             score: "cmi.core.score.", exit: "cmi.core.exit", time: "cmi.core.session_time", locationMax: 255,
             normalExit: "", wrong: "wrong", timeFormat: scorm12Time },
    "2004": { api: "API_1484_11", init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate",
              mode: "cmi.mode", entry: "cmi.entry", location: "cmi.location",
              score: "cmi.score.", exit: "cmi.exit", time: "cmi.session_time", locationMax: 1000,
              normalExit: "normal", wrong: "incorrect", timeFormat: scorm2004Time },
  }[cfg.scorm];
  var TYPES12 = { single: "choice", multiple: "choice", true_false: "true-false", text: "fill-in", order: "sequencing" };
  var api = null, started = Date.now(), finished = false, dirty = false, sent = {}, timer = null;
  var frame = document.getElementById("cq-lms-frame");

  /* ---- API discovery ---- */
  function look(win) {
    for (var hops = 0; win && hops < 500; hops++) {
      try { if (win[V.api]) return win[V.api]; } catch (e) { /* another origin */ }
      var up = null;
      try { up = win.parent; } catch (e) { return null; }
      if (!up || up === win) return null;
      win = up;
    }
    return null;
  }
  function discover() {
    var found = look(window);
    try { if (!found && window.opener) found = look(window.opener); } catch (e) { /* another origin */ }
    try { if (!found && window.top.opener) found = look(window.top.opener); } catch (e) { /* another origin */ }
    return found;
  }

  /* ---- calls, each guarded: an LMS that throws must not stop the course ---- */
  function call(name, a, b) {
    if (!api || finished) return "";
    try { return String(api[V[name]](a === undefined ? "" : a, b)); } catch (e) { return ""; }
  }
  function get(element) { return call("get", element); }
  function set(element, value) {
    value = String(value);
    if (sent[element] === value) return;
    if (call("set", element, value) === "true") { sent[element] = value; dirty = true; }
  }

  function scorm12Time(ms) {
    var s = Math.floor(ms / 1000), pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return pad(Math.min(9999, Math.floor(s / 3600))) + ":" + pad(Math.floor(s / 60) % 60) + ":" + pad(s % 60);
  }
  function scorm2004Time(ms) {
    var s = Math.floor(ms / 1000);
    return "PT" + Math.floor(s / 3600) + "H" + (Math.floor(s / 60) % 60) + "M" + (s % 60) + "S";
  }

  /* ---- what the LMS is told ---- */
  function update() {
    clearTimeout(timer);
    if (!api || finished || L.readOnly) return;
    var st = L.status(), failed = cfg.report === "passed-failed" && st.score != null && !st.passed;
    if (st.score != null) {
      set(V.score + "min", 0);
      set(V.score + "max", 100);
      set(V.score + "raw", st.score);
      if (cfg.scorm === "2004") set("cmi.score.scaled", st.score / 100);
    }
    if (cfg.scorm === "1.2") {
      set("cmi.core.lesson_status", st.passed ? "passed" : failed ? "failed" : "incomplete");
    } else {
      set("cmi.completion_status", st.complete ? "completed" : "incomplete");
      set("cmi.success_status", st.passed ? "passed" : failed ? "failed" : "unknown");
    }
    set(V.exit, st.complete ? V.normalExit : "suspend");
    set("cmi.suspend_data", L.encode(cfg.limit)[0]);
    var page = L.framePage(frame);
    if (page && page.length <= V.locationMax) set(V.location, page);
  }
  function later() { clearTimeout(timer); timer = setTimeout(update, 300); }
  function commit() {
    if (L.readOnly) return;
    update();
    set(V.time, V.timeFormat(Date.now() - started));
    if (dirty && call("commit") === "true") dirty = false;
  }

  /* The final assessment's answers, as interactions (write-only in 1.2: appended per attempt). */
  function interactions(done) {
    L.answers(cfg.final, function (list) {
      if (!api || finished || L.readOnly) { done(); return; }
      var n = parseInt(get("cmi.interactions._count"), 10) || 0;
      list.forEach(function (a, i) {
        var at = "cmi.interactions." + (n + i) + ".";
        set(at + "id", cfg.final + "-" + a.id);
        set(at + "type", cfg.scorm === "1.2" ? TYPES12[a.type] || "choice" : TYPES12[a.type] || "other");
        set(at + "weighting", a.points);
        set(at + "result", a.score >= 1 ? "correct" : a.score <= 0 ? V.wrong : String(Math.round(a.score * 100) / 100));
      });
      done();
    });
  }

  function onResult(event) {
    var quiz = event.detail && event.detail.quiz;
    if (quiz && quiz === cfg.final) interactions(commit);
    else commit();
  }

  function watchFrame() {
    update();
    try { frame.contentDocument.addEventListener("cq:finished", onResult); } catch (e) { /* another origin */ }
  }

  function start() {
    api = discover();
    if (!api || call("init") !== "true") {
      api = null;
      L.notice(cfg.strings.not_reported);
      frame.src = cfg.home;
      return;
    }
    var mode = get(V.mode);
    L.readOnly = mode === "browse" || mode === "review";
    if (L.readOnly) L.notice(cfg.strings.read_only);
    L.restore(L.decode(get("cmi.suspend_data")));
    var bookmark = get(V.entry) === "ab-initio" ? "" : get(V.location);
    frame.addEventListener("load", watchFrame);
    frame.src = L.safePage(bookmark) ? bookmark : cfg.home;
    if (!L.readOnly) {
      window.addEventListener("storage", function (event) {
        if (!event.key || event.key.indexOf(window.CourseProgress.prefix(cfg.course)) === 0) later();
      });
      update();
    }
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") commit();
    });
    window.addEventListener("pagehide", function () {
      if (finished) return;
      update();
      if (!L.readOnly) set(V.time, V.timeFormat(Date.now() - started));
      call("finish");
      finished = true;
    });
  }
  start();
})();
