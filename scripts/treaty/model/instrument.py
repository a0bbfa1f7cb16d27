"""The instrument a project publishes: its facts and where its other data is (data/instrument.yml).

    kind: convention                 # convention, protocol, declaration, treaty, agreement, ...
    names: {en: ..., fr: ...}        # required: the instrument's name in each language
    short_names: {en: ...}           # optional: a shorter name for page titles (default: the name)
    symbol: A/RES/79/243             # the document symbol of the official text
    languages: [ar, zh, en, fr, ru, es]
    reference_language: en           # the language the others are compared with
    x_default: en                    # the page for readers of none of these (hreflang)
    outline: outline.yml             # required: chapters and articles
    terminology: terminology.yml     # optional: defined terms; none, no term marking at all
    import: import.yml               # optional: how `treaty import` reads the documents
    lock: authentic-text.lock.yml    # the authentic-text lock
    adopted: {date: 2024-12-24, by: {en: "by General Assembly resolution 79/243"}}
    signature: {first_day, place, country, then_at, until}
    entry_into_force: {article: 65, instruments: 40, days: 90}   # or {article, text: {en: ...}}
                                     # date: YYYY-MM-DD once it is in force (structured data)
    depositary: {en: The Secretary-General of the United Nations}
    authentic_languages_article: 68
    copyright: {en: ...}             # the footer's line

Only `names`, `languages` and `outline` are required: every other fact is shown when it is given
and left out when it is not. A text given per language is a mapping {language: text}; a plain
text is the same in every language. Paths are relative to this file. Plain Python, no MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from treaty.project.files import DataError, load_yaml

KINDS = ("convention", "protocol", "declaration", "treaty", "agreement", "charter", "covenant", "statute")


class InstrumentError(DataError):
    """The instrument file lacks a required fact or gives one in a form the site cannot use."""


@dataclass(frozen=True)
class Instrument:
    path: Path
    kind: str
    names: dict
    languages: tuple[str, ...]
    reference_language: str
    x_default: str
    outline_file: Path
    lock_file: Path
    import_file: Path
    terminology_file: Path | None = None
    symbol: str | None = None
    adopted: dict = field(default_factory=dict)
    signature: dict = field(default_factory=dict)
    entry_into_force: dict = field(default_factory=dict)
    depositary: dict = field(default_factory=dict)
    authentic_languages_article: int | None = None
    copyright: dict = field(default_factory=dict)
    short_names: dict = field(default_factory=dict)

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names[self.reference_language]

    def short_name(self, lang: str) -> str:
        """The name page titles end with: `short_names` when given, else the name."""
        return self.short_names.get(lang) or self.name(lang)

    def legal_force(self, today: dt.date | None = None) -> str:
        """schema.org's legislationLegalForce: in force from the date of entry into force, when known."""
        date = self.entry_into_force.get("date")
        return "InForce" if date and date <= (today or dt.date.today()) else "NotInForce"


class _Reader:
    """Reads one instrument file; every problem names the file and the key."""

    def __init__(self, path: Path, data: dict):
        self.path, self.data = path, data

    def fail(self, key: str, problem: str, fix: str) -> InstrumentError:
        return InstrumentError(f"{self.path}: '{key}' {problem}; {fix}")

    def texts(self, value, key: str, languages) -> dict:
        """A text per language, from a mapping or one text for all."""
        if value is None:
            return {}
        if isinstance(value, (str, int, float)):
            return {lang: str(value) for lang in languages}
        if not isinstance(value, dict) or not all(isinstance(text, (str, int, float)) for text in value.values()):
            raise self.fail(key, "is neither a text nor a mapping of languages to texts",
                            f"write '{key}: text' or '{key}: {{en: text, fr: texte}}'")
        return {str(lang): str(text) for lang, text in value.items()}

    def date(self, value, key: str) -> dt.date | None:
        if value is None or isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(key, f"is {value!r}, not a date", "write the date as YYYY-MM-DD") from None

    def number(self, value, key: str) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.fail(key, f"is {value!r}", "give a whole number from 1 up")
        return value

    def mapping(self, key: str) -> dict:
        value = self.data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(key, "is not a group of settings", f"write the settings of '{key}' indented below it")
        return value

    def file(self, key: str, default: str | None, required: bool = False) -> Path | None:
        name = self.data.get(key, default)
        if not name:
            if required:
                raise self.fail(key, "is missing", f"add '{key}: <file>' naming the instrument's {key}")
            return None
        path = (self.path.parent / str(name)).resolve()
        if required and not path.is_file():
            raise self.fail(key, f"names {name}, which does not exist", f"write {path} or correct '{key}'")
        return path


def load_instrument(path: Path) -> Instrument:
    """The instrument file read and checked (InstrumentError names the file and the key)."""
    path = Path(path).resolve()
    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise InstrumentError(f"{path}: not a list of 'key: value' settings; see `treaty new` for an example")
    read = _Reader(path, data)
    languages = data.get("languages")
    if not languages or not isinstance(languages, list):
        raise read.fail("languages", "is missing", "list the instrument's languages: languages: [en, fr]")
    languages = tuple(str(code) for code in languages)
    reference = str(data.get("reference_language") or languages[0])
    if reference not in languages:
        raise read.fail("reference_language", f"is {reference!r}, not one of the languages",
                        f"use one of {', '.join(languages)}")
    names = read.texts(data.get("names"), "names", languages)
    missing = [lang for lang in languages if not names.get(lang)]
    if missing:
        raise read.fail("names", f"gives no name in {', '.join(missing)}",
                        "give the instrument's name in each of its languages")
    kind = str(data.get("kind") or "instrument")
    return Instrument(
        path=path, kind=kind, names=names, languages=languages, reference_language=reference,
        x_default=str(data.get("x_default") or reference),
        outline_file=read.file("outline", None, required=True),
        lock_file=read.file("lock", "authentic-text.lock.yml"),
        import_file=read.file("import", "import.yml"),
        terminology_file=read.file("terminology", None, required=bool(data.get("terminology"))),
        symbol=str(data["symbol"]) if data.get("symbol") else None,
        adopted=_adopted(read, languages),
        signature=_signature(read, languages),
        entry_into_force=_entry(read, languages),
        depositary=read.texts(data.get("depositary"), "depositary", languages),
        authentic_languages_article=read.number(data.get("authentic_languages_article"),
                                                "authentic_languages_article"),
        copyright=read.texts(data.get("copyright"), "copyright", languages),
        short_names=read.texts(data.get("short_names"), "short_names", languages),
    )


def _adopted(read: _Reader, languages) -> dict:
    value = read.mapping("adopted")
    if not value:
        return {}
    return {"date": read.date(value.get("date"), "adopted.date"),
            "by": read.texts(value.get("by"), "adopted.by", languages)}


def _signature(read: _Reader, languages) -> dict:
    value = read.mapping("signature")
    if not value:
        return {}
    first = read.date(value.get("first_day"), "signature.first_day")
    if first is None:
        raise read.fail("signature.first_day", "is missing", "give the day the instrument opened for signature")
    return {
        "first_day": first,
        "until": read.date(value.get("until"), "signature.until"),
        "place": read.texts(value.get("place"), "signature.place", languages),
        "country": str(value["country"]) if value.get("country") else None,
        "country_names": read.texts(value.get("country_names"), "signature.country_names", ()),
        "then_at": read.texts(value.get("then_at"), "signature.then_at", languages),
    }


def _entry(read: _Reader, languages) -> dict:
    value = read.mapping("entry_into_force")
    if not value:
        return {}
    entry = {"article": read.number(value.get("article"), "entry_into_force.article"),
             "text": read.texts(value.get("text"), "entry_into_force.text", languages),
             "instruments": read.number(value.get("instruments"), "entry_into_force.instruments"),
             "days": read.number(value.get("days"), "entry_into_force.days"),
             "date": read.date(value.get("date"), "entry_into_force.date")}
    if not entry["text"] and not (entry["instruments"] and entry["days"]):
        raise read.fail("entry_into_force", "gives neither 'instruments' and 'days' nor 'text'",
                        "give the number of instruments and of days, or the rule as a text per language")
    return entry
