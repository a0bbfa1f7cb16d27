"""The six languages: codes, direction, script (data/languages.yml) and names (Babel's CLDR)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from babel import Locale

from .paths import DATA_DIR, load_yaml


@dataclass(frozen=True)
class Language:
    code: str
    dir: str
    script: str

    @property
    def locale(self) -> Locale:
        return Locale.parse(self.code)

    @property
    def autonym(self) -> str:
        """The language's name in itself, as a menu item: "English", "Français", "العربية", "中文"."""
        name = self.locale.get_display_name(self.code)
        return name[:1].upper() + name[1:]

    def name_in(self, other: str) -> str:
        name = Locale.parse(other).languages.get(self.code, self.code)
        return name[:1].upper() + name[1:] if other in ("en",) else name


@lru_cache(maxsize=None)
def load_languages() -> tuple[Language, ...]:
    data = load_yaml(DATA_DIR / "languages.yml")
    return tuple(Language(**entry) for entry in data["languages"])


def language_codes() -> list[str]:
    return [language.code for language in load_languages()]


def get_language(code: str) -> Language:
    for language in load_languages():
        if language.code == code:
            return language
    raise KeyError(f"unknown language {code!r}: the languages are {', '.join(language_codes())}")


@lru_cache(maxsize=None)
def x_default() -> str:
    return load_yaml(DATA_DIR / "languages.yml")["x_default"]
