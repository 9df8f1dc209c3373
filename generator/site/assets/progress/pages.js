/* The three progress pages: "Your progress" (summary for the trainer, export, import,
   reset), the certificate, and "Review my mistakes". The course data they need comes
   with the course map (window.CourseProgressMap.info, built by generator/progress.py),
   and their lesson lists are drawn here, so the pages stay small at any size; the mistakes
   page loads each quiz's questions from its own script, assets/course/review/<quiz>.js,
   only for quizzes the learner got something wrong in. */
(function () {
  "use strict";
  var CP = window.CourseProgress, store = window.CourseKit.store;
  CP.views = CP.views || [];
  var REVIEW = "--review";
  var MISTAKES_SEED = "progress-mistakes";
  /* assets/course/, where the review scripts are: from the address of the generated course
     map, loaded just before (or of this script, if a page renamed the map) */
  var MAP_TAG = document.querySelector('script[src*="course-map.js"]'), SELF = document.currentScript;
  var ASSETS = MAP_TAG && MAP_TAG.src ? MAP_TAG.src.replace(/course-map\.js(?:[?#].*)?$/, "")
    : SELF && SELF.src ? SELF.src.replace(/progress\/pages\.js(?:[?#].*)?$/, "") : "";

  function $(root, sel) { return root.querySelector(sel); }
  function info(root) {
    if (!root._cqInfo) {
      var m = window.CourseProgressMap, data = {};
      Object.keys(m.info).forEach(function (k) { data[k] = m.info[k]; });
      data.lessons = m.map.lessons.map(function (l) { return { id: l[0], quiz: l[1], title: l[2] }; });
      root._cqInfo = data;
    }
    return root._cqInfo;
  }

  /* A lesson's address, from the one lesson link the page carries (the engine wrote it,
     so it has the right style: lessons/x/, lessons/x.html, ../lessons/x/ ...). */
  CP.lessonHref = function (root, id) {
    var a = root.querySelector(".cq-lesson-links a[data-lesson]");
    if (!a) return null;
    var href = a.getAttribute("href"), sample = a.getAttribute("data-lesson"), i = href.lastIndexOf(sample);
    return i < 0 ? null : href.slice(0, i) + id + href.slice(i + sample.length);
  };

  /* Fill a list with one item per lesson (before `before`, the final's item), once. */
  function lessonList(root, list, lessons, before, item) {
    if (!list || list._cqBuilt) return;
    list._cqBuilt = true;
    lessons.forEach(function (l) {
      var a = CP.el("a", "", l.title), href = CP.lessonHref(root, l.id);
      if (href) a.href = href;
      list.insertBefore(item(l, a), before || null);
    });
  }
  function say(el, text) { if (el) el.textContent = text; }

  function download(name, text) {
    var blob = new Blob([text], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function localDate(iso) {
    if (!iso) return "";
    var d = new Date(iso.length === 10 ? iso + "T12:00:00Z" : iso);
    try { return d.toLocaleDateString(document.documentElement.lang || undefined, { year: "numeric", month: "long", day: "numeric" }); }
    catch (e) { return iso.slice(0, 10); }
  }

  /* What a trainer gets: course, learner, best score per quiz, date and verification code. */
  CP.summary = function (data, name) {
    var quizzes = data.quizzes.map(function (q) {
      var rec = CP.record(data.course, q.id), best = rec && rec.best && typeof rec.best.percent === "number" ? rec.best : null;
      return { id: q.id, title: q.title, final: q.final, pass_mark: q.pass, best: best ? best.percent : null,
               passed: !!(best && best.passed), attempts: rec ? rec.attempts || 0 : 0, date: best && best.date ? String(best.date) : null };
    });
    var complete = quizzes.length > 0 && quizzes.every(function (q) { return q.passed; });
    var dates = quizzes.map(function (q) { return q.date; }).filter(Boolean).sort();
    var date = dates.length ? dates[dates.length - 1].slice(0, 10) : "";
    var final = quizzes.filter(function (q) { return q.final; })[0];
    var scored = quizzes.filter(function (q) { return q.best != null; });
    var finalScore = final ? final.best : scored.length ? Math.round(scored.reduce(function (s, q) { return s + q.best; }, 0) / scored.length) : null;
    var map = { course: data.course, completion: data.completion, quizOf: {} };
    var done = data.lessons.filter(function (l) { return CP.lessonStatus(map, l.id, l.quiz).state === "done"; }).length;
    return {
      format: "coursegen-results", v: 1, course: data.course, course_title: data.title, learner: name || "",
      date: date, complete: complete, final_score: finalScore, lessons_done: done, lessons_total: data.lessons.length,
      quizzes: quizzes.map(function (q) { return { id: q.id, title: q.title, best: q.best, passed: q.passed, attempts: q.attempts }; }),
      code: CP.code(data.course, name, quizzes, date),
    };
  };

  function summaryText(s, t) {
    var lines = [t("progress_course") + ": " + s.course_title + " (" + s.course + ")",
                 t("progress_learner") + ": " + (s.learner || "—"),
                 t("progress_date") + ": " + (s.date || "—"), ""];
    s.quizzes.forEach(function (q) {
      lines.push("- " + q.title + ": " + (q.best == null ? t("progress_no_result") : q.best + "% " + (q.passed ? "✓" : "✗")));
    });
    lines.push("", t("progress_overall", { done: s.lessons_done, total: s.lessons_total }));
    lines.push(t("progress_code") + ": " + s.code);
    return lines.join("\n");
  }

  function translator(data) { return function (key, values) { return CP.t(data.strings, key, values); }; }

  function nameInput(root, data, onChange) {
    var input = $(root, ".cq-learner-name");
    if (!input) return;
    if (document.activeElement !== input) input.value = CP.learner(data.course);
    if (input._cqBound) return;
    input._cqBound = true;
    input.addEventListener("input", function () {
      var key = CP.prefix(data.course) + "learner", name = input.value.trim();
      if (name) store.set(key, name); else store.remove(key);
      onChange();
    });
  }

  /* ---- "Your progress" ---- */
  function progressView() {
    var root = document.querySelector('.cq-progress[data-view="progress"]');
    if (!root) return;
    var data = info(root), t = translator(data), map = CP.map(), list = $(root, ".cq-progress-list");
    if (list && !list._cqBuilt) {
      lessonList(root, list, data.lessons, $(list, ".cq-progress-final"), function (l, a) {
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
      var s = CP.summary(data, CP.learner(data.course));
      root._cqSummary = s;
      $(root, ".cq-summary-text").textContent = summaryText(s, t);
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
    nameInput(root, data, renderSummary);
    renderSummary();
    if (root._cqBound) return;
    root._cqBound = true;
    bind(root, data, t);
  }

  function bind(root, data, t) {
    var prefix = CP.prefix(data.course);
    var known = [prefix + "learner"];
    data.quizzes.forEach(function (q) { known.push(prefix + q.id, prefix + q.id + REVIEW); });
    data.lessons.forEach(function (l) { known.push(prefix + "read:" + l.id); });

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
        var n = 0;
        Object.keys(parsed.items).forEach(function (k) {
          if (/^[a-z0-9:-]+$/.test(k) && parsed.items[k] != null) { store.set(prefix + k, parsed.items[k]); n++; }
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

  /* ---- Certificate ---- */
  function certificateView() {
    var root = document.querySelector('.cq-progress[data-view="certificate"]');
    if (!root) return;
    var data = info(root), t = translator(data);
    var s = CP.summary(data, CP.learner(data.course));
    var missing = $(root, ".cq-cert-missing"), form = $(root, ".cq-cert-form"), cert = $(root, ".cq-certificate");
    var missingList = $(root, ".cq-missing-list");
    lessonList(root, missingList, data.lessons.filter(function (l) { return l.quiz; }),
               data.final ? missingList.querySelector('li[data-quiz="' + data.final + '"]') : null, function (l, a) {
      var li = CP.el("li");
      li.setAttribute("data-quiz", l.quiz);
      li.appendChild(a);
      return li;
    });
    if (!s.complete) {
      missing.hidden = false; form.hidden = true; cert.hidden = true;
      var passed = {};
      s.quizzes.forEach(function (q) { passed[q.id] = q.passed; });
      Array.prototype.forEach.call(missing.querySelectorAll("li[data-quiz]"), function (li) { li.hidden = !!passed[li.getAttribute("data-quiz")]; });
      return;
    }
    missing.hidden = true; form.hidden = false;
    function show() {
      var name = CP.learner(data.course), now = CP.summary(data, name);
      if (!name) { cert.hidden = true; $(root, ".cq-cert-print").hidden = true; return false; }
      $(cert, ".cq-cert-name").textContent = name;
      $(cert, ".cq-cert-date").textContent = localDate(now.date);
      $(cert, ".cq-cert-score").textContent = now.final_score == null ? "—" : now.final_score + "%";
      $(cert, ".cq-cert-code").textContent = now.code;
      var brand = $(cert, ".cq-cert-brand");
      brand.innerHTML = "";
      var logo = document.querySelector(".md-header .md-logo img");
      if (logo) {
        var img = document.createElement("img");
        img.src = logo.src; img.alt = data.brand || ""; img.className = "cq-cert-logo";
        brand.appendChild(img);
      }
      /* The brand: named in the course data, else the site's own name when a brand renamed it. */
      var site = document.querySelector(".md-header__topic:first-child .md-ellipsis");
      var brandName = data.brand || (site && site.textContent.trim() !== data.title ? site.textContent.trim() : "");
      if (brandName) brand.appendChild(CP.el("p", "cq-cert-brand-name", brandName));
      cert.hidden = false;
      $(root, ".cq-cert-print").hidden = false;
      return true;
    }
    nameInput(root, data, function () { cert.hidden = true; $(root, ".cq-cert-print").hidden = true; });
    show();
    if (root._cqBound) return;
    root._cqBound = true;
    $(root, ".cq-cert-make").addEventListener("click", function () {
      var input = $(root, ".cq-learner-name"), name = input.value.trim();
      if (name) store.set(CP.prefix(data.course) + "learner", name);
      if (!show()) { say($(root, ".cq-cert-status"), t("progress_cert_need_name")); input.focus(); }
      else say($(root, ".cq-cert-status"), "");
    });
    $(root, ".cq-cert-print").addEventListener("click", function () { window.print(); });
  }
  CP.el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };

  /* ---- Review my mistakes ---- */
  /* The quiz runtime's decoder: quiz.js loads before the progress scripts (generator/assets). */
  function decode(seedId, blob) { return window.CourseQuiz.decode(seedId, blob); }

  function latestAnswer(rec, qid) {
    if (!rec) return null;
    if (rec.questions && rec.questions[qid]) return rec.questions[qid];
    var last = rec.last && rec.last.answers && rec.last.answers[qid];
    return last ? { score: last.score, date: rec.last.date } : null;
  }

  function wrongIn(rec) {
    if (!rec) return false;
    var answers = [];
    if (rec.questions) Object.keys(rec.questions).forEach(function (k) { answers.push(rec.questions[k]); });
    if (rec.last && rec.last.answers) Object.keys(rec.last.answers).forEach(function (k) { answers.push(rec.last.answers[k]); });
    return answers.some(function (a) { return a && typeof a.score === "number" && a.score < 1; });
  }

  /* The quizzes where some answer (in the quiz or a retry here) was not fully right. */
  CP.quizzesWithMistakes = function (data) {
    return data.quizzes.filter(function (q) {
      return wrongIn(CP.record(data.course, q.id)) || wrongIn(CP.record(data.course, q.id + REVIEW));
    }).map(function (q) { return q.id; });
  };

  /* Questions whose latest answer (in the quiz or in a retry here) was not fully right. */
  CP.mistakes = function (data, questions) {
    var out = [];
    data.quizzes.forEach(function (q) {
      var rec = CP.record(data.course, q.id), review = CP.record(data.course, q.id + REVIEW), table = questions[q.id] || {};
      Object.keys(table).sort(function (a, b) { return table[a][0] - table[b][0]; }).forEach(function (qid) {
        var a = latestAnswer(rec, qid), b = latestAnswer(review, qid), latest = a;
        if (b && (!a || String(b.date || "") >= String(a.date || ""))) latest = b;
        if (latest && typeof latest.score === "number" && latest.score < 1) {
          out.push({ quiz: q, qid: qid, number: table[qid][0], prompt: table[qid][1], explanation: table[qid][2], lesson: table[qid][3] });
        }
      });
    });
    return out;
  };

  /* A quiz's review data (window.CourseReview[id]): its script is added once, then `done`
     runs when it has loaded or failed. A <script> tag, not fetch(), so file:// works too. */
  var pending = {};
  function review(id) { var all = window.CourseReview; return all && all[id] ? all[id] : null; }
  function loadReview(id, done) {
    if (review(id) || pending[id] === "failed") { done(); return; }
    if (pending[id]) { pending[id].push(done); return; }
    pending[id] = [done];
    var script = document.createElement("script");
    function finish(ok) {
      var waiting = pending[id];
      pending[id] = ok ? null : "failed";
      waiting.forEach(function (f) { f(); });
    }
    script.onload = function () { finish(true); };
    script.onerror = function () { finish(false); };
    script.src = ASSETS + "review/" + encodeURIComponent(id) + ".js";
    document.head.appendChild(script);
  }

  function mistakesView() {
    var root = document.querySelector('.cq-progress[data-view="mistakes"]');
    if (!root) return;
    var data = info(root), wanted = CP.quizzesWithMistakes(data);
    var missing = wanted.filter(function (id) { return !review(id) && pending[id] !== "failed"; });
    if (missing.length) {  /* load what is needed, then show the page */
      var left = missing.length;
      missing.forEach(function (id) { loadReview(id, function () { if (--left === 0) mistakesView(); }); });
      return;
    }
    root._cqQuestions = root._cqQuestions || {};
    wanted.forEach(function (id) {
      if (!root._cqQuestions[id] && review(id)) root._cqQuestions[id] = decode(MISTAKES_SEED, review(id).questions);
    });
    showMistakes(root, data, translator(data));
  }

  function showMistakes(root, data, t) {
    var found = CP.mistakes(data, root._cqQuestions), list = $(root, ".cq-mistakes-list");
    root._cqFound = found;
    list.innerHTML = "";
    found.forEach(function (m) {
      var li = CP.el("li", "cq-mistake");
      li.setAttribute("data-quiz", m.quiz.id);
      li.setAttribute("data-qid", m.qid);
      li.appendChild(CP.el("p", "cq-mistake-where", t("progress_mistakes_in", { quiz: m.quiz.title })));
      var prompt = CP.el("div", "cq-mistake-prompt");
      prompt.innerHTML = m.prompt;
      li.appendChild(prompt);
      if (m.explanation) {
        var why = CP.el("div", "cq-mistake-explanation");
        why.innerHTML = m.explanation;
        li.appendChild(why);
      }
      var lesson = data.lessons.filter(function (l) { return l.id === m.lesson; })[0], href = lesson && CP.lessonHref(root, lesson.id);
      if (href) {
        var back = CP.el("a", "cq-mistake-lesson", t("progress_mistakes_revisit", { lesson: lesson.title }));
        back.href = href;
        var p = CP.el("p");
        p.appendChild(back);
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    say($(root, ".cq-mistakes-intro"), found.length ? t("progress_mistakes_count", { n: found.length }) : t("progress_mistakes_none"));
    $(root, ".cq-mistakes-actions").hidden = !found.length;
    if (root._cqBound) return;
    root._cqBound = true;
    $(root, ".cq-mistakes-retry").addEventListener("click", function () { retry(root); });
  }

  /* Retry: the quiz runtime runs a copy of each quiz holding only the questions missed. */
  function retry(root) {
    var area = $(root, ".cq-mistakes-retry-area"), byQuiz = {};
    root._cqFound.forEach(function (m) { (byQuiz[m.quiz.id] = byQuiz[m.quiz.id] || {})[m.qid] = true; });
    area.innerHTML = "";
    info(root).quizzes.forEach(function (q) {
      var wanted = byQuiz[q.id], data = review(q.id);
      if (!wanted || !data) return;
      var tpl = document.createElement("template");
      tpl.innerHTML = data.html;  /* rendered and made safe at build time, like any quiz */
      var box = CP.el("section", "cq-review");
      box.appendChild(CP.el("h2", "", q.title));
      box.appendChild(document.importNode(tpl.content, true));
      Array.prototype.forEach.call(box.querySelectorAll(".cq-item"), function (item) {
        if (!wanted[item.getAttribute("data-qid")]) item.remove();
      });
      area.appendChild(box);
    });
    if (window.CourseQuiz && typeof window.CourseQuiz.start === "function") window.CourseQuiz.start(area);
    var first = area.querySelector("h2");
    if (first) { first.tabIndex = -1; first.focus(); }
  }

  CP.views.push(progressView, certificateView, mistakesView);
})();
