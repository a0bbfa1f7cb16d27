"""The interface catalogs (locale/<lang>/LC_MESSAGES/messages.po, a project's before the package's):
each translation is text, with the placeholders of its message.

    catalog-syntax       the file cannot be read as a catalog
    catalog-markup       a translation holds markup its message has not: a tag, an entity, a
                         straight double quote or a backtick (the site escapes them, but a
                         translation is text and nothing else)
    catalog-placeholder  a translation lacks a placeholder of its message (%(name)s, {name}, #), or
                         has one its message has not (the page would fail to build, or lose a value)

Plain Python: Babel, no MkDocs.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from babel.messages.pofile import PoFileError, read_po

from treaty.checks.sources import shown
from treaty.findings import Finding
from treaty.project.files import DataError

MARKUP = re.compile(r"<[^<>]*>?|&#?\w+;|[\"`]")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def placeholders(text: str, message_id: str) -> Counter:
    found = Counter(PLACEHOLDER.findall(text))
    if "#" in message_id:  # Material's number in "# matching pages"
        found["#"] = text.count("#")
    return found


def check_catalogs(project) -> list[Finding]:
    findings: list[Finding] = []
    checked = set()
    for lang in project.language_codes:
        try:
            path = project.files.catalog(lang)
        except DataError:
            continue  # a language without a catalog: its pages cannot be built, which the build says
        if path not in checked:
            checked.add(path)
            findings += check_catalog(path, lang, shown(path, project.root))
    return findings


def check_catalog(path: Path, lang: str, rel: str) -> list[Finding]:
    try:
        with open(path, "rb") as handle:
            catalog = read_po(handle, locale=lang, abort_invalid=True)
    except (PoFileError, ValueError, UnicodeDecodeError) as error:
        line = getattr(error, "lineno", 0) + 1 if hasattr(error, "lineno") else 1
        return [Finding(rel, line, 1, "catalog-syntax", f"the catalog cannot be read ({error})",
                        "restore the file's layout (msgid \"...\" then msgstr \"...\") or the main branch's file")]
    findings = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            findings += _translation(rel, message.lineno or 1, ids[-1], text)
    return findings


def _translation(rel: str, line: int, message_id: str, text: str) -> list[Finding]:
    out = []
    extra = Counter(MARKUP.findall(text)) - Counter(MARKUP.findall(message_id))
    if extra:
        out.append(Finding(rel, line, 1, "catalog-markup",
                           f"the translation of '{message_id[:50]}' contains {next(iter(extra))!r}, which its "
                           "message has not", "write the translation as text (typographic quotes “ ” « » if needed)"))
    wanted, given = placeholders(message_id, message_id), placeholders(text, message_id)
    if wanted != given:
        missing = ", ".join(sorted((wanted - given).elements())) or "none"
        added = ", ".join(sorted((given - wanted).elements())) or "none"
        out.append(Finding(rel, line, 1, "catalog-placeholder",
                           f"the translation of '{message_id[:50]}' has other placeholders than its message "
                           f"(missing: {missing}; not in the message: {added})",
                           "keep each placeholder of the message, as written, once"))
    return out
