/* Branching scenarios (issue 19), served as scenario.js and loaded only on pages that hold
   one (quiz/boot.js adds it). The page carries every node readable without JavaScript
   (templates/scenario.html.j2); where each reply leads, its points and note, and the
   endings are in data-key, decoded as a quiz key (CourseQuiz.decode, seed "scenario/<id>").
   Scoring as generator/model/scenario.py: going back to a node on the path takes the path
   back there, so each node's last choice counts once. Storage, under the quiz keys:
     coursegen:v1:<course>:scenario:<id>          {"v":1,"attempts":N,"best":{percent,passed,date,ending},"last":{...,path,title,debrief}}
     coursegen:v1:<course>:scenario:<id>:attempt  {"path":[[node, choice], ...]}                                       */
(function () {
  "use strict";
  var K = window.CourseKit, store = K.store, CS = (window.CourseScenario = {});

  function add(to, tag, cls, text, html) {
    var e = to.appendChild(document.createElement(tag));
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    if (html) e.insertAdjacentHTML("beforeend", html);
    return e;
  }
  function button(to, cls, text, fn) {
    var b = add(to, "button", "md-button " + cls, text);
    b.type = "button";
    b.addEventListener("click", fn);
    return b;
  }

  function Scenario(root) {
    var d = root.dataset, self = this;
    this.root = root; this.id = d.scenario; this.course = d.course; this.pass = +d.pass; this.start = d.start;
    this.back = d.back === "true"; this.now = d.feedback === "immediate";
    this.level = +d.level || 3;  /* the outcome's heading: one below the heading the scenario sits under */
    this.s = JSON.parse(d.strings || "{}");
    this.k = window.CourseQuiz.decode("scenario/" + this.id, d.key);
    this.key = "coursegen:v1:" + this.course + ":scenario:" + this.id;
    this.nodes = {};
    [].forEach.call(root.querySelectorAll(".cq-sc-node[data-node]"), function (n) {
      var q = function (sel) { var e = n.querySelector(sel); return e ? e.innerHTML : ""; };
      self.nodes[n.dataset.node] = { narration: q(".cq-sc-narration"), says: q(".cq-sc-line"),
        choices: [].map.call(n.querySelectorAll(".cq-sc-option"), function (a) { return a.innerHTML; }) };
    });
    root.querySelector(".cq-sc-nodes").hidden = true;
    root.querySelector(".cq-sc-noscript").hidden = true;
    this.turns = add(root, "ol", "cq-sc-turns");
    this.turns.setAttribute("aria-label", this.s.scenario_conversation);
    this.ask = add(root, "fieldset", "cq-sc-ask");
    add(this.ask, "legend", "", this.s.scenario_ask);
    this.end = add(root, "div", "cq-sc-ending");
    var acts = add(root, "div", "cq-sc-actions");
    this.backBtn = button(acts, "cq-sc-back", this.s.scenario_back, function () { self.path.pop(); self.go(1); });
    button(acts, "cq-sc-restart", this.s.scenario_restart, function () { self.path = []; self.go(1); });
    root.classList.add("cq-ready");
    var att = store.get(this.key + ":attempt");
    this.path = att && Array.isArray(att.path) && this.valid(att.path) ? att.path : [];
    this.go(0, 1);
  }
  var S = Scenario.prototype;

  S.valid = function (path) {
    var at = this.start, k = this.k;
    return path.every(function (step) {
      var c = k.nodes[at] && step[0] === at && k.nodes[at][step[1]];
      if (c) at = c[0];
      return !!c;
    });
  };
  S.target = function () { var p = this.path, last = p[p.length - 1]; return last ? this.k.nodes[last[0]][last[1]][0] : this.start; };

  S.turn = function (who, html, cls) {
    var li = add(this.turns, "li", "cq-sc-turn " + (cls || ""));
    if (who) add(li, "p", "cq-sc-who", who + ":");
    add(li, "div", "", null, html);
    li.tabIndex = -1;
    return li;
  };

  /* The conversation drawn from the path; `moved`: focus the newest turn (or the ending). */
  S.go = function (moved, quiet) {
    var self = this, s = this.s, at = this.start, you = null, k = this.k;
    store.set(this.key + ":attempt", { path: this.path });
    this.turns.innerHTML = this.end.innerHTML = "";
    this.path.concat([null]).forEach(function (step) {
      var node = self.nodes[at];
      if (!node) return;
      if (node.narration) self.turn("", node.narration, "cq-sc-narrator");
      var them = self.turn(s.scenario_client, node.says);
      if (!step) { you = you || them; return; }
      var c = k.nodes[at][step[1]];
      you = self.turn(s.scenario_you, node.choices[step[1]] + (self.now && c[2] ? '<div class="cq-sc-note">' + c[2] + "</div>" : ""), "cq-sc-you");
      at = c[0];
    });
    var ending = k.endings[at];
    [].slice.call(this.ask.querySelectorAll("button")).forEach(function (b) { b.remove(); });
    this.ask.hidden = !!ending;
    if (!ending) this.nodes[at].choices.forEach(function (html, i) {
      var b = button(self.ask, "cq-sc-choice", null, function () { self.choose(at, i); });
      b.innerHTML = html;
    });
    this.backBtn.hidden = !this.back || !this.path.length;
    if (ending) this.finish(at, ending, quiet);
    if (moved && !ending) (you || this.turns.lastChild).focus();
  };

  S.choose = function (at, i) {
    var to = this.k.nodes[at][i][0];
    this.path.push([at, i]);
    for (var j = 0; j < this.path.length; j++) if (this.path[j][0] === to) { this.path.length = j; break; }
    this.go(1);
  };

  S.finish = function (id, e, quiet) {
    var self = this, s = this.s, k = this.k, got = 0, box = this.end;
    this.path.forEach(function (st) { got += k.nodes[st[0]][st[1]][1]; });
    var percent = k.best ? Math.round((100 * got) / k.best) : 100, passed = e[1] && percent >= this.pass;
    var h = add(box, "h" + this.level, "cq-sc-title", null, K.format(s.scenario_outcome, { title: e[0] }));
    if (e[2]) this.turn(s.scenario_client, e[2]);
    add(box, "p", "cq-sc-score " + (passed ? "cq-pass" : "cq-fail"), K.format(s.scenario_result, { n: percent }) + " " + (passed ? "✓ " + s.passed : "✗ " + s.not_passed));
    var debrief = add(box, "div", "cq-sc-debrief", null, e[3]);
    add(box, "h" + (this.level + 1), "", s.scenario_your_path);
    var list = add(box, "ol", "cq-sc-path");
    this.path.forEach(function (st) {
      var li = add(list, "li", "", null, self.nodes[st[0]].choices[st[1]]), note = k.nodes[st[0]][st[1]][2];
      if (note) add(li, "div", "cq-sc-note", null, note);
    });
    h.tabIndex = -1;
    if (quiet) return;
    h.focus();
    var date = new Date().toISOString(), res = { percent: percent, passed: passed, date: date, ending: id };
    var rec = store.get(this.key);
    if (!rec || rec.v !== 1) rec = { v: 1, attempts: 0, best: null };
    var b = rec.best;
    rec.attempts += 1;
    if (!b || (passed && !b.passed) || (passed === b.passed && percent > b.percent)) rec.best = res;
    rec.last = Object.assign({ path: this.path.slice(), title: h.textContent, debrief: debrief.textContent }, res);
    store.set(this.key, rec);
    this.root.dispatchEvent(new CustomEvent("cq:finished", { bubbles: true, detail: {
      course: this.course, quiz: "scenario:" + this.id, scenario: this.id, ending: id, percent: percent, passed: passed } }));
  };

  CS.start = function () {
    [].forEach.call(document.querySelectorAll(".cq-sc:not(.cq-ready)"), function (root) { new Scenario(root); });
  };
  K.onPage(CS.start);
  CS.start();  /* loaded after the page's start-up (quiz/boot.js adds this script) */
})();
