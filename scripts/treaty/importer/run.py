"""`treaty import`: one language's official document in, its Markdown files written, checked.

    read the document -> is it in that language? -> preamble, chapters, articles, paragraphs
    -> compare with docs/ -> (--dry-run: show the diff and stop) -> write all files at once
    -> record the authentic text in the lock -> run the checks and print their findings

Any failure before the files are moved in leaves docs/ exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TextIO

from treaty.importer.config import InstrumentConfig, load_config
from treaty.importer.errors import ImportFailure
from treaty.importer.headings import HeadingReader
from treaty.importer.language import check_language
from treaty.importer.readers import read_source
from treaty.importer.structure import Instrument, build_instrument
from treaty.importer.writer import Plan, commit
from treaty.project.files import DataError

MAX_LISTED = 10
MAX_FINDINGS = 40


def load_outline_for(config: InstrumentConfig):
    try:
        return config.outline
    except (KeyError, TypeError, ValueError, AttributeError, DataError) as error:
        raise ImportFailure(f"the outline is not in the expected form ({error.__class__.__name__}: {error})",
                            str(config.outline_file),
                            "give its chapters (chapters: - number, roman, title, articles) or, without "
                            "chapters, its articles (articles: 30)") from None


def read_instrument(path: Path, lang: str, config: InstrumentConfig) -> Instrument:
    """The document read and placed, or an ImportFailure saying where it could not be."""
    if lang not in config.languages:
        raise ImportFailure(f"'{lang}' is not one of the instrument's languages ({', '.join(config.languages)})",
                            str(config.path), "give --lang one of these codes")
    outline = load_outline_for(config)
    reader = HeadingReader(lang, config.headings_file, {"chapter": config.chapter_numbering,
                                                        "article": config.article_numbering})
    source = read_source(path, keep=lambda text: reader.match(text) is not None)
    text = "\n".join(block.text for block in source.blocks)
    warnings = check_language(text, lang, config.headings_file, path.name, source.declared_lang)
    instrument = build_instrument(source, lang, config, outline)
    instrument.warnings[:0] = warnings
    return instrument


def summary(instrument: Instrument) -> str:
    chapters = len(instrument.chapters)
    sections = sum(len(c.sections) for c in instrument.chapters)
    parts = ["preamble"]
    if chapters:
        parts.append(f"{chapters} chapter{'s' * (chapters != 1)}")
    if sections:
        parts.append(f"{sections} section{'s' * (sections != 1)}")
    parts.append(f"{len(instrument.articles)} articles")
    parts.append(f"{instrument.paragraph_count} numbered paragraphs and subparagraphs")
    if instrument.footnotes:
        parts.append(f"{len(instrument.footnotes)} footnote{'s' * (len(instrument.footnotes) != 1)}")
    return ", ".join(parts)


def blocked_message(plan: Plan) -> ImportFailure:
    listed = "\n".join(f"    {change.rel}" for change in plan.blocked[:MAX_LISTED])
    more = f"\n    ... and {len(plan.blocked) - MAX_LISTED} more" if len(plan.blocked) > MAX_LISTED else ""
    return ImportFailure(
        f"{len(plan.blocked)} file(s) hold official text that this document would change:\n{listed}{more}\n"
        "  Nothing was written.", None,
        "if the document is a correction of the official text, import it with --corrigendum SYMBOL "
        "(the corrigendum's document symbol); run with --dry-run to see the differences")


def run_checks(project, lang: str, out: TextIO) -> int:
    """`treaty check` over the content folder; returns the number of errors. Listed in full: the
    findings on the language just imported, and those comparing official texts (a paragraph the
    English text has and the Russian lacks); the others (languages not imported yet) counted."""
    from collections import Counter

    from treaty.checks.checker import check_tree
    from treaty.findings import errors, render

    result = check_tree(project)
    mine = f"{project.shown(project.docs)}/{lang}/"  # findings name files relative to the project
    official = {d.rel for documents in result.tree.values() for d in documents.values() if d.status == "official"}
    listed = [f for f in result.findings if f.path.startswith(mine) or f.path in official]
    others = Counter(f.code for f in result.findings if f not in listed)
    problems = errors(result.findings)
    if listed:
        lines = render(listed).splitlines()
        print("\n".join(lines[:MAX_FINDINGS]), file=out)
        if len(lines) > MAX_FINDINGS:
            print(f"... and {len(lines) - MAX_FINDINGS} more", file=out)
    if others:
        counted = ", ".join(f"{n} {code}" for code, n in others.most_common())
        print(f"in files not imported yet: {counted}", file=out)
    print(f"treaty check: {len(problems)} error(s), {len(result.findings) - len(problems)} warning(s)"
          + (" (run `treaty check` for the whole list)" if result.findings else ""), file=out)
    return len(problems)


def import_document(project, path: Path, lang: str, dry_run: bool = False, corrigendum: str | None = None,
                    date=None, out: TextIO | None = None) -> int:
    """Import one language's document into the project; 0 when done (or, dry, when it could be),
    1 when a dry run finds official text that would change without a corrigendum. Raises
    ImportFailure."""
    out = out or sys.stdout
    config = load_config(project)
    path = Path(path)
    instrument = read_instrument(path, lang, config)
    print(f"treaty import: {config.name}, {path.name} ({lang}): {summary(instrument)}", file=out)
    for warning in instrument.warnings:
        print(f"  warning: {warning}", file=out)
    plan = Plan(instrument, config, config.docs_dir, corrigendum)
    if dry_run:
        diff = plan.diff()
        if diff:
            print(diff, file=out, end="" if diff.endswith("\n") else "\n")
        for change in plan.changes:
            if change.action != "unchanged":
                verb = "would NOT write" if change.action == "blocked" else "would write"
                print(f"  {verb} {change.rel}: {change.note}", file=out)
        if plan.blocked:
            print(blocked_message(plan).text(), file=out)
        print(f"treaty import: dry run, nothing written ({len(plan.pending)} file(s) would change, "
              f"{sum(c.action == 'unchanged' for c in plan.changes)} unchanged).", file=out)
        return 1 if plan.blocked else 0
    if plan.blocked:
        raise blocked_message(plan)
    written = commit(plan, date)
    for change in written:
        if change.action in ("replace", "correct", "restore"):
            print(f"  {change.rel}: {change.note}", file=out)
    replaced = sum(1 for c in written if c.action == "replace")
    print(f"treaty import: wrote {len(written)} file(s) under {plan.shown(lang)}/ "
          f"({replaced} replacing provisional or synopsis text), "
          f"{sum(c.action == 'unchanged' for c in plan.changes)} unchanged; status official, "
          f"source {config.symbol}; the text is recorded in {plan.shown_path(config.lock_file)}.", file=out)
    corrected = [c for c in written if c.action == "correct"]
    if corrected:
        print(f"  {len(corrected)} correction(s) recorded in the lock under {corrigendum} of "
              f"{date or dt.date.today()}", file=out)
    run_checks(project, lang, out)
    return 0
