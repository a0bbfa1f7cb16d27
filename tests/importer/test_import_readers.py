"""The readers: each format's blocks, places, markup and footnotes; the PDF's running text,
hyphenation, footnotes and right-to-left lines."""

from __future__ import annotations

import pytest
from docx import Document

from treaty.importer.errors import Where
from treaty.importer.readers import NOTE_REF, note_ref, read_source
from treaty.importer.readers.bidi import logical_order
from treaty.importer.readers.pdf import dehyphenate


def texts(source) -> list[str]:
    return [block.text for block in source.blocks]


# -- plain text ---------------------------------------------------------------------------------

def test_text_paragraphs_are_separated_by_blank_lines_and_wrapped_lines_joined(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Article 1\n\nTitle\n\n1. A paragraph\nwrapped on two lines.\n\n第一条\n\n本公约\n的宗旨。\n",
                    encoding="utf-8")
    source = read_source(path)
    assert texts(source) == ["Article 1", "Title", "1. A paragraph wrapped on two lines.", "第一条", "本公约的宗旨。"]
    assert source.blocks[2].where == Where("a.txt", line=5)


def test_text_without_blank_lines_has_one_paragraph_per_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("\ufeffArticle 1\r\nTitle\r\n1. First.\r\n2. Second.\r\n", encoding="utf-8")
    assert texts(read_source(path)) == ["Article 1", "Title", "1. First.", "2. Second."]


def test_text_footnotes_follow_a_separator_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("1. The Parties[1] shall act [a].\n\n__________\n\n[1] A note.\n", encoding="utf-8")
    source = read_source(path)
    assert texts(source) == [f"1. The Parties{note_ref('1')} shall act [a]."]
    assert source.footnotes["1"].text == "A note." and source.footnotes["1"].where.line == 5


# -- HTML -----------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="utf-8"><title>T</title><style>p {}</style></head>
<body>
<h2>Article premier</h2>
<p style="text-align: center"><b>Objet</b></p>
<p>Texte<sup><a href="#fn1" id="r1">1</a></sup> et <a href="#art2">article 2</a>.</p>
<ol start="2"><li>Deux<ol type="a"><li>sous a</li><li value="4">sous d</li></ol></li><li>Trois</li></ol>
<ul><li>puce</li></ul>
<section class="footnotes"><h3>Notes</h3><ol><li id="fn1">Une note. <a href="#r1">↩</a></li></ol></section>
<p id="art2">Fin</p>
</body></html>
"""


def test_html_blocks_markup_lists_and_footnotes(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(HTML, encoding="utf-8")
    source = read_source(path)
    assert texts(source) == ["Article premier", "Objet", f"Texte{note_ref('1')} et article 2.", "Deux", "sous a",
                             "sous d", "Trois", "puce", "Fin"]
    heading, title, _, two, a, d, three, bullet, _ = source.blocks
    assert heading.heading == 2 and heading.where.line == 4
    assert title.emphasis and not title.heading
    assert (two.list_level, two.list_format, two.list_position) == (1, "decimal", 2)
    assert (a.list_level, a.list_format, a.list_position) == (2, "lower-alpha", 1)
    assert d.list_position == 4 and three.list_position == 3
    assert bullet.list_level == 0
    assert source.footnotes["1"].text == "Une note."
    assert source.declared_lang == "fr"


# -- Word -----------------------------------------------------------------------------------------

def test_docx_styles_alignment_lists_and_places(tmp_path):
    document = Document()
    document.add_paragraph("Specimen", style="Title")
    document.add_paragraph("Article 1", style="Heading 2")
    centred = document.add_paragraph()
    centred.add_run("Purpose").bold = True
    document.add_paragraph("")
    document.add_paragraph("First item", style="List Number")
    document.add_paragraph("Second item", style="List Number")
    path = tmp_path / "a.docx"
    document.save(path)
    source = read_source(path)
    assert texts(source) == ["Specimen", "Article 1", "Purpose", "First item", "Second item"]
    title, heading, bold, first, second = source.blocks
    assert title.heading == 1 and heading.heading == 2 and bold.emphasis
    assert (first.list_level, first.list_format, first.list_position) == (1, "decimal", 1)
    assert second.list_position == 2
    assert second.where == Where("a.docx", paragraph=6)


def test_docx_footnotes_are_read_from_the_footnotes_part(lighthouses):
    source = read_source(lighthouses.document("docx", "ru"))
    [block] = [b for b in source.blocks if NOTE_REF.search(b.text)]
    assert block.text.startswith("2. Инспекции проводятся") and block.text.endswith(f"участников{note_ref('1')}.")
    assert source.footnotes["1"].text == "Первые руководящие принципы должны быть приняты на первой сессии Конференции."


# -- PDF ------------------------------------------------------------------------------------------

def test_pdf_running_headers_page_numbers_and_footnotes_are_not_text(lighthouses):
    source = read_source(lighthouses.document("pdf", "en"))
    all_text = " ".join(texts(source))
    assert "SPEC/2025/1" not in all_text.replace("resolution SPEC/2025/1", "")  # the running header
    assert "25-00042" not in all_text  # the job number in the footer
    assert not any(text.strip().isdigit() for text in texts(source))  # page numbers
    assert source.footnotes["1"].text == (
        "The first guidelines are to be adopted at the first session of the Conference.")
    assert f"States Parties.{note_ref('1')}" in all_text
    assert max(block.where.page for block in source.blocks) >= 3


def test_pdf_words_hyphenated_at_line_ends_are_joined(lighthouses):
    for lang in ("en", "fr", "es", "ru"):
        source = read_source(lighthouses.document("pdf", lang))
        broken = [t for t in texts(source) if "- " in t.replace(" - ", "")]
        assert not broken, (lang, broken)
    ru = " ".join(texts(read_source(lighthouses.document("pdf", "ru"))))
    assert "Государств-участников" in ru and "Государство-участник" in ru  # real hyphens stay


def test_pdf_arabic_lines_are_read_in_reading_order(lighthouses):
    source = read_source(lighthouses.document("pdf", "ar"))
    assert "المادة 3" in texts(source)
    assert "(ب) خصائص ضوئها، وهي:" in texts(source)
    assert "3 - يكون السجل متاحا للجمهور." in texts(source)


def test_pdf_chinese_lines_join_without_spaces(lighthouses):
    source = read_source(lighthouses.document("pdf", "zh"))
    assert "第三条" in texts(source) and "（a）“灯塔”系指发出灯光以引导船舶的塔或其他建筑物；" in texts(source)


@pytest.mark.parametrize("visual, logical", [
    ("12 ةداملا", "المادة 12"),
    (".فرطلا ةلودلا لجست - 1", "1 - تسجل الدولة الطرف."),
    ("ABC DEF نم )ب( 3 ةرقفلل", "للفقرة 3 (ب) من ABC DEF"),
    ("2 - 1 نم", "من 1 - 2"),
    ("1.5% يف", "في 1.5%"),
])
def test_right_to_left_lines_are_put_in_reading_order(visual, logical):
    assert "".join(logical_order(list(visual))) == logical


@pytest.mark.parametrize("first, second, vocabulary, joined", [
    ("the regis\u2010", "tration", set(), "the registration"),
    ("the regis-", "tration", set(), "the registration"),
    ("State-", "owned", {"state-owned"}, "State-owned"),
    ("Государств-", "участников", {"госуд-учас"}, "Государств-участников"),
    ("the", "end", set(), "the end"),
    ("本公约", "的宗旨", set(), "本公约的宗旨"),
])
def test_dehyphenation(first, second, vocabulary, joined):
    assert dehyphenate(first, second, vocabulary) == joined
