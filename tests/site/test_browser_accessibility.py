"""Accessibility in Chromium: axe-core (the npm package of package.json) on a page of each kind in
each language, the skip link, the language menu by keyboard, tables without sideways scrolling,
and defined terms on a touch screen."""

from __future__ import annotations

import pytest

from sitekit import LANGS, ROOT

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
KINDS = ["", "preamble/", "chapters/2/", "articles/7/", "about/", "status/", "404.html"]


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make test` (it installs the npm packages of package.json)")
    return AXE.read_text(encoding="utf-8")


def violations(page, axe_source) -> list[str]:
    # Evaluated by the browser's tools, which the pages' Content-Security-Policy does not cover (a
    # script element with axe's source would be an inline script, which the policy refuses).
    page.evaluate(axe_source + "\n;undefined")
    found = page.evaluate("""() => axe.run(document).then(result => result.violations.map(v =>
        v.id + ": " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")))""")
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_nothing_on_any_kind_of_page(site_url, page_for, axe_source, lang):
    page = page_for(lang)
    found = {}
    for kind in KINDS:
        page.goto(f"{site_url}{lang}/{kind}")
        page.wait_for_load_state("networkidle")
        found[kind or "home"] = violations(page, axe_source)
    other = "ar" if lang != "ar" else "zh"
    page.goto(f"{site_url}{lang}/articles/7/?compare={other}")
    page.wait_for_selector(".treaty-compare")
    found["compare"] = violations(page, axe_source)
    assert not any(found.values()), found


def test_axe_finds_nothing_on_the_chooser_and_on_a_phone(site_url, page_for, axe_source):
    page = page_for("de-DE")
    page.goto(site_url)
    assert violations(page, axe_source) == []
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}ar/articles/7/?compare=en")
    page.wait_for_selector(".treaty-compare")
    assert violations(page, axe_source) == []


@pytest.mark.parametrize("path", ["", "en/", "en/articles/7/", "fr/chapters/2/", "zh/preamble/", "ar/about/"])
def test_one_key_reaches_the_text(site_url, page_for, path):
    page = page_for("en-US")
    page.goto(site_url + path)
    page.keyboard.press("Tab")
    skip = page.evaluate("() => ({cls: document.activeElement.className,"
                         " visible: document.activeElement.getBoundingClientRect().width > 0})")
    assert "md-skip" in skip["cls"] and skip["visible"], skip
    page.keyboard.press("Enter")
    # The jump to the text shows Material's back-to-top button for a frame; a key pressed in that
    # frame focuses it just before it is hidden again, and the focus falls to the body. A reader's
    # next key comes later: the frames of the jump are drawn first.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.evaluate("document.activeElement.id") == "treaty-text"
    # The next key goes on in the text, not back to the navigation.
    page.keyboard.press("Tab")
    assert page.evaluate("""() => document.getElementById('treaty-text')
        .compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING""")


def test_the_language_menu_works_by_keyboard(site_url, page_for):
    page = page_for("en-US")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site_url}en/articles/7/")
    button = page.locator("[data-treaty-switcher]")
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    links = page.locator("#treaty-languages a")
    assert links.count() == 6
    for index in range(6):
        link = links.nth(index)
        assert link.is_visible()
        # Not cut off: the whole name is inside the visible list.
        assert link.evaluate("a => a.scrollWidth <= a.clientWidth + 1 && a.getBoundingClientRect().bottom"
                             " <= a.closest('.md-select__inner').getBoundingClientRect().bottom + 1")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-treaty-switch')") == "ar"
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.hasAttribute('data-treaty-switcher')")
    assert not links.nth(5).is_visible()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_status_tables_fit_a_1280_pixel_screen(site_url, page_for, lang):
    page = page_for(lang)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}{lang}/status/")
    for table in ("status", "status-totals"):
        fits = page.eval_on_selector(f'table[data-treaty="{table}"]',
                                     "t => { const w = t.closest('.md-typeset__scrollwrap') || t.parentElement;"
                                     " return w.scrollWidth <= w.clientWidth + 1; }")
        assert fits, table


@pytest.mark.parametrize("width", [320, 390])
def test_a_tap_on_a_defined_term_shows_its_definition_inside_the_screen(browser, site_url, width):
    context = browser.new_context(locale="en-US", has_touch=True, is_mobile=True,
                                  viewport={"width": width, "height": 700})
    try:
        page = context.new_page()
        page.goto(f"{site_url}en/articles/7/")
        term = page.locator('a.treaty-term[data-term="ict_system"]').first
        term.scroll_into_view_if_needed()
        term.tap()
        assert page.url == f"{site_url}en/articles/7/"
        preview = page.locator("#" + term.get_attribute("aria-describedby"))
        assert preview.is_visible()
        box = preview.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        more = preview.locator("a.treaty-term__more")
        assert more.get_attribute("href") == "../2/#para-1"
        more.tap()
        page.wait_for_url(f"{site_url}en/articles/2/#para-1")
    finally:
        context.close()
