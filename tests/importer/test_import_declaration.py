"""The Specimen Declaration (tests/fixtures/declaration), imported from documents whose numbered
paragraphs are list items with wrapped text (<li><p>) or Word list paragraphs in content
controls: every paragraph keeps its number, and paragraphs without one (an article of them
alone, an introduction before the first number, text continuing a numbered paragraph) stay
paragraphs, one Markdown paragraph each."""

from __future__ import annotations

import pytest
import yaml

from treaty.importer.config import load_config
from treaty.importer.readers import read_source
from treaty.importer.structure import build_instrument
from treaty.project import Project
from treaty.project.scaffold import scaffold

from . import declaration
from .importkit import import_into, tree_of

NUMBERED = {number: [a for a in anchors if a != "para-intro"] if number in (2, 3, 5) else []
            for number, anchors in declaration.ANCHORS.items()}


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict:
    """Each language's document in both forms: (lang, "html" or "docx") -> path."""
    folder = tmp_path_factory.mktemp("declaration-documents")
    return {(lang, fmt): declaration.make_document(lang, fmt, folder)
            for lang in declaration.LANGS for fmt in ("html", "docx")}


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_numbered_and_unnumbered_paragraphs_are_placed(documents, fmt, tmp_path):
    project = Project.find(declaration.copy_project(tmp_path / "project"))
    config = load_config(project)
    instrument = build_instrument(read_source(documents["en", fmt]), "en", config, config.outline)
    texts = declaration.texts()
    assert instrument.preamble.paragraphs == texts["preamble"]["en"]
    for article in instrument.articles:
        assert article.paragraphs == texts["articles"][article.number]["en"], article.number
        assert article.anchors == NUMBERED[article.number], article.number
        assert not article.title and article.chapter is None


@pytest.mark.parametrize("fmt", ["html", "docx"])
@pytest.mark.parametrize("lang", declaration.LANGS)
def test_each_language_imports_as_written(documents, lang, fmt, tmp_path, capsys):
    folder = declaration.copy_project(tmp_path / "project")
    code, out, err = import_into(capsys, folder, lang, documents[lang, fmt])
    assert code == 0, err
    assert "preamble, 6 articles, 13 numbered paragraphs and subparagraphs" in out
    tree = tree_of(folder / "docs", lang)
    official = {"status": "official", "source": "SPECIMEN/DECL/1"}
    assert tree["preamble"][1] == declaration.expected_body(lang, "preamble")
    assert tree["preamble"][0]["title_status"] == "provisional"  # the documents give the preamble no heading
    for number in range(1, 7):
        meta, body = tree[f"articles/{number}"]
        assert meta == {"article": number, "title_status": "official", **official}, number
        assert body == declaration.expected_body(lang, f"articles/{number}"), number
    assert not (folder / "docs" / lang / "chapters").exists()


def test_the_fixture_is_a_project_treaty_new_writes(tmp_path):
    """The fixture is `treaty new`'s result (its home and about pages rewritten, a comment added):
    written again with the same arguments, its settings are the same."""
    names = declaration.names()
    fresh = scaffold(tmp_path / "fresh", name=[f"{lang}={name}" for lang, name in names.items()],
                     languages=declaration.LANGS, kind="declaration", symbol="SPECIMEN/DECL/1", articles=6,
                     reference="en")
    for rel in ("data/instrument.yml", "data/outline.yml", "data/import.yml"):
        assert load(declaration.FIXTURE / rel) == load(fresh / rel), rel
    for rel in ["mkdocs.yml", "docs/index.md"] + [f"docs/{lang}/status.md" for lang in declaration.LANGS]:
        assert (declaration.FIXTURE / rel).read_text(encoding="utf-8") == (fresh / rel).read_text(encoding="utf-8")
    for lang in declaration.LANGS:  # its home and about pages are its own
        for page in ("index.md", "about.md"):
            mine = (declaration.FIXTURE / "docs" / lang / page).read_text(encoding="utf-8")
            assert mine != (fresh / "docs" / lang / page).read_text(encoding="utf-8"), (lang, page)
    assert "A fictional declaration" in (declaration.FIXTURE / "docs" / "en" / "index.md").read_text(encoding="utf-8")
    facts = load(declaration.FIXTURE / "data" / "instrument.yml")
    assert not {"adopted", "signature", "entry_into_force", "depositary", "copyright", "terminology"} & set(facts)


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))
