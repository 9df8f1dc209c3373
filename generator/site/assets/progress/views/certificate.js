/* The certificate: what is still to pass, then, once every quiz is passed, the learner's
   name and a certificate that prints on one page. */
(function () {
  "use strict";
  var CP = window.CourseProgress, store = window.CourseKit.store, $ = CP.$, say = CP.say;

  function localDate(iso) {
    if (!iso) return "";
    var d = new Date(iso.length === 10 ? iso + "T12:00:00Z" : iso);
    try { return d.toLocaleDateString(document.documentElement.lang || undefined, { year: "numeric", month: "long", day: "numeric" }); }
    catch (e) { return iso.slice(0, 10); }
  }

  function certificateView() {
    var root = document.querySelector('.cq-progress[data-view="certificate"]');
    if (!root) return;
    var data = CP.info(root), t = CP.translator(data);
    var s = CP.summary(data, CP.learner(data.course));
    var missing = $(root, ".cq-cert-missing"), form = $(root, ".cq-cert-form"), cert = $(root, ".cq-certificate");
    var missingList = $(root, ".cq-missing-list");
    CP.lessonList(root, missingList, data.lessons.filter(function (l) { return l.quiz; }),
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
      data.quizzes.forEach(function (q, i) {  /* a lesson's scenario not passed keeps the lesson listed (issue 19) */
        var l = q.scenario && data.lessons.filter(function (x) { return x.id === q.lesson; })[0];
        if (l && l.quiz) passed[l.quiz] = passed[l.quiz] && s.quizzes[i].passed;
      });
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
    CP.nameInput(root, data, function () { cert.hidden = true; $(root, ".cq-cert-print").hidden = true; });
    show();
    if (root._cqBound) return;
    root._cqBound = true;
    $(root, ".cq-cert-make").addEventListener("click", function () {
      var input = $(root, ".cq-learner-name"), name = input.value.trim();
      if (name) store.set(CP.prefix(data.course) + "learner", name);
      if (!show()) { say($(root, ".cq-cert-status"), t("progress_cert_need_name")); input.focus(); }
      else { say($(root, ".cq-cert-status"), ""); $(cert, ".cq-cert-heading").focus(); }  /* the certificate, announced by its heading */
    });
    $(root, ".cq-cert-print").addEventListener("click", function () { window.print(); });
  }

  CP.views.push(certificateView);
})();
