/* Saved quiz progress that survives real life (issue 15): served in progress.js, which every
   page loads after quiz.js, so the quiz runtime stays within its 6 KB budget. It extends the
   runtime's Quiz (CourseQuiz.Quiz, quiz/core.js) before CourseQuiz.start runs on page load:
   - each answer carries its question's fingerprint (data-fp) and the stable identities of
     the options or steps it names (data-oid: the option's `id:`, else a hash of its text);
     an answer whose question has changed since is not replayed, the learner is told;
   - a practice answer is recorded as soon as it is checked (mistakes, "in progress");
   - pinned options (data-fixed: `fixed: true`, every true_false option) keep their place;
   - other tabs' writes (storage events) update each quiz's best result and attempt count;
   - `draw_by: objective` deals the draw round the objectives, and an assessment's `review:`
     says what shows after submitting (issue 16).
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
  ["bind", "init", "begin", "layout", "save", "grade", "show", "replay", "check", "finish", "retry"].forEach(function (name) { base[name] = Q[name]; });
  var K = window.CourseKit;

  /* Pinned items keep their index; the others are shuffled among the remaining places. */
  var shuffle = CQ.shuffle;
  function pinned(x) { return !!(x && x.dataset && x.dataset.fixed); }
  CQ.shuffle = function (list, rand) {
    var free = shuffle(list.filter(function (x) { return !pinned(x); }), rand);
    list.slice().forEach(function (x, i) { list[i] = pinned(x) ? x : free.shift(); });
    return list;
  };

  /* `draw_by: objective` (data-draw-by): the draw is dealt round the objectives, each
     objective's questions in a random order, the ones never asked or asked longest ago
     first (a retake is a new paper as far as the pool allows: issue 23), so every attempt
     covers every topic it can and no objective gives more than one question more than another. */
  Q.begin = function () {
    if (this.root.dataset.drawBy !== "objective" || !this.draw) return base.begin.call(this);
    var seed = (Math.random() * 4294967296) >>> 0, rand = CQ.random(seed), groups = {}, names = [], qids = [];
    var all = this.all.map(function (i) { return i.dataset.qid; });
    this.all.forEach(function (item) {
      var o = item.dataset.objective;
      if (!groups[o]) { groups[o] = []; names.push(o); }
      groups[o].push(item.dataset.qid);
    });
    var seen = (this.record() || {}).questions || {}, asked = function (q) { return (seen[q] || {}).date || ""; };
    names.forEach(function (o) { CQ.shuffle(groups[o], rand).sort(function (a, b) { return asked(a).localeCompare(asked(b)); }); });
    CQ.shuffle(names, rand);  /* which objectives give one more when the draw does not divide evenly */
    for (var round = 0, size = qids.length - 1; qids.length < this.draw && size < qids.length; round++) {
      size = qids.length;
      for (var n = 0; n < names.length && qids.length < this.draw; n++) if (groups[names[n]][round]) qids.push(groups[names[n]][round]);
    }
    if (this.mix) CQ.shuffle(qids, rand);
    else qids.sort(function (a, b) { return all.indexOf(a) - all.indexOf(b); });
    this.layout({ seed: seed, qids: qids, answers: {}, hints: {} });
    this.save();
  };

  /* `review:` of an assessment (data-review): whether each question's verdict and feedback
     stay hidden now: always with score_only, until the best result passed with after_pass. */
  Q.conceals = function () {
    var review = this.root.dataset.review, rec = this.record();
    return review === "score_only" || (review === "after_pass" && !(rec && rec.best && rec.best.passed));
  };

  Q.show = function (item, g) {
    if (!this.root.dataset.review || !this.conceals()) return base.show.call(this, item, g);
    item.cqConcealed = true;
    CQ.all(item, "input, button").forEach(function (b) { b.disabled = true; });
    CQ.all(item, ".cq-check, .cq-hint").forEach(function (b) { b.hidden = true; });
  };

  /* After the result: everything once an after_pass assessment is passed, else the score and,
     with after_pass, the topics (objectives) of the questions not fully right. */
  Q.review = function () {
    var self = this, s = this.s, review = this.root.dataset.review, out = this.$(".cq-result"), names = [];
    var topics = JSON.parse(this.root.dataset.topics || "{}");
    this.shown().forEach(function (item) {
      var g = self.results[item.dataset.qid], topic = topics[item.dataset.objective] || item.dataset.objective;
      if (!g || !item.cqConcealed) return;
      if (!self.conceals()) { item.cqConcealed = false; base.show.call(self, item, g); }
      else if (g.score < 1 && names.indexOf(topic) < 0) names.push(topic);
    });
    if (!this.conceals()) return;
    CQ.all(out, "p").forEach(function (p) {
      if (p.textContent === s.review) p.textContent = review === "score_only" ? s.review_score_only : s.review_after_pass;
    });
    if (review === "after_pass" && names.length) CQ.add(out, "p", "cq-revisit", K.format(s.revisit, { list: names.join("; ") }));
  };

  /* The attempt in progress, shared by every tab showing the quiz: answers and hints another
     tab saved for the same attempt (seed) are kept, not overwritten. */
  Q.save = function () {
    var here = store.get(this.key + ":attempt"), att = this.att;
    if (here && here.seed === att.seed && !here.done && !att.done) {
      Object.keys(here.draft || {}).forEach(function (q) {
        att.draft = att.draft || {};
        att.draft[q] = later(att.draft[q], here.draft[q]);
      });
      Object.keys(here.answers || {}).forEach(function (q) { if (!(q in att.answers)) att.answers[q] = here.answers[q]; });
      Object.keys(here.hints || {}).forEach(function (q) { att.hints[q] = Math.max(att.hints[q] || 0, here.hints[q]); });
    }
    base.save.call(this);
  };

  Q.bind = function () {
    var self = this;
    this.root.cq = this;
    base.bind.call(this);
    /* after the runtime's own handlers (registered first): the answer as it now stands */
    ["input", "change", "click", "keydown"].forEach(function (name) {
      self.root.addEventListener(name, function (event) {
        var item = event.target.closest(".cq-item"), move = item && moves(item, event);
        if (move) list(item).dataset.moved = "1";
        if (item && (move || /^(input|change)$/.test(name))) self.draft(item);
      });
    });
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
    if (!review && this.att) delete this.att.draft;  /* submitted: the answers are the attempt's now */
    base.finish.call(this, review);
    var rec = this.record(), out = this.$(".cq-result"), verdict = out.children[2];  /* score, points, verdict */
    if (rec && rec.best && rec.best.passed && out.classList.contains("cq-fail") && verdict) verdict.textContent = "✗ " + this.s.best_passed;
    if (this.root.dataset.review) this.review();
  };

  /* An order question of an assessment counts as answered once the learner has moved a step
     (or pressed an arrow, even one that cannot move its step: the order is theirs then). The
     order first shown is never the answer (OrderQuestion.shown_order), so an untouched one is
     a question skipped, listed among the unanswered on submit. In practice, Check is the
     learner's say-so. The mark lives on the list, which a new attempt renders afresh. */
  var order = CQ.types.order, orderAnswer = order.answer, orderFill = order.fill;
  function list(item) { return item.querySelector(".cq-order"); }
  order.answer = function (item) {
    var quiz = item.closest(".cq-quiz");
    return list(item).dataset.moved || !quiz || quiz.dataset.mode !== "assessment" ? orderAnswer(item) : null;
  };
  order.fill = function (item, value) {
    list(item).dataset.moved = "1";
    orderFill(item, value);
  };
  function moves(item, event) {
    var c = event.target.classList;
    if (item.dataset.type !== "order" || event.target.disabled) return false;
    return event.type === "click" ? c.contains("cq-up") || c.contains("cq-down") : event.altKey && /^Arrow(Up|Down)$/.test(event.key);
  }

  /* A shuffle (`shuffle: true`) may deal an order question's steps into the right order; the
     generator never lists them so (OrderQuestion.shown_order), nor does the runtime: the
     first step goes last then. So an order first shown is never the answer. */
  Q.layout = function (att) {
    var self = this;
    base.layout.call(this, att);
    if (this.mix) this.shown().forEach(function (item) {
      if (item.dataset.type !== "order") return;
      var right = CQ.decode(self.id + "/" + item.dataset.qid, item.dataset.key).order, ol = list(item);
      if (orderAnswer(item).join() === right.join()) ol.appendChild(ol.firstElementChild);
    });
  };

  /* The answers of an assessment attempt not submitted yet (att.draft, by question: the value
     with its question's fingerprint and option identities, and when it was given): a reload,
     a second tab or a rebuilt course keeps them; an answer to a question changed since is
     not restored. Submitting or a new attempt clears them. */
  Q.draft = function (item) {
    if (this.mode !== "assessment" || !this.att || this.att.done || item.hidden) return;
    var value = this.type(item).answer(item), d = (this.att.draft = this.att.draft || {});
    d[item.dataset.qid] = Object.assign({ date: new Date().toISOString() }, value == null ? {} : { value: value, fp: item.dataset.fp, ids: identities(item, value) });
    this.save();
  };

  /* A drafted value in this page's terms: options and steps found again by identity. */
  function restored(item, a) {
    if (!a || a.value == null || (a.fp && a.fp !== item.dataset.fp)) return null;
    if (!a.ids) return a.value;
    var values = a.ids.map(function (id) {
      var e = CQ.all(item, "[data-oid]").filter(function (x) { return x.dataset.oid === id; })[0], input = e && e.querySelector("input");
      return !e ? null : input ? +input.value : +e.dataset.value;
    });
    return values.indexOf(null) < 0 ? values : null;
  }

  Q.init = function () {
    base.init.call(this);
    var self = this, d = this.att.draft || {};
    if (this.mode !== "assessment" || this.att.done) return;
    Object.keys(d).forEach(function (qid) {
      var item = self.item(qid), value = item && !item.hidden && restored(item, d[qid]);
      if (value) self.type(item).fill(item, value);
      else if (item && !item.hidden && d[qid].value != null) self.changed(item);
    });
  };

  /* Attempts used up, in this tab or another: no new attempt. */
  Q.spent = function () {
    var rec = this.record();
    return !!(this.limit && rec && rec.attempts >= this.limit);
  };

  Q.retry = function () {
    if (!this.spent()) return base.retry.call(this);
    this.$(".cq-retry").hidden = true;
    this.$(".cq-result").textContent = this.s.no_attempts;
  };

  /* Another tab recorded a result, reset or imported: show this tab's quizzes as stored now. */
  window.addEventListener("storage", function (event) {
    CQ.all(document, ".cq-quiz.cq-ready").forEach(function (root) {
      var quiz = root.cq;
      if (!quiz || (event.key && event.key !== quiz.key)) return;
      quiz.status();
      if (quiz.spent()) quiz.$(".cq-retry").hidden = true;
    });
  });
})();
