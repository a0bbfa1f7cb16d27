"""Two languages side by side ("Compare with…") in Chromium: rows aligned by the shared paragraph
anchors, each column in its own language and direction, a stable address, phones stacking the
columns paragraph by paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def open_compare(page, site_url, path, other):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}{path}?compare={other}")
    page.wait_for_selector(f'[data-treaty-compare-view="{other}"]')
    return requested


def rows(page):
    return page.evaluate("""() => Array.from(document.querySelectorAll('.treaty-compare__row[data-anchor]'))
        .map(row => ({anchor: row.dataset.anchor,
                      cells: Array.from(row.children).map(cell => ({
                          lang: cell.lang, dir: cell.dir, text: cell.textContent.trim(),
                          direction: getComputedStyle(cell).direction,
                          box: cell.getBoundingClientRect().toJSON()}))}))""")


def test_french_beside_arabic_paragraph_by_paragraph(site_url, page_for, site):
    page = page_for("fr-FR")
    page.set_viewport_size({"width": 1400, "height": 900})
    requested = open_compare(page, site_url, "fr/articles/7/", "ar")
    # Only the Arabic page itself was fetched for the view (no other page of the site).
    pages = [url for url in requested if "/articles/" in url]
    assert pages == [f"{site_url}fr/articles/7/?compare=ar", f"{site_url}ar/articles/7/"], pages
    found = rows(page)
    anchors = [row["anchor"] for row in found]
    assert anchors == ["para-1", "para-2", "para-3"]
    for row in found:
        french, arabic = row["cells"]
        assert (french["lang"], french["direction"]) == ("fr", "ltr")
        assert (arabic["lang"], arabic["direction"]) == ("ar", "rtl")
        assert french["text"] and arabic["text"]
        # Side by side: the same row, French on the left of Arabic (the page is French).
        assert abs(french["box"]["y"] - arabic["box"]["y"]) < 2
        assert french["box"]["x"] + french["box"]["width"] <= arabic["box"]["x"]
    # Each column has its own title and status badge, in its own language.
    heads = page.locator(".treaty-compare__row--head > .treaty-compare__cell")
    assert heads.nth(0).locator("h1").count() == 1
    assert heads.nth(1).locator("h2").count() == 1
    arabic_title = (Path(site) / "ar/articles/7/index.html").read_text(encoding="utf-8")
    assert heads.nth(1).locator(".treaty-head__title").inner_text().strip() in arabic_title
    assert heads.nth(0).locator(".treaty-status").is_visible()
    assert heads.nth(1).locator(".treaty-status").is_visible()
    # Links in the Arabic column lead to Arabic pages; ids do not repeat.
    links = page.eval_on_selector_all('.treaty-compare__cell[lang="ar"] a[href]', "els => els.map(a => a.href)")
    assert links and all(f"{site_url}ar/" in link for link in links), links
    assert page.evaluate("""() => { const ids = Array.from(document.querySelectorAll('[id]')).map(e => e.id);
                                   return ids.length === new Set(ids).size; }""")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "compare-fr-ar.png"), full_page=True)


def test_the_address_survives_a_reload_and_the_language_switch(site_url, page_for):
    page = page_for("en-US")
    open_compare(page, site_url, "en/articles/7/", "zh")
    page.reload()
    page.wait_for_selector('[data-treaty-compare-view="zh"]')
    assert [row["anchor"] for row in rows(page)] == ["para-1", "para-2", "para-3"]
    # Switching to Russian keeps Chinese beside; switching to Chinese puts Russian beside it.
    page.locator(".treaty-switcher button").click()
    page.locator('a[data-treaty-switch="ru"]').click()
    page.wait_for_url(f"{site_url}ru/articles/7/?compare=zh")
    page.wait_for_selector('[data-treaty-compare-view="zh"]')
    page.locator(".treaty-switcher button").click()
    page.locator('a[data-treaty-switch="zh"]').click()
    page.wait_for_url(f"{site_url}zh/articles/7/?compare=ru")
    page.wait_for_selector('[data-treaty-compare-view="ru"]')
    cells = rows(page)[0]["cells"]
    assert [cell["lang"] for cell in cells] == ["zh", "ru"]


def test_the_menu_offers_the_five_other_languages_and_opens_the_view(site_url, page_for):
    page = page_for("en-US")
    page.goto(f"{site_url}en/preamble/")
    page.locator(".treaty-compare-menu summary").click()
    choices = page.locator("a[data-treaty-compare]")
    assert sorted(choices.evaluate_all("els => els.map(a => a.dataset.treatyCompare)")) == \
        ["ar", "es", "fr", "ru", "zh"]
    page.locator('a[data-treaty-compare="es"]').click()
    page.wait_for_url(f"{site_url}en/preamble/?compare=es")
    page.wait_for_selector('[data-treaty-compare-view="es"]')
    assert rows(page)
    page.locator("[data-treaty-compare-stop]").click()
    page.wait_for_url(f"{site_url}en/preamble/")
    assert page.locator(".treaty-compare").count() == 0


def test_a_chapter_page_compares_its_headings_and_articles(site_url, page_for):
    page = page_for("en-US")
    open_compare(page, site_url, "ru/chapters/2/", "ar")
    cells = page.locator(".treaty-compare__cell ul.treaty-list")
    assert cells.count() == 2
    assert cells.nth(1).evaluate("el => el.closest('[lang]').lang") == "ar"


def test_an_unknown_language_in_the_address_fetches_nothing(site_url, page_for):
    page = page_for("en-US")
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}en/articles/7/?compare=..%2F..%2Fevil")
    page.wait_for_load_state("networkidle")
    assert page.locator(".treaty-compare").count() == 0
    assert not [url for url in requested if "evil" in url and "compare=" not in url]


def test_on_a_phone_the_languages_alternate_paragraph_by_paragraph(site_url, page_for):
    page = page_for("ar")
    page.set_viewport_size({"width": 390, "height": 844})
    open_compare(page, site_url, "ar/articles/7/", "en")
    found = rows(page)
    bottoms = []
    for row in found:
        arabic, english = row["cells"]
        assert english["box"]["y"] >= arabic["box"]["y"] + arabic["box"]["height"] - 1
        bottoms.append((arabic["box"]["y"], english["box"]["y"]))
    # Arabic 1, English 1, Arabic 2, English 2...
    flat = [y for pair in bottoms for y in pair]
    assert flat == sorted(flat)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "compare-ar-en-phone.png"), full_page=True)
