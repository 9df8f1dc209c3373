/* What the quiz runtime says to keyboard and screen-reader users (issue 17), extending
   quiz/core.js: a checked choice question's focused feedback names the answer chosen, with
   the feedback of each chosen option, and, unless all of it was right, the right answer (a
   question type's optional `said`); "Unanswered: 3, 19" links each number to its question.
   See quiz/extras/ in assets/__init__.py for where it is served. */
(function () {
  "use strict";
  var CQ = window.CourseQuiz, format = window.CourseKit.format;

  CQ.types.single.said = function (item, chosen, key, s, r) {
    function text(list) {
      return CQ.all(item, ".cq-options input").filter(function (i) { return list.indexOf(+i.value) >= 0; })
        .map(function (i) { return i.parentNode.textContent.trim(); }).join("; ");
    }
    var why = CQ.all(item, ".cq-option-feedback span").map(function (e) { return " " + e.textContent; }).join("");
    return [[format(s.you_chose, { answer: text(chosen) }), why]].concat(r.score < 1 ? [[format(s.right_answer, { answer: text(key.correct) })]] : []);
  };

  CQ.Quiz.prototype.unanswered = function (result, missing, items) {
    var parts = this.s.answer_all.split("{list}");
    result.textContent = parts[0];
    missing.forEach(function (n, i) {
      CQ.add(result, "a", "", n).href = "#" + items[n - 1].id;
      result.append(i < missing.length - 1 ? ", " : parts[1] || "");
    });
  };
})();
