/* Course quiz runtime: core. Plain JavaScript, no framework, no network.
   Question types register themselves in CourseQuiz.types (see types/*.js). */
(function () {
  "use strict";
  var CQ = (window.CourseQuiz = window.CourseQuiz || { types: {} });

  /* Mirror of generator/encode.py: base64 -> XOR keystream (FNV-1a seed, xorshift32). */
  CQ.decode = function (quizId, blob) {
    var bin = atob(blob), bytes = new Uint8Array(bin.length), seed = "cq:" + quizId;
    var utf = new TextEncoder().encode(seed), state = 0x811c9dc5;
    for (var i = 0; i < utf.length; i++) state = Math.imul(state ^ utf[i], 0x01000193) >>> 0;
    state = state || 1;
    for (var j = 0; j < bin.length; j++) {
      state ^= state << 13; state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5; state >>>= 0;
      bytes[j] = bin.charCodeAt(j) ^ (state & 0xff);
    }
    return JSON.parse(new TextDecoder().decode(bytes));
  };

  CQ.format = function (text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) { return values && k in values ? values[k] : m; });
  };

  CQ.el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };

  /* Trusted HTML: produced by the generator's inert Markdown renderer, decoded from the key. */
  CQ.html = function (tag, cls, html) {
    var e = CQ.el(tag, cls);
    e.innerHTML = html || "";
    return e;
  };

  CQ.verdict = function (strings, score) {
    if (score >= 1) return { cls: "cq-correct", icon: "✓", word: strings.correct };
    if (score > 0) return { cls: "cq-partly", icon: "◐", word: strings.partly };
    return { cls: "cq-incorrect", icon: "✗", word: strings.incorrect };
  };

  function Quiz(root) {
    this.root = root;
    this.id = root.dataset.quiz;
    this.mode = root.dataset.mode;
    this.passMark = +root.dataset.pass;
    this.partial = root.dataset.partial !== "false";
    this.strings = JSON.parse(root.dataset.strings || "{}");
    this.items = Array.prototype.slice.call(root.querySelectorAll(".cq-item"));
    this.key = null;
    this.results = {};
    root.classList.add("cq-ready");
  }

  Quiz.prototype.getKey = function () {
    if (!this.key) this.key = CQ.decode(this.id, this.root.dataset.key);
    return this.key;
  };

  Quiz.prototype.typeOf = function (item) { return CQ.types[item.dataset.type]; };

  Quiz.prototype.grade = function (item) {
    var type = this.typeOf(item), value = type.answer(item);
    if (value === null) return null;
    var key = this.getKey()[item.dataset.qid];
    var result = type.grade(value, key);
    if (!this.partial && result.score < 1) result.score = 0;
    return { value: value, key: key, score: result.score, detail: result };
  };

  Quiz.prototype.show = function (item, graded) {
    var type = this.typeOf(item), box = item.querySelector(".cq-feedback");
    type.show(item, graded.value, graded.key, graded.detail);
    var v = CQ.verdict(this.strings, graded.score);
    box.innerHTML = "";
    box.className = "cq-feedback " + v.cls;
    var head = CQ.el("p", "cq-verdict");
    head.appendChild(CQ.el("span", "cq-icon", v.icon)).setAttribute("aria-hidden", "true");
    head.appendChild(document.createTextNode(" " + v.word));
    box.appendChild(head);
    var extra = type.feedback ? type.feedback(graded.value, graded.key, graded.detail) : "";
    if (extra) box.appendChild(CQ.html("div", "cq-type-feedback", extra));
    if (graded.key.explanation) box.appendChild(CQ.html("div", "cq-explanation", graded.key.explanation));
    box.hidden = false;
    item.classList.add("cq-answered");
  };

  Quiz.prototype.checkOne = function (item) {
    var graded = this.grade(item);
    var box = item.querySelector(".cq-feedback");
    if (!graded) {
      box.className = "cq-feedback cq-notice";
      box.textContent = this.strings.choose_one || "";
      box.hidden = false;
      box.focus();
      return;
    }
    this.results[item.dataset.qid] = graded.score;
    this.show(item, graded);
    box.focus();
    if (Object.keys(this.results).length === this.items.length) this.finish();
  };

  Quiz.prototype.submit = function () {
    var self = this, missing = [];
    this.items.forEach(function (item, i) { if (self.typeOf(item).answer(item) === null) missing.push(i + 1); });
    var result = this.root.querySelector(".cq-result");
    if (missing.length) {
      result.textContent = CQ.format(this.strings.answer_all, { list: missing.join(", ") });
      result.focus();
      return;
    }
    this.items.forEach(function (item) {
      var graded = self.grade(item);
      self.results[item.dataset.qid] = graded.score;
      self.show(item, graded);
      self.typeOf(item).lock(item, true);
    });
    this.finish();
  };

  Quiz.prototype.finish = function () {
    var self = this, total = 0, got = 0;
    this.items.forEach(function (item) {
      var points = +item.dataset.points || 1;
      total += points;
      got += points * (self.results[item.dataset.qid] || 0);
    });
    var percent = total ? Math.round((100 * got) / total) : 0, passed = percent >= this.passMark;
    var result = this.root.querySelector(".cq-result");
    result.innerHTML = "";
    result.className = "cq-result " + (passed ? "cq-pass" : "cq-fail");
    result.appendChild(CQ.el("p", "cq-score", this.strings.your_score + ": " + percent + "%"));
    result.appendChild(CQ.el("p", "cq-points", CQ.format(this.strings.points, { score: +got.toFixed(2), total: total })));
    result.appendChild(CQ.el("p", "cq-passed", (passed ? "✓ " + this.strings.passed : "✗ " + this.strings.not_passed)));
    var submit = this.root.querySelector(".cq-submit");
    if (submit) submit.hidden = true;
    this.root.querySelector(".cq-retry").hidden = false;
    result.focus();
    this.root.dispatchEvent(new CustomEvent("cq:finished", { bubbles: true, detail: { quiz: this.id, percent: percent, passed: passed } }));
  };

  Quiz.prototype.retry = function () {
    var self = this;
    this.results = {};
    this.items.forEach(function (item) {
      self.typeOf(item).reset(item);
      var box = item.querySelector(".cq-feedback");
      box.hidden = true; box.innerHTML = ""; box.className = "cq-feedback";
      item.classList.remove("cq-answered");
    });
    var result = this.root.querySelector(".cq-result");
    result.innerHTML = ""; result.className = "cq-result";
    var submit = this.root.querySelector(".cq-submit");
    if (submit) submit.hidden = false;
    this.root.querySelector(".cq-retry").hidden = true;
    var first = this.root.querySelector("input, button");
    if (first) first.focus();
  };

  Quiz.prototype.bind = function () {
    var self = this;
    this.root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !self.root.contains(button)) return;
      var item = button.closest(".cq-item");
      if (button.classList.contains("cq-check") && item) self.checkOne(item);
      else if (button.classList.contains("cq-submit")) self.submit();
      else if (button.classList.contains("cq-retry")) self.retry();
      else if (item && self.typeOf(item).click) self.typeOf(item).click(item, button);
    });
  };

  CQ.start = function (scope) {
    var roots = (scope || document).querySelectorAll(".cq-quiz:not(.cq-ready)");
    Array.prototype.forEach.call(roots, function (root) { new Quiz(root).bind(); });
  };
  CQ.Quiz = Quiz;
})();
