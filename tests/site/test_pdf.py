"""The edition's PDF per language (WeasyPrint, tagged PDF/UA-1), linked from the home page and
each article; and an article page printed from the browser."""

from __future__ import annotations

import io
import unicodedata

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1

from sitekit import LANGS, convention

pytestmark = pytest.mark.filterwarnings("ignore")


@pytest.mark.parametrize("lang", ["en", "ar", "zh"])
def test_each_language_has_its_whole_edition_as_a_tagged_pdf(site, lang):
    project = convention()
    path = site / lang / f"convention-{lang}.pdf"
    data = path.read_bytes()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        catalog = pdf.doc.catalog
        # Tagged (a structure tree, marked content), with bookmarks, in the page's language.
        assert "StructTreeRoot" in catalog and "MarkInfo" in catalog and "Outlines" in catalog
        assert resolve1(catalog["Lang"]).decode() == lang
        pages = [unicodedata.normalize("NFKC", page.extract_text() or "") for page in pdf.pages]
        fonts = {char["fontname"] for page in pdf.pages[:12] for char in page.chars}
    assert len(pages) > 20
    name = project.instrument.name(lang)
    if lang != "ar":  # pdfplumber gives Arabic in visual order
        joiner = "" if lang == "zh" else " "
        assert name in pages[0].replace("\n", joiner)
        assert name in pages[5].replace("\n", joiner)  # running header
    assert "docs/" not in "".join(pages)  # no source file line
    assert all(page.strip() for page in pages)  # no blank page
    # Page numbers, and the embedded Noto face of the language.
    assert pages[4].strip().splitlines()[-1].strip().isdigit()
    face = {"ar": "NotoNaskhArabic", "zh": "Noto-Serif-CJK-SC", "en": "NotoSerif"}[lang]
    assert any(face.replace("-", "") in font.replace("-", "") for font in fonts), fonts


def test_the_pdf_is_linked_from_the_home_page_and_every_article(site):
    for lang in LANGS:
        link = f'href="../../convention-{lang}.pdf"'
        assert link in (site / lang / "articles" / "7" / "index.html").read_text(encoding="utf-8")
        assert f'href="convention-{lang}.pdf"' in (site / lang / "index.html").read_text(encoding="utf-8")


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ar", "zh"])
def test_a_printed_article_is_one_page_with_the_instrument_and_the_article(site_url, page_for, lang):
    project = convention()
    page = page_for(lang)
    page.goto(f"{site_url}{lang}/articles/7/")
    page.wait_for_load_state("networkidle")
    with pdfplumber.open(io.BytesIO(page.pdf(format="A4"))) as pdf:
        texts = [unicodedata.normalize("NFKC", sheet.extract_text() or "") for sheet in pdf.pages]
    assert len(texts) == 1, texts
    text = texts[0]
    assert "docs/" not in text
    if lang == "en":
        assert project.instrument.name("en") in text and "Article 7" in text
        # The address of each cross-reference is printed after it.
        assert f"<{site_url}en/articles/8/>" in text.replace("\n", "")
    if lang == "zh":
        assert project.instrument.name("zh") in text.replace("\n", "") and "第七条" in text
