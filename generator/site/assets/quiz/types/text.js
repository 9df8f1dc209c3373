/* text: a short typed answer, compared by the typed-answer rule (../../language.js,
   CourseQuiz.answerForm) with the key's answers; Enter in the field checks it. */
(function () {
  "use strict";
  var CQ = window.CourseQuiz, format = window.CourseKit.format;
  function input(item) { return item.querySelector(".cq-text-answer input"); }

  CQ.types.text = {
    answer: function (item) { return input(item).value.trim() || null; },
    grade: function (value, key, s) {
      var ok = key.answers.indexOf(CQ.answerForm(value, key.exact)) >= 0;
      return { score: ok ? 1 : 0, note: ok ? "" : format(s.accepted, { list: key.shown.join(", ") }) };
    },
    fill: function (item, value) { input(item).value = value; },
    key: function (item, event) {
      var check = item.querySelector(".cq-check");
      if (event.key === "Enter" && event.target === input(item) && check) { event.preventDefault(); check.click(); }
    },
  };
})();
