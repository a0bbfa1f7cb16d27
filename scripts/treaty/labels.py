"""Labels such as "Article 7", "Article premier", "第七条", "Chapitre II", "الفصل الأول"."""

from __future__ import annotations

from functools import lru_cache

from .messages import gettext
from .numerals import to_chinese
from .paths import DATA_DIR, load_yaml

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(number: int) -> str:
    out = ""
    for value, letters in ROMAN * 1:
        while number >= value:
            out += letters
            number -= value
    return out


@lru_cache(maxsize=None)
def _numbering() -> dict:
    return load_yaml(DATA_DIR / "numbering.yml")


def number_text(kind: str, lang: str, number: int) -> str:
    rules = _numbering()[kind]
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


def article_label(lang: str, number: int) -> str:
    return gettext(lang, "Article %(number)s", number=number_text("article", lang, number))


def chapter_label(lang: str, number: int) -> str:
    return gettext(lang, "Chapter %(number)s", number=number_text("chapter", lang, number))


def heading(lang: str, label: str, title: str) -> str:
    """A label and a title on one line: "Article 7. Illegal access", "第七条　非法访问"; the label
    alone for an untitled article."""
    if not title:
        return label
    return gettext(lang, "%(label)s. %(title)s", label=label, title=title)


def see_article(lang: str, number: int) -> str:
    """A pointer to an article in running text: "see article 65", "见第六十五条"."""
    return gettext(lang, "see article %(number)s", number=number_text("article", lang, number))
