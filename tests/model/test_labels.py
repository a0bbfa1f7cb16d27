import pytest

from treaty.model.labels import article_label, chapter_label, heading, see_article, to_roman


@pytest.mark.parametrize("lang, number, label", [
    ("en", 7, "Article 7"), ("fr", 1, "Article premier"), ("fr", 7, "Article 7"), ("es", 7, "Artículo 7"),
    ("ru", 7, "Статья 7"), ("zh", 7, "第七条"), ("zh", 68, "第六十八条"), ("ar", 7, "المادة 7"),
])
def test_article_labels(lang, number, label):
    assert article_label(lang, number) == label


@pytest.mark.parametrize("lang, number, label", [
    ("en", 2, "Chapter II"), ("fr", 1, "Chapitre premier"), ("es", 9, "Capítulo IX"),
    ("ru", 4, "Глава IV"), ("zh", 5, "第五章"), ("ar", 1, "الفصل الأول"), ("ar", 9, "الفصل التاسع"),
])
def test_chapter_labels(lang, number, label):
    assert chapter_label(lang, number) == label


def test_roman_numerals():
    assert [to_roman(n) for n in (1, 4, 9, 14, 39)] == ["I", "IV", "IX", "XIV", "XXXIX"]


def test_heading_and_see_article_follow_each_language():
    assert heading("zh", "第七条", "非法访问") == "第七条　非法访问"
    assert see_article("zh", 65) == "见第六十五条"
    assert see_article("ru", 65) == "см. статью 65"
