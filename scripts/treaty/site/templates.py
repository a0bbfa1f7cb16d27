"""The theme's Jinja environment, made once per process where MkDocs makes it once per build.

MkDocs builds a new Jinja environment for each build, and mkdocs-static-i18n runs one build per
language: every template was compiled again for each language, and the theme's folders (Material
ships thousands of icons) were walked again to list its files. Here each build still gets its own
environment (the language's translations are installed in it), but the compiled templates and the
list of the theme's files are kept for the life of the process, keyed by the template's source
(a changed template is compiled again).
"""

from __future__ import annotations

import jinja2


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled code of each template, in memory, shared by every environment of the process."""

    def __init__(self):
        self.code: dict[tuple, tuple[str, object]] = {}

    @staticmethod
    def key(bucket: jinja2.bccache.Bucket) -> tuple:
        # The same template compiles differently with other extensions or gettext style.
        env = bucket.environment
        return bucket.key, tuple(sorted(env.extensions)), getattr(env, "newstyle_gettext", None)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        entry = self.code.get(self.key(bucket))
        if entry and entry[0] == bucket.checksum:
            bucket.code = entry[1]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[self.key(bucket)] = (bucket.checksum, bucket.code)


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
