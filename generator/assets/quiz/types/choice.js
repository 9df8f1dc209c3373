/* Choice questions: single and true_false (radio), multiple (checkboxes, exact set).
   Each chosen option shows its own feedback; right options not chosen are named too. */
(function () {
  "use strict";
  var CQ = window.CourseQuiz;
  function inputs(item) { return CQ.all(item, ".cq-options input"); }

  var choice = {
    answer: function (item) {
      var chosen = inputs(item).filter(function (i) { return i.checked; }).map(function (i) { return +i.value; });
      return chosen.length ? chosen : null;
    },
    grade: function (chosen, key, s) {
      var right = key.correct, hits = chosen.filter(function (i) { return right.indexOf(i) >= 0; }).length;
      var wrong = chosen.length - hits, exact = hits === right.length && !wrong;
      return {
        score: exact ? 1 : Math.max(0, (hits - wrong) / right.length),
        note: right.length > 1 && !exact ? CQ.format(s.found, { hits: hits, total: right.length, wrong: wrong }) : "",
      };
    },
    show: function (item, chosen, key, s) {
      inputs(item).forEach(function (input) {
        var i = +input.value, li = input.closest(".cq-option"), box = li.querySelector(".cq-option-feedback");
        var right = key.correct.indexOf(i) >= 0, picked = chosen.indexOf(i) >= 0;
        box.innerHTML = "";
        box.hidden = !picked && !right;
        if (box.hidden) return;
        li.classList.add(picked ? (right ? "cq-right" : "cq-wrong") : "cq-missed");
        var word = picked ? (right ? "✓ " + s.correct : "✗ " + s.incorrect) : "○ " + s.missed;
        box.appendChild(CQ.el("strong", "cq-option-verdict", word + (picked && key.feedback[i] ? ": " : "")));
        if (picked) box.appendChild(CQ.el("span", "", null, key.feedback[i].replace(/^<p>|<\/p>$/g, "")));
      });
    },
    fill: function (item, chosen) { inputs(item).forEach(function (i) { i.checked = chosen.indexOf(+i.value) >= 0; }); },
    arrange: function (item, rand) {
      var list = item.querySelector(".cq-options"), lis = CQ.all(list, ".cq-option");
      lis.sort(function (a, b) { return a.querySelector("input").value - b.querySelector("input").value; });
      (rand ? CQ.shuffle(lis, rand) : lis).forEach(function (li) { list.appendChild(li); });
    },
  };
  CQ.types.single = CQ.types.true_false = CQ.types.multiple = choice;
})();
