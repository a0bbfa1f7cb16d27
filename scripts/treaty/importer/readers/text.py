"""Plain text (.txt, UTF-8): paragraphs separated by blank lines, or one paragraph per line.

Footnotes as a word processor saves them in plain text: a reference "[1]" in the text, and after
a separator line (five or more "_" or "-") the notes, each starting with its reference:
"[1] Text of the note."
"""

from __future__ import annotations

import re
from pathlib import Path

from treaty.importer.errors import ImportFailure, Where
from treaty.importer.readers import Block, Footnote, Source, clean, join_lines, note_ref
from treaty.importer.readers.limits import read_capped

SEPARATOR = re.compile(r"^\s*[_\-—]{5,}\s*$")
NOTE_START = re.compile(r"^\s*\[(\d+|[a-z]|\*{1,3})\]\s+")
NOTE_MARK = re.compile(r"\[(\d+|[a-z]|\*{1,3})\]")


def decode(path: Path) -> str:
    data = read_capped(path)  # refused above the size limit before it is read
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFailure(f"the file is not UTF-8 (byte {error.start})", Where(path.name, line=line),
                            "save the text as UTF-8 "
                            "(in a word processor: Save as, Plain text, Unicode UTF-8)") from None


def paragraphs(lines: list[str]) -> list[tuple[int, str]]:
    """(first line number, text) of each paragraph."""
    body = [i for i, line in enumerate(lines) if line.strip()]
    if not body:
        return []
    blank_inside = any(not lines[i].strip() for i in range(body[0], body[-1] + 1))
    out: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip() or SEPARATOR.match(line):
            if current:
                out.append((start, _joined(current)))
                current = []
            if SEPARATOR.match(line):
                out.append((number, "\x00separator"))
            continue
        if not blank_inside:  # one paragraph per line
            out.append((number, clean(line)))
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        out.append((start, _joined(current)))
    return out


def _joined(lines: list[str]) -> str:
    text = ""
    for line in lines:
        text = join_lines(text, clean(line))
    return text


def read_text(path: Path) -> Source:
    lines = decode(path).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    footnotes: dict[str, Footnote] = {}
    in_notes = False
    for number, text in paragraphs(lines):
        if text == "\x00separator":
            in_notes = True
            continue
        start = NOTE_START.match(text)
        if in_notes and start:
            label = start.group(1)
            footnotes[label] = Footnote(label, text[start.end():].strip(), Where(path.name, line=number))
            continue
        in_notes = False
        blocks.append(Block(text, Where(path.name, line=number)))
    for block in blocks:
        block.text = NOTE_MARK.sub(lambda m: note_ref(m.group(1)) if m.group(1) in footnotes else m.group(0),
                                   block.text)
    return Source(path, blocks, footnotes)
