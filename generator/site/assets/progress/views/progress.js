/* "Your progress": each lesson's status, the summary for the trainer (copy, download,
   mail), export and import of the learner's progress, and reset. */
(function () {
  "use strict";
  var CP = window.CourseProgress, store = window.CourseKit.store, $ = CP.$, say = CP.say;

  function download(name, text) {
    var blob = new Blob([text], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function summaryText(s, t) {
    var lines = [t("progress_course") + ": " + s.course_title + " (" + s.course + ")",
                 t("progress_learner") + ": " + (s.learner || "—"),
                 t("progress_date") + ": " + (s.date || "—"), ""];
    s.quizzes.forEach(function (q) {
      lines.push("- " + q.title + ": " + (q.best == null ? t("progress_no_result") : q.best + "% " + (q.passed ? "✓" : "✗")));
      if (q.written) lines.push("  " + t("progress_written", { n: q.written.length }));
    });
    lines.push("", t("progress_overall", { done: s.lessons_done, total: s.lessons_total }));
    lines.push(t("progress_code") + ": " + s.code);
    return lines.join("\n");
  }

  function progressView() {
    var root = document.querySelector('.cq-progress[data-view="progress"]');
    if (!root) return;
    var data = CP.info(root), t = CP.translator(data), map = CP.map(), list = $(root, ".cq-progress-list");
    if (list && !list._cqBuilt && !list.querySelector("li[data-lesson]")) {  /* built by the page itself since issue 17 */
      CP.lessonList(root, list, data.lessons, $(list, ".cq-progress-final"), function (l, a) {
        var li = CP.el("li", "cq-progress-item");
        li.setAttribute("data-lesson", l.id);
        a.setAttribute("data-lesson", l.id);
        li.appendChild(a);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(CP.el("span", "cq-status-slot"));
        return li;
      });
      CP.decorateLists(map, CP.strings());
    }
    var done = data.lessons.filter(function (l) { return CP.lessonStatus(map, l.id, l.quiz).state === "done"; }).length;
    var overall = t("progress_overall", { done: done, total: data.lessons.length });
    if (data.final) overall += " " + t(CP.record(data.course, data.final) && CP.record(data.course, data.final).best &&
      CP.record(data.course, data.final).best.passed ? "progress_final_passed" : "progress_final_open");
    var bar = $(root, ".cq-progress-overall");
    bar.textContent = overall;
    var meter = document.createElement("progress");
    meter.max = data.lessons.length; meter.value = done;
    meter.setAttribute("aria-hidden", "true");
    bar.appendChild(meter);

    function renderSummary() {
      /* The answers need each answered quiz's review data (option texts): loaded once, then drawn again. */
      var loading = CP.loadReviews(CP.answeredQuizzes(data), renderSummary);
      var s = CP.summary(data, CP.learner(data.course));
      root._cqSummary = s;
      $(root, ".cq-summary-text").textContent = summaryText(s, t);
      $(root, ".cq-summary-text").setAttribute("data-answers", loading ? "loading" : "ready");
      var mail = $(root, ".cq-summary-mail");
      if (data.email) {
        mail.hidden = false;
        /* Mail programs cut long mailto: links; the JSON rides along only while the link stays short. */
        var body = summaryText(s, t), json = JSON.stringify(s);
        if (encodeURIComponent(body + json).length < 1800) body += "\n\n" + json;
        mail.href = "mailto:" + data.email + "?subject=" + encodeURIComponent(data.title + " — " + (s.learner || t("progress_learner"))) +
          "&body=" + encodeURIComponent(body);
      }
    }
    CP.nameInput(root, data, renderSummary);
    renderSummary();
    if (root._cqBound) return;
    root._cqBound = true;
    bind(root, data, t);
  }

  function bind(root, data, t) {
    var prefix = CP.prefix(data.course);
    var known = [prefix + "learner", prefix + CP.SHARE];
    data.quizzes.forEach(function (q) { known.push(prefix + q.id, prefix + q.id + CP.REVIEW, prefix + CP.WRITTEN + q.id); });
    data.lessons.forEach(function (l) { known.push(prefix + "read:" + l.id, prefix + CP.REFLECT + l.id); });

    $(root, ".cq-summary-copy").addEventListener("click", function () {
      var text = $(root, ".cq-summary-text").textContent, status = $(root, ".cq-summary-status");
      function fallback() {
        var range = document.createRange();
        range.selectNodeContents($(root, ".cq-summary-text"));
        var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        say(status, t(ok ? "progress_copied" : "progress_copy_failed"));
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { say(status, t("progress_copied")); }, fallback);
      } else fallback();
    });
    $(root, ".cq-summary-download").addEventListener("click", function () {
      var name = "results-" + data.course + ".json";
      download(name, JSON.stringify(root._cqSummary, null, 2));
      say($(root, ".cq-summary-status"), t("progress_downloaded", { file: name }));
    });
    $(root, ".cq-export").addEventListener("click", function () {
      var items = {};
      CP.keys(prefix, known).forEach(function (k) { items[k.slice(prefix.length)] = store.get(k); });
      var name = "progress-" + data.course + ".json";
      download(name, JSON.stringify({ format: "coursegen-progress", v: 1, course: data.course, exported: new Date().toISOString(), items: items }));
      say($(root, ".cq-transfer-status"), t("progress_downloaded", { file: name }));
    });
    $(root, ".cq-import").addEventListener("change", function (event) {
      var file = event.target.files && event.target.files[0], status = $(root, ".cq-transfer-status");
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var parsed = null;
        try { parsed = JSON.parse(reader.result); } catch (e) { parsed = null; }
        if (!parsed || parsed.format !== "coursegen-progress" || parsed.v !== 1 || parsed.course !== data.course || typeof parsed.items !== "object") {
          say(status, t("progress_import_bad"));
          return;
        }
        /* Merged into what is stored: quiz records keep the better best result, other values
           (read dates, name, attempts in progress) stay as they are when already set. */
        var n = 0;
        Object.keys(parsed.items).forEach(function (k) {
          var value = parsed.items[k], here = store.get(prefix + k);
          if (!/^[a-z0-9:-]+$/.test(k) || value == null) return;
          if (value.v === 1 && here && here.v === 1) value = CP.mergeRecord(here, value);
          else if (here != null && here !== "") value = here;
          store.set(prefix + k, value);
          n++;
        });
        event.target.value = "";
        CP.refresh();
        say(status, t("progress_imported", { n: n }));
      };
      reader.readAsText(file);
    });
    var confirmBox = $(root, ".cq-reset-confirm");
    $(root, ".cq-reset").addEventListener("click", function () {
      confirmBox.hidden = false;
      say($(root, ".cq-reset-status"), "");
      $(root, ".cq-reset-no").focus();
    });
    $(root, ".cq-reset-no").addEventListener("click", function () {
      confirmBox.hidden = true;
      $(root, ".cq-reset").focus();
    });
    $(root, ".cq-reset-yes").addEventListener("click", function () {
      CP.keys(prefix, known).forEach(store.remove);
      confirmBox.hidden = true;
      CP.refresh();
      say($(root, ".cq-reset-status"), t("progress_reset_done"));
      $(root, ".cq-reset").focus();
    });
  }

  CP.views.push(progressView);
})();
