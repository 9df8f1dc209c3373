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

  /* One lesson's state: "done", "progress" or "none", with its best score if it has a quiz.
     A lesson's scenarios (course map `scenarios`, records "scenario:<id>") must reach a
     passing ending too, unless the course's completion is "read". */
  CP.lessonStatus = function (map, lessonId, quizId) {
    var rec = CP.record(map.course, quizId), read = CP.readDate(map.course, lessonId);
    var best = rec && rec.best && typeof rec.best.percent === "number" ? rec.best : null;
    var passed = !!(best && best.passed), m = mapScript();
    var scenarios = ((m && m.map.scenarios) || {})[lessonId] || [], tried = false;
    var practised = scenarios.every(function (id) { var r = CP.record(map.course, id); tried = tried || !!r; return !!(r && r.best && r.best.passed); });
    var graded = quizId || scenarios.length;
    var done = graded && map.completion !== "read" ? (!quizId || passed) && practised : !!read || passed;
    var started = tried || !!(rec && (rec.attempts > 0 || best || (rec.questions && Object.keys(rec.questions).length)));
    return { state: done ? "done" : started ? "progress" : "none", best: best ? best.percent : null,
             passed: passed, read: !!read, needsRead: !graded || map.completion === "read",
             retried: !passed && CP.allRetried(rec, CP.record(map.course, quizId + CP.REVIEW)) };
  };

  /* Whether every question answered wrong in a quiz's record was answered right since in
     "Review my mistakes" (its record under <quiz>--review). False when there was no mistake. */
  CP.allRetried = function (rec, retry) {
    var wrong = {}, answers = (rec && rec.questions) || {}, last = (rec && rec.last) || {};
    Object.keys(last.answers || {}).forEach(function (q) { wrong[q] = last.answers[q].score < 1 ? last : null; });
    Object.keys(answers).forEach(function (q) {
      if (!wrong[q] || String(answers[q].date || "") > String(wrong[q].date || "")) wrong[q] = answers[q].score < 1 ? answers[q] : null;
    });
    var missed = Object.keys(wrong).filter(function (q) { return wrong[q]; });
    return missed.length > 0 && missed.every(function (q) {
      var a = retry && retry.questions && retry.questions[q];
      return !!a && a.score >= 1 && String(a.date || "") >= String(wrong[q].date || "");
    });
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

  /* map.pages: [kind, id] by page path without ".md" (index: ""), from the course map's
     [path, kind, id] list of every page. */
  CP.map = function () {
    var m = mapScript();
    if (!m) return null;
    var map = { course: m.map.course, completion: m.map.completion, lessons: m.map.lessons, final: m.map.final,
                quizOf: {}, pages: Object.create(null) };
    map.lessons.forEach(function (pair) { map.quizOf[pair[0]] = pair[1]; });
    (m.map.pages || []).forEach(function (p) { map.pages[p[0].replace(/\.md$/, "").replace(/(^|\/)index$/, "")] = [p[1], p[2]]; });
    return map;
  };

  /* The site's root: two folders above the course map's script (assets/course/course-map.js),
     or two above this one (assets/course/progress.js, where this file is served) if a page inlines the map. */
  var MAP_TAG = document.querySelector('script[src*="course-map.js"]'), SELF = document.currentScript;
  CP.root = MAP_TAG && MAP_TAG.src ? new URL("../../", MAP_TAG.src).href : SELF && SELF.src ? new URL("../../", SELF.src).href : "";

  /* The page a link leads to, [kind, id], or null: its address made absolute, taken relative
     to the site's root, without index.html, .html or a final "/" (lessons/x/, lessons/x.html
     and lessons/x/index.html are all lessons/x), over HTTP and from file:// alike. */
  CP.page = function (map, href) {
    var url, path;
    try { url = new URL(href, window.location.href); } catch (e) { return null; }
    url.hash = url.search = "";
    if (!CP.root || url.href.indexOf(CP.root) !== 0) return null;
    try { path = decodeURIComponent(url.href.slice(CP.root.length)); } catch (e) { return null; }
    return map.pages[path.replace(/(^|\/)index\.html$/, "").replace(/\.html$|\/$/, "")] || null;
  };

  var ICONS = { done: "✓", progress: "◐", none: "○", failed: "✗" };
  var WORDS = { done: "progress_done", progress: "progress_in_progress", none: "progress_not_started" };

  /* A compact status: icon (hidden from screen readers) and the state in words (`status.word`,
     a string key, where the state's usual word does not fit: "Passed" rather than "Done"). */
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
    word.textContent = CP.t(strings, status.word || WORDS[status.state]);
    span.appendChild(word);
    if (withScore && status.best != null) {
      var best = document.createElement("span");
      best.className = "cq-status-best";
      best.textContent = CP.t(strings, "progress_best", { n: status.best });
      span.appendChild(best);
    }
    if (withScore && status.retried) {
      var retried = document.createElement("span");
      retried.className = "cq-status-retried";
      retried.textContent = " · " + CP.t(strings, "progress_retried");
      span.appendChild(retried);
    }
    return span;
  };

  function replaceBadge(host, badge) {
    var old = host.querySelector(":scope > .cq-status");
    if (old) old.remove();
    host.appendChild(badge);
  }

  function finalStatus(map) {
    var rec = CP.record(map.course, map.final), best = rec && rec.best;
    var passed = !!(best && best.passed);
    return { state: passed ? "done" : rec ? "progress" : "none", best: best ? best.percent : null };
  }

  /* A scenario on a page of its own (a module's `scenarios:`): passed, not passed yet (an
     ending reached, none passing), in progress (a reply chosen, no ending yet) or not started,
     from what scenario.js stores under the record id the course data gives it. Null if unknown. */
  CP.scenarioStatus = function (map, scenarioId) {
    var m = mapScript(), q = ((m && m.info && m.info.quizzes) || []).filter(function (x) { return x.scenario === scenarioId; })[0];
    if (!q) return null;
    var rec = CP.record(map.course, q.id), att = store.get(CP.prefix(map.course) + q.id + ":attempt");
    if (rec && rec.best && rec.best.passed) return { state: "done", word: "passed" };
    if (rec) return { state: "failed", word: "not_passed" };
    return { state: att && Array.isArray(att.path) && att.path.length ? "progress" : "none" };
  };

  /* Navigation links (Material's sidebar and tabs): one badge per lesson, scenario page and the final, by the page they lead to. */
  CP.decorateNav = function (map, strings) {
    var links = document.querySelectorAll(".md-nav--primary a.md-nav__link[href], a.md-tabs__link[href]");
    Array.prototype.forEach.call(links, function (a) {
      if (a.getAttribute("href").charAt(0) === "#" || a.closest(".md-nav--secondary")) return;  // the page's own table of contents
      var p = CP.page(map, a.getAttribute("href")) || [], status = null;
      if (p[0] === "lesson" && p[1] in map.quizOf) status = CP.lessonStatus(map, p[1], map.quizOf[p[1]]);
      else if (p[0] === "final" && p[1] === map.final) status = finalStatus(map);
      else if (p[0] === "scenario") status = CP.scenarioStatus(map, p[1]);
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

  /* Home page: "Start the course" becomes "Continue: <lesson>", leading to the first lesson not done, once begun. */
  CP.decorateHome = function (map, strings) {
    var start = document.querySelector(".cq-start[data-lesson]"), begun = false, next = null;
    if (!start) return;
    map.lessons.forEach(function (l) {
      var state = CP.lessonStatus(map, l[0], l[1]).state;
      begun = begun || state !== "none";
      if (!next && state !== "done") next = l;
    });
    if (!begun || !next) return;
    var href = start.getAttribute("href"), id = start.getAttribute("data-lesson"), i = href.lastIndexOf(id);
    start.href = href.slice(0, i) + next[0] + href.slice(i + id.length);
    start.setAttribute("data-lesson", next[0]);
    start.textContent = CP.t(strings, "continue_at", { lesson: next[2] });
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
    button.textContent = CP.t(strings, "progress_mark_read");  /* one label; aria-pressed says whether it is read */
  };


  /* ---- What the three progress pages (views/*.js) share ---- */
  CP.views = CP.views || [];
  CP.REVIEW = "--review";  /* retries on the mistakes page record under <quiz id>--review */

  CP.$ = function (root, sel) { return root.querySelector(sel); };
  CP.el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };
  CP.say = function (el, text) { if (el) el.textContent = text; };
  CP.translator = function (data) { return function (key, values) { return CP.t(data.strings, key, values); }; };

  /* The course data the pages need (window.CourseProgressMap.info), with its lessons. */
  CP.info = function (root) {
    if (!root._cqInfo) {
      var m = window.CourseProgressMap, data = {};
      Object.keys(m.info).forEach(function (k) { data[k] = m.info[k]; });
      data.lessons = m.map.lessons.map(function (l) { return { id: l[0], quiz: l[1], title: l[2] }; });
      root._cqInfo = data;
    }
    return root._cqInfo;
  };

  /* A lesson's address, from the one lesson link the page carries (the engine wrote it,
     so it has the right style: lessons/x/, lessons/x.html, ../lessons/x/ ...). */
  CP.lessonHref = function (root, id) {
    var a = root.querySelector(".cq-lesson-links a[data-lesson]");
    if (!a) return null;
    var href = a.getAttribute("href"), sample = a.getAttribute("data-lesson"), i = href.lastIndexOf(sample);
    return i < 0 ? null : href.slice(0, i) + id + href.slice(i + sample.length);
  };

  /* The address of the page of `kind` and `key` in the course map (a scenario's page: "scenario",
     its id), in the style of the page's one lesson link: that link's course-map path is swapped
     for the page's (../lessons/x/ -> ../practice/y/). Null if the page or the link is missing. */
  CP.pageHref = function (root, kind, key) {
    var a = root.querySelector(".cq-lesson-links a[data-lesson]"), m = mapScript(), from = null, to = null;
    if (!a || !m) return null;
    (m.map.pages || []).forEach(function (p) {
      var stem = p[0].replace(/\.md$/, "");
      if (p[1] === "lesson" && p[2] === a.getAttribute("data-lesson")) from = stem;
      if (p[1] === kind && p[2] === key) to = stem;
    });
    var href = a.getAttribute("href"), i = from == null ? -1 : href.lastIndexOf(from);
    return i < 0 || to == null ? null : href.slice(0, i) + to + href.slice(i + from.length);
  };

  /* Fill a list with one item per lesson (before `before`, the final's item), once. */
  CP.lessonList = function (root, list, lessons, before, item) {
    if (!list || list._cqBuilt) return;
    list._cqBuilt = true;
    lessons.forEach(function (l) {
      var a = CP.el("a", "", l.title), href = CP.lessonHref(root, l.id);
      if (href) a.href = href;
      list.insertBefore(item(l, a), before || null);
    });
  };

  /* The learner's name field: shows the stored name, stores what is typed. */
  CP.nameInput = function (root, data, onChange) {
    var input = CP.$(root, ".cq-learner-name");
    if (!input) return;
    if (document.activeElement !== input) input.value = CP.learner(data.course);
    if (input._cqBound) return;
    input._cqBound = true;
    input.addEventListener("input", function () {
      var key = CP.prefix(data.course) + "learner", name = input.value.trim();
      if (name) store.set(key, name); else store.remove(key);
      onChange();
    });
  };

  /* A quiz's review data (window.CourseReview[id], generator/site/progress.py): its script
     is added once, on demand. A <script> tag, not fetch(), so file:// works too. */
  var pending = {};
  CP.review = function (id) { var all = window.CourseReview; return all && all[id] ? all[id] : null; };
  function loadReview(id, done) {
    if (CP.review(id) || pending[id] === "failed") { done(); return; }
    if (pending[id]) { pending[id].push(done); return; }
    pending[id] = [done];
    var script = document.createElement("script");
    function finish(ok) {
      var waiting = pending[id];
      pending[id] = ok ? null : "failed";
      waiting.forEach(function (f) { f(); });
    }
    script.onload = function () { finish(true); };
    script.onerror = function () { finish(false); };
    script.src = CP.root + "assets/course/review/" + encodeURIComponent(id) + ".js";
    document.head.appendChild(script);
  }
  /* Loads the review data of `ids` not yet here (nor failed before) and then calls `then`
     once; true while loading, false when there was nothing to load (`then` is not called). */
  CP.loadReviews = function (ids, then) {
    var missing = ids.filter(function (id) { return !CP.review(id) && pending[id] !== "failed"; }), left = missing.length;
    missing.forEach(function (id) { loadReview(id, function () { if (--left === 0) then(); }); });
    return missing.length > 0;
  };

  /* The quizzes whose last attempt left answers to put in the summary. */
  CP.answeredQuizzes = function (data) {
    return data.quizzes.filter(function (q) {
      var rec = CP.record(data.course, q.id);
      return !!(rec && rec.last && rec.last.answers && Object.keys(rec.last.answers).length);
    }).map(function (q) { return q.id; });
  };

  /* Each question of the quiz's last attempt: its answer by stable option identity (the
     option's id or text: saved with the answer, else from the review data's answer table [type, points, identities])
     and its score (0-1). Null without the review data. README: "Learner progress". */
  function answersOf(rec, review) {
    var table = review && review.answers, answers = rec && rec.last && rec.last.answers;
    if (!table || !answers) return null;
    var out = [];
    Object.keys(table).forEach(function (qid) {
      var a = answers[qid], row = table[qid];
      if (!a || typeof a.score !== "number") return;
      /* the identities saved with the answer (records.js) hold even if the quiz was edited since */
      var value = Array.isArray(a.value) ? a.value : [a.value];
      out.push({ id: qid, type: row[0], points: row[1], options: row[2],
                 answer: Array.isArray(a.ids) ? a.ids : value.map(function (v) { return row[2].length ? (row[2][v] == null ? null : row[2][v]) : String(v); }),
                 score: a.score });
    });
    return out;
  }

  /* What a trainer gets: course, learner, best score per quiz, date and verification code;
     with the review data loaded (progress page), each question's answer in the last attempt. */
  CP.summary = function (data, name) {
    var answered = {};
    var quizzes = data.quizzes.map(function (q) {
      var rec = CP.record(data.course, q.id), best = rec && rec.best && typeof rec.best.percent === "number" ? rec.best : null;
      var questions = answersOf(rec, CP.review(q.id));
      if (questions) answered[q.id] = { attempt: rec.attempts || 0, date: rec.last.date ? String(rec.last.date) : null,
                                        percent: typeof rec.last.percent === "number" ? rec.last.percent : null, questions: questions };
      return { id: q.id, title: q.title, final: q.final, pass_mark: q.pass, best: best ? best.percent : null,
               passed: !!(best && best.passed), attempts: rec ? rec.attempts || 0 : 0, date: best && best.date ? String(best.date) : null };
    });
    var complete = quizzes.length > 0 && quizzes.every(function (q) { return q.passed; });
    var dates = quizzes.map(function (q) { return q.date; }).filter(Boolean).sort();
    var date = dates.length ? dates[dates.length - 1].slice(0, 10) : "";
    var final = quizzes.filter(function (q) { return q.final; })[0];
    var scored = quizzes.filter(function (q) { return q.best != null; });
    var finalScore = final ? final.best : scored.length ? Math.round(scored.reduce(function (s, q) { return s + q.best; }, 0) / scored.length) : null;
    var map = { course: data.course, completion: data.completion, quizOf: {} };
    var done = data.lessons.filter(function (l) { return CP.lessonStatus(map, l.id, l.quiz).state === "done"; }).length;
    return {
      format: "coursegen-results", v: 1, revision: 1, course: data.course, course_title: data.title, learner: name || "",
      date: date, complete: complete, final_score: finalScore, lessons_done: done, lessons_total: data.lessons.length,
      quizzes: quizzes.map(function (q) {
        var out = { id: q.id, title: q.title, best: q.best, passed: q.passed, attempts: q.attempts };
        if (answered[q.id]) out.last = answered[q.id];
        return out;
      }),
      code: CP.code(data.course, name, quizzes, date),
    };
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
    CP.decorateHome(map, strings);
    (CP.views || []).forEach(function (view) { view(map, strings); });
  };
})();
