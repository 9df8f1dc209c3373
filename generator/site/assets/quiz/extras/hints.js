/* "Show a hint": the next of a question's hints (encoded like its key), saved with the
   attempt so that a reload shows as many as before; quiz/core.js replays them. */
(function () {
  "use strict";
  var CQ = window.CourseQuiz;

  CQ.Quiz.prototype.hint = function (item, quiet) {
    var qid = item.dataset.qid, list = CQ.decode(this.id + "/" + qid + "#hints", item.dataset.hints);
    var box = item.querySelector(".cq-hints"), n = box.children.length;
    var hint = CQ.add(box, "div", "cq-hint-text", null, "<p><strong>" + window.CourseKit.format(this.s.hint_n, { n: n + 1, total: list.length }) + "</strong></p>" + list[n]);
    hint.tabIndex = -1;
    item.querySelector(".cq-hint").hidden = n + 1 >= list.length;
    if (quiet) return;
    this.att.hints[qid] = n + 1;
    this.save();
    hint.focus();
  };
})();
