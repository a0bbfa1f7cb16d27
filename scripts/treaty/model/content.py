"""The content model: one Markdown file per article, chapter, preamble and page, per language.

    docs/<lang>/articles/<n>.md   article n         front matter: article, chapter, title, status
    docs/<lang>/chapters/<n>.md   chapter n         front matter: chapter, title, status
    docs/<lang>/preamble.md       the preamble      front matter: preamble, title, status
    docs/<lang>/index.md          home page         front matter: kind: home, title
    docs/<lang>/about.md          about this edition

`status` is official (imported from the authentic text; needs `source`), provisional or synopsis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from treaty.findings import Finding

STATUSES = ("official", "provisional", "synopsis")
TITLE_STATUSES = ("official", "outline", "provisional")
TREATY_KINDS = ("article", "chapter", "preamble")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
# libyaml's loader where it is installed (the front matter of every file is read by each check),
# but not for text with many brackets: libyaml overflows its stack on thousands of nested ones,
# where Python's loader stops with an error.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BRACKETS = 200
# Front matter is a few keys; anything nested deeper is hostile or a mistake.
MAX_DEPTH = 20
NUMBERED = re.compile(r"(?P<kind>articles|chapters)/(?P<number>[1-9][0-9]*)\.md")


class ContentError(Exception):
    def __init__(self, finding: Finding):
        super().__init__(finding.text())
        self.finding = finding


@dataclass
class Document:
    path: Path
    rel: str  # as reported to people: docs/fr/articles/7.md
    lang: str
    kind: str  # article, chapter, preamble, home, about, page
    number: int | None
    meta: dict
    body: str
    body_line: int  # line of the file where the body starts (1-based)
    meta_lines: dict = field(default_factory=dict)  # front matter key -> line
    inner: str = ""  # path below the language folder: "articles/7.md"

    @property
    def key(self) -> str:
        """The same for a document in every language: "articles/7", "preamble", "index"."""
        return (self.inner or self.rel.split("/", 2)[2]).removesuffix(".md")

    @property
    def status(self) -> str | None:
        return self.meta.get("status")

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))

    def line_of(self, key: str) -> int:
        return self.meta_lines.get(key, 1)


def classify(relative: str) -> tuple[str, int | None]:
    """Kind and number of a path below a language folder: "articles/7.md" -> ("article", 7)."""
    match = NUMBERED.fullmatch(relative)
    if match:
        return match["kind"][:-1], int(match["number"])
    return {"preamble.md": "preamble", "index.md": "home", "about.md": "about", "status.md": "status"}.get(
        relative, "page"
    ), None


def split_front_matter(text: str, rel: str) -> tuple[dict, dict, str, int]:
    """Front matter, the line of each key, the body, and the line where the body starts."""
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError(
            Finding(rel, 1, 1, "front-matter-missing", "the file does not start with front matter",
                    "begin the file with a line '---', the keys (title, status, ...), and '---'")
        )
    try:
        head = match.group(1) or ""
        loader = FAST_LOADER if head.count("[") + head.count("{") <= MAX_BRACKETS else yaml.SafeLoader
        meta = yaml.load(head, Loader=loader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        column = mark.column + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ContentError(
            Finding(rel, line, column, "front-matter-syntax", f"the front matter is not valid YAML: {problem}",
                    "write each key as 'key: value' on its own line; quote values containing ':' or '#'")
        ) from None
    if not isinstance(meta, dict):
        raise ContentError(
            Finding(rel, 2, 1, "front-matter-syntax", "the front matter is not a list of 'key: value' lines",
                    "write each key as 'key: value' on its own line")
        )
    if depth(meta) > MAX_DEPTH:  # libyaml reads any depth; the checks that follow would not
        raise ContentError(Finding(rel, 2, 1, "front-matter-syntax", "the front matter is nested too deeply",
                                   "write each key as 'key: value' on its own line"))
    lines = {}
    for offset, line in enumerate((match.group(1) or "").splitlines(), start=2):
        key = line.split(":", 1)[0].strip()
        if key in meta and key not in lines and not line.startswith((" ", "\t")):
            lines[key] = offset
    body_line = text[: match.end()].count("\n") + 1
    return meta, lines, text[match.end():], body_line


def depth(value) -> int:
    """How deeply lists and mappings nest in `value` (without recursion)."""
    deepest, todo = 0, [(value, 1)]
    while todo:
        item, level = todo.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, level)
            todo += [(child, level + 1) for child in item]
    return deepest


def read_document(path: Path, docs_dir: Path, root: Path | None = None) -> Document:
    relative = path.relative_to(docs_dir).as_posix()
    shown_root = root or docs_dir.parent
    try:
        rel = path.relative_to(shown_root).as_posix()
    except ValueError:
        rel = path.as_posix()
    lang, _, inner = relative.partition("/")
    kind, number = classify(inner)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(
            Finding(rel, 1, 1, "encoding", f"the file is not UTF-8 (byte {error.start})",
                    "save the file as UTF-8 in your editor")
        ) from None
    meta, lines, body, body_line = split_front_matter(text.removeprefix("\ufeff"), rel)
    return Document(path, rel, lang, kind, number, meta, body, body_line, lines, inner)


def language_files(docs_dir: Path, lang: str) -> list[Path]:
    return sorted((docs_dir / lang).rglob("*.md"))
