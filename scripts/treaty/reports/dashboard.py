"""The translation status: per document (preamble, articles) and language, the status of the text,
whether its file passes the checks, and when it last changed; with totals per language.

The same report is the status page of each language (plugin `treaty`, template
overrides/partials/treaty-status.html) and `treaty status` in the terminal. Plain Python: no MkDocs.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from babel.dates import format_date

from treaty.findings import ERROR
from treaty.model.labels import article_label, heading
from treaty.model.languages import get_language
from treaty.model.messages import gettext
from treaty.model.outline import Outline
from treaty.project.files import DataFiles

STATUSES = ("official", "provisional", "synopsis")
LETTERS = {"official": "O", "provisional": "P", "synopsis": "S", None: "-"}


@dataclass
class Cell:
    lang: str
    rel: str  # the file, as reported: docs/fr/articles/7.md
    status: str | None  # None: the file is missing or cannot be read
    errors: int
    warnings: int
    changed: dt.datetime | None

    @property
    def ok(self) -> bool:
        return self.status is not None and self.errors == 0


@dataclass
class Row:
    key: str  # preamble, articles/7
    number: int | None
    cells: list[Cell]


@dataclass
class Report:
    languages: list[str]
    rows: list[Row]
    history: bool = True  # False: built without the project's history, so without dates

    def totals(self) -> list[dict]:
        out = []
        for index, lang in enumerate(self.languages):
            cells = [row.cells[index] for row in self.rows]
            counts = {status: sum(1 for c in cells if c.status == status) for status in STATUSES}
            out.append({"lang": lang, **counts, "missing": sum(1 for c in cells if c.status is None),
                        "passing": sum(1 for c in cells if c.ok), "documents": len(cells)})
        return out


def document_keys(outline: Outline) -> list[tuple[str, int | None]]:
    return [("preamble", None)] * outline.preamble + [(f"articles/{n}", n) for n in outline.articles]


def build_report(result, changes: dict | None, outline: Outline, languages: list[str], docs_rel: str = "docs",
                 files: DataFiles | None = None) -> Report:
    """`result`: a CheckResult; `changes`: path below docs/ -> last change (treaty.history), None
    without history; `docs_rel`: the docs folder as findings name it."""
    history = changes is not None
    changes = changes or {}
    by_path = result.by_path()
    rows = []
    for key, number in document_keys(outline):
        cells = []
        for lang in languages:
            document = result.tree.get(lang, {}).get(key)
            rel = document.rel if document else f"{docs_rel}/{lang}/{key}.md"
            found = by_path.get(rel, [])
            errors = sum(1 for f in found if f.severity == ERROR)
            status = document.status if document and document.status in STATUSES else None
            cells.append(Cell(lang, rel, status, errors, len(found) - errors, changes.get(f"{lang}/{key}.md")))
        rows.append(Row(key, number, cells))
    return Report(list(languages), rows, history)


def row_label(lang: str, row: Row, tree: dict, files: DataFiles | None = None) -> str:
    document = tree.get(lang, {}).get(row.key)
    if row.number is None:
        return document.title if document else row.key
    label = article_label(lang, row.number, files=files)
    return heading(lang, label, document.title, files=files) if document and document.title else label


def status_label(lang: str, status: str | None, files: DataFiles | None = None) -> str:
    name = {"official": "Official text", "provisional": "Provisional", "synopsis": "Synopsis"}.get(status, "Missing")
    return gettext(lang, name, files=files)


def localized(report: Report, lang: str, tree: dict, files: DataFiles | None = None) -> dict:
    """What the status page of `lang` shows (all text in `lang`, dates in its format)."""
    locale = get_language(lang, files).locale
    languages = {code: get_language(code, files) for code in report.languages}

    def _(message, **params):
        return gettext(lang, message, files=files, **params)

    def when(moment):
        if not report.history:
            return ""
        return format_date(moment.date(), "medium", locale=locale) if moment else _("Not committed yet")

    return {
        "history": report.history,
        "languages": [{"code": code, "name": _capital(languages[code].name_in(lang)), "dir": languages[code].dir}
                      for code in report.languages],
        "totals": [{**total, "name": _capital(languages[total["lang"]].name_in(lang))} for total in report.totals()],
        "rows": [{
            "key": row.key,
            "anchor": row.key.replace("/", "-"),
            "label": row_label(lang, row, tree, files),
            "url": f"{lang}/{row.key}/",
            "cells": [{
                "lang": cell.lang, "status": cell.status or "missing",
                "status_label": status_label(lang, cell.status, files), "ok": cell.ok,
                "check_label": _("Passes the checks") if cell.ok else _("Fails the checks"),
                "warnings": cell.warnings,
                "warnings_label": _("Warnings: %(count)s", count=cell.warnings) if cell.warnings else "",
                "changed": when(cell.changed),
                "datetime": cell.changed.isoformat() if cell.changed else "",
                "url": f"{cell.lang}/{row.key}/" if cell.status else "",
                "file": cell.rel,
            } for cell in row.cells],
        } for row in report.rows],
    }


def _capital(name: str) -> str:
    """A language name at the head of a column or row: "Arabe", not "arabe"."""
    return name[:1].upper() + name[1:]


def render_text(report: Report, lang: str, outline: Outline, tree: dict | None = None,
                files: DataFiles | None = None) -> str:
    """The report as a table for the terminal (`treaty status`)."""

    def _(message):
        return gettext(lang, message, files=files)

    def label_of(number):
        return article_label(lang, number, files=files)

    width = max(len(label_of(n)) for n in outline.articles) if outline.articles else 10
    header = (_("Document").ljust(width) + "".join(f"  {code:<15}" for code in report.languages)).rstrip()
    lines = [_("Translation status"), "", header]
    for row in report.rows:
        preamble = (tree or {}).get(lang, {}).get(row.key)
        label = label_of(row.number) if row.number else (preamble.title if preamble else row.key)
        cells = []
        for cell in row.cells:
            mark = "ok" if cell.ok else "!!"
            date = cell.changed.date().isoformat() if cell.changed else "-"
            cells.append(f"  {LETTERS[cell.status]} {mark} {date:<10}")
        lines.append((label[:width].ljust(width) + "".join(cells)).rstrip())
    lines += ["", _("Totals")]
    names = [_("Official text"), _("Provisional"), _("Synopsis"), _("Missing"), _("Passes the checks")]
    lines.append(_("Language").ljust(10) + "".join(f"  {name}" for name in names))
    for total in report.totals():
        values = [total["official"], total["provisional"], total["synopsis"], total["missing"],
                  f"{total['passing']}/{total['documents']}"]
        lines.append((total["lang"].ljust(10)
                      + "".join(f"  {str(v):<{len(n)}}" for v, n in zip(values, names))).rstrip())
    lines += ["", f"O = {names[0]}, P = {names[1]}, S = {names[2]}, - = {names[3]}; "
                  f"ok = {names[4]}, !! = {_('Fails the checks')}"]
    if not report.history:
        lines.append(_("Dates of last change are not shown: the project's history (git) is not available."))
    return "\n".join(lines)


def render_json(report: Report) -> str:
    return json.dumps({
        "languages": report.languages,
        "history": report.history,
        "documents": [{"key": row.key, "cells": {cell.lang: {
            "file": cell.rel, "status": cell.status, "ok": cell.ok, "errors": cell.errors,
            "warnings": cell.warnings, "changed": cell.changed.isoformat() if cell.changed else None,
        } for cell in row.cells}} for row in report.rows],
        "totals": report.totals(),
    }, ensure_ascii=False, indent=2)
