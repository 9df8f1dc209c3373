/* Saved quiz progress that survives real life (issue 15): served in progress.js, which every
   page loads after quiz.js, so the quiz runtime stays within its 6 KB budget. It extends the
   runtime's Quiz (CourseQuiz.Quiz, quiz/core.js) before CourseQuiz.start runs on page load:
   - each answer carries its question's fingerprint (data-fp) and the stable identities of
     the options or steps it names (data-oid: the option's `id:`, else a hash of its text);
     an answer whose question has changed since is not replayed, the learner is told;
   - a practice answer is recorded as soon as it is checked (mistakes, "in progress");
   - pinned options (data-fixed: `fixed: true`, every true_false option) keep their place;
   - other tabs' writes (storage events) update each quiz's best result and attempt count.
   Records are read afresh before every write (CourseKit.store reads localStorage each
   time) and merged, never lowering a best result: CourseProgress.mergeRecord. */
(function () {
  "use strict";
  var CQ = window.CourseQuiz, CP = window.CourseProgress, store = window.CourseKit.store;

  function later(a, b) { return !a ? b : !b ? a : String(b.date || "") > String(a.date || "") ? b : a; }
  function better(a, b) { return !a ? b : !b ? a : b.percent > a.percent ? b : a; }

  /* Two records of one quiz as one: the most attempts, the better best, the later last
     attempt, each question's later answer. Either may be null. */
  CP.mergeRecord = function (a, b) {
    if (!a || a.v !== 1) return b;
    if (!b || b.v !== 1) return a;
    var out = Object.assign({}, a, b), questions = Object.assign({}, a.questions);
    Object.keys(b.questions || {}).forEach(function (q) { questions[q] = later(questions[q], b.questions[q]); });
    out.attempts = Math.max(a.attempts || 0, b.attempts || 0);
    out.best = better(a.best, b.best);
    out.last = later(a.last, b.last);
    out.questions = questions;
    return out;
  };

  if (!CQ || !CQ.Quiz) return;
  var Q = CQ.Quiz.prototype, base = {};
  ["bind", "grade", "replay", "check", "finish"].forEach(function (name) { base[name] = Q[name]; });

  /* Pinned items keep their index; the others are shuffled among the remaining places. */
  var shuffle = CQ.shuffle;
  function pinned(x) { return !!(x && x.dataset && x.dataset.fixed); }
  CQ.shuffle = function (list, rand) {
    var free = shuffle(list.filter(function (x) { return !pinned(x); }), rand);
    list.slice().forEach(function (x, i) { list[i] = pinned(x) ? x : free.shift(); });
    return list;
  };

  Q.bind = function () {
    this.root.cq = this;
    base.bind.call(this);
  };

  /* The identities of the options (choice: input values) or steps (order: data-value) an answer names. */
  function identities(item, value) {
    if (!Array.isArray(value)) return undefined;
    return value.map(function (v) {
      var e = item.querySelector('input[value="' + v + '"], li[data-value="' + v + '"]'), li = e && e.closest("[data-oid]");
      return li ? li.dataset.oid : null;
    });
  }

  Q.grade = function (item) {
    var g = base.grade.call(this, item);
    if (g) {
      g.a.fp = item.dataset.fp;
      g.a.ids = identities(item, g.a.value);
    }
    return g;
  };

  Q.changed = function (item) {
    var legend = item.querySelector("legend"), note = CQ.add(item, "p", "cq-changed", this.s.changed);
    legend.parentNode.insertBefore(note, legend.nextSibling);
  };

  /* Answers to questions that changed since (another fingerprint) are left out; answers
     saved before fingerprints existed are replayed as they are. */
  Q.replay = function (answers, hints, done) {
    var self = this, kept = {}, changed = 0;
    Object.keys(answers || {}).forEach(function (qid) {
      var a = answers[qid], item = self.item(qid), fp = item && item.dataset.fp;
      if (item && !item.hidden && a && a.fp && fp && a.fp !== fp) { changed++; self.changed(item); }
      else kept[qid] = a;
    });
    base.replay.call(this, kept, hints, done && !changed);
    if (done && changed) {
      var out = this.$(".cq-result"), rec = this.record(), over = this.limit && rec && rec.attempts >= this.limit;
      out.className = "cq-result";
      out.textContent = over ? this.s.no_attempts : this.s.changed;
      if (over) CQ.all(this.root, ".cq-submit, .cq-check").forEach(function (b) { b.hidden = true; });
    }
  };

  /* A practice answer counts as soon as it is checked: the lesson is in progress, a wrong
     answer is a mistake to review, even if the quiz is never finished. */
  Q.check = function (item, quiet) {
    base.check.call(this, item, quiet);
    var qid = item.dataset.qid, g = this.results[qid];
    if (quiet || !g) return;
    var rec = this.record() || { v: 1, attempts: 0, best: null, questions: {} };
    rec.questions = rec.questions || {};
    rec.questions[qid] = later(rec.questions[qid], Object.assign({ date: new Date().toISOString() }, g.a));
    store.set(this.key, rec);
  };

  /* An attempt that did not pass says so, unless the best result already passed. */
  Q.finish = function (review) {
    base.finish.call(this, review);
    var rec = this.record(), out = this.$(".cq-result"), verdict = out.children[2];  /* score, points, verdict */
    if (rec && rec.best && rec.best.passed && out.classList.contains("cq-fail") && verdict) verdict.textContent = "✗ " + this.s.best_passed;
  };

  /* Another tab recorded a result, reset or imported: show this tab's quizzes as stored now. */
  window.addEventListener("storage", function (event) {
    CQ.all(document, ".cq-quiz.cq-ready").forEach(function (root) {
      if (root.cq && (!event.key || event.key === root.cq.key)) root.cq.status();
    });
  });
})();
