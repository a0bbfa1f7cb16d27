/* Treaty edition search, the query side of scripts/treaty/search/normalize.py and chinese.py.
   The rules are not written here: they come from data/search.yml through each language's
   <lang>/search/treaty.json. tests/test_search_browser.py runs this file and the Python module
   on the same cases. Loaded by the search worker (importScripts) and by the tests (a page). */
(function (root) {
  "use strict";

  var HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var HAN_RUN = new RegExp("[" + HAN + "]+", "gu");
  var HAN_ONLY = new RegExp("^[" + HAN + "]+$", "u");
  var WORD = /[\p{L}\p{N}]+/gu;
  var MARK = /[\u0300-\u036f]/g;
  var ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹";
  var CHINESE_DIGITS = "零一二三四五六七八九";
  var compiled = new WeakMap();

  function compile(rules) {
    var done = compiled.get(rules);
    if (done) return done;
    var elision = null;
    if (rules.elisions && rules.elisions.length) {
      var words = rules.elisions.slice().sort(function (a, b) { return b.length - a.length; })
        .map(function (word) { return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
      elision = new RegExp("(?<!\\p{L})(?:" + words.join("|") + ")['’]", "gu");
    }
    done = {
      remove: rules.remove ? new RegExp(rules.remove, "gu") : null,
      elision: elision,
      article: (rules.article || []).map(function (pattern) { return new RegExp(pattern, "u"); })
    };
    compiled.set(rules, done);
    return done;
  }

  function westernDigits(text) {
    return text.replace(/[٠-٩۰-۹]/g, function (digit) {
      return String(ARABIC_INDIC.indexOf(digit) % 10);
    });
  }

  function fold(text, keep) {
    var out = "";
    for (var char of text) {
      out += keep && keep.indexOf(char) >= 0 ? char : char.normalize("NFD").replace(MARK, "");
    }
    return out.normalize("NFC");
  }

  /* Steps 1 to 5 of data/search.yml. */
  function normalize(text, rules) {
    var parts = compile(rules);
    text = westernDigits(text.normalize("NFKC").toLowerCase());
    Object.keys(rules.replace || {}).forEach(function (old) {
      text = text.split(old).join(rules.replace[old]);
    });
    if (parts.remove) text = text.replace(parts.remove, "");
    if (rules.fold_accents) text = fold(text, rules.keep || "");
    if (parts.elision) text = text.replace(parts.elision, "");
    return text;
  }

  function bigrams(run) {
    var chars = Array.from(run);
    if (chars.length < 2) return chars.length ? [run] : [];
    var out = [];
    for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    return out;
  }

  /* jieba's dictionary-mode cut over the entries the build kept (see chinese.py). */
  function Dictionary(data) {
    var parts = data.words ? data.words.split(" ") : [];
    this.freq = new Map();
    this.prefixes = new Set();
    this.total = data.total;
    for (var i = 0; i + 1 < parts.length; i += 2) {
      var word = parts[i];
      this.freq.set(word, parseInt(parts[i + 1], 10));
      var chars = Array.from(word);
      for (var j = 1; j <= chars.length; j++) this.prefixes.add(chars.slice(0, j).join(""));
    }
  }

  Dictionary.prototype.cut = function (run) {
    var chars = Array.from(run);
    var size = chars.length;
    var graph = [];
    for (var start = 0; start < size; start++) {
      var ends = [];
      var end = start;
      var fragment = chars[start];
      while (end < size && this.prefixes.has(fragment)) {
        if (this.freq.get(fragment)) ends.push(end);
        end += 1;
        fragment = chars.slice(start, end + 1).join("");
      }
      graph.push(ends.length ? ends : [start]);
    }
    var route = new Array(size + 1);
    route[size] = [0, 0];
    var logTotal = Math.log(this.total);
    for (var index = size - 1; index >= 0; index--) {
      var best = null;
      for (var k = 0; k < graph[index].length; k++) {
        var stop = graph[index][k];
        var score = Math.log(this.freq.get(chars.slice(index, stop + 1).join("")) || 1) - logTotal +
          route[stop + 1][0];
        // Python's max() of (score, end) pairs: the higher score, then the later end.
        if (!best || score > best[0] || (score === best[0] && stop > best[1])) best = [score, stop];
      }
      route[index] = best;
    }
    var out = [];
    for (var at = 0; at < size;) {
      var next = route[at][1] + 1;
      out.push(chars.slice(at, next).join(""));
      at = next;
    }
    return out;
  };

  function splitHan(word, segmenter) {
    var out = [];
    var position = 0;
    word.replace(HAN_RUN, function (run, offset) {
      if (offset > position) out.push(word.slice(position, offset));
      out.push.apply(out, segmenter(run));
      position = offset + run.length;
      return run;
    });
    if (position < word.length) out.push(word.slice(position));
    return out;
  }

  /* The normalized words of a text; Han runs cut by `segmenter`, if given. */
  function words(text, rules, segmenter) {
    var out = [];
    (normalize(text, rules).match(WORD) || []).forEach(function (word) {
      if (segmenter && word.search(HAN_RUN) >= 0) {
        HAN_RUN.lastIndex = 0;
        out.push.apply(out, splitHan(word, segmenter));
      } else {
        out.push(word);
      }
    });
    return out;
  }

  function fromChinese(text) {
    text = westernDigits(text.trim());
    if (/^[0-9]+$/.test(text)) return parseInt(text, 10);
    if (!/^[零〇一二两三四五六七八九十百]+$/.test(text)) return null;
    var total = 0;
    var current = 0;
    for (var char of text) {
      if (char === "十" || char === "百") {
        current = (current || 1) * (char === "十" ? 10 : 100);
        total += current;
        current = 0;
      } else if (char !== "零" && char !== "〇") {
        current = char === "两" ? 2 : CHINESE_DIGITS.indexOf(char);
      }
    }
    return total + current;
  }

  function articleNumber(text, rules) {
    text = text.trim();
    if (rules.numbers && Object.prototype.hasOwnProperty.call(rules.numbers, text)) return rules.numbers[text];
    return fromChinese(text);
  }

  /* [article number or null, the rest of the normalized query] */
  function articleReference(query, rules) {
    var text = normalize(query, rules);
    var patterns = compile(rules).article;
    for (var i = 0; i < patterns.length; i++) {
      var match = patterns[i].exec(text);
      if (match) {
        var number = articleNumber(match[1], rules);
        if (number) {
          var rest = text.slice(0, match.index) + " " + text.slice(match.index + match[0].length);
          return [number, rest.split(/\s+/).filter(Boolean).join(" ")];
        }
      }
    }
    return [null, text.split(/\s+/).filter(Boolean).join(" ")];
  }

  /* The index terms a query asks for one Han run, given its words (jieba's cut): the fewest
     pairs that touch every character, each a whole index term (see han_query_terms in
     normalize.py). A run of one character is asked as it is. */
  function hanQueryTerms(segments) {
    var run = Array.from(segments.join(""));
    if (run.length < 2) return run.length ? [run.join("")] : [];
    var out = [];
    var at = 0;
    segments.forEach(function (segment) {
      var chars = Array.from(segment);
      if (chars.length === 1) {
        out.push(at ? run[at - 1] + run[at] : run[0] + run[1]);
      } else {
        for (var i = 0; i + 1 < chars.length; i += 2) out.push(chars[i] + chars[i + 1]);
        if (chars.length % 2) out.push(chars[chars.length - 2] + chars[chars.length - 1]);
      }
      at += chars.length;
    });
    return out.filter(function (term, index) { return out.indexOf(term) === index; });
  }

  /* What the worker asks the engine: an article to put first and the terms to search; for
     Chinese also the query's words, cut as jieba cuts them (see query.py, its Python twin). */
  function plan(query, data, dictionary) {
    var rules = data.rules;
    var reference = articleReference(query, rules);
    // "article 7" alone asks for that article; any other words are searched as well.
    var text = reference[0] ? reference[1] : normalize(query, rules);
    if (!dictionary) return { article: reference[0], terms: words(text, rules, null), words: [] };
    var segments = [], terms = [];
    words(text, rules, function (run) { return [run]; }).forEach(function (word) {
      if (HAN_ONLY.test(word)) {
        var cut = dictionary.cut(word);
        segments.push.apply(segments, cut);
        terms.push.apply(terms, hanQueryTerms(cut));
      } else {
        segments.push(word);
        terms.push(word);
      }
    });
    return { article: reference[0], terms: terms, words: segments };
  }

  root.TreatySearchRules = {
    normalize: normalize,
    words: words,
    bigrams: bigrams,
    hanQueryTerms: hanQueryTerms,
    Dictionary: Dictionary,
    fromChinese: fromChinese,
    articleReference: articleReference,
    plan: plan,
    HAN: HAN
  };
})(typeof self !== "undefined" ? self : this);
