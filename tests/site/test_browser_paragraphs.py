"""Paragraph anchors and the paragraph menu in a real browser, on a small tree."""

from __future__ import annotations

import pytest
from test_site_tree import BODIES, CHAPTERS

from sitekit import build_site, serve, small_tree

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("paragraphs")
    docs, config = small_tree(tmp, CHAPTERS, BODIES)
    build_site(config, tmp / "site", docs)
    server, url = serve(tmp / "site")
    yield url
    server.shutdown()


@pytest.mark.parametrize("lang, citation", [
    ("en", "United Nations Convention against Cybercrime, art. 1, para. 1 (b) (ii)"),
    ("zh", "《联合国打击网络犯罪公约》第一条第1款（b）项（ii）目"),
    ("ar", "اتفاقية الأمم المتحدة لمكافحة الجرائم السيبرانية، المادة 1، الفقرة 1 (ب) (2)"),
])
def test_copy_citation_and_copy_link_with_the_keyboard(small_site, browser, lang, citation):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    url = f"{small_site}{lang}/articles/1/"
    tab.goto(url)
    toggle = tab.locator("#para-1-b-ii > .treaty-cite .treaty-cite__toggle")
    toggle.focus()
    tab.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    tab.keyboard.press("ArrowDown")  # from "copy link" to "copy citation"
    tab.keyboard.press("Enter")
    assert tab.evaluate("navigator.clipboard.readText()") == citation
    toggle.click()
    tab.locator("#para-1-b-ii [data-action=link]").click()
    assert tab.evaluate("navigator.clipboard.readText()") == url + "#para-1-b-ii"
    tab.keyboard.press("Escape")
    context.close()


def test_switching_language_lands_on_the_same_paragraph(small_site, page_for):
    tab = page_for()
    tab.goto(f"{small_site}ru/articles/1/#para-1-b")
    tab.locator(".treaty-switcher button").hover()
    tab.locator('a[data-treaty-switch="ar"]').click()
    tab.wait_for_url(f"{small_site}ar/articles/1/#para-1-b")
    assert tab.locator("#para-1-b > .treaty-enum").inner_text() == "(ب)"
    assert tab.evaluate("document.querySelector(':target').id") == "para-1-b"
