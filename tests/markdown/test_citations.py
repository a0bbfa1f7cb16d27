import pytest

import markdown
from treaty.model.citations import cite

EN = "United Nations Convention against Cybercrime"


@pytest.mark.parametrize("lang, instrument, args, expected", [
    ("en", EN, (7, 2, ("(b)",)), "United Nations Convention against Cybercrime, art. 7, para. 2 (b)"),
    ("en", EN, (7, None, ()), "United Nations Convention against Cybercrime, art. 7"),
    ("fr", "Convention X", (7, 2, ("b)", "i)")), "Convention X, art. 7, par. 2, al. b) i)"),
    ("es", "Convención X", (35, 1, ("a)",)), "Convención X, art. 35, párr. 1, apdo. a)"),
    ("ru", "Конвенция X", (7, 2, ("b)",)), "Конвенция X, ст. 7, п. 2, подп. b)"),
    ("zh", "联合国打击网络犯罪公约", (7, 2, ("(b)",)), "《联合国打击网络犯罪公约》第七条第2款(b)项"),
    ("ar", "اتفاقية", (7, 2, ("(ب)",)), "اتفاقية، المادة 7، الفقرة 2 (ب)"),
])
def test_citation_forms(lang, instrument, args, expected):
    assert cite(lang, instrument, *args) == expected


def convert(text, lang, article=7, instrument=EN):
    return markdown.markdown(text, extensions=["treaty.markdown.paragraphs", "treaty.markdown.citations"],
                             extension_configs={"treaty.markdown.paragraphs": {"lang": lang},
                                                "treaty.markdown.citations": {"lang": lang, "article": article,
                                                                              "instrument": instrument}})


def test_each_paragraph_element_carries_its_citation():
    html = convert("1. One.\n\n2. Two:\n\n(a) first;\n\n(b) second:\n\n(i) deep.\n", "en")
    assert 'id="para-2-b-i"' in html
    assert 'data-citation="United Nations Convention against Cybercrime, art. 7, para. 2 (b) (i)"' in html
    assert 'data-citation="United Nations Convention against Cybercrime, art. 7, para. 1"' in html


def test_arabic_citation_uses_the_arabic_enumerators():
    html = convert("1 - نص.\n\n(أ) فرعي.\n", "ar", instrument="اتفاقية")
    assert 'data-citation="اتفاقية، المادة 7، الفقرة 1 (أ)"' in html


def test_no_citation_outside_articles():
    assert "data-citation" not in convert("1. One.\n", "en", article=0)


def test_subparagraphs_without_a_numbered_paragraph():
    html = convert("For the purposes of this text:\n\n(a) one;\n\n(b) two.\n", "en", article=2)
    assert 'id="para-b"' in html
    assert 'data-citation="United Nations Convention against Cybercrime, art. 2 (b)"' in html
