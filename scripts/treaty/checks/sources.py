"""Content files read as hostile input: each file under docs/ is looked at without trusting it,
and a file that cannot be read as text gets one clear finding instead of an exception.

    symlink          a symbolic link (the build would publish whatever it points to)
    not-a-file       a folder, pipe or device with a Markdown file's name
    unexpected-file  a file that is not Markdown, or not where content files go
    unknown-folder   a folder of docs/ that is not one of the languages
    file-too-large   larger than max_file_bytes (data/checks.yml); not read
    unreadable       the system refused to read it
    empty-file       nothing in it
    binary-file      a NUL byte: not text
    encoding         not UTF-8 (line and column of the first byte that is not)

Files and folders whose names start with a dot are left out, as MkDocs leaves them out.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from treaty.findings import Finding


@dataclass
class Source:
    """A file of the content tree: docs/<lang>/... (lang set) or docs/index.md (lang None)."""

    path: Path
    rel: str  # as reported: docs/fr/articles/7.md
    lang: str | None


def shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _walk(docs_dir: Path):
    """Every entry below docs_dir, symbolic links and odd files included, never following a link."""
    for dirpath, dirnames, filenames in os.walk(docs_dir, followlinks=False):
        base = Path(dirpath)
        keep = []
        for name in sorted(dirnames):
            if name.startswith("."):
                continue
            path = base / name
            if path.is_symlink() or name.endswith(".md"):
                yield path  # reported, never entered
            else:
                keep.append(name)
        dirnames[:] = keep
        for name in sorted(filenames):
            if not name.startswith("."):
                yield base / name


def scan(docs_dir: Path, languages: list[str], root: Path) -> tuple[list[Source], list[Finding]]:
    """The content files of the tree, and the entries that have no place in it."""
    sources, findings, unknown = [], [], set()
    for path in _walk(docs_dir):
        parts = path.relative_to(docs_dir).parts
        rel = shown(path, root)
        if len(parts) == 1:
            if path.is_symlink():
                findings.append(symlink(rel))
            elif parts[0] == "index.md":
                sources.append(Source(path, rel, None))
            else:
                findings.append(Finding(rel, 1, 1, "unexpected-file",
                    "only index.md, the language chooser, and one folder per language belong "
                    "at the top of docs/", "move the file into a language folder, or remove it"))
            continue
        lang = parts[0]
        if lang not in languages:
            if lang not in unknown:
                unknown.add(lang)
                findings.append(Finding(shown(docs_dir / lang, root), 1, 1, "unknown-folder",
                    f"'{lang}' is not one of the languages of this edition ({', '.join(languages)})",
                    "put the files in the folder of their language, or add the language to data/languages.yml"))
            continue
        if path.suffix != ".md" and not path.is_symlink() and not path.is_dir():
            findings.append(Finding(rel, 1, 1, "unexpected-file",
                f"'{path.name}' is not a Markdown file; the build would publish it as it is",
                "content goes in .md files; remove this file (images and scripts are not accepted)"))
            continue
        sources.append(Source(path, rel, lang))
    return sources, findings


def symlink(rel: str) -> Finding:
    return Finding(rel, 1, 1, "symlink", "this is a symbolic link; the build would publish whatever it points to",
                   "replace the link by the file itself")


def read_text(source: Source, max_bytes: int) -> tuple[str | None, list[Finding]]:
    """The text of a content file, or None and the reason it cannot be read."""
    rel = source.rel

    def problem(code, message, fix, line=1, column=1):
        return None, [Finding(rel, line, column, code, message, fix)]

    try:
        info = source.path.lstat()
    except OSError as error:
        return problem("unreadable", f"the file cannot be read ({error.strerror or error})",
                       "check that the file exists and that you may read it")
    if stat.S_ISLNK(info.st_mode):
        return None, [symlink(rel)]
    if not stat.S_ISREG(info.st_mode):
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a pipe, socket or device)"
        return problem("not-a-file", f"this is {what}, not a Markdown file",
                       "remove it, or rename it so that its name does not end in .md")
    if info.st_size > max_bytes:
        return problem("file-too-large", f"the file has {info.st_size} bytes, more than the limit of {max_bytes}",
                       "split the content or remove what does not belong in it; "
                       "the limit is max_file_bytes in data/checks.yml")
    try:
        # Not following a link and not waiting on a pipe, even if the file changed since lstat.
        handle = os.open(source.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        try:
            if not stat.S_ISREG(os.fstat(handle).st_mode):
                raise OSError(errno.EINVAL, "not a regular file")
            with os.fdopen(handle, "rb", closefd=False) as stream:
                data = stream.read(max_bytes + 1)
        finally:
            os.close(handle)
    except OSError as error:
        return problem("unreadable", f"the file cannot be read ({error.strerror or error})",
                       "check that the file exists and that you may read it")
    if len(data) > max_bytes:
        return problem("file-too-large", f"the file has more than {max_bytes} bytes",
                       "split the content or remove what does not belong in it; "
                       "the limit is max_file_bytes in data/checks.yml")
    if b"\x00" in data:
        line, column = _position(data, data.index(b"\x00"))
        return problem("binary-file", "the file contains a NUL byte: it is binary, not text",
                       "a content file is UTF-8 text; replace it by the Markdown file it should be", line, column)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        return problem("encoding", f"the file is not UTF-8: byte 0x{data[error.start]:02X} cannot be read",
                       "save the file as UTF-8 in your editor (\"UTF-8\", not \"Latin-1\" or \"Windows-1252\")",
                       line, column)
    if not text.replace("\ufeff", "").strip():
        return problem("empty-file", "the file is empty",
                       "write its front matter and text, or remove it if the document does not exist")
    return text, []


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in bytes) of a byte offset."""
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1
