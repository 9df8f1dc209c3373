/* Start quizzes on page load and after each of Material's instant navigations. */
(function () {
  var go = function () { window.CourseQuiz.start(document); }, d$ = window.document$;
  if (d$ && d$.subscribe) d$.subscribe(go);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", go);
  else go();
})();
