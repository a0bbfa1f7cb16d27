"""The reader's edition: synopses in every language, notices, home pages, chapter pages."""

from __future__ import annotations

import re
import unicodedata

import pytest
import yaml

from htmlkit import article_text
from sitekit import LANGS, ROOT, convention
from treaty.model.content import read_document
from treaty.model.typography import apply

OUTLINE = convention().outline
REFERENCE = ROOT.parent / "shared" / "reference" / "convention-outline.yml"
SCRIPT = {  # letters of each language's script
    "ar": lambda c: "\u0600" <= c <= "\u06ff" and unicodedata.category(c).startswith("L"),
    "zh": lambda c: "\u4e00" <= c <= "\u9fff",
    "ru": lambda c: "\u0400" <= c <= "\u04ff" and c.isalpha(),
    "en": lambda c: c.isascii() and c.isalpha(),
    "fr": lambda c: c.isalpha() and unicodedata.name(c, "").startswith("LATIN"),
    "es": lambda c: c.isalpha() and unicodedata.name(c, "").startswith("LATIN"),
}
NOTICE = {
    "en": "Synopsis written for this edition, not the text of the Convention.",
    "zh": "本摘要为本版本撰写，并非《公约》案文。",
    "ar": "موجز أُعدّ لهذه الطبعة، وليس نص الاتفاقية.",
}


def docs(lang):
    base = ROOT / "docs"
    return {p: read_document(p, base) for p in sorted((base / lang).rglob("*.md"))}


def test_the_outline_and_the_instrument_file_agree_with_the_reference_outline():
    """The chapters and articles are the reference outline's; its facts are in data/instrument.yml."""
    data = yaml.safe_load((ROOT / "data" / "convention-outline.yml").read_text(encoding="utf-8"))
    if REFERENCE.exists():
        reference = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
        assert data == {"chapters": reference["chapters"]}
        instrument = convention().instrument
        assert instrument.symbol == reference["symbol"]
        assert instrument.adopted["date"] == reference["adopted"]
        assert instrument.signature["first_day"] == reference["opened_for_signature"]
        assert instrument.signature["place"]["en"] == reference["signature_place"]
        assert instrument.names["en"] == reference["short_title"]
    assert [c.roman for c in OUTLINE.chapters] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    assert OUTLINE.articles == list(range(1, 69))


@pytest.mark.parametrize("lang", LANGS)
def test_every_article_file_follows_the_outline(lang):
    articles = {d.number: d for d in docs(lang).values() if d.kind == "article"}
    assert sorted(articles) == OUTLINE.articles
    for number, document in articles.items():
        assert document.meta["chapter"] == OUTLINE.chapter_of(number).number
        assert document.status in ("official", "provisional", "synopsis")
        if lang == "en":
            assert document.title == OUTLINE.article_titles[number]
        else:
            assert document.meta.get("title_status") in ("provisional", "official")


@pytest.mark.parametrize("lang", LANGS)
def test_every_article_page_has_a_text_of_its_own_script(site, lang):
    """At least 300 letters (150 Chinese characters, each a syllable): a synopsis, not a stub."""
    least = 150 if lang == "zh" else 300
    for number in OUTLINE.articles:
        text = article_text(site / lang / "articles" / str(number) / "index.html")
        letters = sum(1 for c in text if SCRIPT[lang](c))
        assert letters >= least, (lang, number, letters)


@pytest.mark.parametrize("lang", LANGS)
def test_every_synopsis_page_shows_the_notice_linking_to_about(site, lang):
    for path, document in docs(lang).items():
        if document.status != "synopsis":
            continue
        key = document.key
        html = (site / lang / key / "index.html").read_text(encoding="utf-8")
        notice = re.search(r'<aside class="treaty-notice treaty-notice--synopsis".*?</aside>', html, re.S)
        assert notice, path
        assert re.search(r'href="(\.\./)+about/"', notice.group(0)), path
        if lang in NOTICE:
            assert NOTICE[lang] in notice.group(0)


def test_synopses_never_imitate_numbered_treaty_paragraphs():
    for lang in LANGS:
        for path, document in docs(lang).items():
            if document.status == "synopsis":
                assert not re.search(r"^\s*(\d+\s*[.\-]|\(?[a-zа-яأ-ي]\))\s", document.body, re.M), path


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_counts_match_the_files(site, lang):
    counts = {"official": 0, "provisional": 0, "synopsis": 0}
    for document in docs(lang).values():
        if document.kind == "article":
            counts[document.status] += 1
    html = (site / lang / "index.html").read_text(encoding="utf-8")
    for status, count in counts.items():
        assert f'<td data-status="{status}">{count}</td>' in html
    assert sum(counts.values()) == 68


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_lists_every_chapter_and_article(site, lang):
    html = (site / lang / "index.html").read_text(encoding="utf-8")
    for chapter in OUTLINE.chapters:
        assert f'href="chapters/{chapter.number}/"' in html
    for number in OUTLINE.articles:
        assert f'href="articles/{number}/"' in html


def test_home_page_key_facts_come_from_the_data(site):
    en = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "December 24, 2024" in en or "24 December 2024" in en
    assert "A/RES/79/243" in en and "Hanoi, Viet Nam" in en
    assert "90th day" in en and "40th instrument" in en
    fr = (site / "fr" / "index.html").read_text(encoding="utf-8")
    assert "24 décembre 2024" in fr and "Hanoï" in fr
    zh = (site / "zh" / "index.html").read_text(encoding="utf-8")
    assert "2024年12月24日" in zh and "越南" in zh


@pytest.mark.parametrize("lang", LANGS)
def test_chapter_pages_list_their_articles_with_titles(site, lang):
    titles = {d.number: d.title for d in docs(lang).values() if d.kind == "article"}
    for chapter in OUTLINE.chapters:
        html = (site / lang / "chapters" / str(chapter.number) / "index.html").read_text(encoding="utf-8")
        for number in chapter.articles:
            assert f'href="../../articles/{number}/"' in html
            assert apply(titles[number], lang) in html  # as the language sets it (typography)


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_heading_is_the_instruments_name(site, lang):
    title = read_document(ROOT / "docs" / lang / "index.md", ROOT / "docs").title
    html = (site / lang / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{title}</h1>" in html
