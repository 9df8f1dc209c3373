/* Text questions: a short typed answer; case and spacing are forgiven. */
(function () {
  "use strict";
  var CQ = window.CourseQuiz;

  function normalise(s) { return s.toLocaleLowerCase().trim().split(/\s+/).join(" "); }
  function input(item) { return item.querySelector(".cq-text-answer input"); }

  CQ.types.text = {
    answer: function (item) { var v = input(item).value; return v.trim() ? v : null; },
    grade: function (value, key) { return { score: key.answers.indexOf(normalise(value)) >= 0 ? 1 : 0 }; },
    show: function () {},
    feedback: function (value, key, detail) { return detail.score >= 1 ? key.feedback_correct : key.feedback_incorrect; },
    lock: function (item, locked) { input(item).disabled = locked; },
    reset: function (item) { input(item).value = ""; input(item).disabled = false; },
  };
})();
