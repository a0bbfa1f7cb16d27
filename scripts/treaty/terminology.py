"""Defined terms: per concept, the term in each language, its inflected forms and a gloss
(data/terminology.yml). The gloss is written by this edition, not taken from the treaty."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .paths import DATA_DIR, load_yaml

TERMINOLOGY_FILE = DATA_DIR / "terminology.yml"


@dataclass(frozen=True)
class Term:
    concept: str
    term: str
    forms: tuple[str, ...]
    gloss: str


@lru_cache(maxsize=None)
def load_terms(lang: str, path: Path = TERMINOLOGY_FILE) -> tuple[Term, ...]:
    data = load_yaml(path) or {}
    terms = []
    for concept, entry in (data.get("concepts") or {}).items():
        local = (entry or {}).get(lang)
        if not local:
            continue
        forms = {local["term"], *(local.get("forms") or [])}
        terms.append(Term(concept, local["term"], tuple(sorted(forms, key=len, reverse=True)),
                          local.get("gloss", "")))
    return tuple(terms)


@lru_cache(maxsize=None)
def definitions_article(path: Path = TERMINOLOGY_FILE) -> int | None:
    return (load_yaml(path) or {}).get("defined_in_article")


@lru_cache(maxsize=None)
def term_pattern(lang: str, path: Path = TERMINOLOGY_FILE, spaced: bool = True) -> re.Pattern | None:
    """One pattern for every form of every term, longest first; group name = concept index."""
    terms = load_terms(lang, path)
    if not terms:
        return None
    alternatives = []
    for index, term in enumerate(terms):
        forms = "|".join(re.escape(form) for form in term.forms)
        alternatives.append(f"(?P<t{index}>{forms})")
    body = "|".join(alternatives)
    # Scripts written with spaces need word boundaries; Chinese does not have them.
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if spaced else body, re.IGNORECASE)
