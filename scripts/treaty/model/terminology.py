"""Defined terms of an instrument: per concept, the term in each language, its inflected forms and
a gloss (the instrument's own terminology file, named `terminology:` in its instrument file; an
instrument without one has no term marking at all). The gloss is written by the edition, not
taken from the instrument."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from treaty.project.files import load_yaml


@dataclass(frozen=True)
class Term:
    concept: str
    term: str
    forms: tuple[str, ...]
    gloss: str


def load_terms(lang: str, path: Path) -> tuple[Term, ...]:
    return _terms(lang, load_yaml(path) or {})


def _terms(lang: str, data: dict) -> tuple[Term, ...]:
    terms = []
    for concept, entry in (data.get("concepts") or {}).items():
        local = (entry or {}).get(lang)
        if not local:
            continue
        forms = {local["term"], *(local.get("forms") or [])}
        terms.append(Term(concept, local["term"], tuple(sorted(forms, key=len, reverse=True)),
                          local.get("gloss", "")))
    return tuple(terms)


def definitions_article(path: Path) -> int | None:
    return (load_yaml(path) or {}).get("defined_in_article")


def term_pattern(lang: str, path: Path, spaced: bool = True) -> re.Pattern | None:
    """One pattern for every form of every term, longest first; group name = concept index."""
    stat = Path(path).stat()
    return _pattern(lang, str(path), spaced, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _pattern(lang: str, path: str, spaced: bool, _mtime: int, _size: int) -> re.Pattern | None:
    terms = load_terms(lang, Path(path))
    if not terms:
        return None
    alternatives = []
    for index, term in enumerate(terms):
        forms = "|".join(re.escape(form) for form in term.forms)
        alternatives.append(f"(?P<t{index}>{forms})")
    body = "|".join(alternatives)
    # Scripts written with spaces need word boundaries; Chinese does not have them.
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if spaced else body, re.IGNORECASE)


def definition_anchors(body: str, lang: str, path: Path, files=None) -> dict[str, str]:
    """Where each term is defined in the definitions article: concept -> the anchor of the first
    paragraph of `body` (that article's text in `lang`) that names the term. A concept the text
    does not name is left out (its links go to the article)."""
    from treaty.model.blocks import scan

    found = scan(body, lang, files=files)
    pattern = term_pattern(lang, path, spaced=lang not in ("zh", "ja"))
    if pattern is None:
        return {}
    terms = load_terms(lang, path)
    anchors: dict[str, str] = {}
    for block in found.blocks:
        if not block.anchor:
            continue
        text = "\n".join(found.lines[block.start:block.end])
        for match in pattern.finditer(text):
            index = int(next(name for name, value in match.groupdict().items() if value)[1:])
            anchors.setdefault(terms[index].concept, block.anchor)
    return anchors
