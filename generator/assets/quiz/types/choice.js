/* Choice questions: single (radio), true_false (radio) and multiple (checkboxes). */
(function () {
  "use strict";
  var CQ = window.CourseQuiz;

  function inputs(item) { return Array.prototype.slice.call(item.querySelectorAll(".cq-options input")); }

  var choice = {
    answer: function (item) {
      var chosen = inputs(item).filter(function (i) { return i.checked; }).map(function (i) { return +i.value; });
      return chosen.length ? chosen : null;
    },
    grade: function (chosen, key) {
      var right = key.correct;
      var hits = chosen.filter(function (i) { return right.indexOf(i) >= 0; }).length;
      var wrong = chosen.length - hits;
      var exact = hits === right.length && wrong === 0;
      var score = exact ? 1 : Math.max(0, (hits - wrong) / right.length);
      return { score: score, chosen: chosen };
    },
    show: function (item, chosen, key) {
      inputs(item).forEach(function (input) {
        var index = +input.value, li = input.closest(".cq-option");
        var box = li.querySelector(".cq-option-feedback");
        li.classList.remove("cq-chosen-right", "cq-chosen-wrong");
        box.hidden = true;
        if (chosen.indexOf(index) < 0) return;
        var right = key.correct.indexOf(index) >= 0;
        li.classList.add(right ? "cq-chosen-right" : "cq-chosen-wrong");
        box.innerHTML = "";
        var tag = CQ.el("strong", "cq-option-verdict", (right ? "✓ " : "✗ "));
        box.appendChild(tag);
        box.appendChild(CQ.html("span", "", key.feedback[index]));
        box.hidden = false;
      });
    },
    lock: function (item, locked) { inputs(item).forEach(function (i) { i.disabled = locked; }); },
    reset: function (item) {
      inputs(item).forEach(function (i) {
        i.checked = false; i.disabled = false;
        var li = i.closest(".cq-option");
        li.classList.remove("cq-chosen-right", "cq-chosen-wrong");
        li.querySelector(".cq-option-feedback").hidden = true;
      });
    },
  };
  CQ.types.single = choice;
  CQ.types.true_false = choice;
  CQ.types.multiple = choice;
})();
