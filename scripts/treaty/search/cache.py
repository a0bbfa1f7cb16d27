"""Pagefind's index of a language, kept in the user's cache folder under the hash of what makes it:
Pagefind's version, the language it indexes as, the size of the index pieces and every record
(address and words). Pagefind writes the same bytes for the same records, so a build whose pages of
a language did not change takes that language's index from here instead of running Pagefind (at
1x, a tenth of a second of CPU per language, a tenth of the build's). The last few indexes of each
language are kept; an entry that cannot be read, or that names a file outside the bundle, is not
used, and Pagefind runs. Plain Python: no MkDocs.

    <cache>/treaty/pagefind-<version>/<language>-<hash>.zip   {path in the bundle: bytes}
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import posixpath
import re
import tempfile
import zipfile
from functools import cache
from pathlib import Path

from treaty.project.files import cache_folder

KEPT = 4  # indexes kept per language: a few versions of its pages (a build, its edits, back)
NOT_NAME = re.compile(r"[^a-z0-9]")


class IndexCache:
    def __init__(self, folder: Path):
        self.folder = Path(folder)

    @staticmethod
    def key(language: str, chunk_size: int | None, records: list[tuple[str, str]]) -> str:
        """The entry's name: the language's letters and digits (data/search.yml's `stemmer`, which
        a pull request can change, never names a folder here), then the hash of everything."""
        made = json.dumps([language, chunk_size, records], ensure_ascii=False, separators=(",", ":"))
        name = NOT_NAME.sub("", language.lower())[:20] or "und"
        return f"{name}-{hashlib.sha256(made.encode('utf-8')).hexdigest()[:40]}"

    def get(self, key: str) -> dict[str, bytes] | None:
        """The index kept under `key`, or None."""
        try:
            with zipfile.ZipFile(self.folder / f"{key}.zip") as archive:
                files = {name: archive.read(name) for name in archive.namelist()}
        except (OSError, ValueError, EOFError, zipfile.BadZipFile, zipfile.LargeZipFile):
            return None
        if "pagefind-entry.json" not in files or not all(map(inside, files)):
            return None
        return files

    def put(self, key: str, files: dict[str, bytes]) -> None:
        """Keep `files` under `key` (written beside, then put in place); the language's oldest
        indexes beyond the last few removed. A cache that cannot be written is done without."""
        temporary = None
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".index-")
            with os.fdopen(handle, "wb") as out, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
                for name, content in sorted(files.items()):
                    archive.writestr(name, content)  # stored as they are: Pagefind's are compressed
            os.replace(temporary, self.folder / f"{key}.zip")
            temporary = None
            self.prune(key.split("-", 1)[0])
        except OSError:
            pass
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def prune(self, language: str) -> None:
        def changed(path: Path) -> int:
            try:
                return path.stat().st_mtime_ns
            except OSError:
                return 0

        kept = sorted(self.folder.glob(f"{language}-*.zip"), key=changed, reverse=True)
        for old in kept[KEPT:]:
            with contextlib.suppress(OSError):
                old.unlink()


def inside(name: str) -> bool:
    """Whether a file name of an entry stays inside the bundle's folder."""
    normal = posixpath.normpath(name)
    return bool(name) and not name.startswith(("/", "\\")) and "\\" not in name and \
        normal == name and not normal.startswith("..")


def index_cache() -> IndexCache | None:
    """The cache of the Pagefind of the pagefind-bin package; None without that package (another
    Pagefind's indexes are not kept: its version is not known)."""
    version = pagefind_version()
    return IndexCache(cache_folder() / f"pagefind-{version}") if version else None


@cache
def pagefind_version() -> str | None:
    try:
        return importlib.metadata.version("pagefind-bin")
    except importlib.metadata.PackageNotFoundError:
        return None
