/* Written answers and reflections (issue 23), served alone as written.js, which progress.js
   (progress/writing.js: the storage format, the results summary) loads only on pages that
   hold a written question (.cq-wq, templates/questions/written.html.j2) or reflection prompts
   (.cq-reflect, templates/lesson.md.j2). Nothing here grades: a written answer never counts
   toward a score, a pass mark or submitting.
   - written: the text is saved as the learner types (debounced), with the question's
     fingerprint (data-fp: a changed question is not restored, the learner is told);
     "Compare with a model answer" shows the model answer and the checklist, whose ticks are
     the learner's self-rating ("3 of 4 points covered"), saved with the text;
   - reflections: each prompt of the list gets a text box labelled by the prompt, saved as
     typed; "Include my reflections in the results summary" is off until the learner ticks it.
   Every write reads the record afresh (another tab may have written since) and changes one
   entry; another tab's writes show in the boxes not being edited (storage events). */
(function () {
  "use strict";
  var K = window.CourseKit, CP = window.CourseProgress, store = K.store, W = (window.CourseWritten = {}), timers = {};
  function all(root, sel) { return [].slice.call(root.querySelectorAll(sel)); }
  function strings(el, name) { try { return JSON.parse(el.getAttribute(name || "data-writing") || "{}"); } catch (e) { return {}; } }

  /* Changes entry `id` of the record at `key` (null removes it), after `wait` ms (debounced per box). */
  function put(key, id, entry, wait) {
    var name = key + " " + id;
    clearTimeout((timers[name] || {}).t);
    var run = function () {
      delete timers[name];
      var r = CP.writing(key);
      if (entry) r.questions[id] = Object.assign(entry, { date: new Date().toISOString() });
      else delete r.questions[id];
      store.set(key, r);
    };
    timers[name] = { t: setTimeout(run, wait || 0), run: run };
  }
  /* A box left: what is still waiting to be saved is saved now (nothing, if the learner typed nothing). */
  function flush(key, id) { var w = timers[key + " " + id]; if (w) { clearTimeout(w.t); w.run(); } }
  /* The tab closed mid-sentence: no blur comes, so every box still waiting is saved now. */
  window.addEventListener("pagehide", function () { Object.keys(timers).forEach(function (n) { clearTimeout(timers[n].t); timers[n].run(); }); });

  /* One written question: its record key, and its state as the page shows it. */
  function wq(item) {
    var quiz = item.closest(".cq-quiz");
    return { item: item, key: CP.prefix(quiz.dataset.course) + CP.WRITTEN + quiz.dataset.quiz, id: item.dataset.qid,
             text: item.querySelector("textarea"), model: item.querySelector(".cq-model"), boxes: all(item, ".cq-checklist input"),
             s: strings(item.closest(".cq-wp")), quiz: quiz };
  }
  function ticks(q) { return q.boxes.filter(function (b) { return b.checked; }).map(function (b) { return +b.value; }); }
  function rate(q) {
    q.item.querySelector(".cq-rating").textContent = K.format(q.s.written_rating, { n: ticks(q).length, total: q.boxes.length });
  }
  function reveal(q, open) {
    q.model.hidden = !open;
    q.item.querySelector(".cq-compare").setAttribute("aria-expanded", String(open));
    if (open) rate(q);
  }
  function save(q, wait) {
    var open = !q.model.hidden;
    put(q.key, q.id, { value: q.text.value, fp: q.item.dataset.fp, ticks: open ? ticks(q) : null, of: open ? q.boxes.length : null }, wait);
  }
  /* The stored entry shown again; one for a question changed since is left out, with a note. */
  function fill(q) {
    var e = CP.writing(q.key).questions[q.id];
    if (!e || document.activeElement === q.text) return;
    if (e.fp && e.fp !== q.item.dataset.fp) {
      if (!q.item.querySelector(".cq-changed")) {
        var note = document.createElement("p"), legend = q.item.querySelector("legend");
        note.className = "cq-changed";
        note.textContent = strings(q.quiz, "data-strings").changed || "";
        legend.parentNode.insertBefore(note, legend.nextSibling);
      }
      return;
    }
    q.text.value = e.value || "";
    if (Array.isArray(e.ticks)) q.boxes.forEach(function (b) { b.checked = e.ticks.indexOf(+b.value) >= 0; });
    reveal(q, Array.isArray(e.ticks) || !q.model.hidden);
  }

  function bindWritten(item) {
    var q = wq(item);
    item.cqWritten = q;
    fill(q);
    q.text.addEventListener("input", function () { save(q, 400); });
    q.text.addEventListener("blur", function () { flush(q.key, q.id); });
    item.querySelector(".cq-compare").addEventListener("click", function () { reveal(q, q.model.hidden); save(q); });
    q.boxes.forEach(function (b) { b.addEventListener("change", function () { rate(q); save(q); }); });
  }

  /* Reflection prompts: the lesson's list, each item given a box named by its prompt (aria-labelledby). */
  function bindReflect(root) {
    var course = root.dataset.course, key = CP.prefix(course) + CP.REFLECT + root.dataset.lesson, s = strings(root), n = 0;
    all(root, "li").forEach(function (li) {
      var prompt = document.createElement("span"), box = document.createElement("textarea"), id = "cq-reflect-" + root.dataset.lesson + "-" + n++;
      var text = li.textContent.trim().replace(/\s+/g, " "), hash = K.hash(text).toString(36);
      while (li.firstChild) prompt.appendChild(li.firstChild);
      prompt.id = id;
      box.id = id + "-text"; box.rows = 3; box.dir = "auto";
      box.setAttribute("aria-labelledby", id);
      box.dataset.hash = hash;
      li.appendChild(prompt); li.appendChild(box);
      box.addEventListener("input", function () { put(key, hash, box.value.trim() ? { value: box.value, prompt: text } : null, 400); });
      box.addEventListener("blur", function () { flush(key, hash); });
    });
    var share = document.createElement("p"), label = document.createElement("label"), tick = document.createElement("input"), note = document.createElement("p");
    tick.type = "checkbox"; tick.className = "cq-reflect-share";
    label.appendChild(tick); label.append(" " + s.reflection_share);
    share.appendChild(label);
    note.className = "cq-reflect-note"; note.textContent = s.reflection_private;
    root.appendChild(share); root.appendChild(note);
    tick.addEventListener("change", function () { store.set(CP.prefix(course) + CP.SHARE, tick.checked); });
    root.cqReflect = { key: key, tick: tick, course: course };
    fillReflect(root);
  }
  function fillReflect(root) {
    var r = CP.writing(root.cqReflect.key);
    all(root, "textarea").forEach(function (box) {
      var e = r.questions[box.dataset.hash];
      if (document.activeElement !== box) box.value = e && typeof e.value === "string" ? e.value : "";
    });
    root.cqReflect.tick.checked = store.get(CP.prefix(root.cqReflect.course) + CP.SHARE) === true;
  }

  W.start = function () {
    all(document, ".cq-wq").forEach(function (item) { if (!item.cqWritten) bindWritten(item); });
    all(document, ".cq-reflect").forEach(function (root) { if (!root.cqReflect) bindReflect(root); });
  };
  /* Another tab wrote, reset or imported: show what is stored now. */
  window.addEventListener("storage", function () {
    all(document, ".cq-wq").forEach(function (item) {
      var q = item.cqWritten;
      if (!q) return;
      var e = CP.writing(q.key).questions[q.id];
      if (!e && document.activeElement !== q.text) { q.text.value = ""; q.boxes.forEach(function (b) { b.checked = false; }); reveal(q, false); }
      else fill(q);
    });
    all(document, ".cq-reflect").forEach(function (root) { if (root.cqReflect) fillReflect(root); });
  });
  K.onPage(W.start);
})();
