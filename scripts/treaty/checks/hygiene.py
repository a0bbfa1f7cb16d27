"""Text hygiene: what a reader cannot see, what an editor hides, and text in the wrong script.

Line by line, over the whole file (front matter included):

    bom                  (warning) a byte-order mark at the start of the file
    invisible-character  a zero-width character, or U+FEFF anywhere but at the start
    bidi-control         an embedding, override or isolate control: it reorders what is shown
    control-character    a control character other than tab and line feed (carriage return included)
    not-nfc              a line not in Unicode normalization form C
    mixed-script         a word mixing letters of look-alike scripts (Latin, Cyrillic, Greek)
    tab                  (warning) a tab character
    trailing-space       (warning) spaces at the end of a line

For a document of a language (`check_script`):

    wrong-script         a paragraph mostly in another script than its language's
    title-script         (warning) a title with no letter of its language's script

The characters and scripts are data (data/checks.yml). Plain Python: no MkDocs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

from treaty.checks.rules import check_rules, code_points
from treaty.findings import WARNING, Finding
from treaty.model.blocks import scan
from treaty.model.content import TREATY_KINDS
from treaty.project.files import DataFiles

WORD = re.compile(r"[^\W\d_]+")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Not prose: inline code, link destinations, tags, addresses.
# (Each part stops at the next opening character, so that the scan stays linear on any text.)
NOT_PROSE = re.compile(r"`[^`\n]*`|\]\([^()\[\]\n]*\)|<[^<>\n]*>|\b[a-z][a-z0-9+.-]{0,30}://\S+"
                       r"|\{[:#.][^{}\n]*\}", re.I)


def char_label(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED CHARACTER')}"


class Scripts:
    """Which script a letter belongs to, from the start of its Unicode name."""

    def __init__(self, table: dict):
        self.table = table
        self.prefixes = sorted(((prefix, code) for code, entry in table.items() for prefix in entry["prefixes"]),
                               key=lambda item: -len(item[0]))
        self.cache: dict[str, str | None] = {}

    def of(self, char: str) -> str | None:
        try:
            return self.cache[char]
        except KeyError:
            pass
        found = None
        if char.isalpha():
            name = unicodedata.name(char, "")
            found = next((code for prefix, code in self.prefixes if name.startswith(prefix)), None)
        self.cache[char] = found
        return found

    def name(self, code: str) -> str:
        return self.table.get(code, {}).get("name", code)


@cache
def _patterns(invisible: frozenset, bidi: frozenset):
    def char_class(points):
        return re.compile("[" + "".join(re.escape(chr(p)) for p in sorted(points)) + "]") if points else None

    return char_class(invisible), char_class(bidi)


_TABLES: dict[int, Scripts] = {}


def script_table(rules: dict) -> Scripts:
    """The script table of a set of rules, built once per table."""
    table = rules["scripts"]
    if id(table) not in _TABLES:
        _TABLES[id(table)] = Scripts(table)
    return _TABLES[id(table)]


def check_text(text: str, rel: str, rules: dict | None = None) -> list[Finding]:
    """Hygiene of every line of a file's text (as decoded, byte-order mark included)."""
    rules = rules or check_rules()
    invisible, bidi = _patterns(code_points(rules.get("invisible_characters")),
                                code_points(rules.get("bidi_controls")))
    table = script_table(rules)
    confusable = set(rules.get("confusable_scripts") or [])
    findings = []
    for number, line in enumerate(text.split("\n"), start=1):
        shift = 0
        if number == 1 and line.startswith("\ufeff"):
            findings.append(Finding(rel, 1, 1, "bom", "the file starts with a byte-order mark (U+FEFF)",
                                    "save the file as UTF-8 without BOM (\"UTF-8\", not \"UTF-8 with BOM\")", WARNING))
            line, shift = line[1:], 1
        findings += _line(rel, number, line, shift, invisible, bidi, table, confusable)
    return findings


def _line(rel, number, line, shift, invisible, bidi, table, confusable) -> list[Finding]:
    findings = []

    def add(column, code, message, fix, severity="error"):
        findings.append(Finding(rel, number, column + shift, code, message, fix, severity))

    if invisible:
        for match in invisible.finditer(line):
            add(match.start() + 1, "invisible-character", f"invisible character {char_label(match.group())}",
                "delete it: it shows nothing but changes the text (search, links, comparison of languages)")
    if bidi:
        for match in bidi.finditer(line):
            add(match.start() + 1, "bidi-control", f"bidirectional control character {char_label(match.group())}",
                "delete it: it changes the order in which the text is shown; "
                "the site sets the direction of each language")
    for match in CONTROL.finditer(line):
        if match.group() == "\r" and match.start() == len(line) - 1:
            add(match.start() + 1, "control-character",
                "carriage return at the end of the line (Windows line ending)",
                "save the file with Unix line endings (LF); most editors have this setting")
            continue
        add(match.start() + 1, "control-character", f"control character {char_label(match.group())}",
            "delete it: control characters are not text")
    stripped = line.rstrip("\r")
    if "\t" in stripped:
        add(stripped.index("\t") + 1, "tab", "tab character",
            "use spaces; a tab is shown differently in each editor and can change the Markdown", WARNING)
    trimmed = stripped.rstrip(" \t\u00a0\u3000")
    if len(trimmed) < len(stripped) and trimmed.strip():
        add(len(trimmed) + 1, "trailing-space", "spaces at the end of the line",
            "remove them (two spaces at the end of a line make a hidden line break)", WARNING)
    if not line.isascii():
        if not unicodedata.is_normalized("NFC", line):
            normal = unicodedata.normalize("NFC", line)
            column = next((i for i, (a, b) in enumerate(zip(line, normal)) if a != b), min(len(line), len(normal)))
            # The difference starts at the base letter whose accent was written as a separate character.
            add(max(column, 0) + 1, "not-nfc",
                "the text is not in Unicode normal form C (an accent written as a separate character)",
                "retype the accented letter, or let your editor normalize the file to NFC")
        # A word mixes look-alike scripts only where its line holds letters of two of them.
        if len({table.of(char) for char in set(line)} & confusable) < 2:
            return findings
        for word in WORD.finditer(line):
            if word.group().isascii():
                continue
            problem = _mixed(word.group(), table, confusable)
            if problem:
                offset, message = problem
                add(word.start() + offset + 1, "mixed-script", message,
                    "retype the word in one alphabet: a letter from another alphabet looks the same but "
                    "breaks search and comparison")
    return findings


def _mixed(word: str, table: Scripts, confusable: set) -> tuple[int, str] | None:
    found = [(i, table.of(c)) for i, c in enumerate(word)]
    kinds = [code for _, code in found if code in confusable]
    if len(set(kinds)) < 2:
        return None
    main = max(set(kinds), key=lambda code: (kinds.count(code), -kinds.index(code)))
    index, code = next((i, code) for i, code in found if code in confusable and code != main)
    char = word[index]
    return index, (f"'{word}' mixes {table.name(main)} and {table.name(code)} letters: "
                   f"'{char}' is {char_label(char)}")


def letter_scripts(text: str, table: Scripts) -> dict[str | None, int]:
    """How many letters of each script (in the order the scripts first occur)."""
    counts: dict[str | None, int] = {}
    for char, count in Counter(NOT_PROSE.sub(" ", text)).items():  # each character once, in order
        if char.isalpha():
            code = table.of(char)
            counts[code] = counts.get(code, 0) + count
    return counts


def check_script(document, script: str, lang: str, rules: dict | None = None,
                 files: DataFiles | None = None) -> list[Finding]:
    """Paragraphs and title of a document of `lang`, whose text is in `script`."""
    rules = rules or check_rules()
    table = script_table(rules)
    limits = rules.get("wrong_script") or {}
    min_letters, min_share = limits.get("min_letters", 20), limits.get("min_share", 0.5)
    findings = []
    blocks = scan(document.body, lang, treaty_text=getattr(document, "kind", "page") in TREATY_KINDS, fences=True,
                  first_line=document.body_line, files=files)
    for line, text in blocks.prose():
        counts = letter_scripts(text, table)
        total = sum(counts.values())
        if total < min_letters or counts.get(script, 0) >= min_share * total:
            continue
        other = max((code for code in counts if code != script), key=lambda code: counts[code])
        findings.append(Finding(document.rel, line, 1, "wrong-script",
            f"this paragraph is written in {_script_name(table, other)} script, but docs/{lang}/ holds text "
            f"in {table.name(script)} script",
            f"write the paragraph in the language of docs/{lang}/; a text not yet translated stays out of the file"))
    title = document.meta.get("title")
    if isinstance(title, str):
        counts = letter_scripts(title, table)
        total = sum(counts.values())
        if total >= (rules.get("title_script") or {}).get("min_letters", 3) and not counts.get(script):
            other = max(counts, key=lambda code: counts[code])
            findings.append(Finding(document.rel, document.line_of("title"), 1, "title-script",
                f"the title is written in {_script_name(table, other)} script, not in {table.name(script)} script",
                f"translate the title into the language of docs/{lang}/ (with 'title_status: provisional')",
                WARNING))
    return findings


def _script_name(table: Scripts, code: str | None) -> str:
    return table.name(code) if code else "another"
