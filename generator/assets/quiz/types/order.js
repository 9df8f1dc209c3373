/* Order questions: move items up and down with buttons (keyboard and touch alike). */
(function () {
  "use strict";
  var CQ = window.CourseQuiz;

  function items(item) { return Array.prototype.slice.call(item.querySelectorAll(".cq-order-item")); }

  CQ.types.order = {
    answer: function (item) { return items(item).map(function (li) { return +li.dataset.value; }); },
    grade: function (order) {
      var inPlace = order.filter(function (v, i) { return v === i; }).length;
      return { score: inPlace === order.length ? 1 : inPlace / order.length };
    },
    show: function (item, order) {
      items(item).forEach(function (li, i) {
        li.classList.toggle("cq-chosen-right", +li.dataset.value === i);
        li.classList.toggle("cq-chosen-wrong", +li.dataset.value !== i);
      });
    },
    feedback: function (order, key, detail) { return detail.score >= 1 ? key.feedback_correct : key.feedback_incorrect; },
    click: function (item, button) {
      var li = button.closest(".cq-order-item");
      if (!li) return;
      var list = li.parentNode;
      if (button.classList.contains("cq-up") && li.previousElementSibling) list.insertBefore(li, li.previousElementSibling);
      else if (button.classList.contains("cq-down") && li.nextElementSibling) list.insertBefore(li.nextElementSibling, li);
      else return;
      button.focus();
    },
    lock: function (item, locked) { item.querySelectorAll(".cq-order button").forEach(function (b) { b.disabled = locked; }); },
    reset: function (item) {
      var list = item.querySelector(".cq-order");
      items(item).sort(function (a, b) { return +a.dataset.shown - +b.dataset.shown; }).forEach(function (li) {
        li.classList.remove("cq-chosen-right", "cq-chosen-wrong");
        list.appendChild(li);
      });
      this.lock(item, false);
    },
  };
})();
