"""The theme's Jinja environment, made once per process where MkDocs makes it once per build.

MkDocs builds a new Jinja environment for each build, and mkdocs-static-i18n runs one build per
language: every template was compiled again for each language, and the theme's folders (Material
ships thousands of icons) were walked again to list its files. Here each build still gets its own
environment (the language's translations are installed in it), but the compiled templates and the
list of the theme's files are kept for the life of the process, and the compiled templates in the
user's cache folder for the next processes, as Python keeps its own (Jinja's bytecode, checked
against the template's source: a changed template is compiled again).
"""

from __future__ import annotations

import hashlib
import os
import tempfile

import jinja2

from treaty.project.files import cache_folder


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled code of each template, in memory, shared by every environment of the process."""

    def __init__(self):
        self.code: dict[tuple, tuple[str, object]] = {}
        self.folder = cache_folder() / f"templates-jinja-{jinja2.__version__}"

    @staticmethod
    def key(bucket: jinja2.bccache.Bucket) -> tuple:
        # The same template compiles differently with other extensions or gettext style.
        env = bucket.environment
        return bucket.key, tuple(sorted(env.extensions)), getattr(env, "newstyle_gettext", None)

    def file(self, key: tuple) -> str:
        return os.path.join(self.folder, hashlib.sha256(repr(key).encode()).hexdigest()[:32] + ".jinja")

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        key = self.key(bucket)
        entry = self.code.get(key)
        if entry and entry[0] == bucket.checksum:
            bucket.code = entry[1]
            return
        try:
            with open(self.file(key), "rb") as handle:
                bucket.load_bytecode(handle)  # checks Python's and Jinja's version and the source's checksum
        except OSError:
            return
        if bucket.code is not None:
            self.code[key] = (bucket.checksum, bucket.code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        key = self.key(bucket)
        self.code[key] = (bucket.checksum, bucket.code)
        try:
            os.makedirs(self.folder, mode=0o700, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".template-")
            with os.fdopen(handle, "wb") as out:
                bucket.write_bytecode(out)
            os.replace(temporary, self.file(key))
        except OSError:
            pass  # no cache folder to write in: compiled again by the next process


class ListedLoader(jinja2.FileSystemLoader):
    """The theme's loader, with the list of its files read once per process (for the same
    folders), or not at all for a build that does not copy them (`listed` False)."""

    listings: dict[tuple, list[str]] = {}

    def __init__(self, searchpath, listed: bool = True):
        super().__init__(searchpath)
        self.listed = listed

    def list_templates(self) -> list[str]:
        if not self.listed:
            return []
        key = tuple(self.searchpath)
        if key not in self.listings:
            self.listings[key] = super().list_templates()
        return list(self.listings[key])


COMPILED = CompiledTemplates()


def share_compiled_templates(theme, list_files: bool = True) -> None:
    """Make `theme.get_env` (a MkDocs Theme) give environments that share this process's caches;
    `list_files` False: MkDocs finds no theme file to copy (MkDocs lists them for every build)."""
    theme._treaty_list_files = list_files
    if getattr(theme, "_treaty_shared", False):
        return
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.loader = ListedLoader(env.loader.searchpath, listed=theme._treaty_list_files)
        env.bytecode_cache = COMPILED
        return env

    theme.get_env = get_env
    theme._treaty_shared = True
