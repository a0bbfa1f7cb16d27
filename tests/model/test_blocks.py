"""The one scanner of Markdown structure (treaty.model.blocks): what the checker, the cross-reference
finder and the renderer all read a page with. The property: for any article, the anchors the
checker's skeleton lists are exactly the anchors the rendered page carries, in the same order."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import markdown
from sitekit import ANCHORS, BODIES, LANGS
from treaty.model.blocks import paragraph_of, scan

# As the site renders content: raw HTML is text (treaty.markdown.safety), so that the scanner, which
# knows no HTML, reads the same blocks as the renderer.
EXTENSIONS = ["toc", "attr_list", "footnotes", "treaty.markdown.paragraphs", "treaty.markdown.crossrefs",
              "treaty.markdown.safety"]


def rendered_anchors(body: str, lang: str) -> list[str]:
    html = markdown.markdown(body, extensions=EXTENSIONS,
                             extension_configs={"treaty.markdown.paragraphs": {"lang": lang},
                                                "treaty.markdown.crossrefs": {"lang": lang, "article": 7}})
    return re.findall(r'<div class="treaty-para"[^>]* id="([^"]+)"', html)


def skeleton(body: str, lang: str) -> list[str]:
    return [mark.anchor for mark in scan(body, lang).skeleton()]


@pytest.mark.parametrize("lang", LANGS)
def test_numbered_paragraphs_in_each_language(lang):
    assert skeleton(BODIES[lang], lang) == ANCHORS == rendered_anchors(BODIES[lang], lang)


def test_unnumbered_paragraphs_are_anchored_by_their_place():
    body = "First paragraph.\n\nSecond paragraph,\nover two lines.\n\nThird."
    result = scan(body, "en", first_line=8)
    assert [(m.anchor, m.line) for m in result.skeleton()] == [("para-1", 8), ("para-2", 10), ("para-3", 13)]
    assert rendered_anchors(body, "en") == ["para-1", "para-2", "para-3"]
    assert result.paragraph_at(3) == 2


def test_text_before_the_first_number_is_the_introduction_and_after_a_number_part_of_it():
    body = ("For the purposes of this text:\n\n(a) one;\n\n(b) two.\n\n"
            "1. First:\n\n(a) x;\n\nclosing words.\n\n2. Second.")
    result = scan(body, "en")
    kinds = [block.kind for block in result.blocks]
    assert kinds == ["intro", "numbered", "numbered", "numbered", "numbered", "continuation", "numbered"]
    assert skeleton(body, "en") == ["para-intro", "para-a", "para-b", "para-1", "para-1-a", "para-2"]
    assert rendered_anchors(body, "en") == skeleton(body, "en")
    assert result.paragraph_at(10) == 1  # the closing words belong to paragraph 1
    html = markdown.markdown(body, extensions=["treaty.markdown.paragraphs"])
    assert re.search(r'id="para-1">.*closing words.*</div>\s*<div[^>]*id="para-2"', html, re.S)


def test_an_indented_fence_does_not_hide_the_next_paragraph():
    """The bug four scanners had: an indented ``` before "2." hid it from the checker only."""
    body = "1. First.\n\n    ```\n\n2. Second.\n\n    ```\n"
    assert skeleton(body, "en") == ["para-1", "para-2"] == rendered_anchors(body, "en")


def test_headings_rules_and_definitions_are_markdowns_not_paragraphs():
    body = "# Title\n\n1. One.\nNot a heading\n---\n\n[^1]: A note.\n\n2. Two.[^1]"
    result = scan(body, "en")
    assert [block.kind for block in result.blocks] == ["heading", "numbered", "rule", "definition", "numbered"]
    assert skeleton(body, "en") == ["para-1", "para-2"] == rendered_anchors(body, "en")


def test_outside_treaty_text_code_is_code():
    body = "a\nb\n\n```\ncode\n```\nc\n\n    indented code\n"
    result = scan(body, "en", treaty_text=False, fences=True, first_line=10)
    assert result.prose() == [(10, "a\nb"), (16, "c")]
    assert result.skeleton() == []


def test_paragraph_numbers_of_anchors():
    assert [paragraph_of(a) for a in ("para-3-b", "para-b", "para-intro", "para-12")] == [3, 0, 0, 12]


# -- the property: the checker's skeleton is the rendered anchors, whatever the article ----------------

ENUMERATORS = {
    "en": ["1.", "2.", "3.", "(a)", "(b)", "(c)", "(i)", "(ii)", "(v)", "(x)"],
    "fr": ["1.", "2.", "a)", "b)", "i)", "ii)"],
    "ru": ["1.", "2.", "а)", "б)", "i)", "ii)"],
    "zh": ["1.", "2.", "（a）", "（b）", "（i）", "(a)"],
    "ar": ["1 -", "2 -", "(أ)", "(ب)", "(1)", "(2)"],
    "es": ["1.", "2.", "a)", "b)", "i)"],
}
WORDS = st.sampled_from(["text", "article 4", "paragraph 2 of this article", "*emphasis*", "`code`",
                         "[link](x.md)", "{: lang=fr }", "a \\* b", "[^1]", "&amp;", "法", "نص", "текст",
                         "<div>", "</div>", "<!-- c -->", "<![CDATA[ x ]]>", "<p>", "<img src=x>", "&lt;b&gt;"])


@st.composite
def lines(draw, lang):
    kind = draw(st.sampled_from(["enumerated", "text", "blank", "blank", "heading", "rule", "underline", "indent",
                                 "fence", "indented-fence", "tab", "definition", "quote", "list", "space-blank"]))
    words = " ".join(draw(st.lists(WORDS, min_size=1, max_size=4)))
    return {
        "enumerated": f"{draw(st.sampled_from(ENUMERATORS[lang]))} {words}",
        "text": words,
        "blank": "",
        "space-blank": "   ",
        "heading": f"{'#' * draw(st.integers(1, 3))} {words}",
        "rule": draw(st.sampled_from(["---", "***", "- - -", "___"])),
        "underline": draw(st.sampled_from(["===", "---"])),
        "indent": f"    {draw(st.sampled_from(ENUMERATORS[lang]))} {words}",
        "fence": draw(st.sampled_from(["```", "~~~"])),
        "indented-fence": "    ```",
        "tab": f"\t{words}",
        "definition": f"[^1]: {words}",
        "quote": f"> {words}",
        "list": f"- {words}",
    }[kind]


@st.composite
def articles(draw):
    lang = draw(st.sampled_from(LANGS))
    body = "\n".join(draw(st.lists(lines(lang), min_size=1, max_size=14)))
    return lang, body


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_the_checkers_skeleton_is_what_the_renderer_anchors(article):
    lang, body = article
    assert skeleton(body, lang) == rendered_anchors(body, lang), body
