/* Treaty edition search engine: loaded by search-worker.js on the reader's first query (with
   search-rules.js), so that a page loads nothing of the search but the worker's few lines.
   Uses the worker's LANG and `typed` (the ticket of the latest query). */
"use strict";

// This file is at <site>/assets/javascripts/treaty/; the language's bundle at <site>/<lang>/search/.
var SITE = new URL("../../../", self.location.href);
var BUNDLE = new URL(LANG + "/search/", SITE);
var Rules = self.TreatySearchRules;
// Passages of text are fetched when typing pauses this long (ms): a word typed letter by letter
// does not fetch the text of the results of each of its prefixes.
var PAUSE = 250;
var engine = null;

function load() {
  if (!engine) {
    engine = Promise.all([
      fetch(new URL("treaty.json", BUNDLE)).then(function (response) {
        if (!response.ok) throw new Error("search rules: HTTP " + response.status);
        return response.json();
      }),
      import(new URL("pagefind.js", BUNDLE).href).then(function (pagefind) {
        return pagefind.options({ basePath: BUNDLE.pathname, baseUrl: "/", excerptLength: 0 })
          .then(function () { return pagefind.init(); })
          .then(function () { return pagefind; });
      })
    ]).then(function (loaded) {
      var data = loaded[0], pagefind = loaded[1];
      return pagefind.options({ ranking: data.ranking || {} }).then(function () {
        return {
          data: data,
          pagefind: pagefind,
          dictionary: data.dictionary ? new Rules.Dictionary(data.dictionary) : null
        };
      });
    });
    engine.catch(function () { engine = null; });
  }
  return engine;
}

/* A page's passage file (<lang>/search/passage/<id>.json: its text as written), or null. */
function passage(id) {
  return fetch(new URL("passage/" + id + ".json", BUNDLE)).then(function (response) {
    if (!response.ok) throw new Error("search passage: HTTP " + response.status);
    return response.json();
  }).catch(function () { return null; });
}

/* Pagefind fetches, for each term, the one piece (chunk) of the index whose range holds it; a term
   of one Han character also stands for the pairs that start with it, which may run on into the
   next pieces. Those pieces are fetched first, each through the first word of its range
   (data.chunks: [first, last] words of each piece, from the build; Chinese only). */
function preload(pagefind, plan, data) {
  var han = new RegExp("^[" + Rules.HAN + "]$", "u");
  var probes = [];
  plan.terms.forEach(function (term) {
    if (!han.test(term)) return;
    (data.chunks || []).forEach(function (range) {
      var probe = range[0];
      if (Array.from(range[0])[0] <= term && term <= Array.from(range[1])[0] && probes.indexOf(probe) < 0) {
        probes.push(probe);
      }
    });
  });
  return probes.length ? pagefind.preload(probes.join(" ")) : Promise.resolve();
}

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, function (char) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[char];
  });
}

/* Which words of the shown text match the query, compared as the index compares them:
   `plain` tests a word (its normalized form starts like a query word: a shared stem), `runs`
   are the Han runs to find as they are. Only the marking of results uses this. */
function matcher(plan, data) {
  var rules = data.rules;
  var han = new RegExp("[" + Rules.HAN + "]", "u");
  var terms = plan.terms.concat(plan.words);
  var clitics = data.highlight_prefixes || [];
  function forms(normal) {
    var out = [normal];
    clitics.forEach(function (prefix) {
      if (normal.indexOf(prefix) === 0 && normal.length - prefix.length >= 2) out.push(normal.slice(prefix.length));
    });
    return out;
  }
  var plain = [];
  terms.forEach(function (term) {
    if (!han.test(term) && term.length > 1) plain.push.apply(plain, forms(term));
  });
  function stemMatch(word, term) {
    if (word.indexOf(term) === 0) return true;
    var common = 0;
    while (common < word.length && common < term.length && word[common] === term[common]) common++;
    return common >= 4 && common >= Math.min(word.length, term.length) - 2;
  }
  return {
    runs: terms.filter(function (term) { return han.test(term); }),
    plain: function (word) {
      if (han.test(word)) return false;
      var candidates = forms(Rules.normalize(word, rules));
      return plain.some(function (term) {
        return candidates.some(function (form) { return stemMatch(form, term); });
      });
    }
  };
}

/* [start, end) ranges of `text` to mark. */
function ranges(text, match) {
  var out = [];
  var word = /[\p{L}\p{N}\p{M}]+/gu;
  var found;
  while ((found = word.exec(text))) {
    if (match.plain(found[0])) out.push([found.index, found.index + found[0].length]);
  }
  match.runs.forEach(function (run) {
    for (var at = text.indexOf(run); at >= 0; at = text.indexOf(run, at + run.length)) {
      out.push([at, at + run.length]);
    }
  });
  out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  var merged = [];
  out.forEach(function (range) {
    var last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range.slice());
  });
  return merged;
}

function marked(text, spans, from, to) {
  var html = "";
  var at = from;
  spans.forEach(function (span) {
    var start = Math.max(span[0], from), end = Math.min(span[1], to);
    if (end <= start) return;
    html += escapeHTML(text.slice(at, start)) + "<mark>" + escapeHTML(text.slice(start, end)) + "</mark>";
    at = end;
  });
  return html + escapeHTML(text.slice(at, to));
}

/* A passage of the page's text around the first match, with the matches marked. */
function excerpt(text, match, dense) {
  var spans = ranges(text, match);
  var before = dense ? 30 : 80, length = dense ? 130 : 280;
  var start = spans.length ? Math.max(0, spans[0][0] - before) : 0;
  if (start > 0 && !dense) {
    var space = text.indexOf(" ", start);
    if (space >= 0 && space < spans[0][0]) start = space + 1;
  }
  var end = Math.min(text.length, start + length);
  if (end < text.length && !dense) {
    var cut = text.lastIndexOf(" ", end);
    if (cut > start) end = cut;
  }
  return "<p>" + (start > 0 ? "… " : "") + marked(text, spans, start, end) + (end < text.length ? " …" : "") + "</p>";
}

function item(id, pages, match, dense, score, passage) {
  var page = pages[id] || ["", ""];
  var title = page[1] || page[0];
  return {
    location: page[0],
    title: marked(title, ranges(title, match), 0, title.length),
    text: passage ? excerpt(passage.text || "", match, dense) : "",
    score: score,
    terms: {}
  };
}

/* Results at once, from the index and the titles of treaty.json; a passage of each page's text
   (its passage file, fetched) once the reader pauses. `post` is called with each. */
function search(query, ticket, post) {
  return load().then(function (loaded) {
    var data = loaded.data, pagefind = loaded.pagefind;
    var plan = Rules.plan(query, data, loaded.dictionary);
    // An article named in the query comes first; its page is known without searching.
    var jump = plan.article ? data.articles[plan.article] : null;
    var found = plan.terms.length ? preload(pagefind, plan, data).then(function () {
      return pagefind.search(plan.terms.join(" "));
    }) : Promise.resolve(null);
    return found.then(function (answer) {
      found = [answer];
      if (ticket !== typed) return;
      var seen = new Set(), results = [];
      if (jump) {
        seen.add(jump);
        results.push({ id: jump });
      }
      found.forEach(function (answer) {
        ((answer && answer.results) || []).forEach(function (result) {
          if (!seen.has(result.id) && data.pages[result.id]) {
            seen.add(result.id);
            results.push(result);
          }
        });
      });
      var match = matcher(plan, data);
      var dense = data.rules.segment === "chinese";
      var total = results.length;
      post({ items: results.map(function (result, index) {
        return [item(result.id, data.pages, match, dense, total - index, null)];
      }) });
      var shown = results.slice(0, data.teasers || 5);
      setTimeout(function () {
        if (ticket !== typed) return;
        Promise.all(shown.map(function (result) { return passage(result.id); })).then(function (passages) {
          if (ticket !== typed) return;
          post({ items: results.map(function (result, index) {
            return [item(result.id, data.pages, match, dense, total - index, passages[index] || null)];
          }) });
        });
      }, PAUSE);
    });
  });
}
