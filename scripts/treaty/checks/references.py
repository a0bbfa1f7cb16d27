"""References that lead nowhere: to an article, paragraph or subparagraph that does not exist.

The references of a page are those the renderer links: the text as `treaty.model.blocks.scan`
reads it, without headings, definitions, code spans, comments, tags or links, each read in the
paragraph it is written in ("subparagraph (b) of this paragraph"). Plain Python: no MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from treaty.checks.markup import mask_spans
from treaty.findings import Finding
from treaty.model.blocks import scan
from treaty.model.references import DEFAULT_KIND, LINKED_KINDS, Reference, find_references, known_targets, locate
from treaty.project.files import DataFiles

# Comments, tags, links and their text, reference links: never linked (code spans are blanked
# before, by markup.mask_spans, linear in the length of the text whatever its backticks).
# No part may run past the opening of another (`[^<>]`, `[^[\]]`, a comment stops at the next
# `<!--`): on text full of openers and no closers, each failed attempt then stops at the next
# opener, and masking stays linear in the length of the text.
INLINE = re.compile(
    r"<!--(?:[^<]|<(?!!--))*?-->|<[A-Za-z/!][^<>\n]*>"
    r"|!?\[[^\[\]]*\](?:\([^()\n]*\)|\[[^\[\]\n]*\])", re.S)


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


@dataclass(frozen=True)
class Found:
    """A reference in a document: as written, where (file line and column), and in which paragraph."""

    ref: Reference
    line: int
    column: int
    paragraph: int | None  # the paragraph it is written in (0: under no number)


def linkable_text(result) -> str:
    """The text of a scanned body with what is never linked blanked (headings, definitions, code
    spans, comments, tags, links), offsets and lines unchanged."""
    return INLINE.sub(lambda match: _blank(match.group(0)), mask_spans("\n".join(result.masked())))


def document_references(document, lang: str, files: DataFiles | None = None, instrument=None) -> list[Found]:
    """The references of a document's body that would be linked: none in headings, code or links.
    `instrument` (treaty.model.instrument.Instrument): the kind and name it calls its own."""
    result = scan(document.body, lang, files=files)
    text = linkable_text(result)
    found = []
    own = (instrument.kind, instrument.name(lang)) if instrument else (DEFAULT_KIND, None)
    for ref in find_references(text, lang, files, *own):
        line = text.count("\n", 0, ref.start)
        column = ref.start - (text.rfind("\n", 0, ref.start) + 1) + 1
        found.append(Found(ref, document.body_line + line, column, result.paragraph_at(line)))
    return found


def check_document(document, lang: str, known, files: DataFiles | None = None, instrument=None) -> list[Finding]:
    article = document.number if document.kind == "article" else None
    findings = []
    for found in document_references(document, lang, files, instrument):
        if found.ref.external:
            continue
        where = locate(found.ref, known, article, found.paragraph)
        if where.problem:
            findings.append(Finding(document.rel, found.line, found.column, "dangling-reference",
                                    where.problem, where.fix))
    return findings


def check_references(tree: dict, files: DataFiles | None = None, instrument=None) -> list[Finding]:
    """References to articles, paragraphs or subparagraphs that do not exist, in the tree
    (lang -> key -> Document); each language against its own text."""
    findings = []
    for lang, documents in tree.items():
        known = known_targets(documents, lang, files)
        for document in documents.values():
            if document.kind in LINKED_KINDS:
                findings += check_document(document, lang, known, files, instrument)
    return findings
