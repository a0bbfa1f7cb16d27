"""Terms written in a form the instrument's terminology file marks as avoided (`avoid:` of a
concept in a language): `avoided-term`, with the term the edition uses instead."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from treaty.findings import Finding, Located
from treaty.project.files import load_yaml

CODE = re.compile(r"`[^`\n]*`")


@lru_cache(maxsize=64)
def _avoided(path: str, lang: str, _mtime: int) -> tuple[tuple[re.Pattern, str], ...]:
    out = []
    for entry in ((load_yaml(Path(path)) or {}).get("concepts") or {}).values():
        local = (entry or {}).get(lang) or {}
        for form in local.get("avoid") or []:
            boundary = "" if lang in ("zh", "ja") else r"(?<!\w)"
            end = "" if lang in ("zh", "ja") else r"(?!\w)"
            out.append((re.compile(boundary + re.escape(form) + end, re.IGNORECASE), str(local.get("term", ""))))
    return tuple(out)


def check_terms(document, lang: str, terminology: Path | None) -> list[Finding]:
    """Every avoided form in the document's body and title, with its line and column."""
    if not terminology or not Path(terminology).is_file():
        return []
    avoided = _avoided(str(terminology), lang, Path(terminology).stat().st_mtime_ns)
    if not avoided:
        return []
    body = CODE.sub(lambda m: " " * len(m.group()), document.body)
    where = Located(body, document.body_line)
    findings = []
    for pattern, term in avoided:
        for match in pattern.finditer(body):
            line, column = where(match.start())
            findings.append(Finding(document.rel, line, column, "avoided-term",
                                    f"'{match.group()}' is a form the edition does not use",
                                    f"write '{term}', the term of the edition's terminology"))
        title = document.meta.get("title")
        if isinstance(title, str) and pattern.search(title):
            findings.append(Finding(document.rel, document.line_of("title"), 1, "avoided-term",
                                    f"the title has '{pattern.search(title).group()}', a form the edition does not use",
                                    f"write '{term}', the term of the edition's terminology"))
    return findings
