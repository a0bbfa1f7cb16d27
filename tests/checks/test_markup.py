"""The markup policy: Markdown only, nothing active, no address to another host."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitekit import ROOT
from treaty.checks.markup import _mask_spans, check_markup, classify_url, mask_code, mask_spans
from treaty.checks.rules import check_rules

RULES = check_rules()["markup"]


def codes(body, first_line=1):
    return [(f.code, f.line, f.column) for f in check_markup(body, "x.md", first_line)]


def test_markdown_links_footnotes_and_attributes_are_accepted():
    body = ("See [article 7](../7/#para-2-b), [the resolution](https://undocs.org/A/RES/79/243) and "
            "<https://www.un.org/>.[^1]\n\n[^1]: A note.\n\n## Heading {#heading lang=fr}\n\n"
            "![seal](../../assets/seal.png) and a < b > c, `<script>` in code.\n")
    assert codes(body) == []


def test_without_a_fenced_code_extension_a_fence_is_not_code():
    assert codes("```\n<iframe>\n```") == [("iframe", 2, 1)]


def test_each_problem_has_its_line_and_column():
    body = "Text.\n\nA <b>bold</b> [x](javascript:alert(1)) word.\n"
    assert codes(body, 9) == [("raw-html", 11, 3), ("unsafe-url", 11, 19)]


def test_urls_are_read_as_a_browser_reads_them():
    assert classify_url("&#x6A;avascript:alert(1)", False, RULES)[0] == "unsafe-url"
    assert classify_url(" JaVaScRiPt:alert(1)", False, RULES)[0] == "unsafe-url"
    assert classify_url("java\tscript:alert(1)", False, RULES)[0] == "unsafe-url"
    assert classify_url("vbscript:x", False, RULES)[0] == "unsafe-url"
    assert classify_url("file:///etc/passwd", False, RULES)[0] == "unsafe-url"
    assert classify_url("/\\evil.example/x", False, RULES)[0] == "external-link"
    assert classify_url("https://www.un.org/x", True, RULES)[0] == "external-image"
    assert classify_url("https://www.un.org/x", False, RULES) is None
    assert classify_url("mailto:someone@un.org", False, RULES) is None
    assert classify_url("../7/#para-1", True, RULES) is None


def test_an_encoded_address_missed_by_the_source_is_found_in_the_rendered_page():
    # Python-Markdown reads a title-less link with a space-free address; the rendered page is checked too.
    assert {c for c, _, _ in codes("[x](java\tscript:alert(1))")} == {"unsafe-url"}


def test_closing_tags_alone_are_raw_html_once():
    assert codes("</div>\n</div>") == [("raw-html", 1, 1)]


def test_code_is_masked_line_for_line():
    body = "a `<b>` c\n```\n<script>\n```\nd"
    masked = mask_code(body, fences=True)
    assert masked.count("\n") == body.count("\n") and "<" not in masked


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["`", "``", "a", " ", "\n", "<b>", "é"]), max_size=40).map("".join))
def test_code_spans_across_lines_are_masked_and_text_without_backticks_is_kept(text):
    masked = mask_spans(text)
    assert len(masked) == len(text) and [i for i, c in enumerate(masked) if c == "\n"] == \
        [i for i, c in enumerate(text) if c == "\n"]
    assert masked == "".join(c if c == "\n" else m for c, m in zip(text, _mask_spans(text)))
    if "`" not in text:
        assert masked is text


def test_the_checker_renders_with_the_extensions_of_mkdocs_yml():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    section = text.split("markdown_extensions:")[1].split("\nplugins:")[0]
    names = [line.strip()[2:].rstrip(":") for line in section.splitlines() if line.strip().startswith("- ")]
    assert [n for n in names if not n.startswith("treaty.")] == RULES["render_extensions"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("<>[]()!{}:=\"' \n/&#;aejvscrtiponlk.-@`*_")
                                + ["javascript:", "<img ", "onerror=", "](", "data:", "```\n", "{: ", "//"]),
                max_size=60).map("".join))
def test_any_markdown_is_checked_without_an_exception(body):
    for finding in check_markup(body, "x.md", 5):
        assert 5 <= finding.line <= 5 + body.count("\n")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.booleans())
def test_any_address_is_classified_without_an_exception(url, image):
    result = classify_url(url, image, RULES)
    assert result is None or result[0] in ("unsafe-url", "external-image", "external-link")


def test_attribute_lists_set_no_id_of_the_layout_and_no_class_of_the_theme():
    body = "Text.\n{: #__config }\n\n## Heading {: #title .md-search id=para-3 }\n\n## Other {: class='a b' }\n"
    assert codes(body) == [("reserved-id", 2, 4), ("reserved-id", 4, 15), ("unsafe-class", 4, 22),
                           ("reserved-id", 4, 33), ("unsafe-class", 6, 13), ("unsafe-class", 6, 13)]


def test_a_word_in_braces_is_text_but_a_listed_attribute_is_checked():
    assert codes("A {placeholder} in text.") == []
    assert codes("A heading {: hidden }") == [("unsafe-attribute", 1, 14)]
    assert codes("A heading {: onclick }") == [("event-handler", 1, 14)]
