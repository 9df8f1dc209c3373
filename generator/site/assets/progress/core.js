/* Learner progress: reads what the quiz runtime records in localStorage and shows where
   the learner stands (lesson pages, home page, navigation). No network, no framework.
   Storage format (shared with the quiz runtime, see README "Learner progress"):
     coursegen:v1:<course>:<quiz>          {"v":1,"attempts":N,"best":{percent,passed,date},"last":{...},"questions":{qid:{value,score,date}}}
     coursegen:v1:<course>:read:<lesson>   "<ISO date>"
     coursegen:v1:<course>:learner         "<name>"                                              */
(function () {
  "use strict";
  var CP = (window.CourseProgress = window.CourseProgress || {});
  var K = window.CourseKit, store = K.store;  /* ../shared.js, loaded with the quiz runtime (quiz.js) */

  /* Every key under a prefix in localStorage, plus the `known` keys that hold a value
     (CourseKit.store keeps them in memory when the browser blocks storage). */
  CP.keys = function (prefix, known) {
    var found = {};
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var k = window.localStorage.key(i);
        if (k && k.indexOf(prefix) === 0) found[k] = true;
      }
    } catch (e) { /* blocked */ }
    (known || []).forEach(function (k) { if (store.get(k) != null) found[k] = true; });
    return Object.keys(found).sort();
  };

  CP.prefix = function (course) { return "coursegen:v1:" + course + ":"; };

  /* A quiz's record, or null when absent or in a format version this code does not know. */
  CP.record = function (course, quiz) {
    if (!quiz) return null;
    var rec = store.get(CP.prefix(course) + quiz);
    return rec && typeof rec === "object" && rec.v === 1 ? rec : null;
  };
  CP.readDate = function (course, lesson) {
    var value = store.get(CP.prefix(course) + "read:" + lesson);
    return typeof value === "string" && value ? value : null;
  };
  CP.learner = function (course) {
    var value = store.get(CP.prefix(course) + "learner");
    return typeof value === "string" ? value : "";
  };

  /* One lesson's state: "done", "progress" or "none", with its best score if it has a quiz. */
  CP.lessonStatus = function (map, lessonId, quizId) {
    var rec = CP.record(map.course, quizId), read = CP.readDate(map.course, lessonId);
    var best = rec && rec.best && typeof rec.best.percent === "number" ? rec.best : null;
    var passed = !!(best && best.passed);
    var done = quizId && map.completion !== "read" ? passed : !!read || passed;
    var started = !!(rec && (rec.attempts > 0 || best || (rec.questions && Object.keys(rec.questions).length)));
    return { state: done ? "done" : started ? "progress" : "none", best: best ? best.percent : null,
             passed: passed, read: !!read, needsRead: !quizId || map.completion === "read" };
  };

  /* The course map and status words: window.CourseProgressMap, set by the generated
     assets/course/course-map.js every page loads (generator/progress.py);
     map.lessons holds [lesson id, quiz id or "", title] in course order. */
  function mapScript() {
    var m = window.CourseProgressMap;
    return m && typeof m === "object" && m.map ? m : null;
  }
  CP.strings = function () {
    var m = mapScript();
    return m && m.strings ? m.strings : {};
  };
  CP.t = function (strings, key, values) { return K.format(strings[key] || key, values); };

  CP.map = function () {
    var m = mapScript();
    if (!m) return null;
    var map = { course: m.map.course, completion: m.map.completion, lessons: m.map.lessons, final: m.map.final, quizOf: {} };
    map.lessons.forEach(function (pair) { map.quizOf[pair[0]] = pair[1]; });
    return map;
  };

  var ICONS = { done: "✓", progress: "◐", none: "○" };
  var WORDS = { done: "progress_done", progress: "progress_in_progress", none: "progress_not_started" };

  /* A compact status: icon (hidden from screen readers) and the state in words. */
  CP.badge = function (status, strings, withScore) {
    var span = document.createElement("span");
    span.className = "cq-status cq-status--" + status.state;
    span.setAttribute("data-state", status.state);
    var icon = document.createElement("span");
    icon.className = "cq-status-icon";
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = ICONS[status.state];
    span.appendChild(icon);
    var word = document.createElement("span");
    word.className = withScore ? "cq-status-word" : "cq-status-word cq-sr-only";
    word.textContent = CP.t(strings, WORDS[status.state]);
    span.appendChild(word);
    if (withScore && status.best != null) {
      var best = document.createElement("span");
      best.className = "cq-status-best";
      best.textContent = CP.t(strings, "progress_best", { n: status.best });
      span.appendChild(best);
    }
    return span;
  };

  function replaceBadge(host, badge) {
    var old = host.querySelector(":scope > .cq-status");
    if (old) old.remove();
    host.appendChild(badge);
  }

  var LESSON_URL = /\/lessons\/([a-z0-9][a-z0-9-]*)(?:\/(?:index\.html)?|\.html)$/;
  var FINAL_URL = /\/assessment\/([a-z0-9][a-z0-9-]*)(?:\/(?:index\.html)?|\.html)$/;

  function finalStatus(map) {
    var rec = CP.record(map.course, map.final), best = rec && rec.best;
    var passed = !!(best && best.passed);
    return { state: passed ? "done" : rec ? "progress" : "none", best: best ? best.percent : null };
  }

  /* Navigation links (Material's sidebar and tabs): one badge per lesson, by address. */
  CP.decorateNav = function (map, strings) {
    var links = document.querySelectorAll(".md-nav--primary a.md-nav__link[href], a.md-tabs__link[href]");
    Array.prototype.forEach.call(links, function (a) {
      var path;
      if (a.getAttribute("href").charAt(0) === "#" || a.closest(".md-nav--secondary")) return;  // the page's own table of contents
      try { path = decodeURIComponent(new URL(a.getAttribute("href"), window.location.href).pathname); } catch (e) { return; }
      var m = LESSON_URL.exec(path), f = FINAL_URL.exec(path), status = null;
      if (m && m[1] in map.quizOf) status = CP.lessonStatus(map, m[1], map.quizOf[m[1]]);
      else if (f && f[1] === map.final) status = finalStatus(map);
      if (status) replaceBadge(a, CP.badge(status, strings, false));
    });
  };

  /* Home page list and the progress page list: links and items carrying data-lesson. */
  CP.decorateLists = function (map, strings) {
    var hosts = document.querySelectorAll(".cq-lesson-list [data-lesson], .cq-progress-item[data-lesson] .cq-status-slot");
    Array.prototype.forEach.call(hosts, function (host) {
      var lesson = host.getAttribute("data-lesson") || host.closest("[data-lesson]").getAttribute("data-lesson");
      if (!(lesson in map.quizOf)) return;
      replaceBadge(host, CP.badge(CP.lessonStatus(map, lesson, map.quizOf[lesson]), strings, host.classList.contains("cq-status-slot")));
    });
    Array.prototype.forEach.call(document.querySelectorAll(".cq-progress-final .cq-status-slot"), function (host) {
      replaceBadge(host, CP.badge(finalStatus(map), strings, true));
    });
  };

  /* Lesson page: status next to the reading time, and "Mark as read" where it counts. */
  CP.decorateLesson = function (map, strings) {
    var meta = document.querySelector(".cq-lesson-meta[data-lesson]");
    if (!meta) return;
    var lesson = meta.getAttribute("data-lesson"), quiz = meta.getAttribute("data-quiz") || "";
    var status = CP.lessonStatus(map, lesson, quiz);
    replaceBadge(meta, CP.badge(status, strings, true));
    var button = document.querySelector(".cq-mark-read");
    if (!status.needsRead) { if (button) button.remove(); return; }
    if (!button) {
      button = document.createElement("button");
      button.type = "button";
      button.className = "md-button cq-mark-read";
      var holder = document.createElement("p");
      holder.className = "cq-mark-read-holder";
      holder.appendChild(button);
      var article = meta.closest("article") || meta.parentNode;
      article.appendChild(holder);
      button.addEventListener("click", function () {
        var key = CP.prefix(map.course) + "read:" + lesson;
        if (CP.readDate(map.course, lesson)) store.remove(key);
        else store.set(key, new Date().toISOString());
        CP.refresh();
        button.focus();
      });
    }
    button.setAttribute("aria-pressed", status.read ? "true" : "false");
    button.textContent = CP.t(strings, status.read ? "progress_marked_read" : "progress_mark_read");
  };

  /* Verification code: FNV-1a (CourseKit.hash) over the record's essentials, as
     XXXX-XXXX-XXXX. Anyone with the summary can recompute it (README, "Learner progress"). */
  CP.code = function (course, name, scores, date) {
    var text = [course, String(name || "").trim().replace(/\s+/g, " ")].concat(scores.map(function (s) {
      return s.id + ":" + (s.best == null ? "-" : s.best);
    })).concat([date || ""]).join("|");
    var hex = ("00000000" + K.hash(text, 0x811c9dc5).toString(16)).slice(-8) + ("00000000" + K.hash(text, 0x050c5d1f).toString(16)).slice(-8);
    hex = hex.toUpperCase();
    return hex.slice(0, 4) + "-" + hex.slice(4, 8) + "-" + hex.slice(8, 12);
  };

  CP.refresh = function () {
    var map = CP.map();
    if (!map) return;
    var strings = CP.strings();
    CP.decorateNav(map, strings);
    CP.decorateLists(map, strings);
    CP.decorateLesson(map, strings);
    (CP.views || []).forEach(function (view) { view(map, strings); });
  };
})();
