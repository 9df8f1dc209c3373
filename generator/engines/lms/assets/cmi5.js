/* The cmi5 AU of the launcher page (cmi5 Quartz, section 10: the AU's obligations), through
   npm's @xapi/cmi5 (window.Cmi5, vendor/cmi5.min.js): launch parameters from the URL, the
   fetch token, LMS.LaunchData, and the cmi5-defined statements. "launched" is the LMS's.

   initialized on start; passed (once a registration) or failed (once a session) when the
   final assessment is scored, with the score scaled 0-1 and the LMS's mastery score;
   completed (once a registration) when the course is complete by its completion rule;
   terminated on pagehide. Statements go one after another, in that order. Browse and Review
   launches send initialized and terminated only. The learner's progress is a State API
   document (this AU, this registration), written as it changes and when the page is hidden,
   so another device resumes; without launch parameters the course works and says its
   progress is not reported. */
(function () {
  "use strict";
  var L = window.CourseLMS, cfg = L.config, frame = document.getElementById("cq-lms-frame");
  var STATE_ID = "coursegen-progress";
  var cmi5 = null, documents = Promise.resolve(), state = { passed: false, completed: false }, failedNow = false;
  var timer = null, ended = false, lastSaved = "";

  function standalone() {
    L.notice(cfg.strings.not_reported);
    frame.src = cfg.home;
  }

  /* One statement at a time, in order; a failed one does not stop the next. When the page
     goes away, whatever still waits is sent at once, in order, then terminated. State
     documents go one at a time too, in their own line. */
  function warn(e) { if (window.console) console.warn(e); }
  var waiting = [], busy = false;
  function next() {
    if (busy || !waiting.length) return;
    busy = true;
    Promise.resolve().then(waiting.shift()).catch(warn).then(function () { busy = false; next(); });
  }
  function send(make) { waiting.push(make); next(); }
  function flush() { while (waiting.length) Promise.resolve().then(waiting.shift()).catch(warn); }
  function put(make) { documents = documents.then(function () { return make(); }).catch(warn); }

  /* Statements travel by fetch with keepalive instead of the library's XMLHttpRequest: a
     request made while the page is being dismissed (terminated, on pagehide) outlives the
     page only that way. The library still builds every statement; this replaces only the
     XAPI object's sendStatement (the library's own Basic token, xAPI 1.0.3 headers). */
  function keepalive(params) {
    var endpoint = cmi5.getLaunchParameters().endpoint.replace(/\/?$/, "/");
    return fetch(endpoint + "statements", {
      method: "POST", keepalive: true, credentials: "omit", body: JSON.stringify(params.statement),
      headers: { "Authorization": "Basic " + cmi5.getAuthToken(), "Content-Type": "application/json",
                 "X-Experience-API-Version": "1.0.3" },
    }).then(function (r) {
      if (!r.ok) throw new Error("the LRS answered " + r.status);
      return r.json().then(function (data) { return { data: data }; });
    });
  }

  function stateParams() {
    var p = cmi5.getLaunchParameters();
    return { agent: p.actor, activityId: p.activityId, stateId: STATE_ID, registration: p.registration };
  }
  function saveState() {
    clearTimeout(timer);
    if (!cmi5 || L.readOnly || ended) return;
    state.progress = L.encode(cfg.limit)[0];
    state.page = L.framePage(frame) || state.page || "";
    var text = JSON.stringify(state);
    if (text === lastSaved) return;
    lastSaved = text;
    var params = stateParams();
    params.state = JSON.parse(text);
    put(function () { return cmi5.xapi.setState(params); });
  }
  function later() { clearTimeout(timer); timer = setTimeout(saveState, 500); }

  /* passed / failed / completed from the course's state, each at most as often as cmi5 allows. */
  function report(finalScored) {
    if (L.readOnly) return;
    var st = L.status(), mastery = cmi5.getLaunchData().masteryScore;
    if (finalScored && st.score != null && !state.passed) {
      var score = { scaled: st.score / 100, raw: st.score, min: 0, max: 100 };
      var passes = mastery == null ? st.passed : score.scaled >= mastery;
      if (passes) {
        state.passed = true;
        send(function () { return cmi5.pass(score); });
      } else if (!failedNow) {
        failedNow = true;
        send(function () { return cmi5.fail(score); });
      }
    }
    if (st.complete && !state.completed) {
      state.completed = true;
      send(function () { return cmi5.complete(); });
    }
    saveState();
  }

  function onResult(event) {
    var quiz = event.detail && event.detail.quiz;
    report(!!quiz && quiz === cfg.final);
  }

  function begin(saved) {
    if (saved && typeof saved === "object") {
      state.passed = !!saved.passed;
      state.completed = !!saved.completed;
      state.page = saved.page;
    }
    L.restore(L.decode(saved && saved.progress));
    lastSaved = JSON.stringify(saved || {});
    frame.addEventListener("load", function () {
      try { frame.contentDocument.addEventListener("cq:finished", onResult); } catch (e) { /* another origin */ }
      later();
    });
    frame.src = L.safePage(state.page) ? state.page : cfg.home;
    if (!L.readOnly) {
      window.addEventListener("storage", function (event) {
        if (!event.key || event.key.indexOf(window.CourseProgress.prefix(cfg.course)) === 0) { report(false); }
      });
    }
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") saveState(); });
    window.addEventListener("pagehide", function () {
      if (ended) return;
      saveState();
      ended = true;
      flush();
      cmi5.terminate().catch(warn);
    });
  }

  function start() {
    var Cmi5 = window.Cmi5;
    if (!Cmi5 || !Cmi5.isCmiAvailable) { standalone(); return; }
    try { cmi5 = new Cmi5(); } catch (e) { standalone(); return; }
    cmi5.initialize().then(function () {
      cmi5.xapi.sendStatement = keepalive;
      L.readOnly = cmi5.getLaunchData().launchMode !== "Normal";
      if (L.readOnly) L.notice(cfg.strings.read_only);
      return cmi5.xapi.getState(stateParams()).then(function (r) { return r.data; }, function () { return null; });
    }).then(begin, function (e) {
      if (window.console) console.warn(e);
      cmi5 = null;
      standalone();
    });
  }
  start();
})();
