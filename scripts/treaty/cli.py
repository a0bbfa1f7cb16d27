"""`treaty`: the command line. Subcommands: new, import, check, status, lock, build, serve.

Every command but `new` works on a project: the folder it is run in, or --project DIR, or -f mkdocs.yml.

No traceback reaches the person at the terminal: a problem in the content is a finding, a wrong
command line is a usage message, and anything else is one line saying what failed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import os
import sys
from pathlib import Path

from treaty.project import Project
from treaty.project.files import DataError


def project_of(args) -> Project:
    """The project the command works on: -f FILE, --project DIR, or the current folder."""
    return Project.find(Path(args.project) if args.project else None,
                        Path(args.config_file) if args.config_file else None)


def cmd_build(args) -> int:
    from treaty.site.build import build_site

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    # The checks' warnings are listed (they do not stop the build).
    logging.getLogger("mkdocs.plugins.treaty").setLevel(logging.INFO)
    project = project_of(args)
    return build_site(project.config_file, Path(args.site_dir) if args.site_dir else None, jobs=args.jobs)


def cmd_serve(args) -> int:
    from treaty.site.serve import serve

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    logging.getLogger("treaty.serve").setLevel(logging.INFO)
    host, _, port = args.dev_addr.rpartition(":")
    if not port.isdigit():
        print(f"treaty serve: '{args.dev_addr}' is not an address HOST:PORT", file=sys.stderr)
        return 2
    project = project_of(args)
    return serve(project.config_file, host or "127.0.0.1", int(port), jobs=args.jobs)


def _files(project: Project, names: list[str]) -> list[Path]:
    """The files given on the command line (none: the whole tree); a folder given is the docs."""
    paths = [Path(name).resolve() for name in names]
    return [] if paths == [project.docs] else paths


def cmd_check(args) -> int:
    from treaty.checks.checker import check_tree, select
    from treaty.checks.parallel import available_cores
    from treaty.findings import errors, render

    project = project_of(args)
    result = check_tree(project, jobs=available_cores())
    findings = result.findings
    files = _files(project, args.paths)
    if files:
        lock_rel = project.shown(project.lock_file)
        given = []
        for path in files:
            rel = project.shown(path)
            if rel == lock_rel or path.is_relative_to(project.docs):
                given.append(rel)
            else:
                print(f"treaty check: {rel} is not content under {project.shown(project.docs)}/; not checked",
                      file=sys.stderr)
        findings = select(findings, given, project.shown(project.docs), lock_rel)
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
    from treaty.checks.checker import check_tree
    from treaty.checks.parallel import available_cores
    from treaty.reports.dashboard import build_report, render_json, render_text
    from treaty.reports.history import last_changes

    project = project_of(args)
    result = check_tree(project, jobs=available_cores())
    report = build_report(result, last_changes(project.docs), project.outline, project.language_codes,
                          project.shown(project.docs), files=project.files)
    print(render_json(report) if args.format == "json"
          else render_text(report, args.lang, project.outline, result.tree, files=project.files))
    return 0


def cmd_lock(args) -> int:
    from treaty.model.content import ContentError, read_document
    from treaty.model.lock import record

    project = project_of(args)
    documents, problems = [], []
    for name in args.files:
        path = Path(name).resolve()
        if not path.is_relative_to(project.docs) or not path.is_file():
            problems.append(f"{name}: not a content file under {project.shown(project.docs)}/")
            continue
        try:
            document = read_document(path, project.docs, project.root)
        except ContentError as error:
            problems.append(error.finding.text())
            continue
        if document.kind not in ("article", "preamble") or document.status != "official":
            problems.append(f"{document.rel}: only official text (status: official) is recorded in the lock")
            continue
        documents.append(document)
    if problems:
        for problem in problems:
            print(f"treaty lock: {problem}", file=sys.stderr)
        print("treaty lock: nothing was recorded", file=sys.stderr)
        return 1
    for document in documents:
        try:
            record(project.lock_file, document.key, document.lang, document.body, corrigendum=args.corrigendum,
                   date=args.date, title=document.title if document.meta.get("title_status") == "official" else None)
        except ValueError as error:
            print(f"treaty lock: {document.rel}: {error}", file=sys.stderr)
            return 1
        print(f"treaty lock: recorded correction {args.corrigendum} of {args.date} for {document.rel}")
    return 0


def cmd_import(args) -> int:
    from treaty.importer import ImportFailure, import_document

    project = project_of(args)
    try:
        return import_document(project, Path(args.file), args.lang, dry_run=args.dry_run,
                               corrigendum=args.corrigendum, date=args.date)
    except ImportFailure as failure:
        print(f"treaty import: error: {failure.text()}", file=sys.stderr)
        return 2


def cmd_new(args) -> int:
    from treaty.project.scaffold import ScaffoldError, scaffold

    try:
        folder = scaffold(Path(args.folder), name=args.name, languages=args.languages.split(","),
                          kind=args.kind, symbol=args.symbol, articles=args.articles,
                          chapters=args.chapters, reference=args.reference, titles=args.titles)
    except ScaffoldError as error:
        print(f"treaty new: {error}", file=sys.stderr)
        return 2
    print(f"treaty new: project written to {folder}; next: treaty import --lang LANG DOCUMENT, "
          "then treaty check and treaty build in that folder")
    return 0


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


def project_options(command) -> None:
    command.add_argument("--project", metavar="DIR", default=None,
                         help="the project's folder, which holds mkdocs.yml (default: the current folder)")
    command.add_argument("-f", "--config-file", metavar="FILE", default=None,
                         help="the project's mkdocs.yml (instead of --project)")


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="treaty", description="Publish a multilingual treaty from the folder "
                                   "it is run in (the folder holding mkdocs.yml).")
    sub = main.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="check the content, then build the site into site/")
    build.add_argument("--site-dir", default=None, help="where to write the site (default: mkdocs.yml's site_dir)")
    build.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                       help="languages built side by side (default: one per core)")
    project_options(build)
    build.set_defaults(func=cmd_build)

    serve = sub.add_parser("serve", help="preview the site; each saved file is built again at once",
                           description="Build the site into a temporary folder and serve it; when a content "
                                       "file is saved, its page is built again and the browser reloads it. A "
                                       "file with errors shows the check's messages in its page.")
    serve.add_argument("--dev-addr", "-a", default="127.0.0.1:8000", metavar="HOST:PORT",
                       help="the address to serve on (default: 127.0.0.1:8000)")
    serve.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                       help="languages built side by side (default: one per core)")
    project_options(serve)
    serve.set_defaults(func=cmd_serve)

    check = sub.add_parser("check", help="check the content of docs/, or of the files given",
                           description="Check the content tree: exit 0 when it has no error, 1 otherwise.")
    check.add_argument("paths", nargs="*", help="content files: only their findings are shown (default: all)")
    check.add_argument("--format", choices=["text", "json", "github"], default="text")
    check.add_argument("--strict", action="store_true", help="warnings fail the check too")
    project_options(check)
    check.set_defaults(func=cmd_check)

    status = sub.add_parser("status", help="translation status: per article and language, status, checks, last change")
    status.add_argument("--lang", default="en", help="language of the report (default: en)")
    status.add_argument("--format", choices=["text", "json"], default="text")
    project_options(status)
    status.set_defaults(func=cmd_status, strict=False)

    lock = sub.add_parser("lock", help="record a correction of official text in the authentic-text lock")
    lock.add_argument("--corrigendum", required=True, metavar="REF", help="reference of the corrigendum")
    lock.add_argument("--date", required=True, type=iso_date, metavar="YYYY-MM-DD", help="date of the corrigendum")
    lock.add_argument("files", nargs="+", help="the corrected official files")
    project_options(lock)
    lock.set_defaults(func=cmd_lock)

    imp = sub.add_parser("import", help="import one language's official document (.docx, .pdf, .html, .txt) into docs/",
                         description="Read the official document of one language and write its Markdown files "
                                     "(status: official), record the text in the authentic-text lock, then check.")
    imp.add_argument("file", help="the official document")
    imp.add_argument("--lang", required=True, help="its language, one of the instrument's (data/instrument.yml)")
    imp.add_argument("--dry-run", action="store_true", help="show what would change as a diff; write nothing")
    imp.add_argument("--corrigendum", metavar="REF", help="replace official text that differs, under this corrigendum")
    imp.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="date of the corrigendum (default: today)")
    project_options(imp)
    imp.set_defaults(func=cmd_import)

    new = sub.add_parser("new", help="create a project folder for another instrument",
                         description="Write a project (mkdocs.yml, data/instrument.yml, the outline, the import "
                                     "settings, the chooser, home and about pages per language) that `treaty "
                                     "import` fills and `treaty build` builds.")
    new.add_argument("folder", help="the new project's folder (created; must be empty if it exists)")
    new.add_argument("--name", required=True, action="append", metavar="[LANG=]NAME",
                     help="the instrument's name: LANG=NAME once per language, or one NAME for every language")
    new.add_argument("--languages", required=True, metavar="CODES",
                     help="its languages, comma-separated: ar,zh,en,fr,ru,es")
    new.add_argument("--reference", default=None, metavar="LANG", help="the language the others are compared with "
                     "(default: the first)")
    new.add_argument("--kind", default="convention", help="convention, protocol, declaration, treaty, agreement, ...")
    new.add_argument("--symbol", default=None, help="the document symbol of the official text")
    new.add_argument("--articles", type=int, default=None, metavar="N", help="the number of articles, when known "
                     "(the outline can be completed later)")
    new.add_argument("--chapters", default=None, metavar="RANGES", help="the articles of each chapter, for an "
                     "instrument in chapters: 1-6,7-21,22-30")
    new.add_argument("--titles", action="store_true", help="the articles have titles (always so with --chapters)")
    new.set_defaults(func=cmd_new)
    return main


def main(argv: list[str] | None = None) -> int:
    try:
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(errors="backslashreplace")
        args = parser().parse_args(argv)
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
    except DataError as error:  # no project here, or a data file it cannot use
        print(f"treaty: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # a file named on the command line that cannot be read, say
        print(f"treaty: {error.strerror or error}: {error.filename or ''}", file=sys.stderr)
        return 2
    except Exception as error:  # never a traceback: one line saying what failed
        print(f"treaty: internal error ({type(error).__name__}: {error}); "
              "please report it with the command you ran", file=sys.stderr)
        return 2


def run() -> None:
    """The `treaty` command: `main`, then the process ends at once. Everything is written, closed
    and waited for by then; Python's own shutdown would free every object of a build one by one
    (80 ms of a 2.7 s build, the last step of it)."""
    status = main()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status if isinstance(status, int) else int(status is not None))


if __name__ == "__main__":
    run()
