/* Material for MkDocs 9.8.1's partials/javascripts/announce.html, as a file: an announcement the
   reader dismissed stays hidden. */
(function () {
  "use strict";
  var element = document.querySelector("[data-md-component=announce]");
  if (!element) return;
  var content = element.querySelector(".md-typeset");
  if (__md_hash(content.innerHTML) === __md_get("__announce")) element.hidden = true;
})();
