/* order: steps move by buttons (keyboard, touch) or Alt+Up/Down; data-value is an opaque token. */
(function () {
  "use strict";
  var CQ = window.CourseQuiz, format = window.CourseKit.format;
  function steps(item) { return CQ.all(item, ".cq-order-item"); }
  function text(li) { return li.querySelector(".cq-order-text").textContent; }
  function move(item, li, up, s) {
    var other = up ? li.previousElementSibling : li.nextElementSibling, status = item.querySelector(".cq-order-status");
    /* first step up, last down: said */
    if (!other) { status.textContent = format(up ? s.order_first : s.order_last, { item: text(li) }); return; }
    li.parentNode.insertBefore(up ? li : other, up ? other : li);
    var all = steps(item);
    status.textContent = format(s.moved, { item: text(li), n: all.indexOf(li) + 1, total: all.length });
  }

  CQ.types.order = {
    answer: function (item) { return steps(item).map(function (li) { return +li.dataset.value; }); },
    grade: function (order, key, s, item) {
      var n = order.filter(function (v, i) { return v === key.order[i]; }).length, all = steps(item);
      var right = key.order.map(function (v, i) { return i + 1 + ". " + text(all.filter(function (li) { return +li.dataset.value === v; })[0]); });
      var note = format(s.in_place, { n: n, total: order.length }) + " " + format(s.right_order, { list: right.join(" ") });
      return { score: n / order.length, note: n < order.length ? note : "" };
    },
    show: function (item, order, key) {
      steps(item).forEach(function (li, i) { li.classList.add(+li.dataset.value === key.order[i] ? "cq-right" : "cq-wrong"); });
    },
    fill: function (item, order) {
      var all = steps(item);
      order.forEach(function (v) { all.forEach(function (li) { if (+li.dataset.value === v) li.parentNode.appendChild(li); }); });
    },
    click: function (item, button, s) {
      var li = button.closest("li");
      if (li) { move(item, li, button.classList.contains("cq-up"), s); button.focus(); }
    },
    key: function (item, event, s) {
      var li = event.target.closest(".cq-order-item"), k = event.key;
      if (!li || !event.altKey || !/^Arrow(Up|Down)$/.test(k) || event.target.disabled) return;
      event.preventDefault();
      move(item, li, k === "ArrowUp", s);
      event.target.focus();
    },
  };
})();
