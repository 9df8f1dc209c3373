/* Show progress on page load, again after each instant navigation of Material, and
   whenever the quiz runtime records a result (or another tab changes the record). */
(function () {
  "use strict";
  var CP = window.CourseProgress;
  function refresh() { try { CP.refresh(); } catch (e) { if (window.console) console.error(e); } }
  document.addEventListener("cq:finished", function () { setTimeout(refresh, 0); });
  window.addEventListener("storage", function (event) {
    if (!event.key || event.key.indexOf("coursegen:v1:") === 0) refresh();
  });
  window.CourseKit.onPage(refresh);
})();
