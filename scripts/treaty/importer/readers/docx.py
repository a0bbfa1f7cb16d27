"""Word (.docx): paragraphs with their style, alignment, emphasis and list numbering, and footnotes.

Read with python-docx, and from the document's XML where python-docx has no API (footnotes,
numbering formats, page breaks Word recorded when it last laid the document out).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.text.paragraph import Paragraph

from treaty.importer.errors import ImportFailure, Where
from treaty.importer.readers import Block, Footnote, Source, clean, note_ref
from treaty.importer.readers.limits import check_docx

NUM_FORMATS = {
    "decimal": "decimal", "decimalZero": "decimal", "decimalEnclosedParen": "decimal",
    "decimalFullWidth": "decimal", "decimalHalfWidth": "decimal", "arabicAbjad": "abjad",
    "arabicAlpha": "arabic-alpha", "lowerLetter": "lower-alpha", "upperLetter": "upper-alpha",
    "lowerRoman": "lower-roman", "upperRoman": "upper-roman", "russianLower": "cyrillic-lower",
    "russianUpper": "cyrillic-upper", "hindiNumbers": "decimal",
}
SKIPPED_NOTES = ("separator", "continuationSeparator", "continuationNotice")
W_P, W_T, W_TAB, W_BR, W_CR = qn("w:p"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")


class Numbering:
    """List formats of the document: (numId, ilvl) -> numFmt and start, and running counters."""

    def __init__(self, document):
        self.formats: dict[tuple[str, int], tuple[str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                start = lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl")))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    int(start.get(qn("w:val"))) if start is not None else 1,
                )
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val")) if ref is not None else None, {}))
            for override in num.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                ilvl = int(override.get(qn("w:ilvl")))
                if start is not None and ilvl in levels:
                    levels[ilvl] = (levels[ilvl][0], int(start.get(qn("w:val"))))
            for ilvl, value in levels.items():
                self.formats[(num.get(qn("w:numId")), ilvl)] = value

    def item(self, num_id: str, ilvl: int) -> tuple[str, int] | None:
        """(format, position) of the next item of list num_id at level ilvl; None for bullets."""
        fmt, start = self.formats.get((num_id, ilvl), ("decimal", 1))
        if fmt in ("bullet", "none"):
            return None
        counts = self.counters.setdefault(num_id, [])
        while len(counts) <= ilvl:
            counts.append(0)
        del counts[ilvl + 1:]
        counts[ilvl] = counts[ilvl] + 1
        return NUM_FORMATS.get(fmt, "decimal"), start + counts[ilvl] - 1


def num_pr(paragraph: Paragraph):
    """The paragraph's list numbering (numId, ilvl), from its properties or its style."""
    nodes = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        nodes.append(style.element.pPr)
        style = style.base_style
    for ppr in nodes:
        if ppr is None:
            continue
        num = ppr.find(qn("w:numPr"))
        if num is None:
            continue
        num_id = num.find(qn("w:numId"))
        ilvl = num.find(qn("w:ilvl"))
        if num_id is None or num_id.get(qn("w:val")) == "0":
            return None
        return num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
    return None


def heading_level(paragraph: Paragraph) -> int:
    style = paragraph.style
    while style is not None:
        name = (style.name or "").lower()
        if name == "title":
            return 1
        if name.startswith("heading ") and name[8:].isdigit():
            return int(name[8:])
        ppr = style.element.pPr
        outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        if outline is not None and int(outline.get(qn("w:val"))) < 9:
            return int(outline.get(qn("w:val"))) + 1
        style = style.base_style
    return 0


def emphasised(paragraph: Paragraph) -> bool:
    alignment = paragraph.paragraph_format.alignment
    style = paragraph.style
    while alignment is None and style is not None:
        alignment = style.paragraph_format.alignment
        style = style.base_style
    if alignment == WD_ALIGN_PARAGRAPH.CENTER:
        return True
    runs = [run for run in paragraph.runs if run.text.strip()]
    style_bold = paragraph.style is not None and paragraph.style.font.bold
    return bool(runs) and all(run.bold or (run.bold is None and style_bold) for run in runs)


def run_text(element, notes: dict[str, str] | None, state: dict) -> str:
    """The text of a paragraph (or a note): text, tabs and breaks, note references in place."""
    parts = []
    for node in element.iter():
        name = node.tag
        if name == W_T:
            if not any(a.tag in (qn("w:moveFrom"), qn("w:del")) for a in node.iterancestors()):
                parts.append(node.text or "")
        elif name in (W_TAB, W_CR):
            parts.append(" ")
        elif name == W_BR:
            if node.get(qn("w:type")) == "page":
                state["page"] = state.get("page", 1) + 1
                state["paged"] = True
            else:
                parts.append(" ")
        elif name == qn("w:lastRenderedPageBreak"):
            state["page"] = state.get("page", 1) + 1
            state["paged"] = True
        elif name == qn("w:noBreakHyphen"):
            parts.append("-")
        elif name == qn("w:sym"):
            char = node.get(qn("w:char")) or ""
            code = int(char, 16) if char else 0
            if code and not 0xE000 <= code <= 0xF8FF:
                parts.append(chr(code))
        elif name == qn("w:footnoteReference") and notes is not None:
            state["notes"] = state.get("notes", 0) + 1
            label = str(state["notes"])
            notes[node.get(qn("w:id"))] = label
            parts.append(note_ref(label))
    return "".join(parts)


def read_footnotes(document, labels: dict[str, str], path: Path) -> dict[str, Footnote]:
    part = next((rel.target_part for rel in document.part.rels.values()
                 if rel.reltype == RT.FOOTNOTES and not rel.is_external), None)
    if part is None:
        return {}
    root = parse_xml(part.blob)  # python-docx's parser: no entity is resolved
    out = {}
    for note in root.findall(qn("w:footnote")):
        if note.get(qn("w:type")) in SKIPPED_NOTES:
            continue
        label = labels.get(note.get(qn("w:id")))
        if label is None:
            continue
        text = " ".join(clean(run_text(p, None, {})) for p in note.iter(W_P))
        out[label] = Footnote(label, clean(text), Where(f"{path.name}, footnote {label}"))
    return out


def read_docx(path: Path) -> Source:
    check_docx(path)  # sizes, entities and elements, before python-docx decompresses anything
    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ImportFailure(f"not readable as a Word document ({error.__class__.__name__})", path.name,
                            "give the .docx of the official text (a .doc must first be saved as .docx)") from None
    numbering = Numbering(document)
    body = document.element.body
    blocks: list[Block] = []
    labels: dict[str, str] = {}
    state: dict = {"page": 1}
    count = 0
    for p in body.iter(W_P):
        if any(a.tag == W_P for a in p.iterancestors()):
            continue  # a text box inside a paragraph
        count += 1
        paragraph = Paragraph(p, document)
        page_before = state["page"]
        text = clean(run_text(p, labels, state))
        if not text:
            continue
        where = Where(path.name, page=page_before if state.get("paged") else None, paragraph=count)
        block = Block(text, where, heading=heading_level(paragraph), emphasis=emphasised(paragraph))
        numbered = num_pr(paragraph)
        if numbered:
            item = numbering.item(*numbered)
            if item:
                block.list_level = numbered[1] + 1
                block.list_format, block.list_position = item
        blocks.append(block)
    return Source(path, blocks, read_footnotes(document, labels, path))
