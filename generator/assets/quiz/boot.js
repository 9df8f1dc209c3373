/* Start quizzes on page load, and again after each instant navigation of Material. */
(function () {
  "use strict";
  function start() { window.CourseQuiz.start(document); }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
