"""Each language's typography, as data (data/typography.yml): French narrow no-break spaces and
apostrophes, Chinese full-width punctuation. The build applies the rules to the text of every page
(treaty.markdown.typography) and to the titles and headings it composes; `treaty check` warns
where the source is written against a rule marked `warn` (treaty.checks.typography)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from treaty.project.files import DataFiles, defaults


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern
    replace: str
    warn: bool


@cache
def rules(lang: str, files: DataFiles | None = None) -> tuple[Rule, ...]:
    data = (files or defaults()).load("typography.yml") or {}
    return tuple(Rule(re.compile(entry["find"]), entry["replace"], bool(entry.get("warn")))
                 for entry in data.get(lang) or [])


def apply(text: str, lang: str, files: DataFiles | None = None) -> str:
    """`text` as the language sets it."""
    for rule in rules(lang, files):
        text = rule.pattern.sub(rule.replace, text)
    return text


def fights(text: str, lang: str, files: DataFiles | None = None):
    """(offset, what is written, what the site shows) where `text` is written against a rule."""
    for rule in rules(lang, files):
        if rule.warn:
            for match in rule.pattern.finditer(text):
                yield match.start(), match.group(0), match.expand(rule.replace)
