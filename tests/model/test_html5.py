"""The site reads HTML as browsers do: its parser (Lexbor, treaty.model.html5) builds the same tree
as Chromium's own on the tricks a sanitizer must not miss and on random hostile fragments (the
standard library's html.parser does not)."""

from __future__ import annotations

import random
from html.parser import HTMLParser

import pytest

from treaty.model import html5
from treaty.model.policy import markup_rules

TRICKS = [
    '<p><![CDATA[>) [y](<img src=x onerror="alert(1)">) ]]></p>',
    "<p>a<!-- x --!>b<img src=x onerror=1>--></p>",
    "<svg><![CDATA[<img src=x onerror=1>]]></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=1>",
    "<p><? foo <img src=x onerror=1> ?></p>",
    "<p><!x<img src=x onerror=1>>",
    "<table><td><a><img src=x onerror=1>",
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
]
PIECES = ["<", ">", "</", "<p>", "</p>", "<a href=x>", "</a>", "<img src=x onerror=1>", "<script>", "</script>",
          "<style>", "</style>", "<!--", "-->", "--!>", "<![CDATA[", "]]>", "<?", "<!x", "<svg>", "</svg>", "<math>",
          "<mtext>", "<mglyph>", "<table>", "<td>", "<tr>", "<textarea>", "<title>", "<iframe>", "<xmp>",
          "<noembed>", "<b>", "<i>", "</b>", "<li>", "<ul>", "<dd>", "<form>", "</form>", "<br>", "</br>", "text",
          " ", "\n", "&lt;", "&amp", "&#x3C;", "\"", "'", "=", "x", "<desc>", "<foreignObject>", "<annotation-xml>"]
# Chromium's tree of a fragment in <body>, written as treaty.model.html5.tokens writes Lexbor's.
CHROMIUM_TOKENS = """fragments => fragments.map(fragment => {
  const body = new DOMParser().parseFromString(
    "<!DOCTYPE html><html><head></head><body>" + fragment, "text/html").body;
  const out = [];
  const walk = (node, depth) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const last = out[out.length - 1];
        if (last && last[1] === "-text" && last[0] === depth) last[2] += child.data;
        else out.push([depth, "-text", child.data]);
      } else if (child.nodeType === Node.COMMENT_NODE) {
        out.push([depth, "-comment", ""]);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const attrs = Array.from(child.attributes, a => [a.name.toLowerCase(), a.value]).sort(
          (a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
        out.push([depth, child.localName.toLowerCase(), attrs]);
        if (child.localName !== "template") walk(child, depth + 1);
      }
    }
  };
  walk(body, 0);
  return out;
})"""


def site_tokens(fragment: str) -> list:
    return [[d, tag.lower(), sorted([k.lower(), v] for k, v in rest) if isinstance(rest, tuple) else rest]
            for d, tag, rest in html5.tokens(html5.fragment(fragment))]


def corpus(count: int, seed: int = 11) -> list[str]:
    """Random fragments of hostile pieces (the same ones on every run)."""
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30))) for _ in range(count)]


@pytest.mark.browser
def test_the_sites_parser_builds_chromiums_tree(browser):
    page = browser.new_page()
    fragments = TRICKS + corpus(600)
    expected = page.evaluate(CHROMIUM_TOKENS, fragments)
    page.close()
    different = [fragment for fragment, tree in zip(fragments, expected) if site_tokens(fragment) != tree]
    assert different == []


def test_the_standard_librarys_parser_does_not():
    """html.parser swallows the bogus CDATA whole: the <img> a browser runs is not seen."""
    seen = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            seen.append(tag)

    Collect().feed(TRICKS[0])
    assert "img" not in seen
    assert "img" in [token[1] for token in site_tokens(TRICKS[0])]


def test_the_sanitizer_names_what_it_would_remove():
    allow = html5.Allowlist.of(markup_rules()["published"])
    assert html5.sanitizer_changes(html5.fragment('<p class="x">Text <a href="../7/">7</a></p>'), allow) == []
    changes = html5.sanitizer_changes(html5.fragment(TRICKS[0]), allow)
    assert changes == ["an HTML comment", 'the attribute \'onerror\' of <img src="x" onerror="alert(1)">']
    assert html5.sanitizer_changes(html5.fragment('<a href="java\nscript:x">y</a>'), allow) == [
        "the address 'java\nscript:x' of <a href=\"java\nscript:x\">"]


def test_the_sanitizer_made_once_cleans_as_each_call_would():
    """Allowlist.clean keeps one nh3 sanitizer for every page: the same output as nh3.clean called
    with the allowlist's sets each time, page after page."""
    import nh3

    allow = html5.Allowlist.of(markup_rules()["published"])
    attributes = {tag: set(names) for tag, names in allow.element_attributes.items()}
    attributes["*"] = set(allow.attributes)
    for html in [*TRICKS, '<p class="x">Text <a href="../7/">7</a></p>', '<a href="java\nscript:x">y</a>'] * 2:
        assert allow.clean(html) == nh3.clean(html, tags=set(allow.elements), attributes=attributes,
                                              url_schemes=set(allow.schemes), link_rel=None, strip_comments=True)
    assert allow.cleaner is allow.cleaner
