"""Documents the importer does not understand: each gives one clear error naming the heading or
paragraph and its place in the document, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from treaty.model.lock import default_lock

from .importkit import files_of, import_into
from .specimen_texts import page


@pytest.fixture
def project(lighthouses, tmp_path):
    """A project whose docs/ already holds a synopsis: an import that fails must leave it as it is."""
    folder = tmp_path / "project"
    config = lighthouses.project(folder)
    articles = folder / "docs" / "en" / "articles"
    articles.mkdir(parents=True)
    (articles / "1.md").write_text(page({"article": 1, "chapter": 1, "title": "Purpose", "title_status": "provisional",
                                         "status": "synopsis"}, "A synopsis.\n"), encoding="utf-8")
    return config, folder, files_of(folder)


def failing(capsys, project, lang: str, document: Path, *options) -> str:
    config, folder, before = project
    code, out, err = import_into(capsys, config, lang, document, *options)
    assert code == 2, out
    assert "Traceback" not in err and err.startswith("treaty import: error: ")
    assert files_of(folder) == before, "a failed import changed files"
    assert not default_lock(folder).exists()
    return err


def edited(lighthouses, fmt: str, lang: str, folder: Path, old: str, new: str) -> Path:
    """The specimen's document with its text changed (a heading renamed, a paragraph removed)."""
    text = lighthouses.document(fmt, lang).read_text(encoding="utf-8")
    assert old in text, old
    path = folder / f"edited-{lang}.{fmt}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_missing_article(lighthouses, project, tmp_path, capsys):
    text = lighthouses.document("txt", "en").read_text(encoding="utf-8")
    document = tmp_path / "missing-en.txt"
    document.write_text(text[: text.index("Article 5")] + text[text.index("Article 6"):], encoding="utf-8")
    err = failing(capsys, project, "en", document)
    line = text[: text.index("Article 5")].count("\n") + 1
    assert f"missing-en.txt, line {line}: article 5 is missing: \"Article 6\" comes after article 4" in err


def test_article_numbers_out_of_order(lighthouses, project, tmp_path, capsys):
    document = edited(lighthouses, "html", "fr", tmp_path, "<h2>Article 4</h2>", "<h2>Article 2</h2>")
    err = failing(capsys, project, "fr", document)
    assert 'article numbers out of order: "Article 2" comes after article 3' in err
    assert f"{document.name}, line " in err


def test_missing_articles_at_the_end(lighthouses, project, tmp_path, capsys):
    text = lighthouses.document("txt", "es").read_text(encoding="utf-8")
    document = tmp_path / "short-es.txt"
    document.write_text(text[: text.index("Artículo 5")], encoding="utf-8")
    err = failing(capsys, project, "es", document)
    assert "articles 5 to 6 are missing: the document ends with article 4" in err


def test_a_pdf_without_a_text_layer(project, tmp_path, capsys):
    scan = tmp_path / "scan.pdf"
    Image.new("RGB", (595, 842), "white").save(scan, "PDF")
    err = failing(capsys, project, "en", scan)
    assert "scan.pdf: the PDF has no text layer" in err and "OCR" in err


def test_a_document_in_the_wrong_script(lighthouses, project, capsys):
    err = failing(capsys, project, "ru", lighthouses.document("pdf", "ar"))
    assert "written in Arabic script, not in the script of 'ru'" in err


def test_a_document_in_another_language_of_the_same_script(lighthouses, project, capsys):
    err = failing(capsys, project, "en", lighthouses.document("docx", "fr"))
    assert "this document reads as 'fr', not 'en'" in err and "--lang fr" in err


def test_a_paragraph_out_of_sequence(lighthouses, project, tmp_path, capsys):
    document = edited(lighthouses, "txt", "zh", tmp_path,
                      "2. 登记册应当就每座灯塔记录：", "4. 登记册应当就每座灯塔记录：")
    err = failing(capsys, project, "zh", document)
    assert "paragraph 4. of article 3 out of order (expected position 2)" in err
    assert f"{document.name}, line " in err


def test_a_heading_without_its_title(lighthouses, project, tmp_path, capsys):
    document = edited(lighthouses, "txt", "en", tmp_path,
                      "Article 5\n\nSignature and ratification\n\n", "Article 5\n\n")
    err = failing(capsys, project, "en", document)
    assert 'article 5 has no title: after its heading "Article 5" comes "1. This Convention' in err
    assert "articles: titles: false" in err


def test_text_that_belongs_to_no_article(lighthouses, project, tmp_path, capsys):
    document = edited(lighthouses, "txt", "en", tmp_path,
                      "General provisions\n\n", "General provisions\n\nA stray remark.\n\n")
    err = failing(capsys, project, "en", document)
    assert 'cannot place "A stray remark.": it follows the title of chapter 1 and comes before its first article' in err


def test_a_chapter_heading_in_an_instrument_without_chapters(buoys, lighthouses, tmp_path, capsys):
    config = buoys.project(tmp_path)
    code, _, err = import_into(capsys, config, "en", lighthouses.document("txt", "en"))
    assert code == 2 and 'chapter heading "Chapter I" in an instrument without chapters' in err
    assert "chapters: present: true" in err


def test_a_file_it_cannot_read(project, tmp_path, capsys):
    odt = tmp_path / "text.odt"
    odt.write_bytes(b"PK")
    assert "cannot read .odt" in failing(capsys, project, "en", odt)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    assert "broken.docx: not readable as a Word document" in failing(capsys, project, "en", broken)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Article 1\n\nLes États\n".encode("latin-1"))
    assert "latin1.txt, line 3: the file is not UTF-8" in failing(capsys, project, "fr", latin1)


def test_a_language_the_instrument_does_not_have(lighthouses, project, capsys):
    config, _, _ = project
    code, _, err = import_into(capsys, config, "de", lighthouses.document("txt", "en"))
    assert code == 2 and "'de' is not one of the instrument's languages" in err
