"""How `treaty import` reads an instrument's documents: the project's import settings
(data/import.yml, named by the instrument file) beside the instrument's facts.

The instrument file gives the name, the symbol, the languages, the outline and the lock; the
import settings say what differs in the documents themselves: whether the articles are grouped in
chapters and sections, whether they have titles, how chapters and articles are numbered, and
whether paragraph numbers are typed or come from list markup. Every setting has a default, so a
project needs no import file when its documents follow them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from treaty.importer.errors import ImportFailure
from treaty.model.outline import Outline, load_outline
from treaty.project.files import DataError, DataFiles, load_yaml

NUMBERINGS = ("arabic", "roman")
PARAGRAPH_MODES = ("lists", "typed")


@dataclass(frozen=True)
class InstrumentConfig:
    path: Path  # the import settings (which may not exist: every setting has a default)
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
    files: DataFiles  # the project's data: enumerators and the other rules
    lock_file: Path  # the authentic-text lock

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


def _settings(path: Path) -> dict:
    if not path.is_file():
        return {}
    try:
        data = load_yaml(path)
    except DataError as error:
        raise ImportFailure(str(error).split(": ", 1)[-1], str(path), "correct the file") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise _fail(path, "not a list of 'key: value' settings", "see `treaty new` for an example")
    return data


def load_config(project) -> InstrumentConfig:
    """The import settings of a project, checked; errors name the file and the key."""
    try:
        instrument = project.instrument
    except DataError as error:
        raise ImportFailure(str(error), None, "correct the instrument file (data/instrument.yml)") from None
    path = project.import_file
    data = _settings(path)
    if not instrument.symbol:
        raise ImportFailure("the instrument file gives no 'symbol'", str(instrument.path),
                            "add 'symbol:' with the document symbol of the official text: every imported "
                            "file names it as its source")
    chapters = data.get("chapters", {}) or {}
    articles = data.get("articles", {}) or {}
    if not isinstance(chapters, dict) or not isinstance(articles, dict):
        raise _fail(path, "'chapters' and 'articles' hold settings ('present:', 'numbering:', 'titles:')",
                    "see `treaty new` for an example")
    here = path.parent
    return InstrumentConfig(
        path=path,
        name=instrument.name(instrument.reference_language),
        symbol=instrument.symbol,
        languages=instrument.languages,
        reference_language=instrument.reference_language,
        outline_file=instrument.outline_file,
        docs_dir=project.docs,
        chapters=_flag(path, chapters.get("present", bool(project.outline.chapters)), "chapters.present"),
        chapter_numbering=_choice(path, chapters.get("numbering", "roman"), "chapters.numbering", NUMBERINGS),
        sections=_flag(path, data.get("sections", False), "sections"),
        article_titles=_flag(path, articles.get("titles", True), "articles.titles"),
        article_numbering=_choice(path, articles.get("numbering", "arabic"), "articles.numbering", NUMBERINGS),
        paragraphs=_choice(path, data.get("paragraphs", "lists"), "paragraphs", PARAGRAPH_MODES),
        headings_file=(here / data["headings"]).resolve() if data.get("headings")
        else project.files.path("import-headings.yml"),
        files=project.files,
        lock_file=instrument.lock_file,
    )
