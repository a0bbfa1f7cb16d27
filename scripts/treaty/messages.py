"""The interface strings of this edition, from Babel message catalogs (locale/<lang>/LC_MESSAGES).

Translators edit the .po files; they are compiled in memory at build time, so no compiled
.mo file is ever out of date.
"""

from __future__ import annotations

from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from .paths import LOCALE_DIR

DOMAIN = "messages"


def catalog_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(lang: str, locale_dir: Path = LOCALE_DIR):
    with open(catalog_path(lang, locale_dir), "rb") as handle:
        return read_po(handle, locale=lang)


@lru_cache(maxsize=None)
def translations(lang: str, locale_dir: Path = LOCALE_DIR) -> Translations:
    buffer = BytesIO()
    write_mo(buffer, read_catalog(lang, locale_dir))
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def gettext(lang: str, message: str, **params) -> str:
    text = translations(lang).gettext(message)
    return text % params if params else text
