"""The site says what it is (treaty.site.views.state), in the same words in every language; the
typography and headings each language shows; no link from a page to itself."""

from __future__ import annotations

import re

import pytest

from checkkit import make_tree
from sitekit import LANGS, ROOT, convention, project_of
from treaty.checks.checker import check_tree
from treaty.site.views.state import edition_state

STATE = re.compile(r'<div class="treaty-state" data-treaty="state">(.*?)</div>', re.S)


def read(site, lang, path=""):
    return (site / lang / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", ["", "about", "status"])
def test_the_state_of_the_edition_is_said_by_the_site_the_same_in_every_language(site, path):
    sentences = {lang: re.findall(r"<p>(.*?)</p>", STATE.search(read(site, lang, path)).group(1)) for lang in LANGS}
    assert all(len(sentences[lang]) == 2 for lang in LANGS), sentences
    assert sentences["en"][0].startswith("No official text has been imported yet")


def test_no_page_claims_what_the_site_does_not_do():
    """Claims about the edition's state are generated; nothing says the texts are side by side."""
    words = ["side by side", "côte à côte", "lado a lado", "рядом", "并排", "جنبا إلى جنب", "جنباً إلى جنب",
             "not yet been imported", "no official text has been imported"]
    for path in (ROOT / "docs").rglob("*.md"):
        text = path.read_text(encoding="utf-8").lower()
        assert not [w for w in words if w in text], path


@pytest.fixture
def tree(tmp_path):
    make_tree(tmp_path)
    project = project_of(tmp_path / "mkdocs.yml")
    return project, check_tree(project).tree


def test_the_state_follows_the_status_of_the_files(tree):
    project, docs = tree
    assert edition_state(project, docs, "en")[0].startswith("No official text has been imported yet: the pages "
                                                              "of the text show synopses and provisional texts")
    for lang in ("en", "fr"):
        for document in docs[lang].values():
            if document.kind in ("article", "chapter", "preamble"):
                document.meta["status"] = "official"
    docs["ru"]["articles/1"].meta["status"] = "official"
    assert edition_state(project, docs, "en") == [
        "In this language, every page of the text is the authentic text, imported from the official documents.",
        "The authentic text has been imported in full in: English, French.",
        "Once the official documents of every language are imported, every page will show the authentic text."]
    assert edition_state(project, docs, "ru")[0].startswith("На этом языке аутентичный текст, импортированный из "
                                                            "официальных документов, содержат 1 из 3 статей")
    for lang in LANGS:
        for document in docs[lang].values():
            document.meta["status"] = "official"
    assert edition_state(project, docs, "zh") == ["在本语文中，文本的每一页均为从正式文件导入的作准文本。"]


def test_french_typography_is_set_by_the_build(site):
    html = read(site, "fr", "articles/7")
    text = re.search(r'<div class="treaty-para".*?</div>', html, re.S).group(0)
    assert "l’" in text and "l'" not in text
    assert not re.search(r"\w [;:!?]", text)


def test_a_chapter_is_named_the_same_way_in_the_header_and_the_navigation(site):
    for lang, expected in [("zh", "第二章　"), ("ar", "الفصل الثاني: "), ("fr", "Chapitre II. ")]:
        html = read(site, lang, "articles/7")
        header = re.search(r'<p class="treaty-head__chapter"><a [^>]*>([^<]*)</a>', html).group(1)
        assert header.startswith(expected), header
        assert header in html.replace(header, "", 1), (lang, header)  # the navigation names it alike


def test_no_reference_links_to_the_page_it_is_on(site):
    for lang in LANGS:
        for number in range(1, 69):
            html = read(site, lang, f"articles/{number}")
            assert f'class="treaty-ref" href="../{number}/"' not in html, (lang, number)


def test_the_instrument_file_gives_the_names_the_chooser_shows():
    names = convention().instrument.names
    assert set(names) == set(LANGS)
