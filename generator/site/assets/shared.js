/* window.CourseKit, shared by the quiz runtime and learner progress: stored JSON values,
   {name} formatting, FNV-1a hashing, start-up on every page. */
(function () {
  "use strict";
  var K = (window.CourseKit = window.CourseKit || {}), P = "coursegen:v1:", mem = {}, ls = null;

  /* JSON values, kept in memory too: localStorage may be blocked (available: false) or full. */
  try { ls = localStorage; ls.setItem(P, 1); ls.removeItem(P); } catch (e) { ls = null; }
  function local(f, k, v) { try { return ls && ls[f](k, v); } catch (e) { return null; } }
  K.store = {
    available: !!ls,
    get: function (k) { try { return JSON.parse(k in mem ? mem[k] : local("getItem", k)); } catch (e) { return null; } },
    set: function (k, v) { local("setItem", k, (mem[k] = JSON.stringify(v))); },
    remove: function (k) { delete mem[k]; local("removeItem", k); },
  };

  /* K.plural (language.js) resolves plural blocks first, once that file has loaded */
  K.format = function (text, values) {
    return String(K.plural ? K.plural(text, values) : text).replace(/\{(\w+)\}/g, function (m, k) { return values && k in values ? values[k] : m; });
  };

  /* FNV-1a 32-bit of text's UTF-8; seed: the offset basis, FNV's by default. */
  K.hash = function (text, seed) {
    var b = new TextEncoder().encode(text), h = (seed == null ? 0x811c9dc5 : seed) >>> 0;
    for (var i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 0x01000193) >>> 0;
    return h;
  };

  /* fn() on page load and after each of Material's instant navigations. */
  K.onPage = function (fn) {
    var go = function () { fn(); }, d$ = window.document$;
    if (d$ && d$.subscribe) d$.subscribe(go);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", go);
    else go();
  };
})();
