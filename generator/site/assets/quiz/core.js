/* Quiz runtime core; question types register in CourseQuiz.types (types/*.js): each has
   answer, grade and fill; show, said ([text, screen-reader text] lines), feedback,
   click and key are optional. Storage, format and
   hash come from CourseKit (../shared.js, loaded first); CourseQuiz.store is CourseKit.store.
   Saved progress and the answer key: README "Quizzes in the browser". */
(function () {
  "use strict";
  var K = window.CourseKit, CQ = (window.CourseQuiz = window.CourseQuiz || {}), store = (CQ.store = K.store);
  CQ.types = CQ.types || {};

  /* As generator/encode.py: base64, XOR with a 64-byte pad (FNV-1a seed, xorshift32). */
  CQ.decode = function (id, blob) {
    var s = K.hash("cq:" + id) || 1, pad = [];
    for (var i = 0; i < 64; i++) { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; pad[i] = s & 255; }
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(blob), function (c, i) { return c.charCodeAt(0) ^ pad[i & 63]; })));
  };

  /* Seeded (mulberry32): one seed, one layout of an attempt, across reloads. */
  CQ.random = function (seed) {
    return function () {
      var t = (seed = (seed + 0x6d2b79f5) | 0);
      t = Math.imul(t ^ (t >>> 15), 1 | t);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };
  CQ.shuffle = function (list, rand) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(rand() * (i + 1)), x = list[i];
      list[i] = list[j]; list[j] = x;
    }
    return list;
  };
  CQ.all = function (root, sel) { return [].slice.call(root.querySelectorAll(sel)); };
  /* A new child of `to`; html is the generator's inert Markdown, from the key: the trainer's
     text, in its own direction (a Hebrew explanation under an English verdict), its math
     typeset when the site loads MathJax (which typesets the page only when it opens). */
  CQ.add = function (to, tag, cls, text, html) {
    var e = to.appendChild(document.createElement(tag)), M = window.MathJax;
    e.className = cls || "";
    if (text != null) e.textContent = text;
    if (html) { e.innerHTML = html; e.dir = "auto"; if (M && M.typesetPromise) M.typesetPromise([e]); }
    return e;
  };

  function Quiz(root) {
    var d = root.dataset;
    this.root = root; this.course = d.course; this.id = d.quiz; this.mode = d.mode;
    this.pass = +d.pass; this.partial = d.partial !== "false"; this.mix = d.shuffle === "true";
    this.draw = +d.draw || 0; this.limit = +d.attempts || 0;
    this.s = JSON.parse(d.strings || "{}");
    this.all = CQ.all(root, ".cq-item");
    this.orig = this.all.map(function (i) { return i.innerHTML; });
    this.key = "coursegen:v1:" + this.course + ":" + this.id;
    root.classList.add("cq-ready");
  }
  var Q = (CQ.Quiz = Quiz).prototype;  /* extended by ../progress/records.js */

  Q.$ = function (sel) { return this.root.querySelector(sel); };
  Q.type = function (item) { return CQ.types[item.dataset.type]; };
  Q.item = function (qid) { return this.$('.cq-item[data-qid="' + qid + '"]'); };
  Q.shown = function () { return CQ.all(this.root, ".cq-item:not([hidden])"); };
  Q.record = function () { var r = store.get(this.key); return r && r.v === 1 ? r : null; };
  Q.save = function () { store.set(this.key + ":attempt", this.att); };

  Q.init = function () {
    var att = store.get(this.key + ":attempt"), rec = this.record(), self = this;
    if (att && att.qids && att.answers && att.qids.every(function (q) { return self.item(q); })) {
      this.layout(att);
      if (att.done && rec && rec.last) this.replay(rec.last.answers, att.hints, 1);
      else this.replay(att.answers, att.hints);
    } else {
      this.begin();
      if (rec && rec.last && this.limit && rec.attempts >= this.limit) this.replay(rec.last.answers, {}, 1);
    }
    this.status();
  };

  Q.begin = function () {
    var seed = (Math.random() * 4294967296) >>> 0, rand = CQ.random(seed);
    var all = this.all.map(function (i) { return i.dataset.qid; }), qids = all.slice();
    if (this.mix || this.draw) CQ.shuffle(qids, rand);
    qids = qids.slice(0, this.draw || qids.length);
    if (!this.mix) qids.sort(function (a, b) { return all.indexOf(a) - all.indexOf(b); });
    this.layout({ seed: seed, qids: qids, answers: {}, hints: {} });
    this.save();
  };

  Q.layout = function (att) {
    var self = this, rand = CQ.random(att.seed ^ 0x5bd1e995), end = this.$(".cq-wp,.cq-actions");
    this.att = att; this.results = {};
    this.all.forEach(function (item) { item.hidden = att.qids.indexOf(item.dataset.qid) < 0; });
    att.qids.forEach(function (qid, n) {
      var item = self.item(qid);
      end.parentNode.insertBefore(item, end);
      item.querySelector(".cq-n").textContent = K.format(self.s.question, { n: n + 1, total: att.qids.length });
      if (self.mix) CQ.all(item, ".cq-options, .cq-order").forEach(function (list) {
        CQ.shuffle(CQ.all(list, "li"), rand).forEach(function (li) { list.appendChild(li); });
      });
    });
  };

  /* Stored answers again: after a reload, or the last attempt for review. */
  Q.replay = function (answers, hints, done) {
    var self = this;
    this.shown().forEach(function (item) {
      var qid = item.dataset.qid, a = (answers || {})[qid];
      for (var h = 0; h < ((hints || {})[qid] || 0); h++) self.hint(item, 1);
      if (a) { self.type(item).fill(item, a.value); self.check(item, 1); }
    });
    if (done) this.finish(1);
  };

  Q.grade = function (item) {
    var type = this.type(item), value = type.answer(item);
    if (value == null) return null;
    var key = CQ.decode(this.id + "/" + item.dataset.qid, item.dataset.key), r = type.grade(value, key, this.s, item);
    var score = this.partial || r.score >= 1 ? r.score : 0;
    return { a: { value: value, score: score }, key: key, score: score, r: r };
  };

  Q.show = function (item, g) {
    var type = this.type(item), box = item.querySelector(".cq-feedback"), s = this.s, k = g.key, x = k.explanation;
    var v = g.score >= 1 ? ["correct", "✓"] : g.score > 0 ? ["partly", "◐"] : ["incorrect", "✗"];
    if (type.show) type.show(item, g.a.value, k, s);
    box.className = "cq-feedback cq-" + v[0];
    box.innerHTML = "";
    var head = CQ.add(box, "p", "cq-verdict");
    CQ.add(head, "span", "", v[1]).setAttribute("aria-hidden", "true");
    head.append(" " + s[v[0]]);
    if (type.said) type.said(item, g.a.value, k, s, g.r).forEach(function (t) { var p = CQ.add(box, "p", "cq-said", t[0]); p.dir = "auto"; CQ.add(p, "span", "cq-sr", t[1]); });
    if (g.r.note) CQ.add(box, "p", "cq-note", g.r.note);
    /* A type's own feedback, or the key's feedback for a right / a wrong answer (order, text). */
    var fb = type.feedback ? type.feedback(k, g.r) : g.r.score >= 1 ? k.feedback_correct : k.feedback_incorrect;
    if (fb) CQ.add(box, "div", "cq-type-feedback", null, fb);
    if (x) CQ.add(box, "div", "cq-explanation", null, "<p><strong>" + s.explanation + ":</strong></p>" + x);
    box.hidden = false;
    CQ.all(item, "input, button").forEach(function (b) { b.disabled = true; });
    CQ.all(item, ".cq-check, .cq-hint").forEach(function (b) { b.hidden = true; });
  };

  Q.check = function (item, quiet) {
    var g = this.grade(item), box = item.querySelector(".cq-feedback"), qid = item.dataset.qid;
    if (!g) {
      box.className = "cq-feedback";
      box.textContent = this.s.choose_one;
      box.hidden = false;
      return box.focus();
    }
    this.results[qid] = g;
    this.show(item, g);
    if (quiet) return;
    box.focus();
    this.att.answers[qid] = g.a;
    this.save();
    if (Object.keys(this.results).length === this.att.qids.length) this.finish();
  };

  Q.submit = function () {
    var self = this, items = this.shown(), result = this.$(".cq-result");
    var missing = items.map(function (item, i) { return self.type(item).answer(item) == null ? i + 1 : 0; }).filter(Boolean);
    if (missing.length) {
      result.className = "cq-result";
      this.unanswered(result, missing, items);  /* progress/speech.js makes the numbers links */
      return result.focus();
    }
    items.forEach(function (item) { self.check(item, 1); });
    this.finish();
  };

  Q.unanswered = function (result, missing) { result.textContent = K.format(this.s.answer_all, { list: missing.join(", ") }); };

  Q.finish = function (review) {
    var self = this, s = this.s, total = 0, got = 0, answers = {}, hints = 0;
    this.shown().forEach(function (item) {
      var qid = item.dataset.qid, points = +item.dataset.points, g = self.results[qid];
      total += points;
      hints += self.att.hints[qid] || 0;
      if (g) { got += points * g.score; answers[qid] = g.a; }
    });
    var percent = Math.round((100 * got) / total), passed = percent >= this.pass, date = new Date().toISOString();
    var rec = this.record() || { v: 1, attempts: 0, best: null, questions: {} }, res = { percent: percent, passed: passed, date: date };
    if (!review) {
      rec.attempts = (rec.attempts || 0) + 1;
      rec.questions = rec.questions || {};
      if (!rec.best || percent > rec.best.percent) rec.best = res;
      rec.last = Object.assign({ hints: hints, answers: answers }, res);
      for (var q in answers) rec.questions[q] = Object.assign({ date: date }, answers[q]);
      store.set(this.key, rec);
      this.att.done = true;
      this.save();
    }
    var out = this.$(".cq-result"), left = this.limit ? this.limit - rec.attempts : 1;
    var add = function (text, cls) { CQ.add(out, "p", cls, text); };
    out.innerHTML = "";
    out.className = "cq-result cq-" + (passed ? "pass" : "fail");
    add(s.your_score + ": " + percent + "%", "cq-score");
    add(K.format(s.points, { score: +got.toFixed(2), total: total }));
    add(passed ? "✓ " + s.passed : "✗ " + s.not_passed);
    if (hints) add(K.format(s.hints_used, { n: hints }));
    if (this.mode === "assessment") add(s.review);
    if (this.limit) add(left > 0 ? K.format(s.attempts_left, { n: left }) : s.no_attempts);
    var submit = this.$(".cq-submit");
    if (submit) submit.hidden = true;
    this.$(".cq-retry").hidden = left <= 0;
    this.status();
    if (review) return;
    if (this.mode === "assessment") out.focus(); /* practice: on the feedback */
    this.root.dispatchEvent(new CustomEvent("cq:finished", { bubbles: true, detail: { course: this.course, quiz: this.id, percent: percent, passed: passed } }));
  };

  Q.status = function () {
    var box = this.$(".cq-best"), rec = this.record(), s = this.s, b = rec && rec.best;
    box.innerHTML = "";
    if (b) {
      CQ.add(box, "p", "", K.format(s.best, { score: b.percent, date: new Date(b.date).toLocaleDateString(document.documentElement.lang) }) + (b.passed ? " ✓ " + s.passed : " ✗ " + s.not_passed));
      CQ.add(box, "p", "", K.format(s.attempts_used, { n: rec.attempts }));
    }
    if (!store.available) CQ.add(box, "p", "cq-storage-off", s.storage_off);
  };

  Q.retry = function () {
    var self = this, out = this.$(".cq-result"), submit = this.$(".cq-submit");
    this.all.forEach(function (item, n) { item.innerHTML = self.orig[n]; });
    out.innerHTML = "";
    out.className = "cq-result";
    if (submit) submit.hidden = false;
    this.$(".cq-retry").hidden = true;
    this.begin();
    this.shown()[0].querySelector("input, button").focus();
  };

  Q.bind = function () {
    var self = this;
    this.root.addEventListener("click", function (event) {
      var b = event.target.closest("button"), item = b && b.closest(".cq-item"), c = b && b.classList;
      if (!b || b.disabled) return;
      if (c.contains("cq-check")) self.check(item);
      else if (c.contains("cq-hint")) self.hint(item);
      else if (c.contains("cq-submit")) self.submit();
      else if (c.contains("cq-retry")) self.retry();
      else if (item && self.type(item).click) self.type(item).click(item, b, self.s);
    });
    this.root.addEventListener("keydown", function (event) {
      var item = event.target.closest(".cq-item"), type = item && self.type(item);
      if (type && type.key) type.key(item, event, self.s);
    });
    this.init();
  };

  CQ.start = function (scope) {
    CQ.all(scope || document, ".cq-quiz:not(.cq-ready)").forEach(function (root) { new Quiz(root).bind(); });
  };
})();
