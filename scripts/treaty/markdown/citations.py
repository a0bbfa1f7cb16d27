"""Give every numbered paragraph its citation, for "copy citation" in the paragraph menu.

Runs after `treaty.markdown.paragraphs` and adds `data-citation` to each paragraph element:

    <div class="treaty-para" id="para-2-b" data-citation="…, art. 7, para. 2 (b)">

The forms come from data/citation.yml; the enumerators are those written in the text.
"""

from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from ..citations import cite
from .paragraphs import CLASS


class CitationTreeprocessor(Treeprocessor):
    def __init__(self, md, extension: "TreatyCitationsExtension"):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        article = int(self.extension.getConfig("article") or 0)
        if article:
            self.walk(root, article, [])

    def walk(self, element, article: int, tokens: list[str]):
        for child in element:
            if child.tag == "div" and child.get("class") == CLASS:
                enum = next((c for c in child if c.get("class") == "treaty-enum"), None)
                trail = tokens + [str(enum.text) if enum is not None else ""]
                first = child.get("id").split("-")[1]
                # Subparagraphs under no numbered paragraph (para-a): cite their enumerators only.
                paragraph, subs = (int(first), trail[1:]) if first.isdigit() else (None, trail)
                child.set("data-citation", cite(
                    self.extension.getConfig("lang"), self.extension.getConfig("instrument"),
                    article, paragraph, tuple(subs)))
                self.walk(child, article, trail)


class TreatyCitationsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "lang": ["en", "Language of the text: selects the citation form (data/citation.yml)"],
            "instrument": ["", "The instrument's name in that language"],
            "article": [0, "Number of the article being converted; 0 for texts that are not articles"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.registerExtension(self)
        # After the block parser has built the paragraphs, before inline processing (20).
        md.treeprocessors.register(CitationTreeprocessor(md, self), "treaty_citations", 25)


def makeExtension(**kwargs):
    return TreatyCitationsExtension(**kwargs)
