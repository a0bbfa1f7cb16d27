/* Material for MkDocs 9.8.1's partials/javascripts/outdated.html, as a file: the banner of an
   outdated version; the base URL comes from the script element's data-md-base. */
(function () {
  "use strict";
  var element = document.querySelector("[data-md-component=outdated]");
  var base = new URL(document.currentScript.getAttribute("data-md-base"), location);
  var outdated = __md_get("__outdated", sessionStorage, base);
  if (outdated === true && element) element.hidden = false;
})();
