"""`treaty`: the project's command line. Subcommands: build, check, status, lock, import.

No traceback reaches the person at the terminal: a problem in the content is a finding, a wrong
command line is a usage message, and anything else is one line saying what failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from pathlib import Path

from .paths import PROJECT_ROOT


def cmd_build(args) -> int:
    from .site.build import build_site

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    # The checks' warnings are listed (they do not stop the build).
    logging.getLogger("mkdocs.plugins.treaty").setLevel(logging.INFO)
    return build_site(Path(args.config), Path(args.site_dir) if args.site_dir else None)


def _targets(args) -> tuple[Path, list[Path]]:
    """The docs folder and the files given (none: the whole tree)."""
    paths = [Path(p) for p in args.paths]
    if args.docs:
        docs = Path(args.docs)
    elif len(paths) == 1 and paths[0].is_dir():
        docs, paths = paths[0], []
    elif paths:
        first = paths[0].resolve()
        docs = next((p for p in first.parents if p.name == "docs"), PROJECT_ROOT / "docs")
    else:
        docs = PROJECT_ROOT / "docs"
    return docs.resolve(), [p.resolve() for p in paths]


def _check(args):
    from .checker import check_tree
    from .outline import load_outline

    docs, files = _targets(args)
    outline = load_outline(Path(args.outline).resolve()) if args.outline else None
    lock = Path(args.lock).resolve() if args.lock else None
    return docs, files, lock, check_tree(docs, root=docs.parent, outline=outline, lock_file=lock)


def cmd_check(args) -> int:
    from .checker import select
    from .findings import errors, render
    from .lock import default_lock
    from .sources import shown

    docs, files, lock, result = _check(args)
    findings = result.findings
    if files:
        root = docs.parent
        lock_rel = shown(lock or default_lock(root), root)
        given = []
        for path in files:
            rel = shown(path, root)
            if rel == lock_rel or path.is_relative_to(docs):
                given.append(rel)
            else:
                print(f"treaty check: {rel} is not content under {shown(docs, root)}/; not checked", file=sys.stderr)
        findings = select(findings, given, shown(docs, root), lock_rel)
    output = render(findings, args.format)
    if output:
        print(output)
    problems = errors(findings)
    warnings = len(findings) - len(problems)
    if args.format == "text":
        if findings:
            files_count = len({f.path for f in findings})
            print(f"treaty check: {len(problems)} error(s), {warnings} warning(s) in {files_count} file(s)",
                  file=sys.stderr)
        else:
            print("treaty check: no problems found", file=sys.stderr)
    return 1 if problems or (args.strict and findings) else 0


def cmd_status(args) -> int:
    from .dashboard import build_report, render_json, render_text
    from .history import last_changes
    from .languages import language_codes
    from .outline import load_outline

    docs, _, _, result = _check(args)
    outline = load_outline(Path(args.outline).resolve()) if args.outline else load_outline()
    from .sources import shown

    report = build_report(result, last_changes(docs), outline, language_codes(), shown(docs, docs.parent))
    print(render_json(report) if args.format == "json" else render_text(report, args.lang, outline, result.tree))
    return 0


def cmd_lock(args) -> int:
    from .content import ContentError, read_document
    from .lock import default_lock, record

    docs = Path(args.docs).resolve() if args.docs else None
    lock_file = None
    documents, problems = [], []
    for name in args.files:
        path = Path(name).resolve()
        base = docs or next((p for p in path.parents if p.name == "docs"), None)
        if base is None or not path.is_relative_to(base) or not path.is_file():
            problems.append(f"{name}: not a content file under docs/")
            continue
        try:
            document = read_document(path, base, base.parent)
        except ContentError as error:
            problems.append(error.finding.text())
            continue
        if document.kind not in ("article", "preamble") or document.status != "official":
            problems.append(f"{document.rel}: only official text (status: official) is recorded in the lock")
            continue
        lock_file = Path(args.lock).resolve() if args.lock else default_lock(base.parent)
        documents.append(document)
    if problems:
        for problem in problems:
            print(f"treaty lock: {problem}", file=sys.stderr)
        print("treaty lock: nothing was recorded", file=sys.stderr)
        return 1
    for document in documents:
        try:
            record(lock_file, document.key, document.lang, document.body, corrigendum=args.corrigendum,
                   date=args.date, title=document.title if document.meta.get("title_status") == "official" else None)
        except ValueError as error:
            print(f"treaty lock: {document.rel}: {error}", file=sys.stderr)
            return 1
        print(f"treaty lock: recorded correction {args.corrigendum} of {args.date} for {document.rel}")
    return 0


def cmd_import(args) -> int:
    from .importer import ImportFailure, import_document

    try:
        return import_document(Path(args.file), args.lang, args.config, args.docs, dry_run=args.dry_run,
                               corrigendum=args.corrigendum, date=args.date)
    except ImportFailure as failure:
        print(f"treaty import: error: {failure.text()}", file=sys.stderr)
        return 2


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="treaty", description="Publish a multilingual treaty.")
    sub = main.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="check the content, then build the site into site/")
    build.add_argument("--config", default=str(PROJECT_ROOT / "mkdocs.yml"))
    build.add_argument("--site-dir", default=None)
    build.set_defaults(func=cmd_build)

    def content_options(command):
        command.add_argument("--docs", default=None, help="the content folder (default: docs/ of the project)")
        command.add_argument("--outline", default=None, help="the outline (default: data/convention-outline.yml)")
        command.add_argument("--lock", default=None, help="the authentic-text lock (default: data/authentic-text.lock.yml)")

    check = sub.add_parser("check", help="check the content of docs/, or of the files given",
                           description="Check the content tree: exit 0 when it has no error, 1 otherwise.")
    check.add_argument("paths", nargs="*", help="docs/ (the default), or content files: only their findings are shown")
    check.add_argument("--format", choices=["text", "json", "github"], default="text")
    check.add_argument("--strict", action="store_true", help="warnings fail the check too")
    content_options(check)
    check.set_defaults(func=cmd_check)

    status = sub.add_parser("status", help="translation status: per article and language, status, checks, last change")
    status.add_argument("paths", nargs="?", default=None, help="the content folder (default: docs/)")
    status.add_argument("--lang", default="en", help="language of the report (default: en)")
    status.add_argument("--format", choices=["text", "json"], default="text")
    content_options(status)
    status.set_defaults(func=cmd_status, strict=False)

    lock = sub.add_parser("lock", help="record a correction of official text in data/authentic-text.lock.yml")
    lock.add_argument("--corrigendum", required=True, metavar="REF", help="reference of the corrigendum")
    lock.add_argument("--date", required=True, type=iso_date, metavar="YYYY-MM-DD", help="date of the corrigendum")
    lock.add_argument("files", nargs="+", help="the corrected official files")
    lock.add_argument("--docs", default=None)
    lock.add_argument("--lock", default=None)
    lock.set_defaults(func=cmd_lock)

    imp = sub.add_parser("import", help="import one language's official document (.docx, .pdf, .html, .txt) into docs/",
                         description="Read the official document of one language and write its Markdown files "
                                     "(status: official), record the text in the authentic-text lock, then check.")
    imp.add_argument("file", help="the official document")
    imp.add_argument("--lang", required=True, help="its language: ar, zh, en, fr, ru or es")
    imp.add_argument("--config", default=None, help="the instrument's import configuration (default: data/import.yml)")
    imp.add_argument("--docs", default=None, help="the content folder (default: the configuration's `docs`)")
    imp.add_argument("--dry-run", action="store_true", help="show what would change as a diff; write nothing")
    imp.add_argument("--corrigendum", metavar="REF", help="replace official text that differs, under this corrigendum")
    imp.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="date of the corrigendum (default: today)")
    imp.set_defaults(func=cmd_import)
    return main


def main(argv: list[str] | None = None) -> int:
    try:
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(errors="backslashreplace")
        args = parser().parse_args(argv)
        if getattr(args, "command", None) == "status":
            args.paths = [args.paths] if args.paths else []
        status = args.func(args)
        sys.stdout.flush()
        return status
    except SystemExit as stop:  # argparse: --help, or a usage message already written
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    except BrokenPipeError:
        # The reader went away (`treaty check | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("treaty: interrupted", file=sys.stderr)
        return 130
    except OSError as error:  # a file named on the command line that cannot be read, say
        print(f"treaty: {error.strerror or error}: {error.filename or ''}", file=sys.stderr)
        return 2
    except Exception as error:  # never a traceback: one line saying what failed
        print(f"treaty: internal error ({type(error).__name__}: {error}); "
              "please report it with the command you ran", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
