"""Languages: code, direction and script (data/languages.yml) and names (Babel's CLDR).

data/languages.yml lists every language the generator has rules for; an instrument's own
languages, in its order, are those of its instrument file (`Project.languages`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale

from treaty.project.files import DataFiles, defaults


@dataclass(frozen=True)
class Language:
    code: str
    dir: str
    script: str

    @property
    def locale(self) -> Locale:
        return _locale(self.code)

    @property
    def autonym(self) -> str:
        """The language's name in itself, as a menu item: "English", "Français", "العربية", "中文"."""
        return _autonym(self.code)

    def name_in(self, other: str) -> str:
        name = _locale(other).languages.get(self.code, self.code)
        return name[:1].upper() + name[1:] if other in ("en",) else name


def load_cldr(codes) -> None:
    """Load these languages' CLDR data now (Babel reads a locale's data when first used): a
    process that forks workers loads it once, for them all."""
    for code in codes:
        _autonym(code)


@cache
def _autonym(code: str) -> str:
    name = _locale(code).get_display_name(code)
    return name[:1].upper() + name[1:]


@cache
def _locale(code: str) -> Locale:
    return Locale.parse(code)


@cache
def load_languages(files: DataFiles | None = None) -> tuple[Language, ...]:
    """Every language of data/languages.yml."""
    data = (files or defaults()).load("languages.yml")
    return tuple(Language(**entry) for entry in data["languages"])


def get_language(code: str, files: DataFiles | None = None) -> Language:
    for language in load_languages(files):
        if language.code == code:
            return language
    known = ", ".join(language.code for language in load_languages(files))
    raise KeyError(f"unknown language {code!r}: data/languages.yml has {known}")
