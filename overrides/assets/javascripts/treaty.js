/* Treaty edition: keep the reader's place when switching language. The switcher links point
   to the same document in another language; the paragraph anchor (#para-2-b) is the same in
   every language, so it is carried over. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest && event.target.closest("a[data-treaty-switch]");
    if (!link || !location.hash) return;
    link.href = link.href.split("#")[0] + location.hash;
  }, true);
})();
