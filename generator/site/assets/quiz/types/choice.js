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
        CQ.add(box, "strong", "", picked ? (right ? "✓ " + s.correct : "✗ " + s.incorrect) + ": " : "○ " + s.missed);
        if (picked) CQ.add(box, "span", "", null, key.feedback[i].replace(/^<p>|<\/p>\s*$/g, ""));
        box.hidden = false;
      });
    },
    /* Chosen (their feedback, for screen readers) and, unless all right, right options */
    said: function (item, chosen, key, s, r) {
      function text(list) {
        return inputs(item).filter(function (i) { return list.indexOf(+i.value) >= 0; }).map(function (i) { return i.parentNode.textContent.trim(); }).join("; ");
      }
      var why = CQ.all(item, ".cq-option-feedback span").map(function (e) { return " " + e.textContent; }).join("");
      return [[format(s.you_chose, { answer: text(chosen) }), why]].concat(r.score < 1 ? [[format(s.right_answer, { answer: text(key.correct) })]] : []);
    },
    fill: function (item, chosen) { inputs(item).forEach(function (i) { i.checked = chosen.indexOf(+i.value) >= 0; }); },
  };
})();
