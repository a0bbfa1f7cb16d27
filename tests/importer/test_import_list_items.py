"""Numbered paragraphs however a document nests them: HTML list items whose text is wrapped in
<p>, <div> or <span>s (<li><p>text</p></li>, as word processors and CMSs save lists), and Word
paragraphs inside content controls, table cells and text boxes, list continuations, and list
numbering given partly by a style. Each reader is given small documents made here."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.shared import Twips

from treaty.importer.errors import ImportFailure
from treaty.importer.readers import read_source

from .render_documents import content_control, number, word_list, word_list_instance

THREE_LEVELS = (("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"))


def items(source) -> list[tuple]:
    """Each block's text with its list level, format and position (level 0: not numbered)."""
    return [(b.text, b.list_level, b.list_format, b.list_position) if b.list_level else (b.text, 0)
            for b in source.blocks]


# -- HTML -----------------------------------------------------------------------------------------

def read_html(tmp_path: Path, body: str):
    path = tmp_path / "list.html"
    path.write_text(f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body>\n{body}\n'
                    "</body></html>\n", encoding="utf-8")
    return read_source(path)


def test_an_item_wrapped_in_a_paragraph_gets_its_number(tmp_path):
    source = read_html(tmp_path, "<ol>\n<li><p>First.</p></li>\n<li>\n  <p>Second.</p>\n</li>\n</ol>")
    assert items(source) == [("First.", 1, "decimal", 1), ("Second.", 1, "decimal", 2)]
    assert source.blocks[1].where.line == 5  # the line of its <p>


def test_the_first_block_of_an_item_takes_its_number_the_others_continue_it(tmp_path):
    source = read_html(tmp_path, """<ol>
<li><p>First.</p><p>Still the first paragraph.</p></li>
<li><div><span>Second,</span> <span>in spans.</span></div><blockquote>Quoted in it.</blockquote></li>
<li>Typed <b>directly</b><p>then a paragraph.</p></li>
</ol>
<p>After the list.</p>""")
    assert items(source) == [
        ("First.", 1, "decimal", 1), ("Still the first paragraph.", 0),
        ("Second, in spans.", 1, "decimal", 2), ("Quoted in it.", 0),
        ("Typed directly", 1, "decimal", 3), ("then a paragraph.", 0),
        ("After the list.", 0),
    ]


def test_nested_lists_of_wrapped_items_keep_their_levels(tmp_path):
    source = read_html(tmp_path, """<ol start="2">
<li><p>Second, with subparagraphs:</p>
  <ol type="a">
    <li><p>sub a;</p></li>
    <li><p><span>sub b, with items:</span></p>
      <ol type="i"><li><p>item i;</p></li><li value="3"><div><p>item iii.</p></div></li></ol>
    </li>
  </ol>
  <p>Text that continues paragraph 2 after its subparagraphs.</p>
</li>
<li><p>Third.</p></li>
</ol>""")
    assert items(source) == [
        ("Second, with subparagraphs:", 1, "decimal", 2),
        ("sub a;", 2, "lower-alpha", 1),
        ("sub b, with items:", 2, "lower-alpha", 2),
        ("item i;", 3, "lower-roman", 1),
        ("item iii.", 3, "lower-roman", 3),
        ("Text that continues paragraph 2 after its subparagraphs.", 0),
        ("Third.", 1, "decimal", 3),
    ]


def test_empty_wrappers_do_not_take_the_number(tmp_path):
    source = read_html(tmp_path, "<ol><li><p></p><p>&nbsp;</p><div> </div><p>The text.</p></li></ol>")
    assert items(source) == [("The text.", 1, "decimal", 1)]


def test_bullets_and_paragraphs_outside_lists_have_no_number(tmp_path):
    source = read_html(tmp_path, "<p>Before.</p><ul><li><p>A bullet.</p></li></ul>"
                                 "<ol><li><ul><li><p>A bullet in an item.</p></li></ul></li></ol><p>After.</p>")
    # A numbered item that starts with a bulleted list: its first text carries its number.
    assert items(source) == [("Before.", 0), ("A bullet.", 0), ("A bullet in an item.", 1, "decimal", 1),
                             ("After.", 0)]


def test_an_item_that_starts_with_its_sub_list_is_refused_with_its_line(tmp_path):
    with pytest.raises(ImportFailure) as error:
        read_html(tmp_path, '<ol>\n<li>\n<ol type="a"><li><p>(a) first.</p></li></ol></li>\n</ol>')
    message = error.value.text()
    assert message.startswith("list.html, line 4: numbered item 1 (list level 1) has no text of its own")
    assert "what to do: check the document" in message


# -- Word -----------------------------------------------------------------------------------------

def add_xml(document, xml: str) -> None:
    """Raw WordprocessingML appended to the body (before its section properties)."""
    body = document.element.body
    body.sectPr.addprevious(parse_xml(xml))


def numbered(document, text: str, num_id: str, ilvl: int | None, style: str | None = None):
    paragraph = document.add_paragraph(text, style=style)
    number(paragraph, num_id, ilvl)
    return paragraph


def saved(document, tmp_path: Path, name: str = "a.docx") -> Path:
    path = tmp_path / name
    document.save(path)
    return path


def test_word_paragraphs_in_content_controls_and_table_cells_keep_their_numbers(tmp_path):
    document = Document()
    num = word_list_instance(document, word_list(document, THREE_LEVELS))
    numbered(document, "First paragraph:", num, 0)
    in_control = [numbered(document, "sub a;", num, 1), numbered(document, "sub b.", num, 1)]
    continuation = document.add_paragraph("Text continuing the first paragraph.")
    continuation.paragraph_format.left_indent = Twips(567)  # indented like the item: no number
    in_control += [continuation, numbered(document, "Second paragraph.", num, 0)]
    content_control(in_control, "Article 1")
    table = document.add_table(rows=1, cols=2)
    numbered(table.cell(0, 0), "Third paragraph, in a table.", num, 0)
    table.cell(0, 0).paragraphs[0].text = "Cell heading"
    table.cell(0, 1).paragraphs[0].text = "The cell beside it."
    document.add_paragraph("After the table.")
    path = saved(document, tmp_path)
    source = read_source(path)
    assert items(source) == [
        ("First paragraph:", 1, "decimal", 1),
        ("sub a;", 2, "lower-alpha", 1), ("sub b.", 2, "lower-alpha", 2),
        ("Text continuing the first paragraph.", 0),
        ("Second paragraph.", 1, "decimal", 2),
        ("Cell heading", 0), ("Third paragraph, in a table.", 1, "decimal", 3),
        ("The cell beside it.", 0),
        ("After the table.", 0),
    ]
    # What the reader does not rely on: python-docx's own list skips all of these.
    skipped = {p.text for p in Document(str(path)).paragraphs}
    assert "sub a;" not in skipped and "Third paragraph, in a table." not in skipped


def test_word_numbering_from_a_style_with_the_level_or_no_number_on_the_paragraph(tmp_path):
    document = Document()
    num = word_list_instance(document, word_list(document, THREE_LEVELS))
    style = document.styles.add_style("Treaty Paragraph", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = int(num)
    document.add_paragraph("First, numbered by its style.", style="Treaty Paragraph")
    sub = document.add_paragraph("A subparagraph: the level on the paragraph, the list from the style.",
                                 style="Treaty Paragraph")
    sub._p.get_or_add_pPr().get_or_add_numPr().get_or_add_ilvl().val = 1  # as Word writes a demoted item
    numbered(document, "The style's number taken away (numId 0).", "0", None, "Treaty Paragraph")
    document.add_paragraph("Second, numbered by its style.", style="Treaty Paragraph")
    source = read_source(saved(document, tmp_path))
    assert items(source) == [
        ("First, numbered by its style.", 1, "decimal", 1),
        ("A subparagraph: the level on the paragraph, the list from the style.", 2, "lower-alpha", 1),
        ("The style's number taken away (numId 0).", 0),
        ("Second, numbered by its style.", 1, "decimal", 2),
    ]


def test_word_levels_without_number_text_and_lists_of_a_numbering_style(tmp_path):
    document = Document()
    # A level that shows no number (lvlText ""): its paragraphs are indented continuations.
    quiet = word_list_instance(document, word_list(document, (("decimal", "%1."), ("decimal", ""))))
    numbered(document, "One.", quiet, 0)
    numbered(document, "Indented, without a number.", quiet, 1)
    numbered(document, "Two.", quiet, 0)
    # A list whose definition only names a numbering style: its levels are the style's list's.
    numbering = document.part.numbering_part.element
    styled = word_list(document, THREE_LEVELS)
    definition = numbering.xpath(f'w:abstractNum[@w:abstractNumId="{styled}"]')[0]
    definition.append(parse_xml('<w:styleLink xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                                '2006/main" w:val="TreatyList"/>'))
    linked = word_list(document, ())
    definition = numbering.xpath(f'w:abstractNum[@w:abstractNumId="{linked}"]')[0]
    definition.append(parse_xml('<w:numStyleLink xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                                '2006/main" w:val="TreatyList"/>'))
    num = word_list_instance(document, linked)
    numbered(document, "Paragraph 1.", num, 0)
    numbered(document, "Subparagraph (a).", num, 1)
    source = read_source(saved(document, tmp_path))
    assert items(source) == [
        ("One.", 1, "decimal", 1), ("Indented, without a number.", 0), ("Two.", 1, "decimal", 2),
        ("Paragraph 1.", 1, "decimal", 1), ("Subparagraph (a).", 2, "lower-alpha", 1),
    ]


TEXT_BOX = """<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
     xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
     xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
     xmlns:v="urn:schemas-microsoft-com:vml">
  <w:r><w:t xml:space="preserve">The paragraph the box is anchored in. </w:t></w:r>
  <w:r><mc:AlternateContent>
    <mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>
      <a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
        <wps:wsp><wps:txbx><w:txbxContent>
          <w:p><w:r><w:t>Text in the box.</w:t></w:r></w:p>
        </w:txbxContent></wps:txbx></wps:wsp>
      </a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
    <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
      <w:p><w:r><w:t>Text in the box.</w:t></w:r></w:p>
    </w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
  </mc:AlternateContent></w:r>
  <w:r><w:t>Its end.</w:t></w:r>
</w:p>"""

TRACKED = """<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Revised </w:t></w:r>
  <w:del w:id="1" w:author="A" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>old words</w:delText></w:r></w:del>
  <w:ins w:id="2" w:author="A" w:date="2025-01-01T00:00:00Z"><w:r><w:t>new words</w:t></w:r></w:ins>
  <w:sdt><w:sdtContent><w:r><w:t xml:space="preserve"> in a control.</w:t></w:r></w:sdtContent></w:sdt>
</w:p>"""


def test_word_text_boxes_are_read_once_after_their_paragraph_and_tracked_changes_as_accepted(tmp_path):
    document = Document()
    add_xml(document, TEXT_BOX)
    add_xml(document, TRACKED)
    source = read_source(saved(document, tmp_path))
    assert items(source) == [("The paragraph the box is anchored in. Its end.", 0), ("Text in the box.", 0),
                             ("Revised new words in a control.", 0)]
    # Only its first run is bold: the others, inside an insertion and a content control, are not.
    assert not source.blocks[2].emphasis


PLACEHOLDERS = """<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:sdtPr><w:showingPlcHdr/></w:sdtPr>
  <w:sdtContent><w:p><w:r><w:t>Click or tap here to enter text.</w:t></w:r></w:p></w:sdtContent>
</w:sdt>"""

INLINE_PLACEHOLDER = """<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:r><w:t xml:space="preserve">Done at </w:t></w:r>
  <w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>Enter a place.</w:t></w:r></w:sdtContent></w:sdt>
  <w:r><w:t>.</w:t></w:r>
</w:p>"""


def test_word_content_controls_showing_their_prompt_are_not_text(tmp_path):
    document = Document()
    document.add_paragraph("Before.")
    add_xml(document, PLACEHOLDERS)
    add_xml(document, INLINE_PLACEHOLDER)
    assert items(read_source(saved(document, tmp_path))) == [("Before.", 0), ("Done at .", 0)]


def test_word_text_merged_in_only_when_word_opens_the_file_stops_the_import(tmp_path):
    document = Document()
    document.add_paragraph("Article 1")
    add_xml(document, '<w:altChunk xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId99"/>')
    with pytest.raises(ImportFailure) as error:
        read_source(saved(document, tmp_path, "merged.docx"))
    assert error.value.text().startswith("merged.docx: part of the document is an embedded file that Word merges in")
    assert "save it again as .docx" in error.value.fix
