"""The instrument as the importer reads it: a data file (data/import.yml for the Convention).

Everything that differs from one treaty to another is said there, not in code: its name and
document symbol, its languages, whether it has chapters and sections, whether its articles have
titles, how chapters and articles are numbered, and whether paragraph numbers are typed or come
from list markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..languages import language_codes
from ..lock import default_lock
from ..outline import Outline, load_outline
from ..paths import DATA_DIR
from .errors import ImportFailure

DEFAULT_CONFIG = DATA_DIR / "import.yml"
NUMBERINGS = ("arabic", "roman")
PARAGRAPH_MODES = ("lists", "typed")


@dataclass(frozen=True)
class InstrumentConfig:
    path: Path
    name: str
    symbol: str
    languages: tuple[str, ...]
    reference_language: str
    outline_file: Path
    docs_dir: Path
    chapters: bool
    chapter_numbering: str
    sections: bool
    article_titles: bool
    article_numbering: str
    paragraphs: str
    headings_file: Path
    enumerators_file: Path | None  # None: data/enumerators.yml
    lock_file: Path  # the authentic-text lock: <project>/data/authentic-text.lock.yml

    @property
    def outline(self) -> Outline:
        return load_outline(self.outline_file)


def _fail(path: Path, message: str, fix: str) -> ImportFailure:
    return ImportFailure(message, str(path), fix)


def _choice(path: Path, value, key: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise _fail(path, f"'{key}' is {value!r}", f"set '{key}' to one of: {', '.join(choices)}")
    return value


def _flag(path: Path, value, key: str) -> bool:
    if not isinstance(value, bool):
        raise _fail(path, f"'{key}' is {value!r}", f"set '{key}' to true or false")
    return value


def load_config(path: Path | None = None, docs_dir: Path | None = None) -> InstrumentConfig:
    """Read and check an instrument's configuration; errors name the file and the key."""
    path = Path(path or DEFAULT_CONFIG).resolve()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ImportFailure(f"no instrument configuration at {path}", None,
                            "give --config the instrument's file (see data/import.yml for the Convention's)") from None
    except yaml.YAMLError as error:
        raise _fail(path, f"not valid YAML ({str(error).splitlines()[0]})",
                    "write each setting as 'key: value' on its own line") from None
    if not isinstance(data, dict):
        raise _fail(path, "not a list of 'key: value' settings", "see data/import.yml for an example")
    for key in ("name", "symbol", "languages", "outline"):
        if not data.get(key):
            raise _fail(path, f"'{key}' is missing", f"add '{key}:' (see data/import.yml for an example)")
    here = path.parent
    known = language_codes()
    languages = tuple(str(code) for code in data["languages"])
    unknown = [code for code in languages if code not in known]
    if unknown:
        raise _fail(path, f"unknown language(s) {', '.join(unknown)}",
                    f"use the codes of data/languages.yml: {', '.join(known)}")
    reference = str(data.get("reference_language", languages[0]))
    if reference not in languages:
        raise _fail(path, f"reference_language {reference!r} is not one of the languages",
                    f"set it to one of {', '.join(languages)}")
    chapters = data.get("chapters", {}) or {}
    articles = data.get("articles", {}) or {}
    if not isinstance(chapters, dict) or not isinstance(articles, dict):
        raise _fail(path, "'chapters' and 'articles' hold settings ('present:', 'numbering:', 'titles:')",
                    "see data/import.yml for an example")
    docs = Path(docs_dir).resolve() if docs_dir else (here / str(data.get("docs", "docs"))).resolve()
    outline_file = (here / str(data["outline"])).resolve()
    if not outline_file.exists():
        raise _fail(path, f"the outline {outline_file} does not exist",
                    "write the instrument's outline (chapters and articles) and name it in 'outline:'")
    return InstrumentConfig(
        path=path,
        name=str(data["name"]),
        symbol=str(data["symbol"]),
        languages=languages,
        reference_language=reference,
        outline_file=outline_file,
        docs_dir=docs,
        chapters=_flag(path, chapters.get("present", True), "chapters.present"),
        chapter_numbering=_choice(path, chapters.get("numbering", "roman"), "chapters.numbering", NUMBERINGS),
        sections=_flag(path, data.get("sections", False), "sections"),
        article_titles=_flag(path, articles.get("titles", True), "articles.titles"),
        article_numbering=_choice(path, articles.get("numbering", "arabic"), "articles.numbering", NUMBERINGS),
        paragraphs=_choice(path, data.get("paragraphs", "lists"), "paragraphs", PARAGRAPH_MODES),
        headings_file=(here / data["headings"]).resolve() if data.get("headings")
        else DATA_DIR / "import-headings.yml",
        enumerators_file=(here / data["enumerators"]).resolve() if data.get("enumerators") else None,
        lock_file=(here / data["lock"]).resolve() if data.get("lock") else default_lock(docs.parent),
    )
