/* Where focus goes for a keyboard or screen-reader user, extending quiz/core.js: following a
   link of "Unanswered: 3, 19" (quiz/extras/speech.js) lands on that question's first control,
   not only scrolls to it, and the list stays; Enter in a typed answer of an assessment (which has no Check
   button) moves to the next question's first control, after the last to Submit, which it
   never presses. See quiz/extras/ in assets/__init__.py for where it is served. */
(function () {
  "use strict";
  var CQ = window.CourseQuiz, Q = CQ.Quiz.prototype, bind = Q.bind, text = CQ.types.text, key = text.key;

  /* A question's first control that takes focus, else its group (named by its legend). */
  function land(question) {
    var to = question.querySelector("input:not([disabled]), textarea:not([disabled]), button:not([disabled]):not([hidden])");
    if (!to) { to = question.querySelector("fieldset") || question; to.tabIndex = -1; }
    to.focus();
  }

  Q.bind = function () {
    this.root.addEventListener("click", function (event) {
      var a = event.target.closest(".cq-result a[href^='#']"), target = a && document.getElementById(a.getAttribute("href").slice(1));
      if (!target) return;
      /* Followed here, not by the browser nor Material's instant navigation: both make Material
         load the page afresh, which empties the list. The address names the question, focus
         (which scrolls it into view) lands on it; no new history entry. */
      event.preventDefault();
      event.stopPropagation();
      history.replaceState(history.state, "", "#" + target.id);
      land(target);
    });
    bind.call(this);
  };

  text.key = function (item, event, s) {
    key(item, event, s);
    var quiz = item.closest(".cq-quiz");
    if (event.key !== "Enter" || event.isComposing || event.defaultPrevented || !event.target.matches(".cq-text-answer input") ||
        !quiz || quiz.dataset.mode !== "assessment") return;
    event.preventDefault();
    var all = CQ.all(quiz, ".cq-item:not([hidden]), .cq-wq"), next = all[all.indexOf(item) + 1];
    if (next) land(next);
    else if (quiz.querySelector(".cq-submit:not([hidden])")) quiz.querySelector(".cq-submit").focus();
  };
})();
