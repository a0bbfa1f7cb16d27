"""Front matter per kind of file (data/front-matter.yml)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitekit import convention
from treaty.checks.frontmatter import check_front_matter, duplicate_keys
from treaty.checks.rules import front_matter_schema
from treaty.model.content import Document

OUTLINE = convention().outline


def doc(meta, kind="article", number=7, lang="en", lines=None):
    inner = {"article": f"articles/{number}.md", "chapter": f"chapters/{number}.md"}.get(kind, f"{kind}.md")
    return Document(Path("x.md"), f"docs/{lang}/{inner}", lang, kind, number, meta, "", 8, lines or {}, inner)


ARTICLE = {"article": 7, "chapter": 2, "title": "Illegal access", "title_status": "official", "status": "synopsis"}


def codes(document, **options):
    return sorted(f.code for f in check_front_matter(document, OUTLINE, **options))


def test_the_keys_of_every_kind_are_data():
    kinds = front_matter_schema()["kinds"]
    assert {"article", "chapter", "title", "title_status", "status", "source"} <= set(kinds["article"])
    assert {"chapter", "title", "title_status", "status", "source"} <= set(kinds["chapter"])
    assert {"preamble", "title", "title_status", "status", "source"} <= set(kinds["preamble"])
    for kind in ("article", "chapter", "preamble"):
        assert kinds[kind]["source"].get("optional") and not kinds[kind]["title_status"].get("optional")
        assert kinds[kind]["title_status"]["default"] == "provisional"
    for kind in ("home", "about", "status", "page"):
        assert {"kind", "title", "hide", "template", "description"} <= set(kinds[kind])


def test_a_missing_title_status_is_a_warning_and_provisional_is_assumed():
    meta = {k: v for k, v in ARTICLE.items() if k != "title_status"}
    (finding,) = check_front_matter(doc(meta), OUTLINE)
    assert (finding.code, finding.line, finding.severity) == ("missing-key", 1, "warning")
    assert "'provisional' is assumed" in finding.message


def test_a_complete_article_passes():
    assert codes(doc(ARTICLE)) == []
    assert codes(doc({**ARTICLE, "status": "official", "source": "A/RES/79/243"})) == []


@pytest.mark.parametrize("change, code", [
    ({"status": None}, "missing-key"),
    ({"color": "red"}, "unknown-key"),
    ({"article": "7"}, "wrong-type"),
    ({"article": True}, "wrong-type"),
    ({"title": None}, "wrong-type"),
    ({"title": "  "}, "bad-value"),
    ({"status": "Official"}, "bad-status"),
    ({"title_status": "final"}, "bad-title-status"),
    ({"status": "official"}, "official-without-source"),
    ({"title": "Illegal Access"}, "title-differs"),
    ({"title": "Illegal access <b>"}, "raw-html"),
])
def test_each_problem_of_an_article(change, code):
    meta = {**ARTICLE, **change}
    meta = {k: v for k, v in meta.items() if not (v is None and k == "status")}
    found = codes(doc(meta))
    assert code in found


def test_title_differs_only_for_official_english_text():
    assert codes(doc({**ARTICLE, "title": "Accès illicite"}, lang="fr")) == []
    assert codes(doc({**ARTICLE, "title": "Another", "title_status": "provisional"})) == []
    chapter = {"chapter": 2, "title": "Criminalisation", "title_status": "outline", "status": "provisional"}
    assert codes(doc(chapter, kind="chapter", number=2)) == ["title-differs"]


def test_pages_have_kind_and_title_and_material_keys():
    assert codes(doc({"kind": "home", "title": "Home", "hide": ["toc"]}, kind="home", number=None)) == []
    assert codes(doc({"kind": "about", "title": "About"}, kind="home", number=None)) == ["wrong-kind"]
    assert codes(doc({"kind": "status", "title": "S", "hide": ["sidebar"]}, kind="status", number=None)) == [
        "bad-value"]
    assert codes(doc({"title": "T", "template": "chooser.html", "hide": ["toc"]}, kind="home", number=None),
                 chooser=True) == []


def test_a_key_written_twice_is_found_on_its_second_line():
    text = "---\nstatus: synopsis\ntitle: T\n'status': official\n---\n"
    assert [(f.code, f.line) for f in duplicate_keys(text, "x.md")] == [("duplicate-key", 4)]


values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.dates(),
                      lambda children: (st.lists(children, max_size=3)
                                        | st.dictionaries(st.text(max_size=5), children, max_size=3)),
                      max_leaves=10)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(list(ARTICLE) + ["kind", "hide", "source", "x", "template"]), values,
                       max_size=8),
       st.sampled_from(["article", "chapter", "preamble", "home", "about", "status", "page"]))
def test_any_front_matter_is_checked_without_an_exception(meta, kind):
    for finding in check_front_matter(doc(meta, kind=kind), OUTLINE):
        assert finding.line >= 1 and finding.code
