"""Headings in the six languages (data/import-headings.yml), with the instrument's numbering."""

from __future__ import annotations

import pytest

from treaty.importer.headings import Heading, HeadingReader, from_roman
from treaty.project.files import defaults

ROMAN_CHAPTERS = {"chapter": "roman", "article": "arabic", "section": "arabic"}


def reader(lang: str, numbering=ROMAN_CHAPTERS) -> HeadingReader:
    return HeadingReader(lang, defaults().path("import-headings.yml"), numbering)


@pytest.mark.parametrize("lang, text, kind, number", [
    ("en", "Chapter I", "chapter", 1), ("en", "CHAPTER IV", "chapter", 4), ("en", "Article 7", "article", 7),
    ("en", "Section 2", "section", 2), ("fr", "Chapitre premier", "chapter", 1),
    ("fr", "Article premier", "article", 1), ("fr", "Article 12", "article", 12),
    ("es", "Capítulo IX", "chapter", 9), ("es", "Artículo 7", "article", 7), ("ru", "Глава I", "chapter", 1),
    ("ru", "Статья 68", "article", 68), ("zh", "第一章", "chapter", 1), ("zh", "第七条", "article", 7),
    ("zh", "第7条", "article", 7), ("zh", "第六十八条", "article", 68), ("zh", "第二节", "section", 2),
    ("ar", "الفصل الأول", "chapter", 1), ("ar", "الفصل الحادي عشر", "chapter", 11),
    ("ar", "المادة 7", "article", 7), ("ar", "المادة ٧", "article", 7), ("ar", "المادة الأولى", "article", 1),
])
def test_headings_of_each_language(lang, text, kind, number):
    found = reader(lang).match(text)
    assert (found.kind, found.number, found.label) == (kind, number, text)


@pytest.mark.parametrize("lang, text", [
    ("en", "Article 5 of this Convention shall apply."), ("en", "Articles 5 and 6"), ("zh", "第七条所述的措施"),
    ("fr", "Chapitre premier bis"), ("en", "Chapter IIII"),
])
def test_sentences_that_start_like_headings_are_not_headings(lang, text):
    assert reader(lang).match(text) is None


def test_a_title_on_the_heading_line():
    assert reader("en").match("Article 7. Use of terms") == Heading("article", 7, "Article 7", "Use of terms")
    assert reader("zh").match("第七条　术语") == Heading("article", 7, "第七条", "术语")
    # Not for an instrument whose articles have no title: that is the article's text.
    assert reader("en").match("Article 7. Use of terms", untitled=("article",)) is None


def test_the_numbering_of_the_configuration_decides_roman_or_arabic():
    arabic = reader("en", {"chapter": "arabic", "article": "arabic"})
    assert arabic.match("Chapter 4").number == 4 and arabic.match("Chapter IV") is None
    roman = reader("en", {"chapter": "roman", "article": "roman"})
    assert roman.match("Article XIV").number == 14


def test_annex_and_preamble_headings():
    assert reader("fr").match("Annexe").kind == "annex"
    assert reader("ru").match("Преамбула").kind == "preamble"
    assert reader("ar").match("المرفق").kind == "annex"


def test_roman_numerals():
    assert [from_roman(r) for r in ("I", "IV", "IX", "XIV", "XL")] == [1, 4, 9, 14, 40]
    with pytest.raises(ValueError):
        from_roman("IIII")
