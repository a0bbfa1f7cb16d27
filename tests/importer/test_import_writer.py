"""The Markdown written: text kept literal, footnotes as Markdown footnotes; written all at once."""

from __future__ import annotations

import pytest

import markdown
from treaty.importer.config import load_config
from treaty.importer.errors import ImportFailure
from treaty.importer.readers import note_ref, read_source
from treaty.importer.structure import build_instrument
from treaty.importer.writer import Plan, commit, escape
from treaty.project import Project

from .importkit import files_of


@pytest.mark.parametrize("text, written", [
    ("Plain text.", "Plain text."),
    ("a *starred* and _underlined_ [bracket] <tag> &amp;",
     r"a \*starred\* and \_underlined\_ \[bracket\] &lt;tag> &amp;amp;"),
    ("# not a heading", r"\# not a heading"),
    ("- not a list", r"\- not a list"),
    (f"Parties{note_ref('2')}.", "Parties[^2]."),
])
def test_text_is_escaped_so_that_markdown_shows_it_as_written(text, written):
    assert escape(text) == written


def test_escaped_text_renders_as_the_original():
    text = "a *b* _c_ [d] <e> # f & g &amp;"
    html = markdown.markdown(escape(text))
    assert html == "<p>a *b* _c_ [d] &lt;e&gt; # f &amp; g &amp;amp;</p>"


def plan_for(lighthouses, tmp_path, lang="en", fmt="txt"):
    config = load_config(Project.find(lighthouses.project(tmp_path)))
    instrument = build_instrument(read_source(lighthouses.document(fmt, lang)), lang, config, config.outline)
    return Plan(instrument, config, config.docs_dir)


def test_the_footnote_is_written_after_the_text_of_its_article(lighthouses, tmp_path):
    plan = plan_for(lighthouses, tmp_path)
    change = next(c for c in plan.changes if c.key == "articles/4")
    assert change.new.endswith("Parties.[^1]\n\n3. The results of each inspection shall be entered in the register.\n\n"
                               "[^1]: The first guidelines are to be adopted at the first session of the Conference.\n")


def test_a_failed_write_leaves_everything_as_it_was(lighthouses, tmp_path):
    plan = plan_for(lighthouses, tmp_path)
    # A folder where article 6 is to be written: the last move fails, the others are undone.
    (tmp_path / "docs" / "en" / "articles" / "6.md").mkdir(parents=True)
    before = files_of(tmp_path)
    with pytest.raises(ImportFailure) as error:
        commit(plan)
    assert "could not write" in error.value.text() and "nothing was changed" in error.value.text()
    assert files_of(tmp_path) == before
    assert not list(tmp_path.glob(".import-*"))
    assert (tmp_path / "docs" / "en" / "articles" / "6.md").is_dir()


def test_chapter_pages_carry_their_sections(lighthouses, tmp_path):
    plan = plan_for(lighthouses, tmp_path, "zh", "docx")
    chapter = next(c for c in plan.changes if c.key == "chapters/2")
    assert chapter.new.endswith("---\n\n## 第一节　登记册\n\n## 第二节　检查\n")
    article = next(c for c in plan.changes if c.key == "articles/3")
    assert "\nsection: 1\n" in article.new
