"""Give every paragraph of an article its citation, for "copy citation" in the paragraph menu.

Runs after `treaty.markdown.paragraphs` and adds `data-citation` to each paragraph element:

    <div class="treaty-para" id="para-2-b" data-citation="…, art. 7, para. 2 (b)">
    <div class="treaty-para" id="para-2" data-unnumbered data-citation="…, art. 7, second paragraph">

The forms come from data/citation.yml; the enumerators are those written in the text. The
introductory text of an article (`para-intro`) is cited as the article.
"""

from __future__ import annotations

from markdown.treeprocessors import Treeprocessor

from markdown import Extension
from treaty.markdown.paragraphs import CLASS
from treaty.model.citations import cite


class CitationTreeprocessor(Treeprocessor):
    def __init__(self, md, extension: TreatyCitationsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        article = int(self.extension.getConfig("article") or 0)
        if article:
            self.walk(root, article, [])

    def walk(self, element, article: int, tokens: list[str]):
        config = self.extension.getConfig
        for child in element:
            if child.tag != "div" or child.get("class") != CLASS:
                continue
            first = child.get("id").split("-")[1]
            if child.get("data-unnumbered") is not None:
                paragraph = int(first) if first.isdigit() else None
                child.set("data-citation", cite(config("lang"), config("instrument"), article, paragraph,
                                                unnumbered=True, files=config("files") or None))
                continue
            enum = next((c for c in child if c.get("class") == "treaty-enum"), None)
            trail = tokens + [str(enum.text) if enum is not None else ""]
            # Subparagraphs under no numbered paragraph (para-a): cite their enumerators only.
            paragraph, subs = (int(first), trail[1:]) if first.isdigit() else (None, trail)
            child.set("data-citation", cite(config("lang"), config("instrument"), article, paragraph,
                                            tuple(subs), files=config("files") or None))
            self.walk(child, article, trail)


class TreatyCitationsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "lang": ["en", "Language of the text: selects the citation form (data/citation.yml)"],
            "instrument": ["", "The instrument's name in that language"],
            "article": [0, "Number of the article being converted; 0 for texts that are not articles"],
            "files": ["", "The project's data files (treaty.project.files.DataFiles); not given: the package's"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.registerExtension(self)
        # After the block parser has built the paragraphs, before inline processing (20).
        md.treeprocessors.register(CitationTreeprocessor(md, self), "treaty_citations", 25)


def makeExtension(**kwargs):
    return TreatyCitationsExtension(**kwargs)
