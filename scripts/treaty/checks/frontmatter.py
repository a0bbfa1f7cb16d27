"""The front matter of each kind of content file (data/front-matter.yml).

    missing-key              a key the kind of file needs is not there
    unknown-key              a key this kind of file does not have (a typo, or a key of another kind)
    duplicate-key            a key written twice (only the last one would count)
    wrong-type               a number where text is expected, text where a number is, ...
    bad-status               `status` is not official, provisional or synopsis
    bad-title-status         `title_status` is not official, outline or provisional
    bad-value                any other key with a value it may not take
    wrong-kind               `kind` does not match the file (index.md is the home page, ...)
    official-without-source  `status: official` with no `source` (the official document's symbol)
    title-differs            the English title of official text differs from the outline
    raw-html                 markup in a value (titles are shown as they are written)
    attribute-quote          a straight double quote in a value the theme writes into an attribute

Plain Python: no MkDocs.
"""

from __future__ import annotations

import re
import unicodedata

from treaty.checks.rules import front_matter_schema
from treaty.findings import ERROR, WARNING, Finding
from treaty.model.content import FRONT_MATTER
from treaty.model.outline import Outline

TYPES = {
    "integer": (lambda v: type(v) is int, "a whole number, such as 7"),
    "boolean": (lambda v: type(v) is bool, "true or false"),
    "string": (lambda v: isinstance(v, str), "text"),
    "list": (lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v), "a list of words, such as [toc]"),
}
VALUE_CODES = {"status": "bad-status", "title_status": "bad-title-status"}
TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>?")


def _same(a: str, b: str) -> bool:
    def norm(text):
        return " ".join(unicodedata.normalize("NFC", text).split())
    return norm(a) == norm(b)


def duplicate_keys(text: str, rel: str) -> list[Finding]:
    """Keys written twice at the top of the front matter (YAML keeps the last silently)."""
    match = FRONT_MATTER.match(text.removeprefix("\ufeff"))
    if not match or not match.group(1):
        return []
    seen, findings = {}, []
    for number, line in enumerate(match.group(1).split("\n"), start=2):
        # A top-level key: not indented, not a comment, "key:" followed by a space or the line end.
        if not line or line[0] in " \t#-" or ":" not in line:
            continue
        name, _, rest = line.partition(":")
        if rest and rest[0] not in " \t":
            continue
        name = name.strip().strip("'\"")
        if name in seen:
            findings.append(Finding(rel, number, 1, "duplicate-key",
                f"'{name}' is written twice (also on line {seen[name]}); only the last one would count",
                f"keep one '{name}' line"))
        else:
            seen[name] = number
    return findings


def check_front_matter(document, outline: Outline, reference: str = "en", chooser: bool = False,
                       schema: dict | None = None) -> list[Finding]:
    schema = schema or front_matter_schema()
    kind = "chooser" if chooser else document.kind
    keys = schema["kinds"].get(kind) or schema["kinds"]["page"]
    meta, rel = document.meta, document.rel
    findings = []

    def add(key, code, message, fix, line=None, severity=ERROR):
        findings.append(Finding(rel, line or document.line_of(key), 1, code, message, fix, severity))

    # An article the outline gives no title (an instrument whose articles are untitled) has none.
    untitled = document.kind == "article" and document.number in outline.article_titles \
        and outline.article_titles[document.number] is None
    for key, rule in keys.items():
        if key in meta or rule.get("optional") or (untitled and key == "title"):
            continue
        if "default" in rule:  # the site assumes the default: reported, not refused
            add(key, "missing-key", f"the front matter has no '{key}'; '{rule['default']}' is assumed",
                f"add a line '{key}: ...' (see CONTRIBUTING.md for the keys of each kind of file)", line=1,
                severity=WARNING)
        else:
            add(key, "missing-key", f"the front matter has no '{key}'",
                f"add a line '{key}: ...' (see CONTRIBUTING.md for the keys of each kind of file)", line=1)
    for key, value in meta.items():
        rule = keys.get(key) if isinstance(key, str) else None
        if rule is None:
            known = ", ".join(keys)
            add(key, "unknown-key", f"'{key}' is not a front matter key of {_kind_name(kind)}",
                f"remove it or correct its name; the keys are: {known}")
            continue
        check, expected = TYPES[rule["type"]]
        if not check(value):
            add(key, "wrong-type", f"'{key}' should be {expected}, not {_shown(value)}",
                f"write '{key}: ' followed by {expected}")
            continue
        allowed = rule.get("one_of")
        if allowed is not None:
            values = value if isinstance(value, list) else [value]
            bad = [v for v in values if v not in allowed]
            if bad:
                add(key, VALUE_CODES.get(key, "bad-value"),
                    f"'{key}' is {_shown(bad[0])}, which is not one of: {', '.join(map(str, allowed))}",
                    f"write one of: {', '.join(map(str, allowed))} (lower case)")
                continue
        if isinstance(value, str) and not value.strip():
            add(key, "bad-value", f"'{key}' is empty", f"write the {key}")
            continue
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and TAG.search(text):
                add(key, "raw-html", f"'{key}' contains markup ({TAG.search(text).group()[:40]}); "
                    "it would be shown as it is written", f"write '{key}' as plain text, without < >")
                break
            if isinstance(text, str) and rule.get("attribute") and '"' in text:
                add(key, "attribute-quote", f"'{key}' contains a straight double quote (\"), and the site writes "
                    "it into an attribute of the page", "use typographic quotes (“ ” or « ») or none")
                break
    if "kind" in keys and isinstance(meta.get("kind"), str) and meta["kind"] != kind:
        add("kind", "wrong-kind", f"this file is {_kind_name(kind)}, but 'kind' says '{meta['kind']}'",
            f"write 'kind: {kind}'")
    if meta.get("status") == "official" and not meta.get("source"):
        add("status", "official-without-source", "official text without 'source'",
            "add 'source:' with the symbol of the official document the text comes from")
    findings += _title_against_outline(document, outline, reference, add)
    return findings


def _title_against_outline(document, outline: Outline, reference: str, add) -> list[Finding]:
    meta = document.meta
    if document.lang != reference or document.kind not in ("article", "chapter"):
        return []
    official = meta.get("status") == "official" or meta.get("title_status") in ("official", "outline")
    title = meta.get("title")
    if not official or not isinstance(title, str) or not isinstance(document.number, int):
        return []
    if document.kind == "article":
        expected = outline.article_titles.get(document.number)
    else:
        chapter = outline.chapter(document.number)
        expected = chapter.title if chapter else None
    if expected and not _same(title, expected):
        add("title", "title-differs",
            f"the title of official English text is '{title}', but the outline says '{expected}'",
            "use the title of the official text as in the outline; if the outline is wrong, "
            "report it")
    return []


def _kind_name(kind: str) -> str:
    return {"article": "an article", "chapter": "a chapter", "preamble": "the preamble",
            "home": "the home page", "about": "the about page", "status": "the status page",
            "chooser": "the language chooser (docs/index.md)"}.get(kind, "a page")


def _shown(value) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if value is None:
        return "empty"
    kind = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a set of keys"}.get(
        type(value), type(value).__name__)
    return f"{kind} ({str(value)[:40]})"
