"""PDF: the text layer read glyph by glyph (pdfplumber), made into lines and paragraphs.

Lines are glyphs on one baseline; a right-to-left line is put back in reading order (bidi.py);
raised small glyphs are footnote references. Running headers and footers (text repeated at the
same height on many pages) and page numbers are dropped, footnotes (small text at the foot of a
page, each starting with its number) are taken out, and paragraphs are lines joined until a
wider gap, a short line or a change of style; a word hyphenated at the end of a line is joined.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from treaty.importer.errors import ImportFailure, Where
from treaty.importer.readers import NOTE_REF, Block, Footnote, Source, clean, join_lines, note_ref
from treaty.importer.readers.bidi import is_rtl, logical_order

PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:page\s+|p\.\s*|стр\.\s*|página\s+|第)?\d+(?:\s*(?:/|of|de|из|sur)\s*\d+)?(?:页)?(?:\s*[-–—])?$",
    re.I,
)
NOTE_LABEL = re.compile(r"^(\d{1,3}|\*{1,3})(?:[.)]\s*|\s+)(?=\S)")
HYPHENS_SOFT = ("\u00ad", "\u2010")  # a hyphen the typesetter added: always joined
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass
class Glyph:
    text: str
    x0: float
    x1: float
    size: float
    bold: bool
    sup: bool = False
    marks: str = ""  # combining marks drawn over this glyph

    @property
    def full(self) -> str:
        return self.text + self.marks


@dataclass
class Line:
    page: int
    baseline: float
    size: float
    glyphs: list = field(default_factory=list)
    number: int = 0  # line number on its page, counted from the top
    text: str = ""
    rtl: bool = False
    x0: float = 0.0
    x1: float = 0.0
    bold: bool = False

    @property
    def key(self) -> str:
        """The line with its numbers blanked: a running header compares equal on every page."""
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", self.text.lower()))


def _bold(fontname: str) -> bool:
    name = fontname.split("+")[-1].lower()
    return any(word in name for word in ("bold", "black", "heavy", "semibold", "demi"))


def page_lines(page, number: int) -> list[Line]:
    """Glyphs grouped by baseline, superscripts joined to the line they rise from."""
    height = float(page.height)
    groups: list[Line] = []
    # Gaps between glyphs give the spaces; no-break spaces are kept, being typography.
    chars = [c for c in page.chars if c.get("upright", True) and c["text"]
             and (not c["text"].isspace() or c["text"] in ("\u00a0", "\u202f"))]
    for char in sorted(chars, key=lambda c: (height - c["matrix"][5], c["x0"])):
        baseline = height - char["matrix"][5]
        size = float(char["size"]) or 1.0
        glyph = Glyph(char["text"], float(char["x0"]), float(char["x1"]), size, _bold(char.get("fontname", "")))
        if groups and abs(groups[-1].baseline - baseline) <= 0.2 * max(size, groups[-1].size):
            groups[-1].glyphs.append(glyph)
            groups[-1].size = max(groups[-1].size, size)
        else:
            groups.append(Line(number, baseline, size, [glyph]))
    for line in groups:
        line.size = statistics.median(g.size for g in line.glyphs)
    # A group of small glyphs raised within a line of larger ones: superscripts (note references).
    merged: list[Line] = []
    for line in groups:
        host = next((other for other in groups if other is not line and other.size > 1.2 * line.size
                     and other.baseline - other.size * 0.9 < line.baseline < other.baseline - 0.1 * other.size
                     and _overlaps(line, other)), None)
        if host is not None and len(line.glyphs) <= 4:
            for glyph in line.glyphs:
                glyph.sup = True
            host.glyphs.extend(line.glyphs)
        else:
            merged.append(line)
    merged.sort(key=lambda line: line.baseline)
    for index, line in enumerate(merged, start=1):
        line.number = index
        finish(line)
    return [line for line in merged if line.text]


def _overlaps(small: Line, big: Line) -> bool:
    lo = min(g.x0 for g in big.glyphs) - big.size
    hi = max(g.x1 for g in big.glyphs) + big.size
    return all(lo <= g.x0 <= hi for g in small.glyphs)


def finish(line: Line) -> None:
    """Order the line's glyphs, attach combining marks, put spaces in gaps, read its text."""
    glyphs = sorted(line.glyphs, key=lambda g: (g.x0, g.x1))
    bases: list[Glyph] = []
    for glyph in glyphs:
        if unicodedata.combining(glyph.text[0]) or unicodedata.category(glyph.text[0]) == "Mn":
            centre = (glyph.x0 + glyph.x1) / 2
            host = min(bases or [glyph], key=lambda b: 0 if b.x0 - 0.5 <= centre <= b.x1 + 0.5 else abs(b.x1 - centre))
            if host is not glyph:
                host.marks += glyph.text
                continue
        bases.append(glyph)
    items: list[Glyph] = []
    for glyph in bases:
        if items:
            gap = glyph.x0 - items[-1].x1
            if (gap > 0.2 * min(glyph.size, items[-1].size)
                    and not (glyph.sup and not items[-1].sup and gap < 0.5 * glyph.size)):
                items.append(Glyph(" ", items[-1].x1, glyph.x0, glyph.size, False, glyph.sup and items[-1].sup))
        items.append(glyph)
    text = "".join(g.full for g in items)
    line.rtl = is_rtl(text)
    if line.rtl:
        items = logical_order(items, lambda g: g.text)
    # Consecutive raised glyphs are a note reference; they become plain text again if no note has
    # that label (read_pdf).
    out, sup = [], ""
    for glyph in items + [Glyph("", 0, 0, 0, False)]:
        if glyph.sup and glyph.text.strip():
            sup += glyph.full
            continue
        if sup:
            out.append(note_ref(sup))
            sup = ""
        out.append(glyph.full)
    line.text = clean("".join(out))
    line.x0 = min(g.x0 for g in line.glyphs)
    line.x1 = max(g.x1 for g in line.glyphs)
    letters = [g for g in line.glyphs if not g.sup and g.text.strip()]
    line.bold = bool(letters) and sum(g.bold for g in letters) >= 0.8 * len(letters)


def running_lines(pages: list[list[Line]], keep: Callable[[str], bool]) -> set[int]:
    """Headers, footers and page numbers: ids of the lines to drop."""
    drop: set[int] = set()
    seen: dict[tuple[str, int], set[int]] = defaultdict(set)  # (text, height) -> pages
    edges: list[Line] = []
    for lines in pages:
        edge = lines[:2] + lines[-2:] if len(lines) > 4 else list(lines)
        for line in edge:
            edges.append(line)
            seen[(line.key, round(line.baseline / 3))].add(line.page)
    many = max(2, (len(pages) + 1) // 2)
    for line in edges:
        if keep(line.text):
            continue
        lines = pages[line.page - 1]
        first_or_last = line is lines[0] or line is lines[-1]
        if (first_or_last and PAGE_NUMBER.match(line.text.strip())
                or len(pages) > 1 and len(seen[(line.key, round(line.baseline / 3))]) >= many):
            drop.add(id(line))
    return drop


def dehyphenate(first: str, second: str, vocabulary: set[str]) -> str:
    """Join two lines of a paragraph, undoing a word split at the end of the first."""
    if first.endswith(HYPHENS_SOFT):
        return first[:-1] + second
    if first.endswith("-") and len(first) > 1 and first[-2].isalpha() and second[:1].islower():
        left = WORD.findall(first[:-1])[-1] if WORD.findall(first[:-1]) else ""
        right = WORD.match(second).group(0) if WORD.match(second) else ""
        hyphenated, joined = f"{left}-{right}".lower(), f"{left}{right}".lower()
        # A compound written with its hyphen elsewhere in the text ("State-owned", or another
        # form of it: "Государство-участник" for "Государств-участников") keeps it.
        stems = f"{left[:5]}-{right[:4]}".lower()
        if (hyphenated in vocabulary or stems in vocabulary) and joined not in vocabulary:
            return first + second
        return first[:-1] + second
    return join_lines(first, second)


def read_pdf(path: Path, keep: Callable[[str], bool] = lambda text: False) -> Source:
    """`keep(text)` protects a line from being taken for a running header (a heading)."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(str(path))
    except Exception as error:  # pdfminer raises many kinds for a damaged or encrypted file
        raise ImportFailure(f"not readable as a PDF ({error.__class__.__name__})", path.name,
                            "give the PDF of the official text as downloaded (not encrypted, not damaged)") from None
    with pdf:
        pages, imageonly = [], []
        for number, page in enumerate(pdf.pages, start=1):
            lines = page_lines(page, number)
            if not lines and page.images:
                imageonly.append(number)
            pages.append(lines)
    if not any(pages):
        raise ImportFailure("the PDF has no text layer: its pages are images (a scan)", path.name,
                            "get the text PDF of the document (ODS, documents.un.org), or its .docx; "
                            "a scan must first be run through OCR and proof-read")
    if imageonly:
        raise ImportFailure(f"page {imageonly[0]} has no text layer (it is an image) while other pages have text",
                            Where(path.name, page=imageonly[0]),
                            "get a PDF whose every page has text, or the document's .docx")
    drop = running_lines(pages, keep)
    pages = [[line for line in lines if id(line) not in drop] for lines in pages]
    sizes = Counter()
    for lines in pages:
        for line in lines:
            sizes[round(line.size * 2) / 2] += len(line.text)
    body_size = sizes.most_common(1)[0][0]
    words = vocabulary(pages)
    footnotes, bodies = split_notes(pages, body_size, path, words)
    blocks = paragraphs(bodies, body_size, path, keep, words)
    for block in blocks:
        block.text = NOTE_REF.sub(lambda m: m.group(0) if m.group(1) in footnotes else m.group(1), block.text)
    return Source(path, blocks, footnotes)


def vocabulary(pages: list[list[Line]]) -> set[str]:
    """The words of the document, and the stems of its hyphenated compounds ("state-owne")."""
    words = {w.lower() for lines in pages for line in lines for w in WORD.findall(line.text)}
    return words | {f"{a[:5]}-{b[:4]}" for word in words if "-" in word
                    for a, b in zip(word.split("-"), word.split("-")[1:])}


def split_notes(pages: list[list[Line]], body_size: float, path: Path,
                words: set[str]) -> tuple[dict, list[list[Line]]]:
    """Footnotes at the foot of each page (smaller than the text, below it), by label."""
    footnotes: dict[str, Footnote] = {}
    last: Footnote | None = None
    bodies = []
    for lines in pages:
        normal = [i for i, line in enumerate(lines) if line.size >= 0.9 * body_size]
        cut = normal[-1] + 1 if normal else 0
        bodies.append(lines[:cut])
        for line in lines[cut:]:
            text = line.text
            ref = NOTE_REF.match(text)
            start = NOTE_LABEL.match(text)
            if ref or start:
                label = ref.group(1) if ref else start.group(1)
                body = text[(ref or start).end():].strip()
                last = Footnote(label, body, Where(path.name, page=line.page, line=line.number))
                footnotes[label] = last
            elif last is not None:
                last.text = dehyphenate(last.text, text, words)
            else:
                bodies[-1].append(line)  # small text that is not a note: keep it as text
    return footnotes, bodies


def line_step(pages: list[list[Line]], body_size: float) -> float:
    """The distance between the lines of one paragraph: the smallest distance between lines of
    the text's size that recurs (paragraph spacing only adds to it)."""
    steps = Counter(round((b.baseline - a.baseline) * 2) / 2 for page in pages for a, b in zip(page, page[1:])
                    if abs(a.size - body_size) < 0.5 and abs(b.size - body_size) < 0.5
                    and 0.9 * body_size < b.baseline - a.baseline < 3 * body_size)
    recurring = sorted(step for step, count in steps.items() if count >= 2)
    return min(recurring[0], 1.5 * body_size) if recurring else 1.5 * body_size


def paragraphs(pages: list[list[Line]], body_size: float, path: Path, keep: Callable[[str], bool],
               words: set[str]) -> list[Block]:
    """Lines joined into paragraphs: a new one after a wider gap, a short line, an indented
    line, or a change of style; a heading (`keep`) is a paragraph of its own."""
    lines = [line for page in pages for line in page]
    if not lines:
        return []
    # The text block's margins: where nearly all lines of the text's size start and end.
    body = [line for line in lines if abs(line.size - body_size) < 0.5] or lines
    starts, ends = sorted(line.x0 for line in body), sorted(line.x1 for line in body)
    left, right = starts[len(starts) // 20], ends[-1 - len(ends) // 20]
    width = max(right - left, 1.0)
    step = line_step(pages, body_size)

    def centred(line: Line) -> bool:
        middle = (line.x0 + line.x1) / 2
        return abs(middle - (left + right) / 2) < 0.04 * width and (line.x1 - line.x0) < 0.8 * width

    def short(line: Line) -> bool:
        if line.rtl:
            return line.x0 > left + 1.5 * line.size
        return line.x1 < right - 1.5 * line.size

    def styled(line: Line) -> bool:
        return line.bold or centred(line) or line.size > 1.15 * body_size

    blocks: list[Block] = []
    previous: Line | None = None
    for line in lines:
        emphasis = styled(line)
        new = previous is None
        if not new:
            same_page = line.page == previous.page
            gap = line.baseline - previous.baseline if same_page else None
            if emphasis != styled(previous) or (same_page and gap > 1.2 * step):
                new = True
            elif emphasis:  # a title on several lines stays one block; a heading stands alone
                new = abs(line.size - previous.size) > 0.5 or keep(line.text) or keep(previous.text)
            else:
                new = short(previous) or (same_page and line.x0 - left > 1.5 * line.size and not line.rtl
                                          and previous.x0 - left < 0.5 * line.size)
        if new:
            blocks.append(Block(line.text, Where(path.name, page=line.page, line=line.number),
                                heading=1 if line.size > 1.2 * body_size else 0, emphasis=emphasis))
        else:
            blocks[-1].text = dehyphenate(blocks[-1].text, line.text, words)
        previous = line
    return blocks
