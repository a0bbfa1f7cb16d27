"""Read an official document (.docx, .pdf, .html, .txt) into blocks of text with their place.

Every reader gives the same thing, a `Source`: the document's blocks in reading order (one per
paragraph, heading or list item), each with where it was found (page and line, paragraph, or
line) and what the document's markup says about it (heading level, emphasis, list level), and
the document's footnotes. A footnote reference stays in the text as `note_ref(label)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from treaty.importer.errors import ImportFailure, Where

NOTE_OPEN, NOTE_CLOSE = "\ue000", "\ue001"
NOTE_REF = re.compile(NOTE_OPEN + "([^" + NOTE_CLOSE + "]+)" + NOTE_CLOSE)
SPACES = re.compile(r"[ \t\r\n\f\v]+")
# Characters that join without a space when a line of a paragraph is wrapped (Chinese, Japanese).
WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def note_ref(label: str) -> str:
    return f"{NOTE_OPEN}{label}{NOTE_CLOSE}"


def clean(text: str) -> str:
    """White space of a block made single spaces (no-break spaces are kept: they are typography)."""
    return SPACES.sub(" ", text).strip()


def join_lines(first: str, second: str) -> str:
    """Two lines of one paragraph: a space between them, except between Chinese characters."""
    if not first:
        return second
    if not second:
        return first
    if WIDE.match(first[-1]) or WIDE.match(second[0]):
        return first + second
    return first + " " + second


@dataclass
class Block:
    text: str
    where: Where
    heading: int = 0  # heading level given by the markup (style, <h2>), 0 if none
    emphasis: bool = False  # bold or centred throughout: looks like a heading
    list_level: int = 0  # depth in a numbered list (1 = outermost), 0 if not a list item
    list_format: str = ""  # decimal, lower-alpha, lower-roman, abjad ...
    list_position: int = 0  # the item's number in its list (1-based)


@dataclass
class Footnote:
    label: str
    text: str
    where: Where


@dataclass
class Source:
    path: Path
    blocks: list[Block]
    footnotes: dict[str, Footnote] = field(default_factory=dict)
    declared_lang: str | None = None  # the language the document says it is in, if it says


READERS = {".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text"}


def read_source(path: Path, keep=lambda text: False) -> Source:
    """The blocks of a document, by its file type; a clear error for anything else.
    `keep(text)` tells a heading, which a PDF's running header never is."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailure(f"no such file: {path}", None, "give the path of the official document")
    kind = READERS.get(path.suffix.lower())
    if kind is None:
        raise ImportFailure(f"cannot read {path.suffix or 'files without an extension'}", path.name,
                            "give a .docx, .pdf, .html or .txt file of the official text")
    if kind == "docx":
        from treaty.importer.readers.docx import read_docx as reader
    elif kind == "pdf":
        from treaty.importer.readers.pdf import read_pdf as reader
    elif kind == "html":
        from treaty.importer.readers.html import read_html as reader
    else:
        from treaty.importer.readers.text import read_text as reader
    try:
        source = reader(path, keep) if kind == "pdf" else reader(path)
    except ImportFailure:
        raise
    except Exception as error:  # a damaged file can fail deep inside a reading library
        raise ImportFailure(f"could not be read as {kind.upper() if kind != 'text' else 'text'} "
                            f"({error.__class__.__name__}: {error})", path.name,
                            "check that the file opens in its application, save it again, and retry") from None
    if not any(block.text for block in source.blocks):
        raise ImportFailure("the document has no text", path.name,
                            "check that this is the official document and that it opens in a viewer")
    return source
