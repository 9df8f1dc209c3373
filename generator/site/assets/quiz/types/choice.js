/* single, true_false (radio) and multiple (checkboxes: full marks for the exact set). */
(function () {
  "use strict";
  var CQ = window.CourseQuiz, format = window.CourseKit.format;
  function inputs(item) { return CQ.all(item, ".cq-options input"); }

  CQ.types.single = CQ.types.true_false = CQ.types.multiple = {
    answer: function (item) {
      var chosen = inputs(item).filter(function (i) { return i.checked; }).map(function (i) { return +i.value; });
      return chosen.length ? chosen : null;
    },
    grade: function (chosen, key, s) {
      var right = key.correct, hits = chosen.filter(function (i) { return right.indexOf(i) >= 0; }).length;
      var wrong = chosen.length - hits, exact = hits === right.length && !wrong;
      return {
        score: exact ? 1 : Math.max(0, (hits - wrong) / right.length),
        note: right.length > 1 && !exact ? format(s.found, { hits: hits, total: right.length, wrong: wrong }) : "",
      };
    },
    show: function (item, chosen, key, s) {
      inputs(item).forEach(function (input) {
        var i = +input.value, li = input.closest("li"), box = li.querySelector(".cq-option-feedback");
        var right = key.correct.indexOf(i) >= 0, picked = chosen.indexOf(i) >= 0;
        if (!picked && !right) return;
        li.classList.add(picked ? (right ? "cq-right" : "cq-wrong") : "cq-missed");
        CQ.add(box, "strong", "", (picked ? (right ? "✓ " + s.correct : "✗ " + s.incorrect) : "○ " + s.missed) + ": ");
        CQ.add(box, "span", "", null, key.feedback[i].replace(/^<p>|<\/p>\s*$/g, ""));  /* a missed right option's too */
        box.hidden = false;
      });
    },
    fill: function (item, chosen) { inputs(item).forEach(function (i) { i.checked = chosen.indexOf(+i.value) >= 0; }); },
  };
})();
