/* "Review my mistakes": every question whose latest answer was not fully right, with its
   explanation and lesson, and a retry of just those. Each quiz's questions come from its
   own script, assets/course/review/<quiz>.js, loaded only for quizzes the learner got
   something wrong in. */
(function () {
  "use strict";
  var CP = window.CourseProgress, $ = CP.$, REVIEW = CP.REVIEW;
  var MISTAKES_SEED = "progress-mistakes", review = CP.review;

  /* The quiz runtime's decoder: quiz.js loads before the progress scripts (generator/assets). */
  function decode(seedId, blob) { return window.CourseQuiz.decode(seedId, blob); }

  function latestAnswer(rec, qid) {
    if (!rec) return null;
    if (rec.questions && rec.questions[qid]) return rec.questions[qid];
    var last = rec.last && rec.last.answers && rec.last.answers[qid];
    return last ? { score: last.score, date: rec.last.date } : null;
  }

  function wrongIn(rec) {
    if (!rec) return false;
    var answers = [];
    if (rec.questions) Object.keys(rec.questions).forEach(function (k) { answers.push(rec.questions[k]); });
    if (rec.last && rec.last.answers) Object.keys(rec.last.answers).forEach(function (k) { answers.push(rec.last.answers[k]); });
    return answers.some(function (a) { return a && typeof a.score === "number" && a.score < 1; });
  }

  /* Whether an assessment's `review:` keeps its questions from this page now: score_only
     always, after_pass until its best result passed (as the quiz itself, records.js). */
  CP.conceals = function (data, q) {
    var rec = CP.record(data.course, q.id);
    return q.review === "score_only" || (q.review === "after_pass" && !(rec && rec.best && rec.best.passed));
  };

  function hasMistakes(data, q) {
    return wrongIn(CP.record(data.course, q.id)) || wrongIn(CP.record(data.course, q.id + REVIEW));
  }

  /* The quizzes where some answer (in the quiz or a retry here) was not fully right, and
     which the learner may review. */
  CP.quizzesWithMistakes = function (data) {
    return data.quizzes.filter(function (q) { return !CP.conceals(data, q) && hasMistakes(data, q); }).map(function (q) { return q.id; });
  };

  /* Questions whose latest answer (in the quiz or in a retry here) was not fully right. */
  CP.mistakes = function (data, questions) {
    var out = [];
    data.quizzes.forEach(function (q) {
      if (CP.conceals(data, q)) return;
      var rec = CP.record(data.course, q.id), review = CP.record(data.course, q.id + REVIEW), table = questions[q.id] || {};
      Object.keys(table).sort(function (a, b) { return table[a][0] - table[b][0]; }).forEach(function (qid) {
        var a = latestAnswer(rec, qid), b = latestAnswer(review, qid), latest = a;
        if (b && (!a || String(b.date || "") >= String(a.date || ""))) latest = b;
        if (latest && typeof latest.score === "number" && latest.score < 1) {
          out.push({ quiz: q, qid: qid, number: table[qid][0], prompt: table[qid][1], explanation: table[qid][2], lesson: table[qid][3] });
        }
      });
    });
    return out;
  };

  function mistakesView() {
    var root = document.querySelector('.cq-progress[data-view="mistakes"]');
    if (!root) return;
    var data = CP.info(root), wanted = CP.quizzesWithMistakes(data);
    if (CP.loadReviews(wanted, mistakesView)) return;  /* load what is needed, then show the page */
    root._cqQuestions = root._cqQuestions || {};
    wanted.forEach(function (id) {
      if (!root._cqQuestions[id] && review(id)) root._cqQuestions[id] = decode(MISTAKES_SEED, review(id).questions);
    });
    showMistakes(root, data, CP.translator(data));
  }

  function showMistakes(root, data, t) {
    var found = CP.mistakes(data, root._cqQuestions), list = $(root, ".cq-mistakes-list");
    root._cqFound = found;
    list.innerHTML = "";
    found.forEach(function (m) {
      var li = CP.el("li", "cq-mistake");
      li.setAttribute("data-quiz", m.quiz.id);
      li.setAttribute("data-qid", m.qid);
      li.appendChild(CP.el("p", "cq-mistake-where", t("progress_mistakes_in", { quiz: m.quiz.title })));
      var prompt = CP.el("div", "cq-mistake-prompt");
      prompt.innerHTML = m.prompt;
      prompt.dir = "auto";  /* the trainer's text, in its own direction, as in the quiz */
      li.appendChild(prompt);
      if (m.explanation) {
        var why = CP.el("div", "cq-mistake-explanation");
        why.innerHTML = m.explanation;
        why.dir = "auto";
        li.appendChild(why);
      }
      linkBack(root, data, li, m.lesson, t);
      list.appendChild(li);
    });
    /* after_pass assessments not passed yet: their mistakes exist, and show once passed */
    var later = data.quizzes.filter(function (q) { return q.review === "after_pass" && CP.conceals(data, q) && hasMistakes(data, q); });
    later.forEach(function (q) {
      var li = CP.el("li", "cq-mistake-later", t("progress_mistakes_hidden", { quiz: q.title }));
      li.setAttribute("data-quiz", q.id);
      list.appendChild(li);
    });
    var failed = failedScenarios(root, data, list, t), count = found.length + failed;
    CP.say($(root, ".cq-mistakes-intro"), count ? t("progress_mistakes_count", { n: count }) : later.length ? "" : t("progress_mistakes_none"));
    $(root, ".cq-mistakes-actions").hidden = !found.length;
    if (root._cqBound) return;
    root._cqBound = true;
    $(root, ".cq-mistakes-retry").addEventListener("click", function () { retry(root); });
  }

  /* "Revisit <lesson>": a link back to the lesson where the mistake can be put right. */
  function linkBack(root, data, li, lessonId, t) {
    var lesson = data.lessons.filter(function (l) { return l.id === lessonId; })[0], href = lesson && CP.lessonHref(root, lesson.id);
    if (!href) return;
    var back = CP.el("a", "cq-mistake-lesson", t("progress_mistakes_revisit", { lesson: lesson.title }));
    back.href = href;
    li.appendChild(CP.el("p")).appendChild(back);
  }

  /* Scenarios never passed (issue 19): the outcome reached last, its debrief (stored as
     text by scenario.js) and a link back to where the scenario can be replayed: its own page
     (a module's `scenarios:`, found in the course map), else its lesson. */
  function failedScenarios(root, data, list, t) {
    var n = 0;
    data.quizzes.forEach(function (q) {
      var rec = q.scenario && CP.record(data.course, q.id), last = rec && rec.last;
      if (!last || (rec.best && rec.best.passed)) return;
      n += 1;
      var li = CP.el("li", "cq-mistake cq-mistake-scenario");
      li.setAttribute("data-quiz", q.id);
      li.appendChild(CP.el("p", "cq-mistake-where", t("progress_mistakes_in", { quiz: q.title })));
      li.appendChild(CP.el("p", "cq-mistake-prompt", String(last.title || ""))).dir = "auto";
      li.appendChild(CP.el("p", "cq-mistake-explanation", String(last.debrief || ""))).dir = "auto";
      var own = CP.pageHref(root, "scenario", q.scenario);
      if (own) {
        var again = CP.el("a", "cq-mistake-lesson cq-mistake-replay", t("progress_mistakes_replay", { scenario: q.title }));
        again.href = own;
        li.appendChild(CP.el("p")).appendChild(again);
      } else linkBack(root, data, li, q.lesson, t);
      list.appendChild(li);
    });
    return n;
  }

  /* Retry: the quiz runtime runs a copy of each quiz holding only the questions missed. */
  function retry(root) {
    var area = $(root, ".cq-mistakes-retry-area"), byQuiz = {};
    root._cqFound.forEach(function (m) { (byQuiz[m.quiz.id] = byQuiz[m.quiz.id] || {})[m.qid] = true; });
    area.innerHTML = "";
    CP.info(root).quizzes.forEach(function (q) {
      var wanted = byQuiz[q.id], data = review(q.id);
      if (!wanted || !data) return;
      var tpl = document.createElement("template");
      tpl.innerHTML = data.html;  /* rendered and made safe at build time, like any quiz */
      var box = CP.el("section", "cq-review");
      box.appendChild(CP.el("h2", "", q.title));
      box.appendChild(document.importNode(tpl.content, true));
      Array.prototype.forEach.call(box.querySelectorAll(".cq-item"), function (item) {
        if (!wanted[item.getAttribute("data-qid")]) item.remove();
      });
      area.appendChild(box);
    });
    if (window.CourseQuiz && typeof window.CourseQuiz.start === "function") window.CourseQuiz.start(area);
    var first = area.querySelector("h2");
    if (first) { first.tabIndex = -1; first.focus(); }
  }

  CP.views.push(mistakesView);
})();
