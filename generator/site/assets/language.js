/* What depends on the learner's language and script, served as its own file after quiz.js
   (assets/course/language.js: the quiz runtime's size budget) and before progress.js.
   - CourseKit.plural(text, values): each `{n, plural, one {# lesson} other {# lessons}}` block
     of an interface string resolved by the page language's Intl.PluralRules, as
     generator/i18n format_text does with Babel at build time (the same patterns);
     CourseKit.format calls it.
   - CourseQuiz.answerForm(value, exact): the typed-answer rule of
     generator/model/questions/text.py (README "Typed answers"), the same patterns
     character for character: the form a `text` question's input is compared in. */
(function () {
  "use strict";
  var K = window.CourseKit, CQ = (window.CourseQuiz = window.CourseQuiz || {});
  var PLURAL = /\{(\w+), plural,((?:[^{}]|\{[^{}]*\})*)\}/g;
  var FORM = /(=?\w+) *\{([^{}]*)\}/g;

  K.plural = function (text, values) {
    return String(text).replace(PLURAL, function (block, name, body) {
      if (!values || !(name in values)) return block;
      var n = values[name], lang = document.documentElement.lang || "en", forms = {}, form;
      body.replace(FORM, function (m, category, words) { forms[category] = words; });
      /* a language the browser does not know: `other`, as Babel's fallback at build time */
      var known = typeof n === "number" && Intl.PluralRules.supportedLocalesOf(lang).length;
      form = forms["=" + n];
      if (form == null) form = forms[known ? new Intl.PluralRules(lang).select(n) : "other"];
      if (form == null) form = forms.other || "";
      return form.replace(/#/g, n);
    });
  };

  var INVISIBLE = /[\u00ad\u0640\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
  var APOSTROPHES = /[`\u00b4\u02b9\u02bb-\u02bd\u02c8\u05f3\u2018-\u201b\u2032\u2035\u2039\u203a\uff07\uff40]/g;
  var QUOTES = /[\u00ab\u00bb\u02ba\u05f4\u201c-\u201f\u2033\u2036\u301d-\u301f\uff02]/g;
  var DASHES = /[\u058a\u05be\u2010-\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/g;
  var SPACES = /[\t-\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
  var ENDS = /^[ '\".,;:!?\xa1\xb7\xbf\u037e\u0387\u05c3\u060c\u061b\u061f\u06d4\u0964\u0965\u3001\u3002]+|[ '\".,;:!?\xa1\xb7\xbf\u037e\u0387\u05c3\u060c\u061b\u061f\u06d4\u0964\u0965\u3001\u3002]+$/g;
  var TRIM = /^[\t-\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t-\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

  CQ.answerForm = function (value, exact) {
    if (exact) return value.normalize("NFC").replace(TRIM, "");
    value = value.replace(INVISIBLE, "").replace(APOSTROPHES, "'").replace(QUOTES, '"').replace(DASHES, "-");
    /* upper case: the one case mapping Python and browsers share (ß -> SS, final ς -> Σ) */
    return value.normalize("NFKC").toUpperCase().replace(/\u1e9e/g, "SS").normalize("NFKC").replace(SPACES, " ").replace(ENDS, "");
  };
})();
