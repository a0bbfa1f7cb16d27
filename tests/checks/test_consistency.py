"""The languages say the same things (treaty.checks.consistency), the terms of the terminology
(treaty.checks.terminology) and each language's typography (treaty.checks.typography)."""

from __future__ import annotations

from checkkit import article, findings
from sitekit import convention
from treaty.checks.checker import check_tree

SAYS = {
    "en": "Each State Party is to act within 90 days (see article 3).",
    "fr": "Chaque État partie doit agir dans un délai de 90 jours (voir l'article 3).",
    "es": "Cada Estado parte deberá actuar en un plazo de 90 días (véase el artículo 3).",
    "ru": "Каждое государство-участник должно действовать в течение 90 дней (см. статью 3).",
    "zh": "各缔约国应在90天内采取行动（见第三条）。",
    "ar": "على كل دولة طرف أن تتصرف في غضون 90 يوما (انظر المادة 3).",
}


def test_the_same_numbers_in_every_language_pass(tree):
    tmp, docs, outline, _ = tree
    for lang, text in SAYS.items():
        article(docs, lang, 1, text, status="synopsis")
    assert [f for f in findings(tmp, docs, outline) if f.code == "numbers-differ"] == []


def test_a_language_that_says_other_numbers_is_named(tree):
    tmp, docs, outline, _ = tree
    for lang, text in SAYS.items():
        article(docs, lang, 1, text, status="synopsis")
    article(docs, "es", 1, SAYS["es"].replace("90 días", "60 días").replace("artículo 3", "artículo 2"),
            status="synopsis")
    (finding,) = [f for f in findings(tmp, docs, outline) if f.code == "numbers-differ"]
    assert (finding.path, finding.severity) == ("docs/es/articles/1.md", "warning")
    assert "lacks 90, article 3" in finding.message and "mentions 60, article 2" in finding.message
    assert "unlike the 'en' text" in finding.message


def test_a_chinese_date_is_its_year_and_day_as_in_other_languages(tree):
    tmp, docs, outline, _ = tree
    for lang in SAYS:
        article(docs, lang, 1, "25 October 2025" if lang != "zh" else "2025年10月25日", status="synopsis")
    assert [f for f in findings(tmp, docs, outline) if f.code == "numbers-differ"] == []


def test_texts_of_different_status_are_not_compared(tree):
    tmp, docs, outline, _ = tree
    article(docs, "fr", 1, "Voir l'article 2.", status="synopsis")
    assert [f for f in findings(tmp, docs, outline) if f.code == "numbers-differ"] == []


def test_an_avoided_term_is_reported_with_the_term_to_use(tree):
    tmp, docs, outline, _ = tree
    article(docs, "ar", 1, "يتناول هذا النص تسليم المطلوبين.", status="synopsis")
    article(docs, "es", 2, "Texto.\n\nSobre los sistemas informáticos y los datos.", status="synopsis")
    found = {(f.path, f.line, f.column, f.code): f for f in findings(tmp, docs, outline)
             if f.code == "avoided-term"}
    assert set(found) == {("docs/ar/articles/1.md", 9, 17, "avoided-term"),
                          ("docs/es/articles/2.md", 11, 11, "avoided-term")}
    assert "تسليم المجرمين" in found["docs/ar/articles/1.md", 9, 17, "avoided-term"].fix
    assert "sistema de tecnologías de la información" in found["docs/es/articles/2.md", 11, 11, "avoided-term"].fix


def test_half_width_punctuation_in_chinese_text_is_a_warning(tree):
    tmp, docs, outline, _ = tree
    article(docs, "zh", 1, "本条规定,各缔约国应采取措施(见第三条)。", status="synopsis")
    found = [(f.column, f.severity) for f in findings(tmp, docs, outline) if f.code == "typography"]
    assert found == [(5, "warning"), (15, "warning")]


def test_the_shipped_edition_says_the_same_in_every_language():
    """The Convention's six synopses: the same numbers, the edition's terms, its typography."""
    result = check_tree(convention())
    codes = {"numbers-differ", "avoided-term", "typography", "skeleton"}
    assert [f.text() for f in result.findings if f.code in codes] == []
