"""From blocks to the instrument: where it starts, its preamble, chapters, sections, articles,
numbered paragraphs from typed numbers or list markup, and its comparison with the outline."""

from __future__ import annotations

from pathlib import Path

import pytest

from treaty.importer.config import load_config
from treaty.importer.errors import ImportFailure
from treaty.importer.readers import read_source
from treaty.importer.structure import build_instrument, written_enumerator
from treaty.project import Project

from . import specimen_texts as specimen


def instrument_from(tmp_path: Path, data: dict, name: str, text: str, lang: str = "en", **settings):
    folder = tmp_path / "instrument"
    folder.mkdir(exist_ok=True)
    config = load_config(Project.find(specimen.config(data, folder, **settings)))
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return build_instrument(read_source(path), lang, config, config.outline)


def lighthouse_text(lighthouses, lang: str = "en") -> str:
    return lighthouses.document("txt", lang).read_text(encoding="utf-8")


def test_the_instrument_starts_after_the_annex_heading(lighthouses, tmp_path):
    resolution = "\n\n".join(specimen.LIGHTHOUSES["resolution"]["en"] + ["Annex"])
    instrument = instrument_from(tmp_path, specimen.LIGHTHOUSES, "a.txt",
                                 resolution + "\n\n" + lighthouse_text(lighthouses))
    assert instrument.preamble.paragraphs[0] == "The States Parties to this Convention,"
    assert instrument.preamble.anchors == []  # the resolution's "1." and "2." are not the preamble's
    assert instrument.preamble.title == "Preamble" and not instrument.preamble.title_official


def test_an_explicit_preamble_heading_gives_the_official_title(lighthouses, tmp_path):
    text = lighthouse_text(lighthouses).replace("The States Parties", "Preamble\n\nThe States Parties", 1)
    instrument = instrument_from(tmp_path, specimen.LIGHTHOUSES, "a.txt", text)
    assert instrument.preamble.title == "Preamble" and instrument.preamble.title_official
    assert instrument.preamble.paragraphs[0] == "The States Parties to this Convention,"


def test_chapters_sections_and_articles(lighthouses, tmp_path):
    instrument = instrument_from(tmp_path, specimen.LIGHTHOUSES, "a.txt", lighthouse_text(lighthouses, "ar"), "ar")
    assert [(c.number, c.title) for c in instrument.chapters] == [(1, "أحكام عامة"), (2, "التسجيل والتفتيش"),
                                                                   (3, "أحكام ختامية")]
    sections = instrument.chapters[1].sections
    assert [(s.number, s.label, s.title, s.articles) for s in sections] == [
        (1, "الفرع 1", "السجل", [3]), (2, "الفرع 2", "التفتيش", [4])]
    article = instrument.articles[2]
    assert (article.number, article.chapter, article.section, article.title) == (3, 2, 1, "سجل المنارات")
    assert article.anchors == ["para-1", "para-2", "para-2-a", "para-2-b", "para-2-b-i", "para-2-b-ii", "para-2-c",
                               "para-3"]
    assert instrument.articles[1].anchors == ["para-a", "para-b", "para-c"]


def test_list_items_get_the_enumerators_of_their_language(buoys, tmp_path):
    config = load_config(Project.find(buoys.project(tmp_path / "project")))
    for lang, expected in {"ar": ["1 - ", "2 - ", "(أ) ", "(ب) "], "zh": ["1. ", "2. ", "（a）", "（b）"],
                           "ru": ["1. ", "2. ", "a) ", "b) "]}.items():
        instrument = build_instrument(read_source(buoys.document("html", lang)), lang, config, config.outline)
        article = instrument.articles[5]
        assert [p[: len(e)] for p, e in zip(article.paragraphs, expected)] == expected
        assert article.anchors == ["para-1", "para-2", "para-2-a", "para-2-b"]


def test_a_list_of_letters_alone_is_subparagraphs(tmp_path):
    folder = tmp_path / "lists"
    folder.mkdir()
    html = ("<html lang='en'><body><h1>Specimen Protocol on Harbour Buoys</h1><p>The Parties,</p>"
            + "".join(f"<h2>Article {n}</h2><p>Buoys:</p><ol type='a'><li>red;</li><li>green.</li></ol>"
                      for n in range(1, 31)) + "</body></html>")
    instrument = instrument_from(tmp_path, specimen.BUOYS, "a.html", html)
    assert instrument.articles[0].paragraphs == ["Buoys:", "(a) red;", "(b) green."]
    assert instrument.articles[0].anchors == ["para-a", "para-b"]


def test_typed_paragraph_numbers_ignore_list_markup(tmp_path):
    html = ("<html lang='en'><body><h1>Specimen Protocol on Harbour Buoys</h1><p>The Parties,</p>"
            + "".join(f"<h2>Article {n}</h2><ol><li>1. First.</li><li>2. Second.</li></ol>" for n in range(1, 31))
            + "</body></html>")
    instrument = instrument_from(tmp_path, specimen.BUOYS, "a.html", html, paragraphs="typed")
    assert instrument.articles[0].paragraphs == ["1. First.", "2. Second."]


def test_an_english_title_different_from_the_outline_is_reported(lighthouses, tmp_path):
    text = lighthouse_text(lighthouses).replace("Signature and ratification", "Signature", 1)
    instrument = instrument_from(tmp_path, specimen.LIGHTHOUSES, "a.txt", text)
    assert instrument.articles[4].title == "Signature"
    assert any('the title of article 5 is "Signature" in the document and "Signature and ratification"' in w
               for w in instrument.warnings)


def test_sections_are_refused_when_the_configuration_says_there_are_none(lighthouses, tmp_path):
    with pytest.raises(ImportFailure) as error:
        instrument_from(tmp_path, specimen.LIGHTHOUSES, "a.txt", lighthouse_text(lighthouses), sections=False)
    assert 'section heading "Section 1", but the configuration says' in error.value.text()
    assert "sections: true" in error.value.fix


def test_a_chapter_of_the_outline_in_the_wrong_place(lighthouses, tmp_path):
    text = lighthouse_text(lighthouses).replace("Chapter III\n\nFinal provisions\n\n", "", 1)
    with pytest.raises(ImportFailure) as error:
        instrument_from(tmp_path, specimen.LIGHTHOUSES, "a.txt", text)
    assert "article 5 is in chapter 2 of the document, but in chapter 3 of outline.yml" in error.value.text()


def test_written_enumerators():
    assert written_enumerator("en", 2, 2) == "(b)"
    assert written_enumerator("fr", 3, 4) == "iv)"
    assert written_enumerator("ar", 2, 3) == "(ج)"
    assert written_enumerator("ar", 1, 2, "{e} -") == "2 -"
    assert written_enumerator("zh", 2, 1, "（{e}）") == "（a）"


def test_numbered_annexes_bound_the_instrument(lighthouses, tmp_path):
    resolution = "\n\n".join(specimen.LIGHTHOUSES["resolution"]["en"] + ["Annex I"])
    text = resolution + "\n\n" + lighthouse_text(lighthouses) + "\nAnnex II\n\nNotes on article 3\n"
    instrument = instrument_from(tmp_path, specimen.LIGHTHOUSES, "a.txt", text)
    assert instrument.preamble.paragraphs[0] == "The States Parties to this Convention,"
    assert instrument.articles[-1].paragraphs[-1].startswith("IN WITNESS WHEREOF")
    assert any('goes on after article 6 with "Annex II"; that part is not imported' in w for w in instrument.warnings)
