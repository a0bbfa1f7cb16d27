"""The built site in a real browser (Debian's chromium through Playwright)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def test_chooser_sends_a_visitor_to_their_preferred_language(site_url, page_for):
    page = page_for("ru-RU")
    page.goto(site_url)
    page.wait_for_url(f"{site_url}ru/")
    assert page.locator("html").get_attribute("lang") == "ru"


def test_chooser_stays_a_list_for_an_unoffered_language(site_url, page_for):
    page = page_for("de-DE")
    page.goto(site_url)
    assert page.url == site_url
    assert page.locator("a[data-treaty-lang]").count() == 6


def test_arabic_page_is_right_to_left_and_switches_to_chinese_keeping_the_anchor(site_url, page_for):
    page = page_for("ar")
    page.goto(f"{site_url}ar/articles/7/#para-2")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # The sidebar navigation sits on the right of the content in a right-to-left page.
    page.set_viewport_size({"width": 1400, "height": 900})
    nav = page.locator(".md-sidebar--primary").bounding_box()
    content = page.locator(".md-content").bounding_box()
    assert nav["x"] > content["x"]
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "ar-article-7.png"))
    page.locator(".treaty-switcher button").hover()
    page.locator('a[data-treaty-switch="zh"]').click()
    page.wait_for_url(f"{site_url}zh/articles/7/#para-2")
    assert page.locator("html").get_attribute("lang") == "zh"
    page.screenshot(path=str(SHOTS / "zh-article-7.png"))


def test_a_page_opened_from_the_built_site_requests_nothing_from_another_host(site_url, page_for):
    page = page_for("en-US")
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ["ar/articles/7/", "zh/index.html", "en/chapters/2/", "fr/about/"]:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    foreign = [url for url in requested if not url.startswith(site_url) and not url.startswith("data:")]
    assert requested and not foreign, foreign
