"""Mark the terms the treaty defines, with a definition preview and a link to the definition.

The first occurrence of each defined term in each paragraph becomes

    <a class="treaty-term" href="../2/#para-1" aria-describedby="term-3" data-term="electronic_data">…</a>
    <span class="treaty-term__preview" role="tooltip" id="term-3">… <a href="../2/#para-1">…</a></span>

The link goes to the paragraph of the definitions article that names the term (`anchors`).

The preview appears on hover and keyboard focus (styles and Escape in the theme), and screen
readers announce it as the link's description. Terms come from the instrument's terminology
file (`terms_file`); without one, nothing is marked.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path

from markdown.treeprocessors import Treeprocessor

from markdown import Extension
from treaty.model.terminology import load_terms, term_pattern

BLOCKS = {"p", "li", "td", "th", "dd", "dt", "blockquote"}
SKIP = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "abbr", "dfn", "span"}
UNSPACED = {"zh", "ja"}


class TermsTreeprocessor(Treeprocessor):
    def __init__(self, md, extension: TreatyTermsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        config = self.extension.getConfig
        if not config("enabled") or not config("terms_file"):
            return
        lang = config("lang")
        path = Path(config("terms_file"))
        self.terms = load_terms(lang, path)
        self.pattern = term_pattern(lang, path, spaced=lang not in UNSPACED)
        self.count = 0
        if self.pattern is not None:
            self.visit(root)

    def visit(self, element):
        for child in list(element):
            if child.tag in SKIP:
                continue
            if child.tag in BLOCKS:
                self.mark_block(child, set())
            else:
                self.visit(child)

    def mark_block(self, block, seen: set):
        """Mark first occurrences in the text of `block` and of its inline children."""
        block.text = self.mark_text(block, None, block.text, seen)
        for child in list(block):
            if child.tag in BLOCKS:
                self.mark_block(child, set())
            elif child.tag not in SKIP:
                self.mark_block(child, seen)
            child.tail = self.mark_text(block, child, child.tail, seen)

    def mark_text(self, parent, after, text, seen: set):
        """Return what stays as text; insert term elements after `after` (None: at the start)."""
        if not text:
            return text
        match = None
        for candidate in self.pattern.finditer(text):
            concept = self.concept_of(candidate)
            if concept.concept not in seen:
                match = candidate
                break
        if match is None:
            return text
        seen.add(concept.concept)
        link, preview = self.elements(concept, match.group(0))
        position = 0 if after is None else list(parent).index(after) + 1
        parent.insert(position, link)
        parent.insert(position + 1, preview)
        preview.tail = self.mark_text(parent, preview, text[match.end():], seen)
        return text[: match.start()]

    def concept_of(self, match):
        index = int(next(name for name, value in match.groupdict().items() if value)[1:])
        return self.terms[index]

    def elements(self, term, surface: str):
        config = self.extension.getConfig
        self.count += 1
        ident = f"term-{self.count}"
        anchor = (config("anchors") or {}).get(term.concept)
        href = config("definition_url") + (f"#{anchor}" if anchor else "")
        link = etree.Element("a", {"class": "treaty-term", "href": href,
                                   "aria-describedby": ident, "data-term": term.concept})
        link.text = surface
        preview = etree.Element("span", {"class": "treaty-term__preview", "role": "tooltip", "id": ident})
        label = etree.SubElement(preview, "span", {"class": "treaty-term__label"})
        label.text = config("preview_label")
        label.tail = " " + term.gloss
        if config("definition_label"):
            # Reached by a tap on a touch screen (treaty.js), where the term itself opens this preview.
            # Out of the Tab order: on a keyboard the term itself leads to the definition.
            more = etree.SubElement(preview, "a", {"class": "treaty-term__more", "href": href, "tabindex": "-1"})
            more.text = config("definition_label")
            more.tail = ""
            label.tail += " "
        return link, preview


class TreatyTermsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "lang": ["en", "Language of the text"],
            "terms_file": ["", "The instrument's terminology file; none: no term is marked"],
            "definition_url": ["", "Where the definitions are, relative to the page being converted"],
            "preview_label": ["", "Heading of the preview, e.g. who wrote the explanation"],
            "definition_label": ["", "The preview's link to the definition; empty: no link"],
            "anchors": [{}, "concept -> the anchor of its definition in the definitions article"],
            "enabled": [True, "Turn marking off (for example in the definitions article itself)"],
            "files": ["", "The project's data files (treaty.project.files.DataFiles); not given: the package's"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.registerExtension(self)
        # After inline processing (20), so links and code are already elements to skip.
        md.treeprocessors.register(TermsTreeprocessor(md, self), "treaty_terms", 5)


def makeExtension(**kwargs):
    return TreatyTermsExtension(**kwargs)
