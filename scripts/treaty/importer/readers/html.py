"""HTML: headings, paragraphs and numbered list items in document order, with their source line.

Footnotes are links to a note elsewhere in the page: `<sup><a href="#fn1">1</a></sup>` (or any
short link label) pointing to an element whose text is the note; notes are taken out of the
running text, with their container (`class="footnotes"`, `role="doc-endnotes"`).
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from treaty.importer.errors import ImportFailure, Where
from treaty.importer.readers import Block, Footnote, Source, clean, note_ref
from treaty.importer.readers.limits import read_capped

BLOCKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "blockquote", "dd", "dt", "td", "th",
    "caption", "pre", "section", "article", "header", "footer", "main", "aside", "nav", "table",
    "ul", "ol", "dl", "tr", "tbody", "thead", "tfoot", "figure", "figcaption", "address", "center",
    "hr", "body", "form", "fieldset", "details", "summary",
}
SKIP = {"script", "style", "head", "template", "noscript", "title", "svg", "math"}
LABEL = re.compile(r"^[\[(]?(\d{1,3}|[a-z]|\*{1,3})[\])]?$")
LIST_TYPES = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}
STYLE_LIST = re.compile(r"list-style(?:-type)?\s*:\s*([a-z-]+)")
CENTRED = re.compile(r"text-align\s*:\s*center")
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
NOTE_ROLES = ("doc-endnotes", "doc-footnotes", "doc-endnote", "doc-footnote")


def decode(path: Path) -> str:
    data = read_capped(path)  # refused above the size limit before it is read
    match = CHARSET.search(data[:4096])
    encoding = match.group(1).decode("ascii") if match else "utf-8"
    try:
        return data.decode("utf-8-sig" if encoding.lower().replace("_", "-") == "utf-8" else encoding)
    except (UnicodeDecodeError, LookupError):
        raise ImportFailure(f"the file is not readable as {encoding}", path.name,
                            "save the page as UTF-8 with <meta charset=\"utf-8\">") from None


def tag(element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def is_notes_container(element) -> bool:
    classes = (element.get("class") or "").split()
    return element.get("role") in NOTE_ROLES or "footnotes" in classes or "endnotes" in classes


class HtmlReader:
    def __init__(self, path: Path, root):
        self.path = path
        self.root = root
        self.ids = {element.get("id"): element for element in root.iter() if element.get("id")}
        # Elements are kept (not their id(): lxml's proxies are made anew when none is referenced).
        self.notes: dict = {}  # target element -> label
        self.footnotes: dict[str, Footnote] = {}
        self.blocks: list[Block] = []
        self.skip: set = set()
        # The number of the list item being read, until its first block of text takes it:
        # (level, format, position), or None outside a numbered item or once taken.
        self.item: tuple[int, str, int] | None = None

    # -- footnotes ---------------------------------------------------------------------------

    def find_notes(self) -> None:
        for link in self.root.iter("a"):
            href = link.get("href") or ""
            target = self.ids.get(href[1:]) if href.startswith("#") else None
            label = clean(link.text_content())
            if target is None or not LABEL.match(label) or not self.is_note_link(link, target):
                continue
            if target.sourceline is not None and link.sourceline is not None and target.sourceline < link.sourceline:
                continue  # a link back from the note to its reference
            label = LABEL.match(label).group(1)
            self.notes[target] = label
            link.set("data-treaty-note", label)
        for element in self.root.iter():
            if element in self.notes:
                label = self.notes[element]
                text = clean(self.inline(element, notes=False, backlinks=False))
                text = re.sub(r"^[\[(]?" + re.escape(label) + r"[\])]?\.?\s*", "", text)
                self.footnotes[label] = Footnote(label, text, Where(self.path.name, line=element.sourceline))
                self.skip.add(element)
            elif is_notes_container(element):
                self.skip.add(element)

    def is_note_link(self, link, target) -> bool:
        """A note reference: marked as one, in superscript, or pointing into the notes."""
        if link.get("role") == "doc-noteref" or "noteref" in (link.get("class") or ""):
            return True
        if any(tag(node) == "sup" for node in link.iterancestors()):
            return True
        return any(is_notes_container(node) for node in [target, *target.iterancestors()])

    # -- text ------------------------------------------------------------------------------

    def inline(self, element, notes: bool = True, backlinks: bool = True) -> str:
        """The text of an element and its inline descendants."""
        name = tag(element)
        if name in SKIP:
            return ""
        if name == "br":
            return " "
        if name == "a" and element.get("data-treaty-note"):
            return note_ref(element.get("data-treaty-note")) if notes else ""
        if name == "a" and not backlinks and (element.get("href") or "").startswith("#"):
            return ""
        parts = [element.text or ""]
        for child in element:
            if isinstance(child.tag, str):
                inner = self.inline(child, notes, backlinks)
                # <sup><a href="#fn1">1</a></sup>: the reference without its superscript wrapper
                parts.append(inner)
            parts.append(child.tail or "")
        return "".join(parts)

    def walk(self, element, depth: int = 0) -> None:
        if element in self.skip or tag(element) in SKIP:
            return
        parent = element.getparent()
        if tag(element) == "li" and parent is not None and tag(parent) == "ol":
            # <li>text</li>, <li><p>text</p></li>, <li><div><span>text</span></div></li>: the first
            # block of text inside the item carries its number, whatever wraps it; the blocks
            # after it (a second <p>, text after a nested list) continue the item, unnumbered.
            if self.item is not None:
                self.untold_item(element)
            self.item = (depth, self.list_format(parent), self.position(element, parent))
            self.read_children(element, depth)
            self.item = None  # what follows the item, even inside an outer item, has no number
            return
        self.read_children(element, depth)

    def untold_item(self, li) -> None:
        """A numbered item whose first content is a sub-list ("1. (a) ..." on one line): each
        number of the edition starts a paragraph of its own, so this one has nowhere to go."""
        level, _, position = self.item
        raise ImportFailure(f"numbered item {position} (list level {level}) has no text of its own before "
                            "its sub-list", Where(self.path.name, line=li.sourceline),
                            "check the document: a numbered paragraph must have text before its first "
                            "subparagraph; if the official text is written so, tell the editors of this edition")

    def read_children(self, element, depth: int) -> None:
        buffer: list[str] = [element.text or ""]

        def flush():
            text = clean("".join(buffer))
            if text.replace("\u00a0", ""):
                self.add(element, text)
            buffer.clear()

        for child in element:
            if not isinstance(child.tag, str):
                buffer.append(child.tail or "")
                continue
            if tag(child) in BLOCKS and child not in self.skip:
                flush()
                self.walk(child, depth + (tag(child) == "ol"))
            elif child not in self.skip:
                buffer.append(self.inline(child))
            buffer.append(child.tail or "")
        flush()

    def add(self, element, text: str) -> None:
        name = tag(element)
        block = Block(text, Where(self.path.name, line=element.sourceline))
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            block.heading = int(name[1])
        block.emphasis = self.centred(element) or self.bold(element)
        if self.item is not None:
            block.list_level, block.list_format, block.list_position = self.item
            self.item = None
        self.blocks.append(block)

    @staticmethod
    def centred(element) -> bool:
        for node in (element, element.getparent()):
            if node is None:
                continue
            if (node.get("align") or "").lower() == "center" or CENTRED.search(node.get("style") or ""):
                return True
            if tag(node) == "center":
                return True
        return False

    @staticmethod
    def bold(element) -> bool:
        """All of the element's text is inside <b> or <strong>."""
        text = clean(element.text_content())
        if not text:
            return False
        bold = "".join(clean(node.text_content()) for node in element.iter("b", "strong"))
        return bold.replace(" ", "") == text.replace(" ", "")

    @staticmethod
    def list_format(ol) -> str:
        style = STYLE_LIST.search(ol.get("style") or "")
        if style:
            return style.group(1).replace("lower-latin", "lower-alpha").replace("upper-latin", "upper-alpha")
        return LIST_TYPES.get(ol.get("type") or "1", "decimal")

    @staticmethod
    def position(li, ol) -> int:
        number = int(ol.get("start") or 1) if (ol.get("start") or "1").lstrip("-").isdigit() else 1
        for item in ol:
            if tag(item) != "li":
                continue
            value = item.get("value")
            if value and value.isdigit():
                number = int(value)
            if item is li:
                return number
            number += 1
        return number


def read_html(path: Path) -> Source:
    text = decode(path)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise ImportFailure(f"not readable as HTML ({error})", path.name,
                            "give the page as saved from the browser") from None
    reader = HtmlReader(path, root)
    reader.find_notes()
    body = root.find("body")
    reader.walk(body if body is not None else root)
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if body is not None and not lang:
        lang = body.get("lang")
    return Source(path, reader.blocks, reader.footnotes, (lang or "").split("-")[0].lower() or None)
