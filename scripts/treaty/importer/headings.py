"""Recognize the headings of a treaty text in one language: "Chapter IV", «Chapitre premier»,
"第七条", "المادة الأولى", "Статья 7", each with its number and any title on the same line.

The words are data (data/import-headings.yml); the instrument's configuration says whether
chapter and article numbers are Roman numerals or digits in the languages that have both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from treaty.importer.errors import ImportFailure
from treaty.model.labels import to_roman
from treaty.model.numerals import from_chinese, western_digits
from treaty.project.files import load_yaml

KINDS = ("chapter", "section", "article")
DIGITS = "[0-9٠-٩۰-۹]+"
ROMAN = "[IVXLCDM]+"
CHINESE = "[零〇一二两三四五六七八九十百]+"
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def from_roman(text: str) -> int:
    """XIV -> 14; raises ValueError for what is not a Roman numeral written the usual way."""
    text = text.upper()
    total = 0
    for index, char in enumerate(text):
        value = ROMAN_VALUES[char]
        following = ROMAN_VALUES[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    if total <= 0 or to_roman(total) != text:
        raise ValueError(f"not a Roman numeral: {text!r}")
    return total


@dataclass(frozen=True)
class Heading:
    kind: str  # chapter, section, article, annex, preamble
    number: int | None
    label: str  # the heading as written, without a title on the same line
    title: str = ""  # a title on the same line ("第七条　非法访问"), else ""


@cache
def headings_data(path: Path) -> dict:
    return load_yaml(path)


class HeadingReader:
    def __init__(self, lang: str, headings_file: Path, numbering: dict[str, str]):
        """`numbering`: chapter/section/article -> arabic or roman (instrument configuration)."""
        data = headings_data(headings_file)
        try:
            spec = data["languages"][lang]
        except KeyError:
            raise ImportFailure(f"no heading words for language {lang!r}", str(headings_file),
                                f"add a '{lang}:' entry under 'languages:'") from None
        self.lang = lang
        self.ordinals = {str(word): int(number) for word, number in (spec.get("ordinals") or {}).items()}
        self.chinese = bool(spec.get("chinese_numerals"))
        self.separators = [str(s) for s in spec.get("title_separators") or []]
        self.preamble_title = str(spec.get("preamble_title") or "")
        self.list_forms = {level: str(form) for level, form in enumerate(spec.get("list_enumerators") or [], start=1)}
        self.patterns: dict[str, list[re.Pattern]] = {}
        separators = "|".join(re.escape(s) for s in sorted(self.separators, key=len, reverse=True))
        for kind in KINDS:
            number = self._number_pattern(numbering.get(kind, "arabic"))
            self.patterns[kind] = [
                re.compile(r"^\s*(?P<label>" + self._form(form, number) + r")"
                           + (r"(?:(?:" + separators + r")\s*(?P<title>\S.*?))?" if separators else "")
                           + r"\s*$", re.I)
                for form in spec.get(kind) or []
            ]
        # "Annex", "Annex II", "附件一", "المرفق الأول": annexes may be numbered.
        numbered = self._number_pattern("roman").replace("(?P<number>", "(?:")
        self.words = {kind: [re.compile(r"^\s*" + re.escape(str(word))
                                        + (r"(?:\s*" + numbered + ")?" if kind == "annex" else "")
                                        + r"\s*[.:]?\s*$", re.I)
                             for word in spec.get(kind) or []] for kind in ("annex", "preamble")}

    def _number_pattern(self, style: str) -> str:
        alternatives = [DIGITS]
        if style == "roman":
            alternatives.append(ROMAN)
        if self.chinese:
            alternatives.append(CHINESE)
        alternatives += [re.escape(w) for w in sorted(self.ordinals, key=len, reverse=True)]
        return "(?P<number>" + "|".join(alternatives) + ")"

    @staticmethod
    def _form(form: str, number: str) -> str:
        before, _, after = str(form).partition("{n}")
        def spaced(part: str) -> str:
            return r"\s*".join(re.escape(piece) for piece in part.split(" ")) if part else ""

        return spaced(before) + number + spaced(after)

    def number(self, text: str) -> int:
        if text in self.ordinals:
            return self.ordinals[text]
        folded = {word.lower(): n for word, n in self.ordinals.items()}
        if text.lower() in folded:
            return folded[text.lower()]
        digits = western_digits(text)
        if digits.isdigit():
            return int(digits)
        if re.fullmatch(CHINESE, text):
            return from_chinese(text)
        return from_roman(text)

    def match(self, text: str, untitled: tuple[str, ...] = ()) -> Heading | None:
        """The heading `text` is, if it is one. For the kinds in `untitled`, text after the number
        on the same line does not make a heading (an untitled article's first sentence is no title)."""
        for kind, patterns in self.patterns.items():
            for pattern in patterns:
                found = pattern.match(text)
                if not found:
                    continue
                if found.group("title") and kind in untitled:
                    continue
                try:
                    number = self.number(found.group("number"))
                except ValueError:
                    continue
                return Heading(kind, number, found.group("label").strip(), (found.group("title") or "").strip())
        for kind, patterns in self.words.items():
            if any(p.match(text) for p in patterns):
                return Heading(kind, None, text.strip())
        return None
