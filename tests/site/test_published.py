"""The build's last look at every page (treaty.checks.published): the content area holds nothing the
sanitizer would remove and no id of the layout's, whatever let it through; and the ids the layout
uses are the ones no page may give an element."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from sitekit import build_site, small_tree
from treaty.checks.published import PublishedPolicy
from treaty.model.policy import markup_rules, reserved_id
from treaty.project.files import package_folder

CHAPTERS = {1: [1, 2], 2: [3]}
PAGE = ('<!doctype html><html><head><title>t</title></head><body><input id="__search">'
        '<article class="md-content__inner md-typeset">{}</article></body></html>')


def material_templates():
    import material

    folder = Path(material.__file__).parent / "templates"
    return [folder / "base.html", *sorted((folder / "partials").rglob("*.html"))]


def test_every_id_of_the_layout_is_reserved():
    rules = markup_rules()
    templates = material_templates() + sorted(package_folder("site/theme").rglob("*.html"))
    ids = {match for path in templates for match in re.findall(r'\bid="([^"{]*)', path.read_text(encoding="utf-8"))}
    ids |= {"treaty-cite-1", "__code_0", "__tabbed_1_1", "__nav_1"}  # written by the scripts and Material's nav
    assert {"__config", "__search", "title", "treaty-strings", "status-"} <= ids
    assert [ident for ident in ids if ident and not reserved_id(ident + ("x" if ident.endswith(("-", "_")) else ""),
                                                              rules)] == []


@pytest.mark.parametrize("content, message", [
    ('<p>Text <img src="x" onerror="alert(1)"></p>', "the attribute 'onerror' of <img"),
    ("<p><!-- hidden --></p>", "an HTML comment"),
    ('<p><a href="javascript:alert(1)">x</a></p>', "the address 'javascript:alert(1)'"),
    ('<form action="x"><button>x</button></form>', "the element <form"),
    ('<p id="__search">x</p>', "the id '__search' twice on the page"),
    ('<p id="treaty-strings">x</p>', "the id 'treaty-strings', which the layout's scripts may read"),
    ('<p title="a" style="position:fixed">x</p>', "the attribute 'style'"),
])
def test_the_last_look_names_what_would_be_published(content, message):
    found = PublishedPolicy().check(PAGE.format(content), "docs/en/articles/1.md")
    assert found and found[0].path == "docs/en/articles/1.md"
    assert any(message in f.message for f in found), [f.message for f in found]


def test_a_clean_page_passes():
    content = ('<header class="treaty-head"><h1 id="title">T</h1></header><div class="treaty-para" id="para-1" '
               'data-level="1" data-citation="X, art. 1"><p>Text <a href="../2/">2</a></p></div>')
    assert PublishedPolicy().check(PAGE.format(content), "x.md") == []


def test_the_build_stops_on_what_neither_the_check_nor_the_renderer_refused(tmp_path, monkeypatch, caplog):
    """With the checker's content rules and the renderer's refusals both taken out (as if both had a
    gap), an event handler reaches the page: the last look stops the build, naming the file."""
    import treaty.checks.checker as checker
    import treaty.markdown.safety as safety

    def lenient(*args, **kwargs):
        result = checker.check_tree(*args, **kwargs)
        result.findings = [f for f in result.findings if f.code not in ("raw-html", "event-handler", "skeleton")]
        return result

    monkeypatch.setattr("treaty.site.plugin.check_tree", lenient)
    monkeypatch.setattr(safety.TreatySafetyExtension, "extendMarkdown",
                        lambda self, md: setattr(md, "treaty_safety", self))
    docs, config = small_tree(tmp_path, CHAPTERS, {"en": "Text <img src=x onerror=alert(1)> here."})
    caplog.set_level(logging.ERROR)
    with pytest.raises(Abort):
        build_site(config, tmp_path / "site", docs)
    assert "this page is not published" in caplog.text
    assert "docs/en/articles/1.md:1:1: unsafe-html: the published page would contain the attribute 'onerror'" \
        in caplog.text
