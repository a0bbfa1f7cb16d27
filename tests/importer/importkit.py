"""Helpers of the importer tests: run the command line, read back what it wrote."""

from __future__ import annotations

from pathlib import Path

from treaty.cli import main
from treaty.model.content import read_document


def tree_of(docs: Path, lang: str) -> dict:
    """Every file of a language: its front matter and its text."""
    out = {}
    for path in sorted((docs / lang).rglob("*.md")):
        document = read_document(path, docs)
        out[document.key] = (document.meta, document.body.strip())
    return out


def files_of(folder: Path) -> dict:
    """Every file below a folder, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def treaty(capsys, *args) -> tuple[int, str, str]:
    """`treaty ARGS`: its exit status, standard output and standard error."""
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def import_into(capsys, project: Path, lang: str, document: Path, *options) -> tuple[int, str, str]:
    """`treaty import` into the project folder `project`."""
    return treaty(capsys, "import", "--project", project, "--lang", lang, *options, document)
