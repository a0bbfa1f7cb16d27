"""`treaty import` end to end, through the command line: six languages, four formats, the
Markdown tree it writes, the lock, a dry run, provisional and official text already there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from treaty.checks.checker import check_tree
from treaty.model.content import read_document
from treaty.model.lock import default_lock, load_lock
from treaty.project import Project

from . import render_documents as render
from .importkit import files_of, import_into, tree_of
from .specimen_texts import LANGS, LIGHTHOUSES, page

FORMATS = ["docx", "pdf", "html", "txt"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
def test_each_language_imports_from_each_format(lighthouses, fmt, lang, tmp_path, capsys):
    config = lighthouses.project(tmp_path)
    code, out, err = import_into(capsys, config, lang, lighthouses.document(fmt, lang))
    assert code == 0, err
    assert tree_of(tmp_path / "docs", lang) == tree_of(lighthouses.expected, lang)
    assert "preamble, 3 chapters, 2 sections, 6 articles, 16 numbered paragraphs" in out
    assert "1 footnote" in out


@pytest.mark.parametrize("fmt, lang", [("html", "en"), ("html", "ar"), ("pdf", "zh"), ("docx", "ru"), ("txt", "fr")])
def test_an_instrument_without_chapters_or_titles_imports_from_its_own_configuration(buoys, fmt, lang, tmp_path,
                                                                                       capsys):
    config = buoys.project(tmp_path)
    code, out, err = import_into(capsys, config, lang, buoys.document(fmt, lang))
    assert code == 0, err
    assert tree_of(tmp_path / "docs", lang) == tree_of(buoys.expected, lang)
    assert "preamble, 30 articles, 30 numbered paragraphs and subparagraphs" in out
    assert not (tmp_path / "docs" / lang / "chapters").exists()


def test_a_tree_rendered_to_a_document_and_imported_back_is_identical(lighthouses, tmp_path, capsys):
    first = lighthouses.project(tmp_path / "first")
    for lang in LANGS:
        assert import_into(capsys, first, lang, lighthouses.document("docx", lang))[0] == 0
    imported = files_of(tmp_path / "first" / "docs")
    for fmt in ("pdf", "html", "txt"):
        again = lighthouses.project(tmp_path / fmt)
        for lang in LANGS:
            doc = render.load(tmp_path / "first" / "docs", lang, LIGHTHOUSES["title"][lang])
            document = render.render(doc, fmt, tmp_path / fmt / f"{lang}.{fmt}", LIGHTHOUSES["symbol"])
            code, _, err = import_into(capsys, again, lang, document)
            assert code == 0, err
        assert files_of(tmp_path / fmt / "docs") == imported, fmt


def test_the_text_is_locked_and_the_tree_passes_the_check(lighthouses, tmp_path, capsys):
    config = lighthouses.project(tmp_path)
    for lang in LANGS:
        code, out, _ = import_into(capsys, config, lang, lighthouses.document("pdf", lang))
        assert code == 0
    assert "the text is recorded in data/authentic-text.lock.yml" in out
    lock = load_lock(default_lock(tmp_path))
    assert sorted(lock) == ["articles/1", "articles/2", "articles/3", "articles/4", "articles/5", "articles/6",
                            "preamble"]
    assert lock["articles/3"]["ar"].source == "SPEC/2025/1"
    assert lock["articles/3"]["zh"].title == "灯塔登记册"
    result = check_tree(Project.find(tmp_path))
    codes = {f.code for f in result.findings}
    # Only the pages this test does not write (home, about, the chooser) are missing.
    assert codes <= {"missing-file"}, codes
    assert all(f.path.endswith(("index.md", "about.md")) for f in result.findings)


def test_a_dry_run_shows_the_diff_and_writes_nothing(lighthouses, tmp_path, capsys):
    config = lighthouses.project(tmp_path)
    code, out, _ = import_into(capsys, config, "en", lighthouses.document("html", "en"), "--dry-run")
    assert code == 0
    assert "+++ b/docs/en/articles/3.md" in out
    assert "+1. Each State Party shall establish a register of the lighthouses on its coasts." in out
    assert "would write docs/en/chapters/2.md: new" in out
    assert "dry run, nothing written" in out
    assert [p.name for p in (tmp_path / "docs").rglob("*.md")] == ["index.md"]  # the chooser only
    assert not default_lock(tmp_path).exists()


def test_provisional_and_synopsis_files_are_replaced_and_say_so(lighthouses, tmp_path, capsys):
    config = lighthouses.project(tmp_path)
    articles = tmp_path / "docs" / "fr" / "articles"
    articles.mkdir(parents=True)
    (articles / "3.md").write_text(page({"article": 3, "chapter": 2, "title": "Registre", "title_status": "provisional",
                                         "status": "synopsis", "description": "Résumé"}, "Résumé écrit ici.\n"),
                                   encoding="utf-8")
    code, out, _ = import_into(capsys, config, "fr", lighthouses.document("docx", "fr"))
    assert code == 0
    assert "docs/fr/articles/3.md: replaces the synopsis text" in out
    document = read_document(articles / "3.md", tmp_path / "docs")
    assert document.status == "official" and document.meta["source"] == "SPEC/2025/1"
    assert document.title == "Registre des phares" and document.meta["title_status"] == "official"
    assert document.meta["description"] == "Résumé"  # a key the importer does not write is kept
    assert "Résumé écrit ici" not in document.body


def changed_document(lighthouses, folder: Path, lang: str, fmt: str, article: int, old: str, new: str) -> Path:
    """The specimen's document with one sentence of one article changed."""
    tree = folder / "tree"
    shutil.copytree(lighthouses.expected, tree, dirs_exist_ok=True)
    path = tree / lang / "articles" / f"{article}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    doc = render.load(tree, lang, LIGHTHOUSES["title"][lang])
    return render.render(doc, fmt, folder / f"changed.{fmt}", LIGHTHOUSES["symbol"])


def test_changing_official_text_needs_a_corrigendum(lighthouses, tmp_path, capsys):
    config = lighthouses.project(tmp_path / "project")
    docs, lock_file = tmp_path / "project" / "docs", default_lock(tmp_path / "project")
    assert import_into(capsys, config, "en", lighthouses.document("txt", "en"))[0] == 0
    before, lock_before = files_of(docs), lock_file.read_bytes()
    corrected = changed_document(lighthouses, tmp_path, "en", "txt", 5, "by all States", "by all States and regions")

    code, out, err = import_into(capsys, config, "en", corrected)
    assert code == 2
    assert "docs/en/articles/5.md" in err and "--corrigendum" in err and "Nothing was written" in err
    assert files_of(docs) == before and lock_file.read_bytes() == lock_before

    code, out, _ = import_into(capsys, config, "en", corrected, "--dry-run")
    assert code == 1
    assert "-1. This Convention shall be open for signature by all States." in out
    assert "+1. This Convention shall be open for signature by all States and regions." in out
    assert "would NOT write docs/en/articles/5.md" in out

    code, out, err = import_into(capsys, config, "en", corrected, "--corrigendum", "SPEC/2025/1/Corr.1",
                                 "--date", "2025-06-01")
    assert code == 0, err
    assert "docs/en/articles/5.md: official text corrected by SPEC/2025/1/Corr.1" in out
    entry = load_lock(lock_file)["articles/5"]["en"]
    assert entry.corrections[-1]["reference"] == "SPEC/2025/1/Corr.1"
    assert str(entry.corrections[-1]["date"]) == "2025-06-01"
    assert "regions" in (docs / "en" / "articles" / "5.md").read_text(encoding="utf-8")
    assert "authentic-text-changed" not in out


def test_an_official_file_changed_by_hand_is_restored_from_the_document(lighthouses, tmp_path, capsys):
    config = lighthouses.project(tmp_path)
    assert import_into(capsys, config, "es", lighthouses.document("html", "es"))[0] == 0
    path = tmp_path / "docs" / "es" / "articles" / "1.md"
    imported = path.read_bytes()
    path.write_text(path.read_text(encoding="utf-8").replace("faros", "fanales"), encoding="utf-8")
    code, out, _ = import_into(capsys, config, "es", lighthouses.document("html", "es"))
    assert code == 0
    assert "docs/es/articles/1.md: restores the official text recorded in the lock" in out
    assert path.read_bytes() == imported


def test_the_check_runs_after_the_import_and_reports_a_different_paragraph_count(lighthouses, tmp_path, capsys):
    config = lighthouses.project(tmp_path)
    assert import_into(capsys, config, "en", lighthouses.document("docx", "en"))[0] == 0
    shorter = changed_document(lighthouses, tmp_path, "ru", "docx", 3,
                               "\n\n3. Реестр открыт для общественности.", "")
    code, out, _ = import_into(capsys, config, "ru", shorter)
    assert code == 0
    assert "docs/ru/articles/3.md" in out and "skeleton" in out and "lacks para-3" in out
    assert "treaty check:" in out


def test_importing_the_same_document_twice_changes_nothing(lighthouses, tmp_path, capsys):
    config = lighthouses.project(tmp_path)
    assert import_into(capsys, config, "zh", lighthouses.document("pdf", "zh"))[0] == 0
    before = files_of(tmp_path)
    code, out, _ = import_into(capsys, config, "zh", lighthouses.document("pdf", "zh"))
    assert code == 0
    assert "wrote 0 file(s)" in out and "10 unchanged" in out
    assert files_of(tmp_path) == before


def test_the_convention_configuration_is_valid():
    from sitekit import convention
    from treaty.importer.config import load_config

    config = load_config(convention())
    assert config.symbol == "A/RES/79/243" and config.languages == ("ar", "zh", "en", "fr", "ru", "es")
    assert len(config.outline.articles) == 68 and config.chapters and config.article_titles
    assert config.docs_dir.name == "docs" and config.lock_file.name == "authentic-text.lock.yml"


def test_configuration_errors_name_the_file_and_the_key(lighthouses, tmp_path, capsys):
    project = lighthouses.project(tmp_path)
    instrument = project / "data" / "instrument.yml"
    data = yaml.safe_load(instrument.read_text(encoding="utf-8"))
    instrument.write_text(yaml.safe_dump({**data, "languages": ["en", "xx"], "names": {"en": "X", "xx": "Y"}}),
                          encoding="utf-8")
    code, _, err = import_into(capsys, project, "en", instrument)
    assert code == 2
    assert f"{instrument}: 'languages' lists xx" in err and "Traceback" not in err
    instrument.write_text(yaml.safe_dump({**data, "names": {"en": "X"}}), encoding="utf-8")
    code, _, err = import_into(capsys, project, "en", instrument)
    assert code == 2
    assert f"{instrument}: 'names' gives no name in ar, zh, fr, ru, es" in err and "Traceback" not in err
    settings = project / "data" / "import.yml"
    instrument.write_text(yaml.safe_dump(data), encoding="utf-8")
    settings.write_text(yaml.safe_dump({"paragraphs": "bulleted"}), encoding="utf-8")
    code, _, err = import_into(capsys, project, "en", instrument)
    assert code == 2
    assert f"{settings}: 'paragraphs' is 'bulleted'" in err and "Traceback" not in err
