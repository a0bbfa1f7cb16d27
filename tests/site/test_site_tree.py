"""Small trees built by the tests: anchors line up, a missing page fails the build."""

from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import Abort

from sitekit import ANCHORS, BODIES, LANGS, build_site, small_tree
from treaty.site.build import build_site as treaty_build

CHAPTERS = {1: [1, 2], 2: [3]}


@pytest.fixture
def tree(tmp_path):
    docs, config = small_tree(tmp_path, CHAPTERS, BODIES)
    return tmp_path, docs, config


def test_paragraph_anchors_are_the_same_in_all_six_languages(tree):
    tmp, docs, config = tree
    build_site(config, tmp / "site", docs)
    for lang in LANGS:
        html = (tmp / "site" / lang / "articles" / "1" / "index.html").read_text(encoding="utf-8")
        assert re.findall(r'id="(para-[^"]+)"', html) == ANCHORS, lang
    arabic = (tmp / "site" / "ar" / "articles" / "1" / "index.html").read_text(encoding="utf-8")
    assert '<a class="treaty-enum" href="#para-1-a"' in arabic and ">(أ)</a>" in arabic


def test_a_page_missing_in_one_language_fails_the_build_naming_the_file(tree, capsys):
    tmp, docs, config = tree
    (docs / "fr" / "articles" / "2.md").unlink()
    with pytest.raises(Abort):
        build_site(config, tmp / "site", docs)
    assert not (tmp / "site" / "fr" / "articles" / "2").exists()


def test_the_missing_file_is_named_in_the_message(tree, caplog):
    tmp, docs, config = tree
    (docs / "ru" / "chapters" / "2.md").unlink()
    with pytest.raises(Abort):
        build_site(config, tmp / "site", docs)
    assert "docs/ru/chapters/2.md:1:1: missing-file" in caplog.text


def test_treaty_build_keeps_the_previous_site_when_the_new_one_fails(tree, capsys):
    tmp, docs, config = tree
    text = config.read_text(encoding="utf-8").replace("docs_dir: docs", f"docs_dir: {docs}")
    config.write_text(text, encoding="utf-8")
    site = tmp / "published"
    assert treaty_build(config, site) == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    (docs / "es" / "articles" / "3.md").unlink()
    assert treaty_build(config, site) == 1
    assert "was not written" in capsys.readouterr().err
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert not list(tmp.glob(".site-*"))
