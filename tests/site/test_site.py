"""The built Convention site: URLs, languages, hreflang, direction, links, assets."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from babel import Locale

from htmlkit import parse
from sitekit import LANGS, convention

OUTLINE = convention().outline
SITE_URL = "https://cybercrime-convention.example.org/"


def pages(site: Path, lang: str) -> set[str]:
    return {p.parent.relative_to(site / lang).as_posix() for p in (site / lang).rglob("index.html")}


def test_every_language_has_the_whole_outline(site):
    expected = {".", "preamble", "about"}
    expected |= {f"chapters/{c.number}" for c in OUTLINE.chapters}
    expected |= {f"articles/{n}" for n in OUTLINE.articles}
    assert len(OUTLINE.articles) == 68 and len(OUTLINE.chapters) == 9
    for lang in LANGS:
        assert expected <= pages(site, lang), lang
    assert len({frozenset(pages(site, lang)) for lang in LANGS}) == 1, "languages differ in pages"


def test_url_scheme_has_every_language_under_its_prefix(site):
    for path in ["en/articles/7/index.html", "fr/chapters/2/index.html", "ar/preamble/index.html",
                 "zh/articles/68/index.html", "index.html"]:
        assert (site / path).is_file(), path
    # Nothing of a language is published outside its prefix.
    for name in ["articles", "chapters", "preamble", "about"]:
        assert not (site / name).exists(), name


@pytest.mark.parametrize("lang", LANGS)
def test_html_lang_and_dir_match_the_folder(site, lang):
    direction = "rtl" if lang == "ar" else "ltr"
    for path in (site / lang).rglob("index.html"):
        attrs = parse(path).html_attrs
        assert attrs.get("lang") == lang, path
        assert attrs.get("dir") == direction, path


def test_pages_carry_no_alternate_links_and_the_sitemap_gives_every_pages_alternates(site):
    """Material's script requests "sitemap.xml" next to every <link rel="alternate"> of a page (the
    production host's, from any copy of the site): the alternates, hreflang and x-default, are given
    to search engines by the sitemap instead."""
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for lang in LANGS:
        for path in (site / lang).rglob("index.html"):
            assert not [a for tag, a in parse(path).links if tag == "link" and a.get("rel") == "alternate"], path
            key = path.parent.relative_to(site / lang).as_posix()
            suffix = "" if key == "." else key + "/"
            block = sitemap.split(f"<loc>{SITE_URL}{lang}/{suffix}</loc>")[1].split("</url>")[0]
            for other in LANGS:
                assert f'hreflang="{other}" href="{SITE_URL}{other}/{suffix}"' in block, (path, other)
            default = SITE_URL if key == "." else f"{SITE_URL}en/{suffix}"
            assert f'hreflang="x-default" href="{default}"' in block, path


def test_sitemap_lists_every_page_with_its_alternates(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<url>") == 1 + sum(len(pages(site, lang)) for lang in LANGS)
    assert f"<loc>{SITE_URL}ru/articles/7/</loc>" in sitemap
    block = sitemap.split(f"<loc>{SITE_URL}ru/articles/7/</loc>")[1].split("</url>")[0]
    for lang in LANGS:
        assert f'hreflang="{lang}" href="{SITE_URL}{lang}/articles/7/"' in block
    assert f'hreflang="x-default" href="{SITE_URL}en/articles/7/"' in block


def test_root_is_a_chooser_of_six_links_in_their_own_language_and_script(site):
    info = parse(site / "index.html")
    assert info.html_attrs.get("lang") == "mul"
    choices = [a for tag, a in info.links if tag == "a" and "data-treaty-lang" in a]
    assert [a["hreflang"] for a in choices] == LANGS
    html = (site / "index.html").read_text(encoding="utf-8")
    for lang in LANGS:
        name = Locale.parse(lang).get_display_name(lang)
        assert re.search(rf'<li lang="{lang}" dir="(rtl|ltr)">\s*<a href="{lang}/"', html), lang
        assert name[:1].upper() + name[1:] in html
    assert "العربية" in html and "中文" in html and "Русский" in html


def test_no_page_is_a_fallback_from_another_language(site):
    """The article text of each page is in its own language's script."""
    scripts = {"ar": r"[\u0600-\u06ff]", "zh": r"[\u4e00-\u9fff]", "ru": r"[\u0400-\u04ff]"}
    for lang, pattern in scripts.items():
        for path in (site / lang / "articles").rglob("index.html"):
            assert re.search(pattern, path.read_text(encoding="utf-8")), path


EXTERNAL = re.compile(r"^(https?:)?//", re.I)


def test_no_asset_or_script_comes_from_another_host(site):
    for path in site.rglob("*.html"):
        for tag, attrs in parse(path).links:
            if tag == "a" or (tag == "link" and attrs.get("rel") in ("alternate", "canonical")):
                continue
            url = attrs.get("src") or attrs.get("href")
            assert not EXTERNAL.match(url), (path, tag, url)
    for path in list(site.rglob("*.css")) + list(site.rglob("*.js")):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, path
    for path in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", path.read_text(encoding="utf-8", errors="replace")):
            assert not EXTERNAL.match(url), (path, url)


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    for path in site.rglob("*.html"):
        if path.name == "404.html":
            continue  # served at any depth: its links are written for the site root
        for _tag, attrs in parse(path).links:
            url = attrs.get("href") if "href" in attrs else attrs.get("src")
            if not url or EXTERNAL.match(url) or url.startswith(("mailto:", "data:", "javascript:")):
                continue
            parts = urlsplit(url)
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((str(path.relative_to(site)), url))
                continue
            if parts.fragment and target.suffix == ".html" and parts.fragment not in parse(target).ids:
                broken.append((str(path.relative_to(site)), url))
    assert not broken, broken[:20]


def test_language_switcher_offers_the_same_document_in_every_language(site):
    html = (site / "ar" / "articles" / "7" / "index.html").read_text(encoding="utf-8")
    for lang in LANGS:
        href = "./" if lang == "ar" else f"../../../{lang}/articles/7/"
        assert re.search(rf'href="{re.escape(href)}" hreflang="{lang}" lang="{lang}"', html), lang


def test_material_loads_no_google_fonts(site):
    html = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


FOOTER = re.compile(r'<div class="md-copyright__highlight">\s*(.*?)\s*</div>', re.S)
# The footer's licence line, as each language writes "the Convention" / "United Nations".
FOOTER_WORDS = {"ar": "الأمم المتحدة", "zh": "联合国", "en": "United Nations", "fr": "Nations Unies",
                "ru": "Организации Объединенных Наций", "es": "Naciones Unidas"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_footer_licence_line_is_in_the_page_language(site, lang):
    for key in ["articles/7", "about", "."]:
        footer = FOOTER.search((site / lang / key / "index.html").read_text(encoding="utf-8"))
        assert footer and "CC BY 4.0" in footer.group(1), (lang, key)
        assert FOOTER_WORDS[lang] in footer.group(1), (lang, key, footer.group(1))
        if lang != "en":
            assert "Synopses" not in footer.group(1), (lang, key)
