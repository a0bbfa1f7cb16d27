"""Each language's typography on the text of a page (treaty.model.typography, data/typography.yml):
«\u202ftexte\u202f», l’article, 《公约》第七条（见第六十五条）。 Only text is touched: never code,
addresses, attributes, or a link whose text is an address. Usable in any Python-Markdown pipeline:

    markdown.markdown(text, extensions=["treaty.markdown.typography"],
                      extension_configs={"treaty.markdown.typography": {"lang": "fr"}})
"""

from __future__ import annotations

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from markdown import Extension
from treaty.model.typography import apply

SKIP = {"code", "pre", "kbd", "samp", "script", "style"}


class TypographyTreeprocessor(Treeprocessor):
    def __init__(self, md, extension: TreatyTypographyExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        self.lang = self.extension.getConfig("lang")
        self.files = self.extension.getConfig("files") or None
        self.last = ""  # the character before the text being set, across element boundaries
        self.visit(root)

    def visit(self, element):
        for child in element:
            if child.tag in SKIP or (child.tag == "a" and "://" in (child.text or "")):
                self.last = ("".join(child.itertext()) or self.last)[-1:]
            else:
                child.text = self.set(child.text)
                self.visit(child)
            child.tail = self.set(child.tail)

    def set(self, text):
        """`text` set by the rules, read after the character that precedes it on the page
        ("</a> :" is a colon after a word)."""
        if not text:
            return text
        if isinstance(text, AtomicString):
            self.last = text[-1:]
            return text
        shown = apply(self.last + text, self.lang, self.files)[len(self.last):]
        self.last = shown[-1:] or self.last
        return shown


class TreatyTypographyExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "lang": ["en", "Language of the text: selects its rules (data/typography.yml)"],
            "files": ["", "The project's data files (treaty.project.files.DataFiles); not given: the package's"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.registerExtension(self)
        # Last of the edition's tree processors: after links (7) and defined terms (5) are in place,
        # and on the text as readers see it; before Python-Markdown's own prettifying (0).
        md.treeprocessors.register(TypographyTreeprocessor(md, self), "treaty_typography", 3)


def makeExtension(**kwargs):
    return TreatyTypographyExtension(**kwargs)
