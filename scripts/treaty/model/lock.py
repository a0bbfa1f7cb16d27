"""The authentic-text lock (data/authentic-text.lock.yml): the text of every official article,
per language, as imported from the United Nations documents and as corrected since.

    texts:
      articles/7:
        en:
          source: A/RES/79/243
          title: Illegal access
          imported: {date: 2025-01-15, sha256: 9f86d0...}
          corrections:
            - {reference: C.N.123.2025.TREATIES-XVIII.16, date: 2025-06-01, sha256: 60303a...}

The text of a document is its body, normalized (`normalize`): a change of layout (line endings,
spaces at the end of lines, blank lines) is not a change of text. `check_lock` compares each
official document with the last text recorded for it. Only two writers exist, both through
`record`: the importer (with the source document) and a recorded correction (with the reference
of the corrigendum and its date: the command `treaty lock`).

    authentic-text-changed   the text of an official document differs from the one recorded
    authentic-text-unlocked  a document says `status: official` but no official text was recorded
    authentic-status-changed the lock records official text, the file says another status
    authentic-source-changed `source` differs from the document the text was imported from
    authentic-title-changed  an official title differs from the one recorded
    lock-invalid             the lock file cannot be read

Plain Python: no MkDocs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from treaty.findings import Finding

LOCK_NAME = "authentic-text.lock.yml"
HEADER = """\
# The authentic text of every official article, per language: written by the importer
# (treaty.lock.record) and by `treaty lock --corrigendum REF --date YYYY-MM-DD FILES` for a
# recorded correction. Never edit this file by hand: `treaty check` fails when the text of an
# official article differs from the last text recorded here (see CONTRIBUTING.md).
"""
SHA256 = re.compile(r"[0-9a-f]{64}")


def default_lock(root: Path) -> Path:
    """The lock of a project: <root>/data/authentic-text.lock.yml."""
    return Path(root) / "data" / LOCK_NAME


def normalize(body: str) -> str:
    """The text as compared: NFC, LF line endings, no spaces at line ends, single blank lines."""
    text = unicodedata.normalize("NFC", body.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def digest(body: str) -> str:
    return hashlib.sha256(normalize(body).encode("utf-8")).hexdigest()


class LockError(Exception):
    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.line = line


@dataclass
class Entry:
    source: str
    imported: dict  # {date, sha256}
    corrections: list = field(default_factory=list)  # [{reference, date, sha256}]
    title: str | None = None

    @property
    def current(self) -> str:
        return (self.corrections[-1] if self.corrections else self.imported)["sha256"]

    @property
    def last(self) -> str:
        if self.corrections:
            last = self.corrections[-1]
            return f"correction {last['reference']} of {last['date']}"
        return f"import from {self.source} of {self.imported.get('date')}"

    def as_data(self) -> dict:
        data = {"source": self.source}
        if self.title is not None:
            data["title"] = self.title
        data["imported"] = dict(self.imported)
        if self.corrections:
            data["corrections"] = [dict(c) for c in self.corrections]
        return data


def _entry(data, where: str) -> Entry:
    if not isinstance(data, dict):
        raise LockError(f"{where} is not a set of keys")
    imported = data.get("imported")
    if not isinstance(data.get("source"), str) or not isinstance(imported, dict):
        raise LockError(f"{where} needs 'source' and 'imported'")
    corrections = data.get("corrections") or []
    if not isinstance(corrections, list):
        raise LockError(f"{where}: 'corrections' is not a list")
    for record in [imported, *corrections]:
        if not isinstance(record, dict) or not SHA256.fullmatch(str(record.get("sha256", ""))):
            raise LockError(f"{where}: a record has no valid sha256")
    for correction in corrections:
        if not correction.get("reference") or not isinstance(correction.get("date"), dt.date):
            raise LockError(f"{where}: a correction needs 'reference' and 'date' (YYYY-MM-DD)")
    title = data.get("title")
    return Entry(data["source"], imported, corrections, title if isinstance(title, str) else None)


def load_lock(path: Path) -> dict[str, dict[str, Entry]]:
    """key ("articles/7") -> language -> Entry; an absent file is an empty lock."""
    path = Path(path)
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise LockError(f"not valid YAML: {getattr(error, 'problem', None) or error}",
                        mark.line + 1 if mark else 1) from None
    except (OSError, UnicodeDecodeError, RecursionError) as error:
        raise LockError(f"cannot be read ({error})") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("texts") or {}, dict):
        raise LockError("expected 'texts:' with one entry per document")
    lock: dict[str, dict[str, Entry]] = {}
    for key, languages in (data.get("texts") or {}).items():
        if not isinstance(languages, dict):
            raise LockError(f"'{key}' has no languages")
        lock[str(key)] = {str(lang): _entry(entry, f"{key} ({lang})") for lang, entry in languages.items()}
    return lock


def save_lock(path: Path, lock: dict[str, dict[str, Entry]]) -> None:
    """Write the lock at once (a temporary file renamed), keys in a stable order."""
    def order(key):
        kind, _, number = key.partition("/")
        return (kind != "preamble", kind, int(number) if number.isdigit() else 0)

    data = {"texts": {key: {lang: lock[key][lang].as_data() for lang in sorted(lock[key])}
                      for key in sorted(lock, key=order) if lock[key]}}
    text = HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".lock-", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    os.replace(temporary, path)


def record(lock_file: Path, key: str, lang: str, body: str, *, source: str | None = None,
           title: str | None = None, corrigendum: str | None = None, date: dt.date | None = None,
           lock: dict | None = None) -> Entry:
    """Record official text in the lock: the one way the lock is written.

    Without `corrigendum`, an import: `source` (the document symbol) is required, and the entry
    starts anew. With `corrigendum` (its reference) and `date`, a correction of text already
    imported: refused if nothing was imported or the text did not change.
    With `lock` (as `load_lock` reads it), the entry goes there and the file is not written: the
    importer records a whole language so, then writes the lock once with `save_lock`.
    """
    write = lock is None
    lock = load_lock(lock_file) if lock is None else lock
    sha = digest(body)
    if corrigendum is None:
        if not source:
            raise ValueError("an import needs the source document symbol")
        entry = Entry(source, {"date": date or dt.date.today(), "sha256": sha}, [], title)
    else:
        if not corrigendum.strip() or date is None:
            raise ValueError("a correction needs the reference of the corrigendum and its date")
        entry = lock.get(key, {}).get(lang)
        if entry is None:
            raise ValueError(f"{key} ({lang}) has no imported official text to correct; "
                             "official text is first recorded by the importer")
        if entry.current == sha and (title is None or title == entry.title):
            raise ValueError(f"{key} ({lang}) is unchanged since the {entry.last}: there is nothing to record")
        entry.corrections.append({"reference": corrigendum.strip(), "date": date, "sha256": sha})
        if title is not None:
            entry.title = title
    lock.setdefault(key, {})[lang] = entry
    if write:
        save_lock(lock_file, lock)
    return entry


def check_lock(tree: dict, lock_file: Path, lock_rel: str) -> list[Finding]:
    """Official documents of the tree (lang -> key -> Document) against the lock."""
    try:
        lock = load_lock(lock_file)
    except LockError as error:
        return [Finding(lock_rel, error.line, 1, "lock-invalid", f"the authentic-text lock {error}",
                        "restore the file from the main branch; it is written only by the importer and `treaty lock`")]
    findings = []
    for lang, documents in tree.items():
        for key, document in documents.items():
            if document.kind not in ("article", "preamble"):
                continue
            entry = lock.get(key, {}).get(lang)
            official = document.status == "official"
            if official and entry is None:
                findings.append(Finding(document.rel, document.line_of("status"), 1, "authentic-text-unlocked",
                    f"{key} ({lang}) says 'status: official', but no official text was imported for it",
                    "official text comes only from the importer; for a text written here, "
                    "write 'status: provisional' or 'status: synopsis'"))
            elif entry is not None and not official:
                findings.append(Finding(document.rel, document.line_of("status"), 1, "authentic-status-changed",
                    f"{key} ({lang}) is official text (recorded by the {entry.last}), "
                    f"but the file says 'status: {document.status}'",
                    "write 'status: official' back and keep the official text"))
            elif entry is not None:
                if digest(document.body) != entry.current:
                    first = document.body_line + len(document.body) - len(document.body.lstrip("\n"))
                    findings.append(Finding(document.rel, first, 1, "authentic-text-changed",
                        f"the official text of {key} ({lang}) differs from the text recorded by the {entry.last}",
                        f"undo the change; a correction made by a corrigendum is recorded with "
                        f"`treaty lock --corrigendum REF --date YYYY-MM-DD {document.rel}`"))
                source = document.meta.get("source")
                if isinstance(source, str) and source != entry.source:
                    findings.append(Finding(document.rel, document.line_of("source"), 1, "authentic-source-changed",
                        f"'source' is '{source}', but the text was imported from '{entry.source}'",
                        f"write 'source: {entry.source}'"))
                if (entry.title is not None and document.meta.get("title_status") == "official"
                        and document.title != entry.title):
                    findings.append(Finding(document.rel, document.line_of("title"), 1, "authentic-title-changed",
                        f"the official title is '{entry.title}', but the file says '{document.title}'",
                        f"write 'title: {entry.title}'"))
    return findings
