/* Order questions: move steps with buttons (keyboard and touch) or Alt+Up/Down.
   Each step carries an opaque token (its shown position); the key lists the right order. */
(function () {
  "use strict";
  var CQ = window.CourseQuiz;
  function steps(item) { return CQ.all(item, ".cq-order-item"); }
  function text(li) { return li.querySelector(".cq-order-text").textContent; }

  function move(item, li, up, s) {
    var list = li.parentNode, other = up ? li.previousElementSibling : li.nextElementSibling;
    if (!other) return false;
    list.insertBefore(up ? li : other, up ? other : li);
    var all = steps(item);
    item.querySelector(".cq-order-status").textContent = CQ.format(s.moved, { item: text(li), n: all.indexOf(li) + 1, total: all.length });
    return true;
  }

  CQ.types.order = {
    answer: function (item) { return steps(item).map(function (li) { return +li.dataset.value; }); },
    grade: function (order, key, s, item) {
      var n = order.filter(function (v, i) { return v === key.order[i]; }).length, all = steps(item);
      var right = key.order.map(function (v, i) { return i + 1 + ". " + text(all.filter(function (li) { return +li.dataset.value === v; })[0]); });
      var note = CQ.format(s.in_place, { n: n, total: order.length }) + " " + CQ.format(s.right_order, { list: right.join(" ") });
      return { score: n / order.length, note: n < order.length ? note : "" };
    },
    show: function (item, order, key) {
      steps(item).forEach(function (li, i) { li.classList.add(+li.dataset.value === key.order[i] ? "cq-right" : "cq-wrong"); });
    },
    feedback: function (order, key, r) { return r.score >= 1 ? key.feedback_correct : key.feedback_incorrect; },
    fill: function (item, order) {
      var list = item.querySelector(".cq-order"), all = steps(item);
      order.forEach(function (v) { all.forEach(function (li) { if (+li.dataset.value === v) list.appendChild(li); }); });
    },
    arrange: function (item, rand) {
      var all = steps(item).sort(function (a, b) { return a.dataset.value - b.dataset.value; });
      if (rand) CQ.shuffle(all, rand);
      this.fill(item, all.map(function (li) { return +li.dataset.value; }));
    },
    click: function (item, button, s) {
      var li = button.closest(".cq-order-item");
      if (li && move(item, li, button.classList.contains("cq-up"), s)) button.focus();
    },
    key: function (item, event, s) {
      var li = event.target.closest(".cq-order-item"), k = event.key;
      if (!li || !event.altKey || (k !== "ArrowUp" && k !== "ArrowDown") || event.target.disabled) return;
      event.preventDefault();
      if (move(item, li, k === "ArrowUp", s)) event.target.focus();
    },
  };
})();
