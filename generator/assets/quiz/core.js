/* Course quiz runtime: core. Plain JavaScript, no framework, no network.
   Question types register in CourseQuiz.types (types/*.js) with answer, grade, show,
   fill and optionally feedback, arrange (shuffle), click and key.
   Storage format: README.md "Saved progress"; one record per quiz, one per attempt. */
(function () {
  "use strict";
  var CQ = (window.CourseQuiz = window.CourseQuiz || {}), P = "coursegen:v1:";
  CQ.types = CQ.types || {};

  /* Values are JSON. Falls back to memory when localStorage is blocked or throws. */
  var mem = {}, ls = null;
  try { ls = window.localStorage; ls.setItem(P, "1"); ls.removeItem(P); } catch (e) { ls = null; }
  CQ.store = {
    available: !!ls,
    get: function (k) {
      var raw = k in mem ? mem[k] : null;
      try { if (raw == null && ls) raw = ls.getItem(k); return raw == null ? null : JSON.parse(raw); } catch (e) { return null; }
    },
    set: function (k, v) { mem[k] = JSON.stringify(v); try { ls && ls.setItem(k, mem[k]); } catch (e) { /* memory only */ } },
    remove: function (k) { delete mem[k]; try { ls && ls.removeItem(k); } catch (e) { /* memory only */ } },
  };

  /* Mirror of generator/encode.py: base64 -> XOR keystream (FNV-1a seed, xorshift32). */
  CQ.decode = function (id, blob) {
    var bin = atob(blob), bytes = new Uint8Array(bin.length), utf = new TextEncoder().encode("cq:" + id), s = 0x811c9dc5;
    for (var i = 0; i < utf.length; i++) s = Math.imul(s ^ utf[i], 0x01000193) >>> 0;
    s = s || 1;
    for (var j = 0; j < bin.length; j++) {
      s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
      bytes[j] = bin.charCodeAt(j) ^ (s & 0xff);
    }
    return JSON.parse(new TextDecoder().decode(bytes));
  };

  /* Seeded random numbers (mulberry32): the same seed gives the same attempt after a reload. */
  CQ.random = function (seed) {
    return function () {
      seed = (seed + 0x6d2b79f5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
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
  CQ.format = function (text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  };
  CQ.el = function (tag, cls, text, html) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    if (html) e.innerHTML = html; /* trusted: the generator's inert Markdown, from the key */
    return e;
  };
  CQ.verdict = function (s, score) {
    return score >= 1 ? ["cq-correct", "✓", s.correct] : score > 0 ? ["cq-partly", "◐", s.partly] : ["cq-incorrect", "✗", s.incorrect];
  };

  function Quiz(root) {
    var d = root.dataset;
    this.root = root; this.course = d.course; this.id = d.quiz; this.mode = d.mode;
    this.passMark = +d.pass; this.partial = d.partial !== "false"; this.shuffle = d.shuffle === "true";
    this.draw = +d.draw || 0; this.limit = +d.attempts || 0;
    this.s = JSON.parse(d.strings || "{}");
    this.all = CQ.all(root, ".cq-item");
    this.key = P + this.course + ":" + this.id;
    root.classList.add("cq-ready");
  }
  var Q = Quiz.prototype;

  Q.$ = function (sel) { return this.root.querySelector(sel); };
  Q.type = function (item) { return CQ.types[item.dataset.type]; };
  Q.item = function (qid) { return this.all.filter(function (i) { return i.dataset.qid === qid; })[0]; };
  Q.record = function () { var r = CQ.store.get(this.key); return r && r.v === 1 ? r : null; };
  Q.save = function () { CQ.store.set(this.key + ":attempt", this.att); };

  Q.init = function () {
    var att = CQ.store.get(this.key + ":attempt"), self = this;
    if (att && att.qids && att.answers && att.qids.every(function (q) { return self.item(q); })) {
      this.layout(att);
      var last = (this.record() || {}).last;
      if (att.done && last) this.replay(last.answers, att.hints, true);
      else this.replay(att.answers, att.hints);
    } else this.begin();
    this.status();
  };

  /* A new attempt: a fresh seed picks the drawn questions and the shuffled order. */
  Q.begin = function () {
    var seed = (Math.random() * 4294967296) >>> 0, rand = CQ.random(seed);
    var qids = this.all.map(function (i) { return i.dataset.qid; }), all = qids.slice();
    if (this.shuffle || this.draw) CQ.shuffle(qids, rand);
    if (this.draw) qids = qids.slice(0, this.draw);
    if (!this.shuffle) qids.sort(function (a, b) { return all.indexOf(a) - all.indexOf(b); });
    this.layout({ seed: seed, qids: qids, answers: {}, hints: {} });
    this.save();
  };

  Q.layout = function (att) {
    var self = this, rand = CQ.random(att.seed ^ 0x5bd1e995), actions = this.$(".cq-actions");
    this.att = att; this.results = {};
    this.all.forEach(function (item) { item.hidden = att.qids.indexOf(item.dataset.qid) < 0; });
    att.qids.forEach(function (qid, n) {
      var item = self.item(qid), type = self.type(item);
      actions.parentNode.insertBefore(item, actions);
      item.querySelector(".cq-n").textContent = CQ.format(self.s.question, { n: n + 1, total: att.qids.length });
      if (type.arrange) type.arrange(item, self.shuffle && rand);
    });
  };

  Q.visible = function () { var q = this.att.qids; return this.all.filter(function (i) { return q.indexOf(i.dataset.qid) >= 0; }); };

  /* Show stored answers graded again: after a reload, or the last attempt in review. */
  Q.replay = function (answers, hints, done) {
    var self = this;
    this.visible().forEach(function (item) {
      var qid = item.dataset.qid;
      for (var h = 0; h < ((hints || {})[qid] || 0); h++) self.hint(item, true);
      if (answers && answers[qid]) { self.type(item).fill(item, answers[qid].value); self.checkOne(item, true); }
    });
    if (done) this.finish(true);
  };

  Q.grade = function (item) {
    var type = this.type(item), value = type.answer(item);
    if (value == null) return null;
    var key = CQ.decode(this.id + "/" + item.dataset.qid, item.dataset.key), r = type.grade(value, key, this.s, item);
    return { value: value, key: key, score: this.partial || r.score >= 1 ? r.score : 0, r: r };
  };

  Q.show = function (item, g) {
    var type = this.type(item), box = item.querySelector(".cq-feedback"), v = CQ.verdict(this.s, g.score), x = g.key.explanation;
    type.show(item, g.value, g.key, this.s);
    box.innerHTML = "";
    box.className = "cq-feedback " + v[0];
    var head = box.appendChild(CQ.el("p", "cq-verdict"));
    head.appendChild(CQ.el("span", "cq-icon", v[1])).setAttribute("aria-hidden", "true");
    head.appendChild(document.createTextNode(" " + v[2]));
    if (g.r.note) box.appendChild(CQ.el("p", "cq-note", g.r.note));
    var extra = type.feedback && type.feedback(g.value, g.key, g.r);
    if (extra) box.appendChild(CQ.el("div", "cq-type-feedback", null, extra));
    if (x) box.appendChild(CQ.el("div", "cq-explanation", null, "<p><strong>" + this.s.explanation + ":</strong></p>" + x));
    box.hidden = false;
    this.lock(item);
  };

  Q.lock = function (item) {
    CQ.all(item, "input, button").forEach(function (b) { b.disabled = true; });
    CQ.all(item, ".cq-check, .cq-hint").forEach(function (b) { b.hidden = true; });
    item.classList.add("cq-answered");
  };

  Q.checkOne = function (item, quiet) {
    var g = this.grade(item), box = item.querySelector(".cq-feedback"), qid = item.dataset.qid;
    if (!g) {
      box.className = "cq-feedback cq-notice";
      box.textContent = this.s.choose_one;
      box.hidden = false;
      return box.focus();
    }
    this.results[qid] = g;
    this.show(item, g);
    if (quiet) return;
    box.focus();
    this.att.answers[qid] = { value: g.value, score: g.score };
    this.save();
    if (Object.keys(this.results).length === this.att.qids.length) this.finish();
  };

  Q.submit = function () {
    var self = this, items = this.visible(), missing = [];
    items.forEach(function (item, i) { if (self.type(item).answer(item) == null) missing.push(i + 1); });
    var result = this.$(".cq-result");
    if (missing.length) {
      result.className = "cq-result cq-notice";
      result.textContent = CQ.format(this.s.answer_all, { list: missing.join(", ") });
      return result.focus();
    }
    items.forEach(function (item) { self.checkOne(item, true); });
    this.finish();
  };

  Q.hint = function (item, quiet) {
    var list = CQ.decode(this.id + "/" + item.dataset.qid + "#hints", item.dataset.hints), box = item.querySelector(".cq-hints");
    var n = box.children.length, qid = item.dataset.qid;
    if (n >= list.length) return;
    var hint = box.appendChild(CQ.el("div", "cq-hint-text", null, "<p><strong>" + CQ.format(this.s.hint_n, { n: n + 1, total: list.length }) + "</strong></p>" + list[n]));
    hint.tabIndex = -1;
    if (n + 1 >= list.length) item.querySelector(".cq-hint").hidden = true;
    if (quiet) return;
    this.att.hints[qid] = n + 1;
    this.save();
    hint.focus();
  };

  Q.finish = function (review) {
    var self = this, total = 0, got = 0, answers = {}, hints = 0, s = this.s;
    this.visible().forEach(function (item) {
      var qid = item.dataset.qid, points = +item.dataset.points || 1, g = self.results[qid];
      total += points;
      got += points * (g ? g.score : 0);
      if (g) answers[qid] = { value: g.value, score: g.score };
      hints += self.att.hints[qid] || 0;
    });
    var percent = total ? Math.round((100 * got) / total) : 0, passed = percent >= this.passMark;
    var date = new Date().toISOString(), rec = this.record() || { v: 1, attempts: 0, best: null, questions: {} };
    if (!review) {
      rec.attempts = (rec.attempts || 0) + 1;
      if (!rec.best || percent > rec.best.percent) rec.best = { percent: percent, passed: passed, date: date };
      rec.last = { percent: percent, passed: passed, date: date, hints: hints, answers: answers };
      rec.questions = rec.questions || {};
      Object.keys(answers).forEach(function (q) { rec.questions[q] = { value: answers[q].value, score: answers[q].score, date: date }; });
      CQ.store.set(this.key, rec);
      this.att.done = true;
      this.save();
    }
    var result = this.$(".cq-result"), add = function (cls, text) { result.appendChild(CQ.el("p", cls, text)); };
    result.innerHTML = "";
    result.className = "cq-result " + (passed ? "cq-pass" : "cq-fail");
    add("cq-score", s.your_score + ": " + percent + "%");
    add("cq-points", CQ.format(s.points, { score: +got.toFixed(2), total: total }));
    add("cq-passed", passed ? "✓ " + s.passed : "✗ " + s.not_passed);
    if (hints) add("cq-hints-used", CQ.format(s.hints_used, { n: hints }));
    if (this.mode === "assessment") add("", s.review);
    var left = this.limit ? this.limit - rec.attempts : 1;
    if (this.limit) add("cq-left", left > 0 ? CQ.format(s.attempts_left, { n: left }) : s.no_attempts);
    var submit = this.$(".cq-submit");
    if (submit) submit.hidden = true;
    this.$(".cq-retry").hidden = left <= 0;
    this.status();
    if (review) return;
    if (this.mode === "assessment") result.focus(); /* practice: focus stays on the feedback; the result is announced */
    this.root.dispatchEvent(new CustomEvent("cq:finished", { bubbles: true, detail: { course: this.course, quiz: this.id, percent: percent, passed: passed } }));
  };

  /* Best result, attempts and a notice when progress cannot be kept. */
  Q.status = function () {
    var box = this.$(".cq-best"), rec = this.record(), s = this.s;
    box.innerHTML = "";
    if (rec && rec.best) {
      var b = rec.best, date = new Date(b.date).toLocaleDateString(document.documentElement.lang || undefined);
      box.appendChild(CQ.el("p", "cq-best-score", CQ.format(s.best, { score: b.percent, date: date }) + " " + (b.passed ? "✓ " + s.passed : "✗ " + s.not_passed)));
      box.appendChild(CQ.el("p", "", CQ.format(s.attempts_used, { n: rec.attempts })));
    }
    if (!CQ.store.available) box.appendChild(CQ.el("p", "cq-storage-off", s.storage_off));
  };

  Q.retry = function () {
    var self = this;
    if (this.$(".cq-retry").hidden) return;
    this.all.forEach(function (item) {
      CQ.all(item, "input, button").forEach(function (b) { b.disabled = false; b.checked = false; if (b.type === "text") b.value = ""; b.hidden = false; });
      CQ.all(item, ".cq-feedback, .cq-option-feedback").forEach(function (b) { b.hidden = true; b.innerHTML = ""; });
      CQ.all(item, ".cq-right, .cq-wrong").forEach(function (b) { b.classList.remove("cq-right", "cq-wrong"); });
      item.querySelector(".cq-hints") && (item.querySelector(".cq-hints").innerHTML = "");
      item.classList.remove("cq-answered");
    });
    var result = this.$(".cq-result"), submit = this.$(".cq-submit");
    result.innerHTML = ""; result.className = "cq-result";
    if (submit) submit.hidden = false;
    this.$(".cq-retry").hidden = true;
    this.begin();
    this.visible()[0].querySelector("input, button").focus();
  };

  Q.bind = function () {
    var self = this;
    this.root.addEventListener("click", function (event) {
      var b = event.target.closest("button"), item = b && b.closest(".cq-item"), c = b ? b.classList : { contains: function () {} };
      if (!b || b.disabled) return;
      if (c.contains("cq-check")) self.checkOne(item);
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
  CQ.Quiz = Quiz;
})();
