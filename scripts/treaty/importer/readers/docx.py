"""Word (.docx): paragraphs with their style, alignment, emphasis and list numbering, and footnotes.

Read with python-docx, and from the document's XML where python-docx has no API (footnotes,
numbering formats, page breaks Word recorded when it last laid the document out).

Every paragraph of the body is read, in document order, wherever Word nests it: in a table cell,
in a content control (w:sdt, which python-docx's `document.paragraphs` skips, as it skips tables),
in a text box (read after the paragraph it is anchored in; Word's second copy of the text box for
older readers, mc:Fallback, is not, nor the prompt an empty content control shows). A paragraph
of a numbered list keeps its number wherever it is; one without a number (a list continuation,
indented like the item) is a paragraph.
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
from docx.text.run import Run

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
W_P, W_R, W_T, W_TAB, W_BR, W_CR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Inside a paragraph, what is not its own text: its text boxes (paragraphs of their own), Word's
# copy of them for older readers, and text deleted or moved away under tracked changes.
NOT_OWN_TEXT = {qn("w:txbxContent"), MC_FALLBACK, qn("w:del"), qn("w:moveFrom")}
W_SDT, W_ALT_CHUNK = qn("w:sdt"), qn("w:altChunk")


class Numbering:
    """List formats of the document: (numId, ilvl) -> numFmt and start, and running counters."""

    def __init__(self, document):
        self.formats: dict[tuple[str, int], tuple[str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract, styled, links = {}, {}, {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                start = lvl.find(qn("w:start"))
                text = lvl.find(qn("w:lvlText"))
                fmt = fmt.get(qn("w:val")) if fmt is not None else "decimal"
                if text is not None and not text.get(qn("w:val")):
                    fmt = "none"  # a level that shows no number (an indented, unnumbered item)
                levels[int(lvl.get(qn("w:ilvl")))] = (fmt, int(start.get(qn("w:val"))) if start is not None else 1)
            key = node.get(qn("w:abstractNumId"))
            abstract[key] = levels
            style, link = node.find(qn("w:styleLink")), node.find(qn("w:numStyleLink"))
            if style is not None:
                styled[style.get(qn("w:val"))] = key
            if link is not None:
                links[key] = link.get(qn("w:val"))
        for key, style in links.items():
            # A list that uses a numbering style has no levels of its own: they are the style's.
            if not abstract[key] and style in styled:
                abstract[key] = abstract[styled[style]]
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
    """The paragraph's list numbering (numId, ilvl), from its properties or its style. The list
    and the level are looked up each on its own: a paragraph of a numbered style that Word moved
    one level down has its own ilvl and the style's numId. numId 0 means "not numbered"."""
    nodes = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        nodes.append(style.element.pPr)
        style = style.base_style
    num_id = level = None
    for ppr in nodes:
        num = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num is None:
            continue
        if num_id is None and num.find(qn("w:numId")) is not None:
            num_id = num.find(qn("w:numId")).get(qn("w:val"))
        if level is None and num.find(qn("w:ilvl")) is not None:
            level = int(num.find(qn("w:ilvl")).get(qn("w:val")))
    if num_id is None or num_id == "0":
        return None
    return num_id, level or 0


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
    # Every run of the paragraph's text, also those inside hyperlinks, content controls and
    # insertions (python-docx's `paragraph.runs` has only the paragraph's direct children).
    runs = [Run(node, paragraph) for node in own_nodes(paragraph._p) if node.tag == W_R]
    runs = [run for run in runs if run.text.strip()]
    style_bold = paragraph.style is not None and paragraph.style.font.bold
    return bool(runs) and all(run.bold or (run.bold is None and style_bold) for run in runs)


def placeholder(node) -> bool:
    """A content control that shows its prompt ("Click or tap here to enter text"), not text."""
    return node.tag == W_SDT and node.find(f"{qn('w:sdtPr')}/{qn('w:showingPlcHdr')}") is not None


def own_nodes(element):
    """The nodes of a paragraph's own text, in document order (see NOT_OWN_TEXT)."""
    for node in element.iterchildren():
        if node.tag in NOT_OWN_TEXT or placeholder(node):
            continue
        yield node
        yield from own_nodes(node)


def run_text(element, notes: dict[str, str] | None, state: dict) -> str:
    """The text of a paragraph (or a note): text, tabs and breaks, note references in place."""
    parts = []
    for node in own_nodes(element):
        name = node.tag
        if name == W_T:
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


def body_paragraphs(body, path: Path):
    """Every paragraph of the body in document order, however nested (tables, content controls,
    text boxes), but not Word's second copy of a text box (see the module) nor the prompt of an
    empty content control. Text Word merges in only when it opens the file (w:altChunk, from
    another file in the package) cannot be read: rather than leave it out, the import stops."""
    chunk = body.find(f".//{W_ALT_CHUNK}")
    if chunk is not None:
        raise ImportFailure("part of the document is an embedded file that Word merges in when it opens it "
                            "(w:altChunk)", Where(path.name), "open the document in Word, save it again as .docx "
                            "(Word then writes that text into the document), and import it again")
    for p in body.iter(W_P):
        if not any(a.tag == MC_FALLBACK or placeholder(a) for a in p.iterancestors()):
            yield p


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
    for p in body_paragraphs(body, path):
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
