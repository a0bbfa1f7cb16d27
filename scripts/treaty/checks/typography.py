"""Text written against its language's typography (the rules of data/typography.yml marked
`warn`): `typography`, a warning; the build sets the text right in any case."""

from __future__ import annotations

import re

from treaty.findings import WARNING, Finding, Located
from treaty.model import typography
from treaty.project.files import DataFiles

CODE = re.compile(r"`[^`\n]*`|\]\([^()\n]*\)|<[^<>\n]*>")
LIMIT = 3  # per file: the first few show the pattern


def check_typography(document, lang: str, files: DataFiles | None = None) -> list[Finding]:
    body = CODE.sub(lambda m: " " * len(m.group()), document.body)
    where = Located(body, document.body_line)
    findings = []
    for offset, written, shown in typography.fights(body, lang, files):
        line, column = where(offset)
        findings.append(Finding(document.rel, line, column, "typography",
                                f"'{written.strip()}' is written against the typography of '{lang}'; "
                                f"the site shows '{shown.strip()}'", f"write '{shown.strip()}'", WARNING))
        if len(findings) >= LIMIT:
            break
    return findings
