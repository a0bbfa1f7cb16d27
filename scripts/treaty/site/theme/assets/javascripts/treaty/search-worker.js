/* Treaty edition search worker. Material for MkDocs runs it in place of its own (lunr) worker and
   talks to it with Material's messages (SETUP 0, READY 1, QUERY 2, RESULT 3), so the search box,
   the result list and the keyboard stay Material's. It searches the reader's language only:
   <lang>/search/ holds that language's Pagefind index and treaty.json (rules, dictionary).
   Nothing is fetched before the reader types: the first query loads the engine (search-engine.js,
   search-rules.js) and the index. */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var LANG = new URL(self.location.href).searchParams.get("lang") || "en";
var typed = 0;

// Material sends SETUP with its own index only when the page's search form is named "search";
// the edition's form is not (partials/search.html), so that no page downloads that index: the
// worker says it is ready as soon as it runs.
self.postMessage({ type: READY });

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var query = String(message.data || "");
    var ticket = ++typed;
    function post(result) { self.postMessage({ type: RESULT, data: result }); }
    if (!query.trim()) {
      post({ items: [] });
      return;
    }
    if (typeof search === "undefined") importScripts("search-rules.js", "search-engine.js");
    search(query, ticket, post).catch(function (error) {
      console.warn("treaty search:", error);
      if (ticket === typed) post({ items: [] });
    });
  }
});
