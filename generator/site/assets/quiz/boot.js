/* Start quizzes on page load and after each of Material's instant navigations; on a page
   that holds a branching scenario, load its runtime (scenario.js, served beside quiz.js)
   once: other pages never download it. */
(function () {
  "use strict";
  var K = window.CourseKit, me = document.currentScript, src = me && me.src, asked = 0;
  K.onPage(function () {
    window.CourseQuiz.start();
    if (asked || window.CourseScenario || !src || !document.querySelector(".cq-sc")) return;
    asked = 1;
    var tag = document.createElement("script");
    tag.src = new URL("scenario.js", src).href;
    document.head.appendChild(tag);
  });
})();
