/* Material for MkDocs 9.8.1's inline helpers (partials/javascripts/base.html), as a file: the
   site's Content-Security-Policy runs no inline script. Loaded in <head>, before Material's
   bundle and the other scripts that use them. The scope (Material's `extra.scope`, or the site's
   base URL) comes from the script element's data-md-scope attribute. */
(function () {
  "use strict";
  var scope = document.currentScript.getAttribute("data-md-scope") || ".";
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (value) {
    return Array.from(value).reduce(function (hash, char) {
      return (hash << 5) - hash + char.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (error) { /* storage full or disabled: the setting is not kept */ }
  };
})();
