"""Each page's navigation shows its own chapter only (it does not grow with the instrument), and
the site stays navigable without JavaScript and with the keyboard alone."""

from __future__ import annotations

import re

import pytest

from sitekit import convention

pytestmark = pytest.mark.browser
NAV_LINKS = "nav.md-nav--primary a.md-nav__link"


def chapter_articles(number: int) -> list[int]:
    return list(convention().outline.chapter(number).articles)


def linked_articles(page) -> set[int]:
    hrefs = page.eval_on_selector_all(NAV_LINKS, "links => links.map(a => new URL(a.href).pathname)")
    return {int(m[1]) for href in hrefs if (m := re.search(r"/en/articles/([0-9]+)/$", href))}


def test_an_article_page_lists_the_articles_of_its_chapter_only(site_url, page_for):
    page = page_for("en-US")
    page.goto(f"{site_url}en/articles/7/")
    chapter = convention().outline.chapter_of(7).number
    assert linked_articles(page) == set(chapter_articles(chapter))
    # The home page lists every chapter and article in its content.
    page.goto(f"{site_url}en/")
    assert page.locator(f'main a[href$="articles/{chapter_articles(chapter + 1)[0]}/"]').count() >= 1


def test_without_javascript_the_navigation_and_the_next_page_links_work(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}en/articles/7/")
        page.locator(f'{NAV_LINKS}[href$="/8/"]').first.click()
        page.wait_for_url(f"{site_url}en/articles/8/")
        # The last article of a chapter leads to the next chapter by the footer's link.
        last = chapter_articles(convention().outline.chapter_of(8).number)[-1]
        page.goto(f"{site_url}en/articles/{last}/")
        page.locator("a.md-footer__link--next").click()
        page.wait_for_url(re.compile(r".*/en/chapters/[0-9]+/$"))
        assert page.locator("h1").count() == 1
    finally:
        context.close()


def test_the_keyboard_reaches_and_follows_a_link_of_the_navigation(site_url, page_for):
    page = page_for("en-US")
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{site_url}en/articles/7/")
    for _ in range(200):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement && document.activeElement.getAttribute('href')")
        inside = page.evaluate("!!(document.activeElement && document.activeElement.closest('nav.md-nav--primary'))")
        if inside and href and href.rstrip("/").endswith("/8"):
            break
    else:
        pytest.fail("Tab never reached the navigation's link to article 8")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}en/articles/8/")
