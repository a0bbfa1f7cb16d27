"""Numbered paragraphs and subparagraphs with language-neutral anchors.

A block that starts with an enumerator written as the language's official text writes it
("2.", "(b)", "б)", "（b）", "(ب)", "2 -") becomes

    <div class="treaty-para" id="para-2-b" data-level="2">
      <a class="treaty-enum" href="#para-2-b" ...>(b)</a> <p>text</p>
    </div>

nested inside the paragraph it belongs to, so `#para-2-b` names the same place in all six
languages. Usable in any Python-Markdown pipeline:

    markdown.markdown(text, extensions=["treaty.markdown.paragraphs"],
                      extension_configs={"treaty.markdown.paragraphs": {"lang": "fr"}})
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.blockprocessors import BlockProcessor
from markdown.util import AtomicString

from ..enumerators import EnumeratorTracker

CLASS = "treaty-para"


class TreatyParagraphProcessor(BlockProcessor):
    def __init__(self, parser, extension: "TreatyParagraphsExtension"):
        super().__init__(parser)
        self.extension = extension

    @property
    def tracker(self) -> EnumeratorTracker:
        return self.extension.tracker

    def test(self, parent, block):
        if not self.extension.getConfig("enabled"):
            return False
        return bool(self.tracker.forms.candidates(block.split("\n", 1)[0]))

    def run(self, parent, blocks):
        block = blocks.pop(0)
        lines = block.split("\n")
        # A later line that starts another enumerator begins a block of its own.
        for index in range(1, len(lines)):
            if self.tracker.forms.candidates(lines[index]):
                blocks.insert(0, "\n".join(lines[index:]))
                lines = lines[:index]
                break
        step = self.tracker.feed(lines[0])
        if step.problem:
            self.extension.problems.append((step.anchor, step.enumerator.token, step.problem))
        level = step.enumerator.level
        container = parent
        while len(container) and container[-1].get("class") == CLASS:
            if int(container[-1].get("data-level")) >= level:
                break
            container = container[-1]
        div = etree.SubElement(container, "div", {"class": CLASS, "id": step.anchor})
        div.set("data-level", str(level))
        label = self.extension.getConfig("permalink_label").format(ref=step.anchor)
        link = etree.SubElement(div, "a", {"class": "treaty-enum", "href": f"#{step.anchor}"})
        link.set("title", label)
        link.text = AtomicString(step.enumerator.token)
        paragraph = etree.SubElement(div, "p")
        paragraph.text = "\n".join([lines[0][step.enumerator.end :]] + lines[1:])


class TreatyParagraphsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "lang": ["en", "Language of the text: selects its enumerators (data/enumerators.yml)"],
            "enabled": [True, "Turn recognition off for pages that are not treaty text"],
            "permalink_label": ["{ref}", "Title of the enumerator link; {ref} is the anchor"],
        }
        super().__init__(**kwargs)
        self.problems: list[tuple[str, str, str]] = []
        self.tracker = EnumeratorTracker(self.getConfig("lang"))

    def reset(self):
        self.problems = []
        self.tracker = EnumeratorTracker(self.getConfig("lang"))

    def extendMarkdown(self, md):
        md.registerExtension(self)
        self.reset()
        # Before ordered lists (40): "1." opens a treaty paragraph, not a list item.
        md.parser.blockprocessors.register(TreatyParagraphProcessor(md.parser, self), "treaty_para", 45)
        md.treaty_paragraphs = self


def makeExtension(**kwargs):
    return TreatyParagraphsExtension(**kwargs)
