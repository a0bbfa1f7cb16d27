/* The root page: a visitor whose browser prefers one of the site's languages is sent there, unless
   they asked to choose (?choose). The languages are the script element's data-languages. */
(function () {
  "use strict";
  if (/[?&]choose\b/.test(location.search)) return;
  var offered = (document.currentScript.getAttribute("data-languages") || "").split(" ");
  var wanted = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < wanted.length; i++) {
    var code = String(wanted[i]).toLowerCase().split("-")[0];
    if (code && offered.indexOf(code) >= 0) {
      location.replace(code + "/" + location.hash);
      return;
    }
  }
})();
