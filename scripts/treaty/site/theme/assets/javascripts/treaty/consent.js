/* Material for MkDocs 9.8.1's partials/javascripts/consent.html, as a file: the cookie consent
   form, filled with the reader's choice, or shown until they make one. */
(function () {
  "use strict";
  var form = document.forms.consent;
  var consent = __md_get("__consent");
  if (consent) {
    Array.prototype.forEach.call(form.elements, function (input) {
      if (input.name) input.checked = consent[input.name] || false;
    });
  } else if (location.protocol !== "file:") {
    setTimeout(function () {
      document.querySelector("[data-md-component=consent]").hidden = false;
    }, 250);
  }
  ["submit", "reset"].forEach(function (action) {
    form.addEventListener(action, function (event) {
      event.preventDefault();
      if (event.type === "reset") {
        Array.prototype.forEach.call(form.elements, function (input) {
          if (input.name) input.checked = false;
        });
      }
      var chosen = {};
      new FormData(form).forEach(function (_value, key) { chosen[key] = true; });
      __md_set("__consent", chosen);
      location.hash = "";
      location.reload();
    });
  });
})();
