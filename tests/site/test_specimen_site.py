"""A site built from the specimen instrument (tests/fixtures/specimen): paragraphs, cross-references,
right-to-left Arabic, and a real browser following a cross-reference to its paragraph."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.exceptions import Abort

from htmlkit import parse
from sitekit import FIXTURES, LANGS, build_site, serve
from treaty.model.typography import apply

SPECIMEN = FIXTURES / "specimen"
ARTICLES = range(1, 9)
REF = re.compile(r'<a class="treaty-ref" href="([^"]*)">([^<]*)</a>')


def build_specimen(tmp: Path, docs: Path | None = None, **overrides) -> str:
    """The specimen project (tests/fixtures/specimen) built into tmp/site, from `docs` if given."""
    return build_site(SPECIMEN / "mkdocs.yml", tmp / "site", docs or SPECIMEN / "docs", **overrides)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("specimen")
    build_specimen(tmp)
    return tmp / "site"


def html_of(site: Path, lang: str, path: str) -> str:
    return (site / lang / path / "index.html").read_text(encoding="utf-8")


def test_every_language_has_every_page(site):
    for lang in LANGS:
        for path in ["", "preamble", "about", "chapters/1", "chapters/3"] + [f"articles/{n}" for n in ARTICLES]:
            assert (site / lang / path / "index.html").is_file(), (lang, path)


@pytest.mark.parametrize("number", ARTICLES)
def test_paragraph_anchors_are_the_same_in_all_six_languages(site, number):
    ids = {lang: re.findall(r'class="treaty-para"[^>]* id="(para-[^"]+)"', html_of(site, lang, f"articles/{number}"))
           for lang in LANGS}
    assert all(ids[lang] == ids["en"] for lang in LANGS), ids
    if number == 8:  # its one paragraph is unnumbered: anchored by its place
        assert ids["en"] == ["para-1"]


@pytest.mark.parametrize("number", ARTICLES)
def test_cross_references_lead_to_the_same_places_in_all_six_languages(site, number):
    hrefs = {lang: [href for href, _ in REF.findall(html_of(site, lang, f"articles/{number}"))] for lang in LANGS}
    assert all(hrefs[lang] == hrefs["en"] for lang in LANGS), hrefs
    assert hrefs["en"]


def test_every_cross_reference_leads_to_an_existing_paragraph(site):
    count = 0
    for path in site.rglob("index.html"):
        for href, _ in REF.findall(path.read_text(encoding="utf-8")):
            parts = urlsplit(href)
            target = (path.parent / parts.path / "index.html").resolve() if parts.path else path
            assert target.is_file(), (path, href)
            if parts.fragment:
                assert parts.fragment in parse(target).ids, (path, href)
            count += 1
    assert count > 6 * 30


def test_links_from_the_preamble_and_chapter_pages(site):
    assert REF.findall(html_of(site, "fr", "preamble")) == [("../articles/4/", "articles 4"), ("../articles/6/", "6")]
    assert REF.findall(html_of(site, "zh", "chapters/3")) == [
        ("../../articles/7/", "第七条"), ("../../articles/8/", "第八条")]


def test_pages_that_are_not_treaty_text_have_no_cross_references(site):
    for lang in LANGS:
        for path in ["", "about"]:
            assert "treaty-ref" not in html_of(site, lang, path), (lang, path)
    assert "treaty-ref" not in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang, number, words", [
    ("en", 1, "article 2 of the Charter of the United Nations"),
    ("fr", 7, "l'article 9 du Protocole"),
    ("es", 6, "artículo 5 del Protocolo"),
    ("ru", 7, "статье 2 Устава"),
    ("zh", 1, "《联合国宪章》第二条"),
    ("ar", 7, "المادة 9 من البروتوكول"),
])
def test_references_to_other_instruments_are_plain_text(site, lang, number, words):
    html = html_of(site, lang, f"articles/{number}").replace("&#x27;", "'").replace("&#39;", "'")
    assert apply(words, lang) in html  # as the language sets it (l’article)


def test_arabic_is_right_to_left_with_its_enumerators_inside_the_paragraph(site):
    html = html_of(site, "ar", "articles/2")
    attrs = parse(site / "ar" / "articles" / "2" / "index.html").html_attrs
    assert (attrs["lang"], attrs["dir"]) == ("ar", "rtl")
    # Each enumerator is the first thing inside its paragraph's element, as written.
    tokens = re.findall(r'<div class="treaty-para"[^>]* id="(para-[a-z])"><a class="treaty-enum" '
                        r'href="#\1"[^>]*>([^<]+)</a>', html)
    assert tokens == [("para-a", "(أ)"), ("para-b", "(ب)"), ("para-c", "(ج)"), ("para-d", "(د)"),
                      ("para-e", "(هـ)"), ("para-f", "(و)")]
    numbers = html_of(site, "ar", "articles/6")
    assert re.search(r'id="para-2"><a class="treaty-enum" href="#para-2" title="[^"]*">٢ -</a>', numbers)
    items = html_of(site, "ar", "articles/4")
    assert re.search(r'id="para-2-b-ii"><a class="treaty-enum" href="#para-2-b-ii" title="[^"]*">\(2\)</a>', items)


def test_chinese_and_russian_enumerators_as_written(site):
    assert ">（a）</a>" in html_of(site, "zh", "articles/2") and ">(a)</a>" in html_of(site, "zh", "articles/1")
    assert ">б)</a>" in html_of(site, "ru", "articles/4") and ">b)</a>" in html_of(site, "ru", "articles/6")


def break_reference(tmp: Path) -> tuple[Path, int, int]:
    docs = tmp / "docs"
    shutil.copytree(SPECIMEN / "docs", docs)
    path = docs / "en" / "articles" / "5.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("subparagraph (b) of paragraph 2", "subparagraph (d) of paragraph 2")
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.split("\n"), 1) if "subparagraph (d)" in row)
    return docs, line, text.split("\n")[line - 1].index("subparagraph (d)") + 1


def test_a_dangling_reference_fails_the_strict_build_naming_file_and_line(tmp_path, caplog):
    docs, line, column = break_reference(tmp_path)
    with pytest.raises(Abort):
        build_specimen(tmp_path, docs)
    where = f"docs/en/articles/5.md:{line}:{column}: dangling-reference"
    assert f"{where}: 'subparagraph (d) of paragraph 2 of article 4' refers to para-2-d of article 4" in caplog.text


def test_without_strict_the_dangling_reference_is_reported_and_not_linked(tmp_path, caplog):
    docs, line, _ = break_reference(tmp_path)
    build_specimen(tmp_path, docs, strict=False)
    assert f"docs/en/articles/5.md:{line}:" in caplog.text
    html = (tmp_path / "site" / "en" / "articles" / "5" / "index.html").read_text(encoding="utf-8")
    assert "subparagraph (d) of paragraph 2 of article 4" in html
    assert [href for href, _ in REF.findall(html)] == ["../6/"]


# -- in a real browser --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_url(site):
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("lang, number, words, target, enumerator", [
    ("en", 5, "subparagraph (b) of paragraph 2 of article 4", "articles/4/#para-2-b", "(b)"),
    ("ru", 5, "подпункте b) пункта 2 статьи 4", "articles/4/#para-2-b", "б)"),
    ("zh", 6, "第四条第2款（a）项", "articles/4/#para-2-a", "(a)"),
    ("ar", 6, "الفقرة ٢ (أ) من المادة ٤", "articles/4/#para-2-a", "(أ)"),
])
def test_following_a_cross_reference_lands_on_the_paragraph(site_url, page_for, lang, number, words, target,
                                                            enumerator):
    tab = page_for()
    tab.goto(f"{site_url}{lang}/articles/{number}/")
    tab.get_by_role("link", name=words, exact=True).click()
    tab.wait_for_url(f"{site_url}{lang}/{target}")
    anchor = target.split("#")[1]
    assert tab.evaluate("document.querySelector(':target').id") == anchor
    assert tab.locator(f"#{anchor} > .treaty-enum").inner_text() == enumerator
    box = tab.locator(f"#{anchor}").bounding_box()
    assert 0 <= box["y"] < tab.viewport_size["height"]


@pytest.mark.browser
def test_a_reference_to_this_article_scrolls_within_the_page(site_url, page_for):
    tab = page_for()
    tab.goto(f"{site_url}fr/articles/6/")
    tab.get_by_role("link", name="paragraphe 1 du présent article").click()
    tab.wait_for_url(f"{site_url}fr/articles/6/#para-1")
    assert tab.evaluate("document.querySelector(':target').id") == "para-1"


@pytest.mark.browser
def test_arabic_enumerators_hang_on_the_right(site_url, page_for):
    tab = page_for("ar")
    tab.goto(f"{site_url}ar/articles/4/")
    assert tab.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    for anchor in ["para-2", "para-2-b", "para-2-b-ii"]:
        enum = tab.locator(f"#{anchor} > .treaty-enum").bounding_box()
        text = tab.locator(f"#{anchor} > p").bounding_box()
        assert enum["x"] >= text["x"] + text["width"] - 1, anchor  # the enumerator is right of its text


@pytest.mark.parametrize("lang, name", [
    ("en", "Specimen Convention on the Registration of Lighthouses, art. 4"),
    ("zh", "《灯塔登记公约（样本）》第四条"),
    ("ar", "اتفاقية نموذجية بشأن تسجيل المنارات، المادة 4"),
])
def test_citations_and_title_name_the_specimen_instrument(site, lang, name):
    html = html_of(site, lang, "articles/4")
    citations = re.findall(r'data-citation="([^"]+)"', html)
    assert citations and all(c.startswith(name) for c in citations), citations[:2]
    assert "Cybercrime" not in html and "网络犯罪" not in html


@pytest.mark.parametrize("lang, line", [("en", "A fictional instrument"), ("zh", "虚构文书"), ("ar", "صك خيالي")])
def test_the_footer_is_the_specimen_instrument_own(site, lang, line):
    html = html_of(site, lang, "articles/4")
    footer = html.split('class="md-copyright__highlight"', 1)[1].split("</div>", 1)[0]
    assert line in footer and "United Nations" not in footer


def test_titles_and_data_name_the_specimen_instrument(site):
    english = html_of(site, "en", "articles/1")
    assert re.search(r"<title>Article 1 — [^<]+ — Lighthouse Convention</title>", english)
    assert '"legislationIdentifier": "SPECIMEN/1, Article 1"' in english
    french = html_of(site, "fr", "articles/1")
    assert re.search(r"<title>Article premier — [^<]+ — Convention spécimen sur l'enregistrement des phares</title>",
                     french.replace("&#39;", "'"))
    for lang in LANGS:
        assert "Cybercrime" not in html_of(site, lang, "") and "cybercriminalité" not in html_of(site, lang, "")
