"""The interface strings, from Babel message catalogs (the package's locale/<lang>/LC_MESSAGES,
after a project's own locale/ folder).

Translators edit the .po files; they are compiled in memory when first used, so no compiled
.mo file is ever out of date. A message may have variants by the instrument's kind (msgctxt
"convention", "protocol", "declaration", ...): `kind_gettext` takes the variant when the catalog
has one and the plain message otherwise.
"""

from __future__ import annotations

from functools import cache
from io import BytesIO

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from treaty.project.files import DataFiles, defaults

DOMAIN = "messages"


def read_catalog(lang: str, files: DataFiles | None = None):
    with open((files or defaults()).catalog(lang), "rb") as handle:
        return read_po(handle, locale=lang)


@cache
def translations(lang: str, files: DataFiles | None = None) -> Translations:
    buffer = BytesIO()
    write_mo(buffer, read_catalog(lang, files))
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def gettext(lang: str, message: str, *, files: DataFiles | None = None, **params) -> str:
    text = translations(lang, files).gettext(message)
    return text % params if params else text


def kind_gettext(lang: str, kind: str, message: str, *, files: DataFiles | None = None, **params) -> str:
    """`message` in the variant written for the instrument's kind, if the catalog has one."""
    catalog = translations(lang, files)
    text = catalog.pgettext(kind, message)
    if text == message and (kind + "\x04" + message) not in catalog._catalog:
        text = catalog.gettext(message)
    return text % params if params else text
