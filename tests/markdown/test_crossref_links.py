"""The cross-references extension: references become links, never dead ones."""

import re

import pytest

import markdown
from sitekit import FIXTURES, LANGS
from treaty.checks.parity import load_tree
from treaty.checks.references import check_document
from treaty.markdown.crossrefs import DanglingReferenceError
from treaty.model.references import known_targets

SPECIMEN = FIXTURES / "specimen"
EXTENSIONS = ["treaty.markdown.paragraphs", "treaty.markdown.crossrefs"]


def convert(text, lang="en", **config):
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={
        "treaty.markdown.paragraphs": {"lang": lang},
        "treaty.markdown.crossrefs": {"lang": lang, "article": 5, **config}})
    return md.convert(text), md.treaty_crossrefs


def links(html):
    return re.findall(r'<a class="treaty-ref" href="([^"]*)">([^<]*)</a>', html)


def test_a_reference_to_another_article_is_a_relative_link():
    html, _ = convert("See subparagraph (b) of paragraph 2 of article 4.")
    assert ('<p>See <a class="treaty-ref" href="../4/#para-2-b">subparagraph (b) of paragraph 2 of '
            'article 4</a>.</p>') in html


def test_a_reference_to_this_article_is_a_fragment():
    html, _ = convert("1. See paragraph 2 of this article and article 5, paragraph 2.\n\n2. Text.\n")
    assert links(html) == [("#para-2", "paragraph 2 of this article"), ("#para-2", "article 5, paragraph 2")]


def test_this_paragraph_is_the_paragraph_the_text_is_in():
    html, _ = convert("1. One.\n\n2. Two:\n\n(a) first;\n\n(b) unless subparagraph (a) of this paragraph applies.\n")
    assert links(html) == [("#para-2-a", "subparagraph (a) of this paragraph")]


def test_each_member_of_a_list_or_range_is_a_link():
    html, _ = convert("Articles 7 to 11, 14 and 15 apply.")
    assert links(html) == [("../7/", "Articles 7"), ("../11/", "11"), ("../14/", "14"), ("../15/", "15")]
    html, _ = convert("articles 7, 14 and 15")
    assert links(html) == [("../7/", "articles 7"), ("../14/", "14"), ("../15/", "15")]


def test_the_url_pattern_is_a_setting():
    html, _ = convert("See paragraph 1 of article 4.", article_url="../../articles/{article}.html")
    assert links(html) == [("../../articles/4.html#para-1", "paragraph 1 of article 4")]


@pytest.mark.parametrize("text", [
    "# Article 4",
    "Heading about article 4\n---",
    "`article 4`",
    "```\narticle 4\n```",
    "[article 4](../4/)",
    "See article 2 of the Charter of the United Nations.",
    "The present Convention and this article.",
])
def test_not_linked(text):
    html, _ = convert(text)
    assert "treaty-ref" not in html


def test_the_enumerator_link_is_left_alone_and_emphasis_is_entered():
    html, _ = convert("1. *Recalling* article 4 and **article 6**.\n")
    assert links(html) == [("../4/", "article 4"), ("../6/", "article 6")]
    assert '<a class="treaty-enum" href="#para-1"' in html


def test_off_where_disabled():
    html, _ = convert("See article 4.", enabled=False)
    assert "treaty-ref" not in html and "<p>See article 4.</p>" in html


def test_in_treaty_text_an_indented_block_is_a_paragraph_and_is_linked():
    """As the checker reads it (treaty.model.blocks): treaty text has no code blocks."""
    html, _ = convert("Text.\n\n    See article 4.")
    assert links(html) == [("../4/", "article 4")]


def test_outside_an_article_references_to_this_article_are_left_alone():
    html, _ = convert("See paragraph 2 of this article and article 4.", article=0)
    assert links(html) == [("../4/", "article 4")]


KNOWN = {"4", "4#para-1", "4#para-2", "4#para-2-b", "5", "5#para-1", "7"}


def test_known_targets_link_and_synopses_stand_for_their_paragraphs():
    html, extension = convert("1. See paragraph 2 (b) of article 4 and paragraph 3 of article 7.", known=KNOWN)
    assert links(html) == [("../4/#para-2-b", "paragraph 2 (b) of article 4"), ("../7/", "paragraph 3 of article 7")]
    assert extension.problems == []


def test_a_dangling_reference_is_an_error_naming_file_and_line_in_strict_mode():
    text = "1. One.\n\nSee article 4 and,\non the next line, paragraph 9\nof article 4.\n"
    with pytest.raises(DanglingReferenceError) as error:
        convert(text, known=KNOWN, strict=True, source="docs/en/articles/5.md", first_line=8)
    assert str(error.value) == (
        "docs/en/articles/5.md:11:19: dangling-reference: 'paragraph 9\\nof article 4' refers to para-9 of "
        "article 4, which does not exist (correct the reference, or check the numbered paragraphs of article 4)")
    assert error.value.finding.line == 11


def test_otherwise_a_dangling_reference_is_reported_and_not_linked():
    messages = []
    html, extension = convert("1. See article 12 and paragraph 1 of this article.", known=KNOWN,
                              source="x.md", report=messages.append)
    assert links(html) == [("#para-1", "paragraph 1 of this article")]
    assert "article 12" in html
    assert [finding.text() for finding in extension.problems] == messages == [
        "x.md:1:8: dangling-reference: 'article 12' refers to article 12, which does not exist "
        "(correct the article number as in the official text)"]


def test_the_same_words_twice_are_placed_on_their_own_lines():
    messages = []
    convert("See article 12.\n\nAgain article 12.\n", known=KNOWN, source="x.md", report=messages.append)
    assert [m.split(": ")[0] for m in messages] == ["x.md:1:5", "x.md:3:7"]


def test_the_extension_is_reset_between_documents():
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={
        "treaty.markdown.crossrefs": {"known": KNOWN}})
    md.convert("article 12")
    assert len(md.treaty_crossrefs.problems) == 1
    md.reset()
    md.convert("article 4")
    assert md.treaty_crossrefs.problems == []


# -- the specimen, language by language --------------------------------------------------------


@pytest.fixture(scope="module")
def specimen():
    tree, _ = load_tree(SPECIMEN / "docs", LANGS, SPECIMEN)
    return tree


def convert_specimen(specimen, lang, key):
    document = specimen[lang][key]
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={
        "treaty.markdown.paragraphs": {"lang": lang},
        "treaty.markdown.crossrefs": {"lang": lang, "article": document.number or 0,
                                      "known": known_targets(specimen[lang], lang), "strict": True,
                                      "source": document.rel, "first_line": document.body_line}})
    return md.convert(document.body)


EXPECTED = {
    "articles/1": ["../4/", "../6/"],
    "articles/2": ["../4/#para-1", "#para-a", "#para-a"],
    "articles/3": ["../4/", "#para-3", "#para-2-b"],
    "articles/4": ["#para-2-b-ii", "#para-2-a", "#para-2-c"],
    "articles/5": ["../4/#para-2-b", "../6/"],
    "articles/6": ["../3/", "../4/", "../5/", "../4/#para-2-a", "../5/#para-2", "#para-2-a", "#para-1"],
    "articles/7": ["#para-1", "../1/", "../6/"],
    "articles/8": ["../4/", "../1/"],
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_specimen_links_in_every_language(specimen, lang, key):
    assert [href for href, _ in links(convert_specimen(specimen, lang, key))] == EXPECTED[key]


@pytest.mark.parametrize("lang, key, text", [
    ("en", "articles/1", "article 2 of the Charter"),
    ("fr", "articles/6", "l'article 5 du Protocole"),
    ("es", "articles/7", "artículo 9 del Protocolo"),
    ("ru", "articles/1", "статьи 2 Устава"),
    ("zh", "articles/7", "《联合国宪章》第二条"),
    ("ar", "articles/6", "المادة ٥ من بروتوكول"),
    ("en", "articles/8", "<code>article 99</code>"),
    ("zh", "articles/8", "<code>第九十九条</code>"),
])
def test_specimen_negative_cases_stay_text(specimen, lang, key, text):
    assert text in convert_specimen(specimen, lang, key)


def test_the_extension_and_the_checker_agree(specimen):
    """What the checker reports is what the extension refuses to link, on the same lines."""
    document = specimen["en"]["articles/6"]
    body = document.body + (
        "\n4. See article 12, `article 13`, [article 14](x.md), article 15 of the Protocol,\n"
        "subparagraph (c) of this paragraph and paragraph 9 of article 4.\n")
    document = type(document)(**{**document.__dict__, "body": body})
    known = known_targets(specimen["en"], "en")
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={
        "treaty.markdown.paragraphs": {"lang": "en"},
        "treaty.markdown.crossrefs": {"lang": "en", "article": 6, "known": known, "source": document.rel,
                                      "first_line": document.body_line}})
    md.convert(body)
    checked = check_document(document, "en", known)
    assert [(f.line, f.column, f.message) for f in md.treaty_crossrefs.problems] == [
        (f.line, f.column, f.message) for f in checked]
    assert [f.message.split("'")[1] for f in checked] == [
        "article 12", "subparagraph (c) of this paragraph", "paragraph 9 of article 4"]
