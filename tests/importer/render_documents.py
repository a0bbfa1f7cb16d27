"""A Markdown tree (docs/<lang>/) rendered as the official documents `treaty import` reads:
.docx (python-docx, with real Word footnotes; numbered paragraphs typed, or as Word's numbered
lists, optionally in content controls), .html (headings, paragraphs or numbered lists whose items
hold their text directly or wrapped: <li><p>...</p>), .txt, and .pdf (the HTML typeset by
WeasyPrint: A5 pages, a running header, page numbers, hyphenation, footnotes at the foot of the
page, Noto fonts for Arabic and Chinese).

Headings are written as the language's official texts write them ("Chapitre premier",
"第七条", "الفصل الأول"), from the site's own labels.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from treaty.importer.headings import HeadingReader
from treaty.model.content import read_document
from treaty.model.enumerators import EnumeratorTracker
from treaty.model.labels import article_label, chapter_label
from treaty.project.files import defaults

FOOTNOTE_DEF = re.compile(r"^\[\^([^\]]+)\]:\s*(.*)$")
FOOTNOTE_REF = re.compile(r"\[\^([^\]]+)\]")
UNESCAPE = re.compile(r"\\(.)")
ANNEX = {"en": "Annex", "fr": "Annexe", "es": "Anexo", "ru": "Приложение", "zh": "附件", "ar": "المرفق"}
FONTS = {"ar": "'Noto Naskh Arabic', 'Noto Sans Arabic', serif", "zh": "'Noto Serif CJK SC', 'Noto Sans CJK SC', serif"}
RTL = {"ar"}


@dataclass
class Item:
    kind: str  # title, heading, subtitle, para
    text: str  # footnote references as [^n]
    level: int = 0  # paragraph level (1-3) when enumerated, for list rendering
    token: str = ""


@dataclass
class Doc:
    lang: str
    items: list[Item] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    front: list[str] = field(default_factory=list)  # the resolution before the annexed instrument


def unescape(text: str) -> str:
    """Markdown's escapes undone: the text as the document shows it."""
    return UNESCAPE.sub(r"\1", text).replace("&lt;", "<").replace("&amp;", "&")


def _paragraphs(body: str, doc: Doc) -> list[str]:
    out = []
    for block in body.strip().split("\n\n"):
        block = block.strip()
        if not block:
            continue
        note = FOOTNOTE_DEF.match(block)
        if note:
            doc.notes[note.group(1)] = unescape(note.group(2))
        else:
            out.append(block)
    return out


def load(docs: Path, lang: str, title: str, front: list[str] | None = None) -> Doc:
    """The instrument of docs/<lang>/ in reading order."""
    doc = Doc(lang, front=list(front or []))
    doc.items.append(Item("title", title))
    def read(path):
        return read_document(path, docs)

    preamble = read(docs / lang / "preamble.md")
    if preamble.meta.get("title_status") == "official":
        doc.items.append(Item("heading", preamble.title))
    for text in _paragraphs(preamble.body, doc):
        doc.items.append(Item("para", text))
    articles = sorted((read(p) for p in (docs / lang / "articles").glob("*.md")), key=lambda d: d.number)
    chapters = {d.number: d for d in (read(p) for p in (docs / lang / "chapters").glob("*.md"))} \
        if (docs / lang / "chapters").exists() else {}
    headings = HeadingReader(lang, defaults().path("import-headings.yml"), {"chapter": "roman", "section": "arabic"})
    chapter_now, section_now = None, None
    for article in articles:
        chapter = article.meta.get("chapter")
        if chapter and chapter != chapter_now:
            chapter_now, section_now = chapter, None
            doc.items.append(Item("heading", chapter_label(lang, chapter)))
            doc.items.append(Item("subtitle", chapters[chapter].title))
        section = article.meta.get("section")
        if section and section != section_now:
            section_now = section
            lines = [line[3:] for line in chapters[chapter].body.splitlines() if line.startswith("## ")]
            found = headings.match(unescape(lines[section - 1]))
            doc.items.append(Item("heading", found.label))
            doc.items.append(Item("subtitle", found.title))
        doc.items.append(Item("heading", article_label(lang, article.number)))
        if article.title:
            doc.items.append(Item("subtitle", article.title))
        tracker = EnumeratorTracker(lang)
        for text in _paragraphs(article.body, doc):
            step = tracker.feed(text)
            if step:
                doc.items.append(Item("para", text, step.enumerator.level, step.enumerator.token))
            else:
                doc.items.append(Item("para", text))
    return doc


# -- HTML and PDF -------------------------------------------------------------------------------

def _inline_html(text: str, anchors: bool = True) -> str:
    parts = []
    last = 0
    for match in FOOTNOTE_REF.finditer(text):
        parts.append(html.escape(unescape(text[last:match.start()]), quote=False))
        label = match.group(1)
        parts.append(f'<sup><a href="#fn{label}" id="fnref{label}">{label}</a></sup>' if anchors
                     else f'<span class="fn">{html.escape(label)}</span>')
        last = match.end()
    parts.append(html.escape(unescape(text[last:]), quote=False))
    return "".join(parts)


def to_html(doc: Doc, lists: bool = False, wrap: str = "") -> str:
    """The document as an HTML page; with `lists`, numbered paragraphs are <ol> items. With
    `wrap` (a tag name: "p", "div"), an item's text is wrapped in it, <li><p>text</p>, a sub-list
    follows it inside the item, and an unnumbered paragraph after an item stays inside that item
    (<li><p>text</p><p>more</p></li>), as word processors save lists."""
    direction = "rtl" if doc.lang in RTL else "ltr"
    out = [f'<!DOCTYPE html>\n<html lang="{doc.lang}" dir="{direction}">\n<head><meta charset="utf-8">'
           f"<title>{html.escape(doc.items[0].text)}</title></head>\n<body>"]
    for text in doc.front:
        out.append(f"<p>{html.escape(text)}</p>")
    if doc.front:
        out.append(f"<h2>{ANNEX[doc.lang]}</h2>")
    stack: list[int] = []  # levels of the lists open
    types = {1: "1", 2: "a", 3: "i"}

    def close_to(level: int):
        while stack and stack[-1] > level:
            out.append("</li></ol>")
            stack.pop()

    def wrapped(text: str) -> str:
        return f"<{wrap}>{text}</{wrap}>" if wrap else text

    for item in doc.items:
        enumerated = lists and item.kind == "para" and item.level
        continuing = wrap and stack and item.kind == "para" and not enumerated
        if continuing:
            out.append(wrapped(_inline_html(item.text)))
            continue
        if not enumerated:
            close_to(0)
        if item.kind == "title":
            out.append(f"<h1>{html.escape(item.text)}</h1>")
        elif item.kind == "heading":
            out.append(f"<h2>{html.escape(item.text)}</h2>")
        elif item.kind == "subtitle":
            out.append(f"<h3>{html.escape(item.text)}</h3>")
        elif enumerated:
            text = wrapped(_inline_html(item.text[len(item.token):].lstrip()))
            close_to(item.level)
            if stack and stack[-1] == item.level:
                out.append(f"</li><li>{text}")
            else:
                out.append(f'<ol type="{types[item.level]}"><li>{text}')
                stack.append(item.level)
        else:
            out.append(f"<p>{_inline_html(item.text)}</p>")
    close_to(0)
    if doc.notes:
        out.append('<section class="footnotes"><hr><ol>')
        for label, text in doc.notes.items():
            out.append(f'<li id="fn{label}">{html.escape(text)} <a href="#fnref{label}">↩</a></li>')
        out.append("</ol></section>")
    out.append("</body>\n</html>\n")
    return "\n".join(out)


PRINT_CSS = """
@page { size: A5; margin: 22mm 16mm 20mm 16mm;
  @top-center { content: "%(symbol)s"; font-size: 8pt; }
  @bottom-center { content: counter(page); font-size: 8pt; }
  @bottom-left { content: "25-00042"; font-size: 7pt; }
  @footnote { border-top: 0.5pt solid black; padding-top: 2mm; } }
body { font-family: %(font)s; font-size: 10.5pt; line-height: 1.35; text-align: justify; hyphens: auto;
  hyphenate-character: "-"; }
h1, h2, h3 { text-align: center; font-size: 10.5pt; font-weight: bold; margin: 0.9em 0 0.45em; hyphens: none; }
h1 { font-size: 13pt; }
p { margin: 0 0 0.6em; }
.fn { float: footnote; font-size: 8pt; }
::footnote-call { content: counter(footnote); vertical-align: super; font-size: 6pt; line-height: 0; }
::footnote-marker { content: counter(footnote) ". "; }
"""


def to_pdf(doc: Doc, path: Path, symbol: str) -> Path:
    """The document typeset by WeasyPrint; footnotes float to the foot of their page."""
    from weasyprint import HTML

    font = FONTS.get(doc.lang, "'Noto Serif', 'DejaVu Serif', serif")
    direction = "rtl" if doc.lang in RTL else "ltr"
    body = []
    for text in doc.front:
        body.append(f"<p>{html.escape(text)}</p>")
    if doc.front:
        body.append(f"<h2>{ANNEX[doc.lang]}</h2>")
    for item in doc.items:
        tag = {"title": "h1", "heading": "h2", "subtitle": "h3"}.get(item.kind, "p")
        text = item.text
        for label, note in doc.notes.items():
            text = text.replace(f"[^{label}]", f'<span class="fn">{html.escape(note)}</span>')
        parts = re.split(r'(<span class="fn">.*?</span>)', text)
        body.append(f"<{tag}>" + "".join(p if p.startswith("<span") else html.escape(unescape(p), quote=False)
                                         for p in parts) + f"</{tag}>")
    page = (f'<!DOCTYPE html><html lang="{doc.lang}" dir="{direction}"><head><meta charset="utf-8">'
            f"<style>{PRINT_CSS % {'symbol': symbol, 'font': font}}</style></head><body>"
            + "\n".join(body) + "</body></html>")
    HTML(string=page).write_pdf(str(path))
    return path


# -- plain text and Word ------------------------------------------------------------------------

def to_text(doc: Doc) -> str:
    blocks = list(doc.front)
    if doc.front:
        blocks.append(ANNEX[doc.lang])
    for item in doc.items:
        blocks.append(FOOTNOTE_REF.sub(r"[\1]", unescape(item.text)))
    if doc.notes:
        blocks.append("__________")
        blocks += [f"[{label}] {text}" for label, text in doc.notes.items()]
    return "\n\n".join(blocks) + "\n"


FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "%s</w:footnotes>"
)


# Word's number format and number text of the three levels of a list, as each language's
# documents show them (the importer writes the language's own enumerators whatever these say).
WORD_LEVELS = {
    "en": (("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")),
    "fr": (("decimal", "%1."), ("lowerLetter", "%2)"), ("lowerRoman", "%3)")),
    "es": (("decimal", "%1."), ("lowerLetter", "%2)"), ("lowerRoman", "%3)")),
    "ru": (("decimal", "%1."), ("lowerLetter", "%2)"), ("lowerRoman", "%3)")),
    "zh": (("decimal", "%1."), ("lowerLetter", "（%2）"), ("lowerRoman", "（%3）")),
    "ar": (("decimal", "%1 -"), ("arabicAbjad", "(%2)"), ("decimal", "(%3)")),
}
INDENT = 567  # twentieths of a point: 1 cm per list level


def word_list(document, levels) -> str:
    """A multilevel list definition (w:abstractNum) in the document's numbering part; its id.
    `levels`: (numFmt, lvlText) of each level; lvlText "" for a level that shows no number."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    numbering = document.part.numbering_part.element
    ids = [int(node.get(qn("w:abstractNumId"))) for node in numbering.findall(qn("w:abstractNum"))]
    abstract_id = str(max(ids, default=0) + 1)
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{INDENT * (i + 1)}" w:hanging="{INDENT}"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(levels))
    node = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                     f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))  # the schema puts every abstractNum before the nums
    if first_num is not None:
        first_num.addprevious(node)
    else:
        numbering.append(node)
    return abstract_id


def word_list_instance(document, abstract_id: str, levels: int = 3) -> str:
    """A new list (w:num) of a definition, numbered from 1 at every level, as Word writes a list
    restarted by "Restart at 1"; its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    numbering = document.part.numbering_part.element
    num_id = str(max((int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))), default=0) + 1)
    overrides = "".join(f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="1"/></w:lvlOverride>'
                        for i in range(levels))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                               f"{overrides}</w:num>"))
    return num_id


def number(paragraph, num_id: str, ilvl: int | None) -> None:
    """Make a Word paragraph an item of list `num_id` at level `ilvl` (None: the style's level)."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    if ilvl is not None:
        num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = int(num_id)


def content_control(paragraphs, name: str) -> None:
    """Put consecutive paragraphs in a block-level content control (w:sdt), as form templates do."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="{html.escape(name)}"/>'
                    f'<w:tag w:val="{html.escape(name)}"/></w:sdtPr><w:sdtContent/></w:sdt>')
    paragraphs[0]._p.addprevious(sdt)
    content = sdt.find(qn("w:sdtContent"))
    for paragraph in paragraphs:
        content.append(paragraph._p)


def to_docx(doc: Doc, path: Path, lists: bool = False, controls: bool = False) -> Path:
    """A Word document: Title and Heading styles, centred headings, footnotes in footnotes.xml.
    With `lists`, numbered paragraphs are items of Word's numbered lists (a new list for each
    article, restarted at 1) without their typed number, and an unnumbered paragraph after an
    item is indented as a continuation of it; with `controls`, the text of each article is in a
    content control."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Twips

    document = Document()
    ids: dict[str, int] = {}
    definition = word_list(document, WORD_LEVELS[doc.lang]) if lists else None

    def paragraph(text: str, style: str | None = None, centred: bool = False):
        p = document.add_paragraph(style=style)
        if centred:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        last = 0
        for match in FOOTNOTE_REF.finditer(text):
            p.add_run(unescape(text[last:match.start()]))
            ids.setdefault(match.group(1), len(ids) + 1)
            p._p.append(parse_xml(
                f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{ids[match.group(1)]}"/></w:r>'))
            last = match.end()
        p.add_run(unescape(text[last:]))
        if doc.lang in RTL:
            ppr = p._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:bidi {nsdecls("w")}/>'))
        return p

    for text in doc.front:
        paragraph(text)
    if doc.front:
        paragraph(ANNEX[doc.lang], "Heading 2", True)
    num_id, level, body = None, 0, []  # the article's list, the level of the last item, its text

    def close_body():
        if controls and body:
            content_control(body, "Text of the article")
        body.clear()

    for item in doc.items:
        if item.kind == "title":
            paragraph(item.text, "Title", True)
        elif item.kind == "heading":
            close_body()
            paragraph(item.text, "Heading 2", True)
            num_id, level = None, 0
        elif item.kind == "subtitle":
            paragraph(item.text, "Heading 3", True)
        elif lists and item.level:
            num_id = num_id or word_list_instance(document, definition)
            level = item.level
            p = paragraph(item.text[len(item.token):].lstrip())
            number(p, num_id, level - 1)
            body.append(p)
        else:
            p = paragraph(item.text)
            if lists and level:
                p.paragraph_format.left_indent = Twips(INDENT * level)  # continues the item above
            body.append(p)
    close_body()
    if ids:
        notes = "".join(
            f'<w:footnote w:id="{number}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {html.escape(doc.notes[label])}</w:t></w:r>'
            f"</w:p></w:footnote>" for label, number in ids.items())
        part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES,
                    (FOOTNOTES_XML % notes).encode("utf-8"), document.part.package)
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    document.save(str(path))
    return path


def render(doc: Doc, fmt: str, path: Path, symbol: str = "", lists: bool = False, wrap: str = "",
           controls: bool = False) -> Path:
    """The document in a format. `lists`: numbered paragraphs as list items (HTML and Word);
    `wrap`: the tag around an HTML item's text; `controls`: Word content controls (see to_docx)."""
    if fmt == "docx":
        return to_docx(doc, path, lists, controls)
    if fmt == "pdf":
        return to_pdf(doc, path, symbol)
    if fmt == "html":
        path.write_text(to_html(doc, lists, wrap), encoding="utf-8")
    else:
        path.write_text(to_text(doc), encoding="utf-8")
    return path
