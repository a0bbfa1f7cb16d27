"""Turn references in the text into links: "paragraph 2 (b) of article 7" becomes

    <a class="treaty-ref" href="../7/#para-2-b">paragraph 2 (b) of article 7</a>

and a reference to the article being converted ("paragraph 1 of this article") a link to
`#para-1`; a reference to that article as a whole is left as text (it would lead to the page
itself). The references are read with the language's grammar (treaty.model.references,
data/references.yml); references to other instruments are never linked, nor is text in headings,
code or existing links. Usable in any Python-Markdown pipeline:

    markdown.markdown(text, extensions=["treaty.markdown.paragraphs", "treaty.markdown.crossrefs"],
                      extension_configs={"treaty.markdown.crossrefs": {"lang": "fr", "article": 7}})

With `known` (the targets that exist: "7", "7#para-1-b", see treaty.model.references.known_targets), a
reference to anything else is never linked: it is an error naming `source` and the line in
`strict` mode, and otherwise recorded in `problems` and passed to `report`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from markdown import Extension
from treaty.findings import Finding
from treaty.markdown.paragraphs import CLASS as PARAGRAPH_CLASS
from treaty.model.blocks import paragraph_of
from treaty.model.references import DEFAULT_KIND, find_references, locate

CLASS = "treaty-ref"
SKIP = {"a", "code", "pre", "kbd", "samp", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6"}


class DanglingReferenceError(ValueError):
    """A reference to an article, paragraph or subparagraph that does not exist (strict mode)."""

    def __init__(self, finding: Finding):
        super().__init__(finding.text())
        self.finding = finding


class SourcePreprocessor(Preprocessor):
    """Keeps the text as written, to say on which line a reference is."""

    def __init__(self, md, extension: TreatyCrossrefsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines):
        self.extension.source = "\n".join(lines)
        self.extension.cursor = 0
        return lines


class CrossrefsTreeprocessor(Treeprocessor):
    def __init__(self, md, extension: TreatyCrossrefsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        config = self.extension.getConfig
        if not config("enabled"):
            return
        self.lang = config("lang")
        self.article = int(config("article") or 0) or None
        known = config("known")
        self.known = frozenset(known) if known != "" and known is not None else None
        self.visit(root, None)

    def visit(self, element, paragraph):
        if element.tag == "div" and PARAGRAPH_CLASS in (element.get("class") or "").split():
            paragraph = paragraph_of(element.get("id", "para-0"))
        children = list(element)  # before the links of element.text are inserted among them
        element.text = self.link(element, None, element.text, paragraph)
        for child in children:
            if child.tag not in SKIP:
                self.visit(child, paragraph)
            child.tail = self.link(element, child, child.tail, paragraph)

    def link(self, parent, after, text, paragraph):
        """Return the text that stays before the links; insert the links after `after`."""
        if not text:
            return text
        config = self.extension.getConfig
        links = []
        for ref in find_references(text, self.lang, config("files") or None, config("instrument_kind") or DEFAULT_KIND,
                                   config("instrument_name") or None):
            href = None if ref.external else self.href(ref, paragraph)
            if href:
                links.append((ref, href))
        if not links:
            return text
        position = 0 if after is None else list(parent).index(after) + 1
        for index, (ref, href) in enumerate(links):
            element = etree.Element("a", {"class": CLASS, "href": href})
            element.text = ref.text
            following = links[index + 1][0].start if index + 1 < len(links) else len(text)
            element.tail = text[ref.end : following]
            parent.insert(position, element)
            position += 1
        return text[: links[0][0].start]

    def href(self, ref, paragraph) -> str | None:
        where = locate(ref, self.known, self.article, paragraph)
        if where.problem:
            self.extension.problem(ref, where.problem, where.fix)
            return None
        if where.target is None:
            return None  # "this article" outside an article: left as written
        article, _, anchor = where.target.partition("#")
        if self.article and int(article) == self.article:
            # The article this text is: a paragraph of it is a link within the page, the article
            # itself no link at all (it would lead to the page being read).
            return f"#{anchor}" if anchor else None
        url = self.extension.getConfig("article_url").format(article=article)
        return f"{url}#{anchor}" if anchor else url


class TreatyCrossrefsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "lang": ["en", "Language of the text: selects its reference grammar (data/references.yml)"],
            "enabled": [True, "Turn linking off for pages that are not treaty text"],
            "article": [0, "Number of the article being converted; 0 for texts that are not articles"],
            "article_url": ["../{article}/", "URL of an article relative to the page; {article} is its number"],
            # Python-Markdown turns a None default into a boolean: "" stands for "not given".
            "known": ["", "The targets that exist ('7', '7#para-1-b'); not given: every reference is linked"],
            "strict": [False, "Raise DanglingReferenceError on a reference to a target not in `known`"],
            "source": ["", "File name of the text, for messages"],
            "first_line": [1, "Line of that file where the Markdown text begins"],
            "report": ["", "Called with each problem's message when not strict (e.g. a logger's warning)"],
            "files": ["", "The project's data files (treaty.project.files.DataFiles); not given: the package's"],
            "instrument_kind": ["", "The instrument's kind (convention, protocol, ...): 'of this Protocol' is its own"],
            "instrument_name": ["", "The instrument's name in this language: a reference followed by it is its own"],
        }
        super().__init__(**kwargs)
        self.problems: list[Finding] = []
        self.source = ""
        self.cursor = 0

    def reset(self):
        self.problems = []
        self.source = ""
        self.cursor = 0

    def position(self, text: str) -> tuple[int, int]:
        """Line and column of the next occurrence of `text` in the source (white space may differ)."""
        pattern = re.compile(r"\s+".join(re.escape(word) for word in text.split()))
        match = pattern.search(self.source, self.cursor) or pattern.search(self.source)
        first = int(self.getConfig("first_line") or 1)
        if not match:
            return first, 1
        self.cursor = match.end()
        line = self.source.count("\n", 0, match.start())
        column = match.start() - (self.source.rfind("\n", 0, match.start()) + 1) + 1
        return first + line, column

    def problem(self, ref, message: str, fix: str) -> None:
        line, column = self.position(ref.text)
        finding = Finding(self.getConfig("source") or "<text>", line, column, "dangling-reference", message, fix)
        if self.getConfig("strict"):
            raise DanglingReferenceError(finding)
        self.problems.append(finding)
        report = self.getConfig("report")
        if report:
            report(finding.text())

    def extendMarkdown(self, md):
        md.registerExtension(self)
        self.reset()
        md.preprocessors.register(SourcePreprocessor(md, self), "treaty_crossrefs_source", 100)
        # After inline processing (20), so links and code are elements to skip; before the
        # defined terms (5), which then leave the reference links alone.
        md.treeprocessors.register(CrossrefsTreeprocessor(md, self), "treaty_crossrefs", 7)
        md.treaty_crossrefs = self


def makeExtension(**kwargs):
    return TreatyCrossrefsExtension(**kwargs)
