/* Material for MkDocs 9.8.1's partials/javascripts/content.html, as a file: the tab a reader last
   chose (with the feature content.tabs.link, the script element's data-tabs-link), and the tab
   the address' #fragment names. */
(function () {
  "use strict";
  if (document.currentScript.hasAttribute("data-tabs-link")) {
    var tabs = __md_get("__tabs");
    if (Array.isArray(tabs)) {
      document.querySelectorAll(".tabbed-set").forEach(function (set) {
        var labels = set.querySelector(".tabbed-labels");
        for (var i = 0; i < tabs.length; i++) {
          var found = Array.prototype.find.call(labels.getElementsByTagName("label"), function (label) {
            return label.innerText.trim() === tabs[i];
          });
          if (found) {
            document.getElementById(found.htmlFor).checked = true;
            return;
          }
        }
      });
    }
  }
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
