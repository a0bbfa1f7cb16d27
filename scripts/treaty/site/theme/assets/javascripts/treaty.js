/* Treaty edition, in the reader's browser:
   1. switching language keeps the paragraph anchor (#para-2-b is the same in every language);
   2. each numbered paragraph gets a menu: "copy link" and "copy citation" (the citation is
      written into the page at build time, in the page's language). */
(function () {
  "use strict";

  var strings = {};
  try {
    strings = JSON.parse(document.getElementById("treaty-strings").textContent);
  } catch (error) { /* the menu still works with no labels */ }

  /* The same place in the other language: the anchor, and the compare view's second language
     (which becomes this page's language when the reader switches to the compared one). */
  function switched(link) {
    var target = link.getAttribute("data-treaty-switch");
    var compare = new URLSearchParams(location.search).get("compare");
    var query = "";
    if (compare && document.querySelector("[data-treaty-compare-menu]")) {
      var beside = compare === target ? document.documentElement.lang : compare;
      query = "?compare=" + encodeURIComponent(beside);
    }
    return link.href.split(/[?#]/)[0] + query + location.hash;
  }
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest && event.target.closest("a[data-treaty-switch]");
    if (link) link.href = switched(link);
  }, true);

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }

  function closeAll(except) {
    document.querySelectorAll(".treaty-cite[data-open]").forEach(function (menu) {
      if (menu === except) return;
      menu.removeAttribute("data-open");
      menu.querySelector(".treaty-cite__toggle").setAttribute("aria-expanded", "false");
    });
  }

  function item(label, action) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "treaty-cite__item";
    button.setAttribute("role", "menuitem");
    button.setAttribute("data-action", action);
    button.textContent = label;
    return button;
  }

  function addMenu(paragraph, index) {
    var wrapper = document.createElement("span");
    wrapper.className = "treaty-cite";
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "treaty-cite__toggle";
    toggle.setAttribute("aria-haspopup", "menu");
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", "treaty-cite-" + index);
    toggle.setAttribute("aria-label", (strings.cite || "Cite") + " " + paragraph.id);
    toggle.title = strings.cite || "Cite";
    toggle.textContent = "⋯";
    var menu = document.createElement("span");
    menu.className = "treaty-cite__menu";
    menu.id = "treaty-cite-" + index;
    menu.setAttribute("role", "menu");
    menu.appendChild(item(strings.copy_link || "Copy link", "link"));
    menu.appendChild(item(strings.copy_citation || "Copy citation", "citation"));
    var status = document.createElement("span");
    status.className = "treaty-cite__status";
    status.setAttribute("role", "status");
    wrapper.appendChild(toggle);
    wrapper.appendChild(menu);
    wrapper.appendChild(status);
    var enumerator = paragraph.querySelector(":scope > .treaty-enum");
    enumerator.insertAdjacentElement("afterend", wrapper);

    toggle.addEventListener("click", function () {
      var open = !wrapper.hasAttribute("data-open");
      closeAll(wrapper);
      if (open) {
        wrapper.setAttribute("data-open", "");
        toggle.setAttribute("aria-expanded", "true");
        menu.querySelector("button").focus();
      } else {
        wrapper.removeAttribute("data-open");
        toggle.setAttribute("aria-expanded", "false");
      }
    });
    menu.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var url = location.href.split("#")[0] + "#" + paragraph.id;
      var text = button.getAttribute("data-action") === "link" ? url : paragraph.getAttribute("data-citation");
      copy(text).then(function () {
        status.textContent = strings.copied || "Copied";
        setTimeout(function () { status.textContent = ""; }, 2000);
      });
      closeAll();
      toggle.focus();
    });
    wrapper.addEventListener("keydown", function (event) {
      var items = Array.prototype.slice.call(menu.querySelectorAll("button"));
      var at = items.indexOf(document.activeElement);
      if (event.key === "Escape") {
        closeAll();
        toggle.focus();
      } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && at >= 0) {
        event.preventDefault();
        items[(at + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length].focus();
      }
    });
  }

  document.querySelectorAll(".treaty-para[data-citation]").forEach(addMenu);

  // On paper a cross-reference shows its full address (the print style sheet writes it after the link).
  document.querySelectorAll(".md-typeset a.treaty-ref").forEach(function (link) {
    link.setAttribute("data-print-url", link.href);
  });

  // A term's preview shows on hover and focus (CSS); Escape hides it until the next focus.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var term = document.activeElement;
    if (term && term.classList && term.classList.contains("treaty-term")) {
      term.nextElementSibling.setAttribute("data-dismissed", "");
    }
    closeTerms();
  });
  document.addEventListener("focusin", function (event) {
    var term = event.target;
    if (term.classList && term.classList.contains("treaty-term")) {
      term.nextElementSibling.removeAttribute("data-dismissed");
    }
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest(".treaty-cite")) closeAll();
  });

  /* The language menu: a button that says whether its list is open (aria-expanded), opened and
     closed by click, Enter or Space, closed by Escape (focus back on the button) or by leaving it. */
  var switcher = document.querySelector("[data-treaty-switcher]");
  if (switcher) {
    var select = switcher.closest(".md-select");
    var setOpen = function (open) {
      switcher.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) select.setAttribute("data-open", ""); else select.removeAttribute("data-open");
    };
    switcher.addEventListener("click", function () {
      setOpen(switcher.getAttribute("aria-expanded") !== "true");
    });
    select.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || switcher.getAttribute("aria-expanded") !== "true") return;
      event.stopPropagation();
      setOpen(false);
      switcher.focus();
    });
    select.addEventListener("focusout", function (event) {
      if (!select.contains(event.relatedTarget)) setOpen(false);
    });
    document.addEventListener("click", function (event) {
      if (!select.contains(event.target)) setOpen(false);
    });
  }

  /* Defined terms on a touch screen: the first tap shows the explanation (with its link to the
     definition) instead of leaving the page; a tap elsewhere or Escape hides it. */
  var coarse = window.matchMedia && window.matchMedia("(hover: none)");
  function closeTerms(except) {
    document.querySelectorAll(".treaty-term[aria-expanded=true]").forEach(function (term) {
      if (term === except) return;
      term.setAttribute("aria-expanded", "false");
      term.nextElementSibling.removeAttribute("data-open");
    });
  }
  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest("a.treaty-term");
    if (!term) {
      if (!(event.target.closest && event.target.closest(".treaty-term__preview"))) closeTerms();
      return;
    }
    if (!(coarse && coarse.matches) || term.getAttribute("aria-expanded") === "true") return;
    event.preventDefault();
    closeTerms(term);
    term.setAttribute("aria-expanded", "true");
    term.nextElementSibling.setAttribute("data-open", "");
  });
  // Compare with…: its script only on a page asked for with ?compare=<lang> (the menu's links
  // open that address), so that no other page downloads it.
  var compareMenu = document.querySelector("[data-treaty-compare-menu]");
  if (compareMenu && new URLSearchParams(location.search).get("compare")) {
    var compareScript = document.createElement("script");
    compareScript.src = compareMenu.getAttribute("data-treaty-compare-script");
    document.head.appendChild(compareScript);
  }
})();
