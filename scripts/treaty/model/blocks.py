"""The one scanner of a page's Markdown structure: its blocks, their lines and their anchors.

The checker (paragraph skeletons, script of each paragraph, references), the cross-reference
finder and the renderer (`treaty.markdown.paragraphs`) all read a page through `scan`, so they
cannot disagree on what is a paragraph, which number it has or where it starts: the renderer does
not decide for itself, it marks the blocks `scan` found and renders those.

Blocks are separated by blank lines; within a run of lines, a new block starts at

    an enumerator   "2.", "(b)", "б)", "（b）", "(ب)" as the language writes them (treaty text)
    a heading       "# Title" (and "Title" underlined with === or --- at the start of a block)
    a rule          "---", "***", "___"
    a definition    "[^1]: note", "[label]: address" (footnotes and link references)

and a block that starts as a list ("- ") or a quotation ("> ") is Markdown's. In treaty text
(articles, the preamble, chapters), every other block is a paragraph:

    numbered      starts with an enumerator                     id para-2, para-2-b, para-2-b-i
    paragraph     unnumbered, in a text with no enumerator      id para-1, para-2, ... (its place)
    intro         unnumbered, before the first enumerator       id para-intro
    continuation  unnumbered, after an enumerated block: part of the numbered paragraph before it

An unnumbered paragraph is thus anchored and cited by its place, as readers cite it ("article 2,
second paragraph" is `#para-2` and "art. 2, para. 2"); in a text whose paragraphs are numbered,
text between them belongs to the paragraph it follows. Headings, rules, definitions, lists,
quotations and (outside treaty text) code are left to Markdown. Plain Python: no Markdown parser, no MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from treaty.model.enumerators import EnumeratorTracker
from treaty.project.files import DataFiles

TAB_LENGTH = 4  # Python-Markdown's, for tabs at the start of a line
HEADING = re.compile(r"#{1,6}")  # Python-Markdown: a line starting with '#', no space needed
RULE = re.compile(r"[ ]{0,3}(?:(?:-+[ ]{0,2}){3,}|(?:_+[ ]{0,2}){3,}|(?:\*+[ ]{0,2}){3,})[ ]*$")
UNDERLINE = re.compile(r"[=-]+[ ]*$")
DEFINITION = re.compile(r"[ ]{0,3}\[[^\]\n]+\]:")
LIST = re.compile(r"[ ]{0,3}[*+-][ ]+")  # Python-Markdown's unordered list (ordered ones start with enumerators)
QUOTE = re.compile(r"[ ]{0,3}>")
FENCE = re.compile(r"(`{3,}|~{3,})")  # Python-Markdown's fenced_code: at the start of a line
INDENTED = re.compile(r"(?: {4})")
PARAGRAPH_KINDS = ("numbered", "paragraph", "intro", "continuation")


@dataclass(frozen=True)
class Block:
    kind: str  # numbered, paragraph, intro, continuation, heading, rule, definition, code, text
    start: int  # first line, 0-based in the body
    end: int  # line after the last
    anchor: str | None = None
    level: int = 1  # of a numbered block: 1 paragraph, 2 subparagraph, 3 item
    token: str = ""  # the enumerator as written
    text_start: int = 0  # where the text starts in the first line (after the enumerator)
    problem: str | None = None  # a numbered block out of order, or skipping a level

    @property
    def marked(self) -> bool:
        """A block the treaty renderer writes itself (with its anchor); the others are Markdown's."""
        return self.kind in PARAGRAPH_KINDS


@dataclass(frozen=True)
class Mark:
    """An entry of a text's paragraph skeleton."""

    anchor: str  # para-2-b, para-3 (an unnumbered paragraph), para-intro
    token: str  # the enumerator as written; "" for an unnumbered paragraph
    line: int  # line in the file
    problem: str | None = None


@dataclass
class Scan:
    lines: list[str]
    blocks: list[Block]
    first_line: int = 1
    numbered: bool = field(default=False)  # the text has enumerated paragraphs

    def skeleton(self) -> list[Mark]:
        """The anchors of the text, in order, with the line of the file each starts on."""
        return [Mark(block.anchor, block.token, self.first_line + block.start, block.problem)
                for block in self.blocks if block.anchor]

    def numbered_marks(self) -> list[Mark]:
        return [Mark(block.anchor, block.token, self.first_line + block.start, block.problem)
                for block in self.blocks if block.kind == "numbered"]

    def prose(self) -> list[tuple[int, str]]:
        """(line in the file, text) of each block of running text: not code, not definitions."""
        return [(self.first_line + block.start, "\n".join(self.lines[block.start:block.end]))
                for block in self.blocks if block.kind not in ("code", "definition", "rule")]

    def masked(self) -> list[str]:
        """The lines, with those of code, headings and definitions blanked (offsets unchanged)."""
        out = list(self.lines)
        for block in self.blocks:
            if block.kind in ("code", "heading", "definition"):
                for index in range(block.start, block.end):
                    out[index] = " " * len(out[index])
        return out

    def paragraph_at(self, line: int) -> int | None:
        """The paragraph number a line (0-based in the body) is written in: that of the numbered
        paragraph it belongs to, its place for an unnumbered one; 0 under no number; None outside."""
        for block in self.blocks:
            if block.start <= line < block.end and block.anchor:
                return paragraph_of(block.anchor)
            if block.start <= line < block.end and block.kind == "continuation":
                return self._owner(block)
        return None

    def _owner(self, block: Block) -> int:
        """The paragraph a continuation belongs to: the last paragraph (level 1) before it."""
        before = [b for b in self.blocks if b.anchor and b.start < block.start and b.level == 1]
        return paragraph_of(before[-1].anchor) if before else 0


def paragraph_of(anchor: str) -> int:
    """The paragraph number of an anchor: "para-3-b" -> 3; "para-b", "para-intro" -> 0."""
    first = anchor.split("-")[1]
    return int(first) if first.isdigit() else 0


def normalize(body: str) -> list[str]:
    """The lines as Python-Markdown reads them: CR LF as LF, tabs expanded, blank lines empty."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line.expandtabs(TAB_LENGTH) if "\t" in line else line for line in lines]


def scan(body: str, lang: str, *, treaty_text: bool = True, fences: bool = False, first_line: int = 1,
         files: DataFiles | None = None) -> Scan:
    """The blocks of `body` (which starts at line `first_line` of its file). In treaty text,
    enumerators in `lang`'s forms number the paragraphs; elsewhere, indented and (with `fences`)
    fenced code are code."""
    lines = normalize(body)
    tracker = EnumeratorTracker(lang, files) if treaty_text else None
    raw = _split(lines, tracker, fences)
    if not treaty_text:
        return Scan(lines, raw, first_line)
    return _anchored(lines, raw, tracker, first_line)


def _chunks(lines: list[str], code: set[int] = frozenset()):
    """(start, end) of each run of non-blank lines that are not fenced code."""
    start = None
    for index, line in enumerate(lines + [""]):
        if line.strip(" ") and index not in code:
            start = index if start is None else start
        elif start is not None:
            yield start, index
            start = None


def _fences(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each fenced code block: from an opening ``` or ~~~ line to the line that
    closes it with the same fence (to the end of the text when none does)."""
    out, fence, start = [], None, 0
    for index, line in enumerate(lines):
        opening = FENCE.match(line)
        if fence is None and opening:
            fence, start = opening.group(1), index
        elif fence is not None and line.strip(" ").startswith(fence) and not line.strip(" ").strip(fence[0]):
            out.append((start, index + 1))
            fence = None
    if fence is not None:
        out.append((start, len(lines)))
    return out


def _split(lines: list[str], tracker: EnumeratorTracker | None, fences: bool) -> list[Block]:
    """Outside treaty text, fenced code (with `fences`) and indented code are code."""
    code = _fences(lines) if fences and tracker is None else []
    blocks = [Block("code", start, end) for start, end in code]
    inside = {index for start, end in code for index in range(start, end)}
    for start, end in _chunks(lines, inside):
        if tracker is None and INDENTED.match(lines[start]):
            blocks.append(Block("code", start, end))
            continue
        blocks += _within(lines, start, end, tracker)
    return sorted(blocks, key=lambda block: block.start)


def _within(lines: list[str], start: int, end: int, tracker: EnumeratorTracker | None) -> list[Block]:
    """The blocks of one run of non-blank lines."""
    out: list[Block] = []
    begin = start
    for index in range(start, end):
        line = lines[index]
        single = "heading" if HEADING.match(line) else "rule" if RULE.match(line) else None
        underline = index == begin + 1 and UNDERLINE.match(line)
        if underline:
            out.append(Block("heading", begin, index + 1))
            begin = index + 1
            continue
        if single:
            if index > begin:
                out.append(Block("text", begin, index))
            out.append(Block(single, index, index + 1))
            begin = index + 1
            continue
        starts = DEFINITION.match(line) or (tracker is not None and tracker.forms.candidates(line))
        if starts and index > begin:
            out.append(Block("text", begin, index))
            begin = index
    if begin < end:
        out.append(Block("text", begin, end))
    return [Block(_markdown_kind(lines[b.start]), b.start, b.end) if b.kind == "text" else b for b in out]


def _markdown_kind(line: str) -> str:
    """A block left to Markdown by its first line (a definition, a list, a quotation), or text."""
    if DEFINITION.match(line):
        return "definition"
    if LIST.match(line):
        return "list"
    return "quote" if QUOTE.match(line) else "text"


def _anchored(lines: list[str], raw: list[Block], tracker: EnumeratorTracker, first_line: int) -> Scan:
    """Treaty text: numbered blocks get their anchors; unnumbered ones theirs (see the module)."""
    texts = [block for block in raw if block.kind == "text"]
    numbered = any(tracker.forms.candidates(lines[block.start]) for block in texts)
    out, seen_number, place = [], False, 0
    for block in raw:
        if block.kind != "text":
            out.append(block)
            continue
        step = tracker.feed(lines[block.start]) if numbered else None
        if step:
            seen_number = True
            enumerator = step.enumerator
            out.append(Block("numbered", block.start, block.end, step.anchor, enumerator.level, enumerator.token,
                             enumerator.end, step.problem))
        elif not numbered:
            place += 1
            out.append(Block("paragraph", block.start, block.end, f"para-{place}"))
        elif seen_number or any(b.kind == "intro" for b in out):
            out.append(Block("continuation", block.start, block.end))
        else:
            out.append(Block("intro", block.start, block.end, "para-intro"))
    return Scan(lines, out, first_line, numbered)
