"""The paragraphs extension: numbered paragraphs and subparagraphs as nested, anchored elements."""

import re
import xml.etree.ElementTree as etree

import pytest

import markdown
from sitekit import ANCHORS, BODIES


def convert(text, lang, **config):
    return markdown.markdown(text, extensions=["treaty.markdown.paragraphs"],
                             extension_configs={"treaty.markdown.paragraphs": {"lang": lang, **config}})


def tree(html):
    return etree.fromstring(f"<root>{html}</root>")


@pytest.mark.parametrize("lang", sorted(BODIES))
def test_anchors_are_the_same_in_all_six_languages(lang):
    assert re.findall(r'id="(para-[^"]+)"', convert(BODIES[lang], lang)) == ANCHORS


@pytest.mark.parametrize("lang, token", [
    ("en", "(b)"), ("fr", "b)"), ("es", "b)"), ("ru", "б)"), ("zh", "（b）"), ("ar", "(ب)"),
])
def test_the_enumerator_is_kept_as_written_inside_its_paragraph(lang, token):
    root = tree(convert(BODIES[lang], lang))
    div = root.find(".//div[@id='para-1-b']")
    enum = div.find("a")
    assert enum.get("class") == "treaty-enum" and enum.get("href") == "#para-1-b"
    assert enum.text == token
    assert div.get("data-level") == "2"
    # Nested: the subparagraph is inside paragraph 1, its items inside it.
    assert root.find("./div[@id='para-1']/div[@id='para-1-b']/div[@id='para-1-b-ii']") is not None
    assert root.find("./div[@id='para-2']") is not None


def test_the_text_follows_the_enumerator_without_it():
    root = tree(convert("1. First.\n\n(a) one;\n", "en"))
    assert root.find(".//div[@id='para-1']/p").text == "First."
    assert root.find(".//div[@id='para-1-a']/p").text == "one;"


def test_an_enumerated_line_inside_a_block_starts_a_block_of_its_own():
    html = convert("1. Each State Party:\n(a) one;\n(b) two.\n", "en")
    assert re.findall(r'id="(para-[^"]+)"', html) == ["para-1", "para-1-a", "para-1-b"]


def test_arabic_paragraph_numbers_with_a_dash_and_arabic_indic_digits():
    html = convert("١ - نص.\n\n(أ) فرعي؛\n\n(ب) فرعي.\n\n٢ - نص.\n", "ar")
    assert re.findall(r'id="(para-[^"]+)"', html) == ["para-1", "para-1-a", "para-1-b", "para-2"]
    assert ">١ -</a>" in html and ">(ب)</a>" in html


def test_arabic_third_level_numbers():
    html = convert("1 - نص:\n\n(أ) فرعي:\n\n(1) أول؛\n\n(2) ثان.\n", "ar")
    assert 'id="para-1-a-ii"' in html and ">(2)</a>" in html


def test_chinese_brackets_half_and_full_width_without_spaces():
    html = convert("1.各缔约国：\n\n(a)第一；\n\n（b）第二：\n\n（i）甲；\n\n(ii)乙。\n", "zh")
    assert re.findall(r'id="(para-[^"]+)"', html) == ["para-1", "para-1-a", "para-1-b", "para-1-b-i", "para-1-b-ii"]


def test_russian_latin_letters_too():
    html = convert("1. Текст:\n\na) один;\n\nb) два.\n", "ru")
    assert 'id="para-1-b"' in html and ">b)</a>" in html


def test_a_definitions_article_has_subparagraphs_under_no_numbered_paragraph():
    html = convert("For the purposes of this Convention:\n\n(a) one;\n\n(b) two.\n", "en")
    # The introduction is anchored too (its own paragraph of the article, not numbered).
    assert re.findall(r'id="(para-[^"]+)"', html) == ["para-intro", "para-a", "para-b"]
    assert html.startswith('<div class="treaty-para" data-level="1" data-unnumbered="" id="para-intro">\n'
                           "<p>For the purposes of this Convention:</p>")


def test_off_for_pages_that_are_not_treaty_text():
    html = convert("1. Item.\n2. Item.\n", "en", enabled=False)
    assert html == "<ol>\n<li>Item.</li>\n<li>Item.</li>\n</ol>"


def test_the_enumerator_link_has_the_configured_title():
    html = convert("1. Text.\n", "fr", permalink_label="Lien vers ce paragraphe ({ref})")
    assert 'title="Lien vers ce paragraphe (para-1)"' in html


def test_problems_are_recorded_for_the_checker():
    md = markdown.Markdown(extensions=["treaty.markdown.paragraphs"])
    md.convert("1. One.\n\n3. Three.\n")
    assert md.treaty_paragraphs.problems == [("para-3", "3.", "out of order (expected position 2)")]
    md.reset()
    md.convert("1. One.\n\n2. Two.\n")
    assert md.treaty_paragraphs.problems == []
