"""Data files by name: a project's own `data/` first, then the defaults shipped in the package.

The package carries the generator's rules and language data (`treaty/data/*.yml`) and the
interface catalogs (`treaty/locale/<lang>/LC_MESSAGES/messages.po`); a project overrides any of
them with a file of the same name in its `data/` (or `locale/`). Nothing here knows where a
project is: `DataFiles` is given its folders by `treaty.project.Project`.
"""

from __future__ import annotations

import os
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path

import yaml

# libyaml's loader where it is installed (several times faster on the rule files), else Python's.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(Exception):
    """A data file is missing or unreadable; the message names the file and what to do."""


def package_folder(name: str) -> Path:
    """A folder shipped inside the package (data, locale, site/theme, project/templates)."""
    return Path(str(files("treaty").joinpath(name)))


def cache_folder() -> Path:
    """The user's cache folder for treaty (XDG_CACHE_HOME, else ~/.cache): what is made once and
    used by every build (the Chinese word list, the compiled templates)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "treaty"


def load_yaml(path: Path | str):
    """A YAML file's content, parsed once for as long as the file is unchanged. (Asked thousands of
    times in a build: a stat of the path as given, no Path made.)"""
    path = os.fspath(path)
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        raise DataError(f"{path}: the file does not exist") from None
    return _parse(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _parse(path: str, _mtime: int, _size: int):
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        raise DataError(f"{where}: not valid YAML ({getattr(error, 'problem', None) or error}); "
                        "write each setting as 'key: value' on its own line") from None
    except UnicodeDecodeError:
        raise DataError(f"{path}: the file is not UTF-8; save it as UTF-8") from None


class DataFiles:
    """Where data files and catalogs are found: the folders given, then the package's defaults."""

    def __init__(self, data: tuple[Path, ...] = (), locale: tuple[Path, ...] = ()):
        self.data = tuple(Path(folder) for folder in data) + (package_folder("data"),)
        self.locale = tuple(Path(folder) for folder in locale) + (package_folder("locale"),)
        self._paths: dict[str, str] = {}  # name -> the file found for it (while it exists)

    def __eq__(self, other):
        return isinstance(other, DataFiles) and (self.data, self.locale) == (other.data, other.locale)

    def __hash__(self):
        return hash((self.data, self.locale))

    def __repr__(self):
        return f"DataFiles({', '.join(map(str, self.data))})"

    def path(self, name: str) -> Path:
        """The first file called `name` in the data folders."""
        for folder in self.data:
            if (folder / name).is_file():
                self._paths[name] = str(folder / name)
                return folder / name
        raise DataError(f"no data file '{name}' in {', '.join(map(str, self.data))}")

    def load(self, name: str):
        """The content of the data file `name`. The file found first is used again while it exists
        (labels read their rules thousands of times in a build)."""
        found = self._paths.get(name)
        if found is not None:
            try:
                return load_yaml(found)
            except DataError:
                pass  # gone: look for it again
        return load_yaml(self.path(name))

    def catalog(self, lang: str) -> Path:
        """The message catalog (.po) of a language."""
        for folder in self.locale:
            path = folder / lang / "LC_MESSAGES" / "messages.po"
            if path.is_file():
                return path
        raise DataError(f"no interface catalog for language '{lang}' (locale/{lang}/LC_MESSAGES/messages.po)")


@cache
def defaults() -> DataFiles:
    """The package's own data and catalogs, for code used without a project (a Markdown
    extension in another pipeline, say)."""
    return DataFiles()
