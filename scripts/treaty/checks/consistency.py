"""The synopses say the same things: per article (and preamble and chapter), the numbers each
language's synopsis mentions (articles and paragraphs it refers to, counts, days, years) are
those of the reference language's synopsis (`numbers-differ`, a warning on the other language's
file). Official texts are compared by their paragraph skeletons instead. Numbers are read as
written (digits, Arabic-Indic digits) and through the references the language's grammar finds
("第六十五条" is 65); a date's month, which some languages write with words and others with
digits, is not a number here, nor is an enumerator (a paragraph's place)."""

from __future__ import annotations

import re
from collections import Counter

from treaty.checks.parallel import map_by_language
from treaty.checks.references import linkable_text
from treaty.findings import WARNING, Finding
from treaty.model.blocks import scan
from treaty.model.content import TREATY_KINDS
from treaty.model.numerals import western_digits
from treaty.model.references import DEFAULT_KIND, find_references
from treaty.project.files import DataFiles

DIGITS = re.compile(r"[0-9٠-٩]+")
# A date as Chinese and Japanese write it: the year and the day count, not the month.
HAN_DATE = re.compile(r"([0-9]+)年([0-9]{1,2})月([0-9]{1,2})日")


def numbers(document, lang: str, files: DataFiles | None = None, instrument=None, ignore=()) -> Counter:
    """The numbers a document's text mentions, as a multiset: "article 65", "paragraph 2", "90"."""
    result = scan(document.body, lang, files=files)
    text = linkable_text(result)
    lines = text.split("\n")
    for block in result.blocks:  # an enumerator is a paragraph's place, which the skeleton compares
        if block.kind == "numbered":
            lines[block.start] = " " * block.text_start + lines[block.start][block.text_start:]
    text = "\n".join(lines)
    for phrase in ignore:
        text = text.replace(phrase, " " * len(phrase))
    text = HAN_DATE.sub(lambda m: f"{m.group(1)}年 {' ' * len(m.group(2))}月{m.group(3)}日", text)
    own = (instrument.kind, instrument.name(lang)) if instrument else (DEFAULT_KIND, None)
    found: Counter = Counter()
    spans = []
    for ref in find_references(text, lang, files, *own):
        if ref.external:
            continue
        if ref.article:
            found[f"article {ref.article}"] += 1
        if ref.paragraph:
            found[f"paragraph {ref.paragraph}"] += 1
        spans.append((ref.start, ref.end))
    for match in DIGITS.finditer(text):
        if not any(start <= match.start() < end for start, end in spans):
            found[str(int(western_digits(match.group())))] += 1
    return found


def check_numbers(tree: dict, reference: str, files: DataFiles | None = None, instrument=None,
                  ignore=(), jobs: int = 1) -> list[Finding]:
    """For every synopsis of the treaty's text, the languages whose synopsis mentions other numbers
    than the reference language's. `jobs`: the numbers read in that many processes."""
    compared = []  # (the reference's document, the other language's)
    for key, base in (tree.get(reference) or {}).items():
        if base.kind not in TREATY_KINDS or base.status != "synopsis":
            continue
        for lang, documents in tree.items():
            other = documents.get(key)
            if lang != reference and other is not None and other.status == base.status:
                compared.append((base, other))
    documents = list({id(document): document for pair in compared for document in pair}.values())
    counted = map_by_language(lambda document: numbers(document, document.lang, files, instrument, ignore),
                              documents, language=lambda document: document.lang, jobs=jobs)
    found = {id(document): count for document, count in zip(documents, counted)}
    findings = []
    for base, other in compared:
        expected, mentioned = found[id(base)], found[id(other)]
        if mentioned != expected:
            findings.append(_finding(other, reference, expected - mentioned, mentioned - expected))
    return findings


def _finding(document, reference: str, missing: Counter, extra: Counter) -> Finding:
    parts = []
    if missing:
        parts.append(f"lacks {', '.join(sorted(missing.elements()))}")
    if extra:
        parts.append(f"mentions {', '.join(sorted(extra.elements()))}")
    return Finding(document.rel, document.body_line, 1, "numbers-differ",
                   f"the text {' and '.join(parts)}, unlike the '{reference}' text",
                   f"say the same facts as the '{reference}' text: the same articles, paragraphs, counts and days",
                   WARNING)
