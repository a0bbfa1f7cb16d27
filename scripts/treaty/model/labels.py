"""Labels such as "Article 7", "Article premier", "第七条", "Chapitre II", "الفصل الأول", and
ordinal numbers such as "90th", "90e", "90.º" (data/numbering.yml)."""

from __future__ import annotations

from babel import Locale

from treaty.model.messages import gettext
from treaty.model.numerals import to_chinese
from treaty.project.files import DataFiles, defaults

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(number: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def _numbering(files: DataFiles | None) -> dict:
    return (files or defaults()).load("numbering.yml")


def number_text(kind: str, lang: str, number: int, files: DataFiles | None = None) -> str:
    rules = _numbering(files)[kind]
    rule = rules.get(lang, rules["default"])
    words = rule.get("words") or {}
    if number in words:
        return str(words[number])
    style = rule["style"]
    if style == "chinese":
        return to_chinese(number)
    if style == "roman":
        return to_roman(number)
    return str(number)


def ordinal(lang: str, number: int, files: DataFiles | None = None) -> str:
    """A number as an ordinal in running text: "40th", "40e", "40.º", "40-й"; by the language's
    CLDR ordinal category (one, two, few, other) where its form depends on it."""
    forms = _numbering(files).get("ordinal", {})
    rule = forms.get(lang, forms.get("default", {"other": "{n}"}))
    category = Locale.parse(lang).ordinal_form(number)
    return rule.get(category, rule["other"]).format(n=number)


def article_label(lang: str, number: int, *, files: DataFiles | None = None) -> str:
    return gettext(lang, "Article %(number)s", files=files, number=number_text("article", lang, number, files))


def chapter_label(lang: str, number: int, *, files: DataFiles | None = None) -> str:
    return gettext(lang, "Chapter %(number)s", files=files, number=number_text("chapter", lang, number, files))


def heading(lang: str, label: str, title: str, *, files: DataFiles | None = None) -> str:
    """A label and a title on one line: "Article 7. Illegal access", "第七条　非法访问"; the label
    alone for an untitled article."""
    if not title:
        return label
    return gettext(lang, "%(label)s. %(title)s", files=files, label=label, title=title)


def see_article(lang: str, number: int, *, files: DataFiles | None = None) -> str:
    """A pointer to an article in running text: "see article 65", "见第六十五条"."""
    return gettext(lang, "see article %(number)s", files=files, number=number_text("article", lang, number, files))
