/* The learner's writing (issue 23), served in progress.js: where it is stored, what the
   results summary carries of it, and the loading of written.js (assets/written/written.js,
   served beside progress.js) on the pages that hold a written question or reflection
   prompts; other pages never download it. Storage (README "Learner progress"):
     coursegen:v1:<course>:written:<quiz>    {"v":1,"questions":{qid:{value,fp,ticks,of,date}}}
     coursegen:v1:<course>:reflect:<lesson>  {"v":1,"questions":{prompt hash:{value,prompt,date}}}
     coursegen:v1:<course>:reflect-share     true when the learner includes reflections in the summary
   Both records have a quiz record's shape, so import merges them as it merges quiz records
   (CourseProgress.mergeRecord: each entry's later version). */
(function () {
  "use strict";
  var K = window.CourseKit, CP = window.CourseProgress, store = K.store, me = document.currentScript, src = me && me.src, asked = 0;
  CP.WRITTEN = "written:";
  CP.REFLECT = "reflect:";
  CP.SHARE = "reflect-share";

  /* A record of writing: {v:1, questions:{}} when absent or unknown. */
  CP.writing = function (key) {
    var r = store.get(key);
    return r && r.v === 1 && r.questions && typeof r.questions === "object" ? r : { v: 1, questions: {} };
  };

  /* The written answers of a quiz for the summary: [{id, answer, covered, points}]; covered
     (checklist points ticked) and points (the checklist's length) are null before the learner compared. */
  function written(course, quiz) {
    var r = CP.writing(CP.prefix(course) + CP.WRITTEN + quiz), out = [];
    Object.keys(r.questions).sort().forEach(function (qid) {
      var e = r.questions[qid];
      if (!e || typeof e.value !== "string" || !e.value.trim()) return;
      var rated = Array.isArray(e.ticks) && typeof e.of === "number";
      out.push({ id: qid, answer: e.value, covered: rated ? e.ticks.length : null, points: rated ? e.of : null });
    });
    return out;
  }

  /* The reflections, only when the learner chose to include them: [{lesson, prompt, text}]. */
  function reflections(course) {
    var p = CP.prefix(course), out = [];
    if (store.get(p + CP.SHARE) !== true) return out;
    CP.keys(p + CP.REFLECT).forEach(function (key) {
      var r = CP.writing(key);
      Object.keys(r.questions).forEach(function (id) {
        var e = r.questions[id];
        if (e && typeof e.value === "string" && e.value.trim()) out.push({ lesson: key.slice((p + CP.REFLECT).length), prompt: String(e.prompt || ""), text: e.value });
      });
    });
    return out;
  }

  var summary = CP.summary;
  CP.summary = function (data, name) {
    var out = summary(data, name), shared = reflections(data.course);
    out.quizzes.forEach(function (q) {
      var w = written(data.course, q.id);
      if (w.length) q.written = w;
    });
    if (shared.length) out.reflections = shared;
    return out;
  };

  K.onPage(function () {
    if (asked || window.CourseWritten || !src || !document.querySelector(".cq-wq, .cq-reflect")) return;
    asked = 1;
    var tag = document.createElement("script");
    tag.src = new URL("written.js", src).href;
    document.head.appendChild(tag);
  });
})();
