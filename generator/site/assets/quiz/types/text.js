/* text: a short typed answer; case and spacing are forgiven. */
(function () {
  "use strict";
  var CQ = window.CourseQuiz, format = window.CourseKit.format;
  function input(item) { return item.querySelector(".cq-text-answer input"); }
  /* As text.py's casefold() where it matters (ß) */
  function normalise(v) { return v.toLowerCase().replace(/ß/g, "ss").trim().split(/\s+/).join(" "); }

  CQ.types.text = {
    answer: function (item) { return input(item).value.trim() || null; },
    grade: function (value, key, s) {
      var ok = key.answers.indexOf(normalise(value)) >= 0;
      return { score: ok ? 1 : 0, note: ok ? "" : format(s.accepted, { list: key.answers.join(", ") }) };
    },
    fill: function (item, value) { input(item).value = value; },
  };
})();
