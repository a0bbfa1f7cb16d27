/* Treaty edition: two languages side by side ("Compare with…").

   The address is the page's own with ?compare=<lang> (/fr/articles/7/?compare=ar): stable,
   citable, kept on reload and by the language switch (treaty.js). The other language's page is
   fetched (the only request) and both are laid out in rows, one row per paragraph anchor
   (para-1, para-2-b, para-intro: the same in every language), each cell in its own language and
   direction. On a narrow screen the two cells of a row stack, so the languages alternate
   paragraph by paragraph. Only a language offered by the page's own menu is fetched: the query
   chooses among the build's links, it never names an address. */
(function () {
  "use strict";

  var menu = document.querySelector("[data-treaty-compare-menu]");
  if (!menu) return;
  var wanted = new URLSearchParams(location.search).get("compare");
  var choice = wanted && menu.querySelector('a[data-treaty-compare="' + CSS.escape(wanted) + '"]');
  if (!choice) return;

  var strings = {};
  try {
    strings = JSON.parse(document.getElementById("treaty-strings").textContent);
  } catch (error) { /* labels fall back to the language's name alone */ }

  var article = menu.closest("article") || document.querySelector("article");
  var other = {
    code: choice.getAttribute("data-treaty-compare"),
    dir: choice.getAttribute("dir") || "ltr",
    name: choice.textContent.trim(),
    url: new URL(choice.getAttribute("data-treaty-compare-url"), location.href)
  };
  var own = {
    code: document.documentElement.lang,
    dir: document.documentElement.dir || "ltr"
  };

  function showActive() {
    menu.querySelector(".treaty-compare-menu__choices").hidden = true;
    var active = menu.querySelector(".treaty-compare-menu__active");
    var label = active.querySelector("[data-treaty-compare-label]");
    label.textContent = (strings.compare_beside || "") + " ";
    var name = document.createElement("span");
    name.lang = other.code;
    name.dir = other.dir;
    name.textContent = other.name;
    label.appendChild(name);
    active.hidden = false;
  }

  function fail() {
    var note = document.createElement("p");
    note.className = "treaty-compare__error";
    note.setAttribute("role", "alert");
    note.textContent = strings.compare_failed || "—";
    menu.appendChild(note);
  }

  /* The cell of one language: its element moved (this page) or adopted (the other one). */
  function cell(language, node) {
    var box = document.createElement("div");
    box.className = "treaty-compare__cell";
    box.lang = language.code;
    box.dir = language.dir;
    if (node) box.appendChild(node);
    return box;
  }

  function row(anchor, level) {
    var line = document.createElement("div");
    line.className = "treaty-compare__row";
    if (anchor) line.setAttribute("data-anchor", anchor);
    if (level) line.setAttribute("data-level", level);
    return line;
  }

  /* Each paragraph alone: nested paragraphs (subparagraphs, items) get rows of their own. */
  function paragraphs(root) {
    var list = Array.prototype.slice.call(root.querySelectorAll(".treaty-para[id]"));
    var out = list.map(function (para) { return { anchor: para.id, level: para.getAttribute("data-level"), node: para }; });
    out.forEach(function (item) {
      item.node.querySelectorAll(":scope > .treaty-para").forEach(function (child) { child.remove(); });
    });
    return out;
  }

  /* The other page's ids are prefixed (they would repeat this page's), its links made absolute
     (they are relative to its own address), its level-1 heading made a level-2 one. */
  function adopt(node, base) {
    var prefix = "compare-" + other.code + "-";
    [node].concat(Array.prototype.slice.call(node.querySelectorAll("[id]"))).forEach(function (element) {
      if (element.id) element.id = prefix + element.id;
    });
    node.querySelectorAll("[aria-describedby]").forEach(function (element) {
      element.setAttribute("aria-describedby", prefix + element.getAttribute("aria-describedby"));
    });
    node.querySelectorAll("a[href]").forEach(function (link) {
      link.href = new URL(link.getAttribute("href"), base).href;
    });
    node.querySelectorAll("h1").forEach(function (heading) {
      var replacement = document.createElement("h2");
      replacement.className = heading.className + " treaty-compare__title";
      while (heading.firstChild) replacement.appendChild(heading.firstChild);
      heading.replaceWith(replacement);
    });
    return document.importNode(node, true);
  }

  function headPart(root) {
    var parts = document.createElement("div");
    ["header.treaty-head", ".treaty-notice"].forEach(function (selector) {
      var found = root.querySelector(selector);
      if (found) parts.appendChild(found);
    });
    return parts;
  }

  function listPart(root) {
    var list = root.querySelector("ul.treaty-list");
    if (!list) return null;
    var parts = document.createElement("div");
    var heading = root.querySelector("h2#articles");
    if (heading) parts.appendChild(heading);
    parts.appendChild(list);
    return parts;
  }

  function build(html) {
    var theirs = new DOMParser().parseFromString(html, "text/html").querySelector("article");
    if (!theirs || !theirs.querySelector("header.treaty-head")) return fail();
    var grid = document.createElement("div");
    grid.className = "treaty-compare";
    grid.setAttribute("data-treaty-compare-view", other.code);

    var top = row(null, null);
    top.classList.add("treaty-compare__row--head");
    top.appendChild(cell(own, headPart(article)));
    top.appendChild(cell(other, adopt(headPart(theirs), other.url)));
    grid.appendChild(top);

    var rows = {};
    var order = [];
    paragraphs(article).forEach(function (item) {
      var line = row(item.anchor, item.level);
      line.appendChild(cell(own, item.node));
      line.appendChild(cell(other, null));
      rows[item.anchor] = line;
      order.push(line);
    });
    var previous = -1;
    paragraphs(theirs).forEach(function (item) {
      var line = rows[item.anchor];
      if (!line) {
        // A paragraph only the other language has: after the row of its predecessor.
        line = row(item.anchor, item.level);
        line.appendChild(cell(own, null));
        line.appendChild(cell(other, null));
        order.splice(previous + 1, 0, line);
        rows[item.anchor] = line;
      }
      line.lastChild.appendChild(adopt(item.node, other.url));
      previous = order.indexOf(line);
    });
    order.forEach(function (line) { grid.appendChild(line); });

    var ownList = listPart(article);
    if (ownList) {
      var lists = row(null, null);
      lists.appendChild(cell(own, ownList));
      var theirList = listPart(theirs);
      lists.appendChild(cell(other, theirList ? adopt(theirList, other.url) : null));
      grid.appendChild(lists);
    }

    menu.insertAdjacentElement("afterend", grid);
    document.body.classList.add("treaty-comparing");
    showActive();
    if (location.hash) {
      var target = document.getElementById(location.hash.slice(1));
      if (target) target.scrollIntoView();
    }
  }

  fetch(other.url.href, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    })
    .then(build)
    .catch(fail);
})();
