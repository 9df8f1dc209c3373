/* Start quizzes on page load and after each of Material's instant navigations. */
window.CourseKit.onPage(window.CourseQuiz.start);
