"""Import six documents, then build: the site carries the authentic text, locked, with no hand
edit; a different instrument (no chapters, untitled articles, numbered list items) builds from
its own configuration with no code change."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sitekit import ROOT, build_site, page
from treaty.checks.checker import check_tree
from treaty.findings import errors
from treaty.project import Project

from .importkit import import_into
from .specimen_texts import LANGS


def publish(instrument, fmt: str, folder: Path, capsys) -> Path:
    """Import the instrument's six documents into a new project, with the pages that are not
    treaty text (home, about, the language chooser) written as a project has them."""
    config = instrument.project(folder)
    docs = folder / "docs"
    shutil.copy(ROOT / "docs" / "index.md", docs / "index.md")
    for lang in LANGS:
        (docs / lang).mkdir(exist_ok=True)
        (docs / lang / "index.md").write_text(page({"kind": "home", "title": f"Home {lang}"}), encoding="utf-8")
        (docs / lang / "about.md").write_text(page({"kind": "about", "title": f"About {lang}"}), encoding="utf-8")
        code, _, err = import_into(capsys, config, lang, instrument.document(fmt, lang))
        assert code == 0, err
    return config


def checked_and_built(folder: Path) -> Path:
    result = check_tree(Project.find(folder))
    assert not errors(result.findings), [f.text() for f in result.findings]
    build_site(folder / "mkdocs.yml", folder / "site")
    return folder / "site"


@pytest.fixture(scope="module")
def buoy_site(buoys, tmp_path_factory):
    folder = tmp_path_factory.mktemp("buoy-site")
    capsys = _NoCapture()
    publish(buoys, "html", folder, capsys)
    return checked_and_built(folder)


@pytest.fixture(scope="module")
def lighthouse_site(lighthouses, tmp_path_factory):
    folder = tmp_path_factory.mktemp("lighthouse-site")
    publish(lighthouses, "pdf", folder, _NoCapture())
    return checked_and_built(folder)


class _NoCapture:
    """capsys for module fixtures, which cannot use it: the output is read and dropped."""

    def readouterr(self):
        return type("Captured", (), {"out": "", "err": ""})()


def html_of(site: Path, lang: str, path: str) -> str:
    return (site / lang / path / "index.html").read_text(encoding="utf-8")


def test_an_instrument_without_chapters_and_untitled_articles_builds(buoy_site):
    for lang in LANGS:
        html = html_of(buoy_site, lang, "articles/30")
        assert re.findall(r'id="(para-[^"]+)"', html) == ["para-1", "para-2", "para-2-a", "para-2-b"], lang
    english = html_of(buoy_site, "en", "articles/12")
    assert "Buoy 12 shall carry a bell, which shall ring:" in english
    assert "Authentic text, from document SPEC/2025/2." in english
    assert "treaty-badge" not in english  # no "provisional title" badge on official, untitled text
    # No chapters: the navigation and the home page list the articles themselves.
    home = (buoy_site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'href="articles/30/"' in home
    assert re.search(r">\s*Article 30\s*<", html_of(buoy_site, "en", "articles/1"))  # untitled: the label alone


def test_the_six_authentic_texts_are_published_with_their_footnote_and_sections(lighthouse_site):
    french = html_of(lighthouse_site, "fr", "articles/4")
    assert "Les inspections suivent les lignes directrices" in french
    assert "Les premières lignes directrices doivent être adoptées" in french  # the footnote
    assert 'class="footnote' in french
    arabic = html_of(lighthouse_site, "ar", "articles/3")
    assert re.findall(r'id="(para-[^"]+)"', arabic) == ["para-1", "para-2", "para-2-a", "para-2-b", "para-2-b-i",
                                                        "para-2-b-ii", "para-2-c", "para-3"]
    assert "سجلا للمنارات الواقعة على سواحلها." in arabic
    chinese_chapter = html_of(lighthouse_site, "zh", "chapters/2")
    assert "第一节　登记册" in chinese_chapter and "第二节　检查" in chinese_chapter
