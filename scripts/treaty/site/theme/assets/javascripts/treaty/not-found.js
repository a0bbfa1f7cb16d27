/* The root 404.html, for hosts that serve one page for every missing address (GitHub Pages):
   the address's first folder names its language (/fr/articles/99/ -> fr); that language's
   message alone is shown, and the page takes its language and direction. An address in none of
   the languages keeps all of them. */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector("script[data-base]");
  var base = (script && script.getAttribute("data-base")) || "/";
  var path = location.pathname;
  if (path.indexOf(base) === 0) path = path.slice(base.length);
  var lang = path.replace(/^\/+/, "").split("/")[0];
  var sections = document.querySelectorAll("[data-treaty-404-lang]");
  var chosen = null;
  sections.forEach(function (section) {
    if (section.getAttribute("data-treaty-404-lang") === lang) chosen = section;
  });
  if (!chosen) return;
  sections.forEach(function (section) { section.hidden = section !== chosen; });
  document.documentElement.lang = chosen.lang;
  document.documentElement.dir = chosen.dir;
  document.body.dir = chosen.dir;
  document.title = chosen.getAttribute("data-treaty-404-title");
})();
