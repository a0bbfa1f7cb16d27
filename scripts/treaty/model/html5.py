"""HTML read as a browser reads it, and what a sanitizer would keep of it.

The parser follows the WHATWG parsing algorithm, as browsers do (Lexbor, through selectolax): a
bogus comment such as `<![CDATA[>` ends at the first `>`, `<!-- x --!>` ends the comment, and so
on; the standard library's html.parser reads these differently and cannot stand in for a browser.
The sanitizer is Rust's ammonia (nh3), which parses the same way (html5ever); comparing the two
readings of a fragment tells whether the sanitizer would change anything in it, and what.

Plain Python: no Markdown, no MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import nh3
from selectolax.lexbor import LexborHTMLParser, LexborNode

from treaty.model.policy import SCHEME, STRIPPED

COMMENT, TEXT = "-comment", "-text"


def parse(html: str) -> LexborHTMLParser:
    """A whole document, or a fragment (read as the content of <body>)."""
    return LexborHTMLParser(html)


def fragment(html: str) -> LexborNode:
    """The <body> of a fragment, read as a browser reads the content of a page's <body>."""
    return parse("<!DOCTYPE html><html><head></head><body>" + html).body


def children(node: LexborNode):
    child = node.child
    while child is not None:
        yield child
        child = child.next


def elements(node: LexborNode):
    """Every element and comment below `node`, in document order."""
    for child in children(node):
        if child.tag == TEXT:
            continue
        yield child
        yield from elements(child)


@dataclass(frozen=True)
class Allowlist:
    """What a fragment may contain (data/checks.yml, markup.published)."""

    elements: frozenset[str]
    attributes: frozenset[str]  # on every element
    element_attributes: dict  # element -> frozenset of attributes
    schemes: frozenset[str]

    @classmethod
    def of(cls, published: dict) -> Allowlist:
        return cls(frozenset(published["elements"]), frozenset(published["attributes"]),
                   {tag: frozenset(names) for tag, names in (published.get("element_attributes") or {}).items()},
                   frozenset(s.lower() for s in published["schemes"]))

    def allowed(self, tag: str, name: str) -> bool:
        return name in self.attributes or name in self.element_attributes.get(tag, ())

    @cached_property
    def cleaner(self) -> nh3.Cleaner:
        attributes = {tag: set(names) for tag, names in self.element_attributes.items()}
        attributes["*"] = set(self.attributes)
        return nh3.Cleaner(tags=set(self.elements), attributes=attributes, url_schemes=set(self.schemes),
                           link_rel=None, strip_comments=True)

    def clean(self, html: str) -> str:
        """What nh3 keeps of `html` under this allowlist (its sanitizer made once: every published
        page is cleaned)."""
        return self.cleaner.clean(html)


def tokens(node: LexborNode, depth: int = 0) -> list[tuple]:
    """The tree below `node` as a flat list: (depth, tag, attributes) and (depth, text)."""
    out = []
    for child in children(node):
        if child.tag == TEXT:
            out.append((depth, TEXT, child.text_content or ""))
        elif child.tag == COMMENT:
            out.append((depth, COMMENT, ""))
        else:
            out.append((depth, child.tag, tuple(sorted((k, v or "") for k, v in child.attributes.items()))))
            out += tokens(child, depth + 1)
    return _merged(out)


def _merged(out: list[tuple]) -> list[tuple]:
    """Adjacent texts as one (a removed comment joins the texts around it)."""
    merged: list[tuple] = []
    for token in out:
        if merged and token[1] == TEXT and merged[-1][1] == TEXT and merged[-1][0] == token[0]:
            merged[-1] = (token[0], TEXT, merged[-1][2] + token[2])
        else:
            merged.append(token)
    return merged


def shown(node: LexborNode) -> str:
    """An element as a short quotation: <img src="x" onerror="…">."""
    if node.tag == COMMENT:
        return "<!-- ... -->"
    attrs = " ".join(f'{k}="{(v or "")[:30]}"' for k, v in node.attributes.items())
    return f"<{node.tag}{' ' + attrs if attrs else ''}>"[:120]


def describe(node: LexborNode, allow: Allowlist) -> list[str]:
    """Why the allowlist refuses this element (an element, an attribute, an address), if it does."""
    if node.tag == COMMENT:
        return ["an HTML comment"]
    if node.tag not in allow.elements:
        return [f"the element {shown(node)}"]
    out = []
    for name, value in node.attributes.items():
        if not allow.allowed(node.tag, name):
            out.append(f"the attribute '{name}' of {shown(node)}")
        elif name in ("href", "src") and value:
            scheme = SCHEME.match(STRIPPED.sub("", value))
            if scheme and scheme.group(1).lower() not in allow.schemes:
                out.append(f"the address '{value[:60]}' of {shown(node)}")
    return out


def sanitizer_changes(node: LexborNode, allow: Allowlist) -> list[str]:
    """What the sanitizer would change below `node` (empty: nothing), each change described."""
    html = node.inner_html or ""
    text = allow.clean(html)
    if text == html:  # the usual case: the sanitizer writes back exactly what it was given
        return []
    cleaned = fragment(text)
    if tokens(node) == tokens(cleaned):
        return []
    found = [reason for element in elements(node) for reason in describe(element, allow)]
    if found:
        return found
    before, after = tokens(node), tokens(cleaned)
    at = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b), min(len(before), len(after)))
    near = before[at] if at < len(before) else before[-1] if before else ("", "", "")
    return [f"the sanitizer changes the page's structure near {near[1]!s} {str(near[2])[:60]!r}"]
