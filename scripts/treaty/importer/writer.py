"""The imported instrument as the site's Markdown files, compared with what docs/ holds, and
written all at once: every file is first written to a staging folder beside docs/, then moved
into place; if anything fails, the files already moved are put back.

    docs/<lang>/preamble.md, chapters/<n>.md, articles/<n>.md   status: official, source: <symbol>

A file whose status is provisional or synopsis is replaced (and the replacement is reported);
an official file whose text would change is only replaced under a corrigendum.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from treaty.importer.config import InstrumentConfig
from treaty.importer.errors import ImportFailure
from treaty.importer.readers import NOTE_REF
from treaty.importer.structure import Instrument, Part
from treaty.model.content import ContentError, split_front_matter
from treaty.model.labels import heading
from treaty.model.lock import Entry, LockError, digest, load_lock, normalize, record, save_lock

# Keys the importer writes; any other key of an existing file is kept as it was.
MANAGED = ("article", "chapter", "section", "preamble", "title", "title_status", "status", "source")
ESCAPE = re.compile(r"([\\`*_\[\]])")
ENTITY = re.compile(r"&(?=#?\w+;)")
LINE_START = re.compile(r"^([#>+=|]|[-*](?=\s))")


def escape(text: str) -> str:
    """Text as Markdown shows it literally; footnote references as Markdown footnotes."""
    text = ESCAPE.sub(r"\\\1", text)
    text = ENTITY.sub("&amp;", text).replace("<", "&lt;")
    text = LINE_START.sub(r"\\\1", text)
    return NOTE_REF.sub(lambda m: f"[^{m.group(1)}]", text)


def front_matter(meta: dict) -> str:
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000)
    return f"---\n{dumped}---\n"


def body_of(part: Part, instrument: Instrument) -> str:
    lines = [escape(text) for text in part.paragraphs]
    notes = part.notes()
    for label in notes:
        note = instrument.footnotes.get(label)
        if note is None:
            raise ImportFailure(f"footnote {label} is referred to but its text was not found",
                                part.where, "check the document's footnotes")
        lines.append(f"[^{label}]: {escape(note.text)}")
    return "\n\n".join(lines) + "\n"


def authentic(meta: dict, body: str) -> tuple:
    """What the authentic text of a file is: its body, and its title where that is official."""
    title = meta.get("title") if meta.get("title_status", "official") == "official" else None
    return (normalize(body), title)


@dataclass
class Change:
    rel: str  # docs/fr/articles/7.md, as shown to people
    inner: str  # fr/articles/7.md, below docs/
    path: Path
    old: str | None
    new: str
    action: str  # create, replace, update, restore, correct, unchanged, blocked
    note: str = ""
    key: str = ""  # articles/7, preamble, chapters/2
    body: str = ""
    title: str | None = None  # the official title, if any
    locked: Entry | None = None  # what the lock holds for this text

    @property
    def changes(self) -> bool:
        return self.action not in ("unchanged", "blocked")

    @property
    def lockable(self) -> bool:
        return not self.key.startswith("chapters/")

    def diff(self) -> str:
        old = (self.old or "").splitlines(keepends=True)
        new = self.new.splitlines(keepends=True)
        return "".join(difflib.unified_diff(old, new, "/dev/null" if self.old is None else f"a/{self.rel}",
                                            f"b/{self.rel}"))


class Plan:
    """Every file of one language's import, what it holds now and what the import would write."""

    def __init__(self, instrument: Instrument, config: InstrumentConfig, docs_dir: Path,
                 corrigendum: str | None = None):
        self.instrument = instrument
        self.config = config
        self.docs_dir = docs_dir
        self.corrigendum = corrigendum
        try:
            self.lock = load_lock(config.lock_file)
        except LockError as error:
            raise ImportFailure(f"the authentic-text lock cannot be read: {error}",
                                f"{config.lock_file}, line {error.line}",
                                "restore it from the main branch "
                                "(only the importer and `treaty lock` write it)") from None
        self.changes: list[Change] = []
        lang = instrument.lang
        self.add("preamble", self.preamble_meta, body_of(instrument.preamble, instrument))
        for chapter in instrument.chapters:
            meta = {"chapter": chapter.number, "title": chapter.title, "title_status": "official"}
            # Sections: their headings, as the document writes them, on the chapter's page.
            body = "\n\n".join(f"## {escape(heading(lang, s.label, s.title))}" for s in chapter.sections)
            self.add(f"chapters/{chapter.number}", lambda old, meta=meta: meta, body + "\n" if body else "")
        for article in instrument.articles:
            meta = {"article": article.number}
            if article.chapter is not None:
                meta["chapter"] = article.chapter
            if article.section is not None:
                meta["section"] = article.section
            # An untitled article has no title: the site shows "Article 3" alone.
            if config.article_titles:
                meta["title"] = article.title
            meta["title_status"] = "official"
            self.add(f"articles/{article.number}", lambda old, meta=meta: meta, body_of(article, instrument))

    def preamble_meta(self, old: dict) -> dict:
        part = self.instrument.preamble
        meta: dict = {"preamble": True}
        if part.title_official:
            meta.update(title=part.title, title_status="official")
        elif old.get("title") and old.get("title_status", "provisional") != "official":
            meta.update(title=old["title"], title_status=old.get("title_status", "provisional"))
        else:
            meta.update(title=part.title, title_status="provisional")
        return meta

    def shown(self, inner: str) -> str:
        return self.shown_path(self.docs_dir / inner)

    def shown_path(self, path: Path) -> str:
        """A path as shown to people: relative to the project (the folder holding docs/)."""
        try:
            return path.relative_to(self.docs_dir.parent).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, key: str, make_meta, body: str) -> None:
        lang = self.instrument.lang
        inner = f"{lang}/{key}.md"
        path = self.docs_dir / inner
        old_text = path.read_text(encoding="utf-8") if path.exists() else None
        old_meta, old_body = {}, ""
        if old_text is not None:
            try:
                old_meta, _, old_body, _ = split_front_matter(old_text.removeprefix("\ufeff"), self.shown(inner))
            except ContentError:
                old_meta, old_body = {}, old_text
        meta = dict(make_meta(old_meta))
        meta.update(status="official", source=self.config.symbol)
        meta.update({k: v for k, v in old_meta.items() if k not in MANAGED})
        new_text = front_matter(meta) + ("\n" + body if body else "")
        title = meta.get("title") if meta.get("title_status") == "official" else None
        change = Change(self.shown(inner), inner, path, old_text, new_text, "create", "new", key, body, title)
        change.locked = self.lock.get(key, {}).get(lang) if change.lockable else None
        change.action, change.note = self.decide(change, old_text, old_meta, old_body, meta, body)
        self.changes.append(change)

    def decide(self, change: Change, old_text, old_meta: dict, old_body: str, meta: dict, body: str):
        """What writing this file means: new, replacing provisional text, the same official text,
        or a change of official text (which needs a corrigendum)."""
        locked = change.locked
        if locked is not None:  # the lock, not the file, says what the official text is
            same = locked.current == digest(body) and (locked.title is None or locked.title == change.title)
        elif old_meta.get("status") == "official":
            same = authentic(old_meta, old_body) == authentic(meta, body)
        else:
            same = None  # nothing official yet
        if same is False:
            if not self.corrigendum:
                return "blocked", "official text differs from this document"
            return "correct", f"official text corrected by {self.corrigendum}"
        if old_text == change.new:
            return "unchanged", "unchanged"
        if old_text is None:
            return "create", "new"
        if same and authentic(old_meta, old_body) != authentic(meta, body):
            return "restore", "restores the official text recorded in the lock (the file had been changed)"
        if same:
            return "update", "official text unchanged"
        status = old_meta.get("status")
        if status in ("provisional", "synopsis"):
            return "replace", f"replaces the {status} text"
        return "replace", f"replaces a file with status {status!r}"

    @property
    def blocked(self) -> list[Change]:
        return [c for c in self.changes if c.action == "blocked"]

    @property
    def pending(self) -> list[Change]:
        return [c for c in self.changes if c.changes]

    def diff(self) -> str:
        return "".join(change.diff() for change in self.changes if change.action != "unchanged")

    def record(self, date: dt.date | None = None) -> None:
        """Record the official text written in the authentic-text lock (articles and preamble):
        an import where nothing was recorded yet, a correction under the corrigendum; the lock
        is read and written once."""
        lock, lang, recorded = load_lock(self.config.lock_file), self.instrument.lang, False
        for change in self.changes:
            if not change.lockable or change.action == "blocked":
                continue
            if change.locked is None:
                record(self.config.lock_file, change.key, lang, change.body, source=self.config.symbol,
                       title=change.title, lock=lock)
            elif change.action == "correct":
                record(self.config.lock_file, change.key, lang, change.body, title=change.title,
                       corrigendum=self.corrigendum, date=date or dt.date.today(), lock=lock)
            else:
                continue
            recorded = True
        if recorded:
            save_lock(self.config.lock_file, lock)


def commit(plan: Plan, date: dt.date | None = None) -> list[Change]:
    """Write the plan's files and record them in the lock: staged beside docs/, then moved in;
    if anything fails, the files moved and the lock are put back as they were."""
    docs_dir = plan.docs_dir
    docs_dir.mkdir(parents=True, exist_ok=True)
    pending = plan.pending
    staging = Path(tempfile.mkdtemp(prefix=".import-", dir=docs_dir.parent))
    moved: list[tuple[Change, Path | None]] = []
    lock_file = plan.config.lock_file
    lock_backup = staging / "lock" if lock_file.exists() else None
    try:
        for change in pending:
            staged = staging / "new" / change.inner
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_text(change.new, encoding="utf-8")
        if lock_backup:
            shutil.copy2(lock_file, lock_backup)
        for change in pending:
            backup = None
            if change.path.exists():
                backup = staging / "old" / change.inner
                backup.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(change.path, backup)
            change.path.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / "new" / change.inner, change.path)
            moved.append((change, backup))
        plan.record(date)
    except BaseException as error:
        for change, backup in reversed(moved):
            if backup is not None:
                os.replace(backup, change.path)
            else:
                change.path.unlink(missing_ok=True)
        if lock_backup:
            os.replace(lock_backup, lock_file)
        elif lock_file.exists() and moved:
            lock_file.unlink()
        if isinstance(error, OSError):
            raise ImportFailure(f"could not write {error.filename or docs_dir}: {error.strerror}", None,
                                f"check that {docs_dir} is writable; nothing was changed") from None
        if isinstance(error, (ValueError, LockError)):
            raise ImportFailure(f"the authentic-text lock could not be updated: {error}", str(lock_file),
                                "restore the lock from the main branch; nothing was changed") from None
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return pending
