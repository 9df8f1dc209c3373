/* The course's stored progress as one string for the LMS (SCORM suspend_data, the cmi5
   State API) and back, and the status an LMS needs. Runs in the launcher, after the site's
   own scripts: it reads progress through window.CourseProgress (progress/core.js), whose
   storage format is the README's "Learner progress".

   The LMS is the source of truth: on launch the course's keys in this browser are replaced
   by what the LMS holds (`restore`), because content served from the LMS's origin shares
   localStorage between every learner of this browser.

   `encode(limit)` fits the progress into `limit` characters, losing the least first:
     level 0  every key as stored;
     level 1  without the learner's writing (written answers, reflections: issue 23), which
              can be long and decides nothing an LMS records; then also without per-question
              history (a record's `questions`, its last attempt's `answers`), unfinished
              attempts and mistake-review retries;
     level 2  best results only, compact: {quiz: [percent, passed, day, attempts]}, read
              lessons, the learner's name; if even that is too long (hundreds of quizzes in
              SCORM 1.2's 4,096), whole entries go, the final assessment's last. */
(function () {
  "use strict";
  var L = (window.CourseLMS = window.CourseLMS || {});
  var CP = window.CourseProgress;
  var FORMAT = "cq-lms", READ = "read:", LEARNER = "learner", ATTEMPT = ":attempt", WRITING = /^(written:|reflect:|reflect-share$)/;
  L.config = JSON.parse(document.getElementById("cq-lms-config").textContent);

  function prefix() { return CP.prefix(L.config.course); }
  function local(method, key, value) {
    try { return window.localStorage[method](key, value); } catch (e) { return null; }
  }
  function copy(value) { return JSON.parse(JSON.stringify(value)); }
  function isRecord(value) { return value && typeof value === "object" && value.v === 1; }

  /* {key without the course prefix: stored value} for every key of this course. Read from
     localStorage itself: the launcher never writes through CourseKit.store, whose memory
     copy would hide the frame's later writes. */
  L.snapshot = function () {
    var p = prefix(), out = {};
    CP.keys(p).forEach(function (key) {
      var text = local("getItem", key);
      if (text == null) return;
      try { out[key.slice(p.length)] = JSON.parse(text); } catch (e) { /* not ours */ }
    });
    return out;
  };

  function withoutWriting(all) {
    var out = {};
    Object.keys(all).forEach(function (k) { if (!WRITING.test(k)) out[k] = all[k]; });
    return out;
  }

  function withoutHistory(all) {
    var out = {};
    Object.keys(withoutWriting(all)).forEach(function (k) {
      var value = all[k];
      if (k === LEARNER || k.indexOf(READ) === 0) { out[k] = value; return; }
      if (k.slice(-ATTEMPT.length) === ATTEMPT || k.slice(-CP.REVIEW.length) === CP.REVIEW || !isRecord(value)) return;
      value = copy(value);
      delete value.questions;
      if (value.last) delete value.last.answers;
      out[k] = value;
    });
    return out;
  }

  function compact(all) {
    var best = {}, read = [], name = typeof all[LEARNER] === "string" ? all[LEARNER].slice(0, 100) : "";
    Object.keys(all).forEach(function (k) {
      var value = all[k];
      if (k.indexOf(READ) === 0) read.push(k.slice(READ.length));
      else if (k.indexOf(":") < 0 && k.slice(-CP.REVIEW.length) !== CP.REVIEW && isRecord(value) && value.best) {
        best[k] = [value.best.percent, value.best.passed ? 1 : 0, String(value.best.date || "").slice(0, 10), value.attempts || 1];
      }
    });
    return { b: best, r: read, n: name };
  }

  /* The smallest loss that fits: [text, level]. */
  L.encode = function (limit) {
    var all = L.snapshot(), text;
    text = JSON.stringify({ f: FORMAT, v: 1, s: all });
    if (text.length <= limit) return [text, 0];
    text = JSON.stringify({ f: FORMAT, v: 1, s: withoutWriting(all) });
    if (text.length <= limit) return [text, 1];
    text = JSON.stringify({ f: FORMAT, v: 1, s: withoutHistory(all) });
    if (text.length <= limit) return [text, 1];
    var c = compact(all), quizzes = Object.keys(c.b).filter(function (q) { return q !== L.config.final; });
    for (;;) {
      text = JSON.stringify({ f: FORMAT, v: 1, c: c });
      if (text.length <= limit) return [text, 2];
      if (c.r.length) c.r.pop();
      else if (quizzes.length) delete c.b[quizzes.pop()];
      else if (c.n) c.n = "";
      else return [JSON.stringify({ f: FORMAT, v: 1, s: {} }), 2];
    }
  };

  /* Stored keys from a string `encode` made ({} for an empty or foreign one). */
  L.decode = function (text) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return {}; }
    if (!data || data.f !== FORMAT || data.v !== 1) return {};
    if (data.s && typeof data.s === "object") return data.s;
    var out = {}, c = data.c || {};
    Object.keys(c.b || {}).forEach(function (quiz) {
      var b = c.b[quiz];
      out[quiz] = { v: 1, attempts: b[3] || 1, best: { percent: b[0], passed: !!b[1], date: b[2] }, questions: {} };
    });
    /* the compact form keeps which lessons were read, not when: they come back dated today */
    (c.r || []).forEach(function (lesson) { out[READ + lesson] = new Date().toISOString().slice(0, 10); });
    if (c.n) out[LEARNER] = c.n;
    return out;
  };

  /* Replace this course's keys in the browser by `keys` (decode's result). */
  L.restore = function (keys) {
    var p = prefix();
    CP.keys(p).forEach(function (key) { local("removeItem", key); });
    Object.keys(keys).forEach(function (k) { local("setItem", p + k, JSON.stringify(keys[k])); });
  };

  /* What the LMS is told: the final's best score (percent, or null before any attempt),
     whether it passed, and whether the course is complete by its completion rule (every
     lesson done, and the final passed when there is one). */
  L.status = function () {
    var map = CP.map(), final = L.config.final;
    var rec = final ? CP.record(map.course, final) : null, best = rec && rec.best;
    var lessons = map.lessons.every(function (l) { return CP.lessonStatus(map, l[0], l[1]).state === "done"; });
    return { score: best && typeof best.percent === "number" ? best.percent : null, passed: !!(best && best.passed),
             complete: lessons && (!final || !!(best && best.passed)) };
  };

  /* The last attempt's answers of a quiz: [{id, type, points, score}] (types from the quiz's
     review data, loaded on demand); `then(list)` is called once. */
  L.answers = function (quiz, then) {
    function list() {
      var rec = CP.record(L.config.course, quiz), review = CP.review(quiz), table = review && review.answers;
      var answers = (rec && rec.last && rec.last.answers) || {};
      return Object.keys(answers).map(function (qid) {
        var row = table && table[qid];
        return { id: qid, type: row ? row[0] : "", points: row ? row[1] : 1, score: answers[qid].score };
      });
    }
    if (!CP.loadReviews([quiz], function () { then(list()); })) then(list());
  };

  /* The launcher's notice line (hidden while empty). */
  L.notice = function (text) {
    var el = document.getElementById("cq-lms-status");
    el.textContent = text || "";
    el.hidden = !text;
  };

  /* A page of the package (relative to the launcher) the frame may open: no scheme, no "..". */
  L.safePage = function (path) {
    return typeof path === "string" && /^[\w\-.\/]+\.html(#[\w\-.]*)?$/.test(path) && path.indexOf("..") < 0 &&
           path.charAt(0) !== "/" && path !== L.config.launcher;
  };

  /* The frame's page relative to the launcher's folder, or null (another origin, not ours). */
  L.framePage = function (frame) {
    var base = new URL(".", window.location.href).href, href;
    try { href = frame.contentWindow.location.href; } catch (e) { return null; }
    if (!href || href.indexOf(base) !== 0) return null;
    var path = href.slice(base.length).replace(/[?#].*$/, "");
    if (path === "") path = L.config.home;
    return L.safePage(path) ? path : null;
  };
})();
