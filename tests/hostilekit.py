"""Hostile content for the tests: what would run in a page, read as a browser reads it, and the
Markdown renderer configured as the `treaty` plugin configures it for a page."""

from __future__ import annotations

import re

import markdown
from treaty.model import html5
from treaty.model.policy import SCHEME, STRIPPED

# Elements that run, load or submit something, or change how the page is read.
ACTIVE = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "meta", "link",
          "style", "noscript", "template", "portal", "svg", "math", "input", "button", "textarea", "select",
          "video", "audio", "source", "track", "image", "marquee"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcdoc", "data", "poster", "xlink:href", "background",
                  "srcset", "ping", "content"}
SAFE_SCHEMES = {"http", "https", "mailto"}
# MkDocs' own extensions, then mkdocs.yml's, then the treaty plugin's (treaty.site.plugin).
SITE_EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "footnotes", "treaty.markdown.paragraphs",
                   "treaty.markdown.citations", "treaty.markdown.crossrefs", "treaty.markdown.terms",
                   "treaty.markdown.safety"]


def render_like_the_site(body: str, lang: str = "en", article: int = 1) -> tuple[str, list]:
    """(HTML, what the renderer refused) of an article's Markdown, as the site renders it."""
    md = markdown.Markdown(extensions=SITE_EXTENSIONS, extension_configs={
        "toc": {"permalink": False},
        "treaty.markdown.paragraphs": {"lang": lang},
        "treaty.markdown.citations": {"lang": lang, "instrument": "Convention", "article": article},
        "treaty.markdown.crossrefs": {"lang": lang, "article": article},
        "treaty.markdown.safety": {"source": "docs/en/articles/1.md", "first_line": 9},
    })
    return md.convert(body), md.treaty_safety.problems


def executable(node, own_scripts: bool = False) -> list[str]:
    """What would run or act in the tree below `node`: active elements, event handlers, addresses
    of other schemes, reserved ids. With `own_scripts`, the site's own script files and JSON data
    are not counted (a whole page)."""
    found = []
    for element in html5.elements(node):
        tag, attrs = element.tag, element.attributes
        if tag == html5.COMMENT:
            continue
        if tag in ACTIVE and not (own_scripts and _own(tag, attrs)):
            found.append(html5.shown(element))
        for name, value in attrs.items():
            if name.startswith("on") or name in ("style", "autofocus", "formaction", "srcdoc") or (
                    name == "http-equiv" and value != "Content-Security-Policy"):
                found.append(f"{name} on {html5.shown(element)}")
            elif name in URL_ATTRIBUTES and value:
                scheme = SCHEME.match(STRIPPED.sub("", value))
                if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
                    found.append(f"{name}={value[:40]!r}")
            if name == "id" and value and value.startswith("__") and not own_scripts:
                found.append(f"id {value}")
    return found


def _own(tag: str, attrs: dict) -> bool:
    """The site's own head, scripts, forms and controls (Material's and the edition's)."""
    if tag == "script":
        # Data, never run: JSON (Material's configuration, labels) and JSON-LD (schema.org).
        return attrs.get("type") in ("application/json", "application/ld+json") or bool(
            re.match(r"^(/|\./|(\.\./)+)?assets/javascripts/", attrs.get("src") or ""))
    if tag == "meta":
        return attrs.get("http-equiv") in (None, "Content-Security-Policy")
    if tag == "link":
        return attrs.get("rel") in ("stylesheet", "icon", "canonical", "prev", "next")
    # Material's toggles, search box and icons (the content area holds none: html5.Allowlist).
    return tag in ("input", "form", "button", "svg")
