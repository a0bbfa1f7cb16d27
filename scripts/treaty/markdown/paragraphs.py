"""Paragraphs of treaty text with language-neutral anchors, as `treaty.model.blocks.scan` finds them.

A block that starts with an enumerator as the language's official text writes it ("2.", "(b)",
"б)", "（b）", "(ب)", "2 -") becomes

    <div class="treaty-para" id="para-2-b" data-level="2">
      <a class="treaty-enum" href="#para-2-b" ...>(b)</a> <p>text</p>
    </div>

nested inside the paragraph it belongs to, so `#para-2-b` names the same place in all six
languages. An unnumbered paragraph gets its place (`para-3`, in a text with no enumerator) or
`para-intro` (text before the first enumerator); unnumbered text after an enumerated block is
part of the numbered paragraph it follows.

The renderer does not read the structure itself: a preprocessor runs the scanner (the same one
the checker runs), marks the first line of each paragraph it found with a token Python-Markdown
strips from any input (STX ... ETX) and separates the blocks; a block processor that runs before
all others renders exactly the marked blocks. Usable in any Python-Markdown pipeline:

    markdown.markdown(text, extensions=["treaty.markdown.paragraphs"],
                      extension_configs={"treaty.markdown.paragraphs": {"lang": "fr"}})
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import ETX, STX, AtomicString

from markdown import Extension
from treaty.model.blocks import Scan, scan

CLASS = "treaty-para"
MARK = re.compile(STX + r"treaty-block:(\d+)" + ETX)


class MarkBlocks(Preprocessor):
    """Scan the page and mark each paragraph's first line; every block on lines of its own."""

    def __init__(self, md, extension: TreatyParagraphsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines):
        config = self.extension.getConfig
        result = scan("\n".join(lines), config("lang"), files=config("files") or None)
        self.extension.scan = result
        starts = {block.start: index for index, block in enumerate(result.blocks)}
        out = []
        for number, line in enumerate(result.lines):
            if not line.strip(" "):
                line = ""  # a blank line, as the block parser splits on them
            if number in starts:
                if out and out[-1].strip(" "):
                    out.append("")  # a block of its own for Markdown too
                if result.blocks[starts[number]].marked:
                    line = f"{STX}treaty-block:{starts[number]}{ETX}{line}"
            out.append(line)
        return out


class TreatyParagraphProcessor(BlockProcessor):
    def __init__(self, parser, extension: TreatyParagraphsExtension):
        super().__init__(parser)
        self.extension = extension

    def test(self, parent, block):
        return bool(MARK.match(block))

    def run(self, parent, blocks):
        text = blocks.pop(0)
        marker = MARK.match(text)
        block = self.extension.scan.blocks[int(marker.group(1))]
        text = text[marker.end():]
        root = parent
        if block.kind == "continuation":
            owner = self.last_paragraph(root)
            paragraph = etree.SubElement(owner if owner is not None else root, "p")
            paragraph.text = text
            return
        if block.problem:
            self.extension.problems.append((block.anchor, block.token, block.problem))
        container = self.container(root, block.level) if block.kind == "numbered" else root
        div = etree.SubElement(container, "div", {"class": CLASS, "id": block.anchor})
        div.set("data-level", str(block.level))
        if block.kind == "numbered":
            label = self.extension.getConfig("permalink_label").format(ref=block.anchor)
            link = etree.SubElement(div, "a", {"class": "treaty-enum", "href": f"#{block.anchor}"})
            link.set("title", label)
            link.text = AtomicString(block.token)
            text = text[block.text_start:]
        else:
            div.set("data-unnumbered", "")
        paragraph = etree.SubElement(div, "p")
        paragraph.text = text

    @staticmethod
    def container(root, level: int):
        """Where a numbered block of `level` goes: inside the last numbered block of a lower
        level (an unnumbered paragraph, such as an article's introduction, holds none)."""
        container = root
        while len(container) and container[-1].get("class") == CLASS and container[-1].get("data-unnumbered") is None:
            if int(container[-1].get("data-level")) >= level:
                break
            container = container[-1]
        return container

    @staticmethod
    def last_paragraph(root):
        """The last paragraph (level 1) of the text: continuation text belongs to it."""
        for child in reversed(root):
            if child.get("class") == CLASS:
                return child
            if child.tag not in ("p",):
                return None
        return None


class TreatyParagraphsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "lang": ["en", "Language of the text: selects its enumerators (data/enumerators.yml)"],
            "enabled": [True, "Turn recognition off for pages that are not treaty text"],
            "permalink_label": ["{ref}", "Title of the enumerator link; {ref} is the anchor"],
            # Python-Markdown turns a None default into a boolean: "" stands for "not given".
            "files": ["", "The project's data files (treaty.project.files.DataFiles); not given: the package's"],
        }
        super().__init__(**kwargs)
        self.problems: list[tuple[str, str, str]] = []
        self.scan: Scan | None = None

    def reset(self):
        self.problems = []
        self.scan = None

    def extendMarkdown(self, md):
        md.registerExtension(self)
        self.reset()
        md.treaty_paragraphs = self
        if not self.getConfig("enabled"):
            return
        # After whitespace is normalized (30), which also strips STX and ETX from the text: only
        # this preprocessor writes them.
        md.preprocessors.register(MarkBlocks(md, self), "treaty_blocks", 29)
        # Before every other block processor (the empty-block processor is 100): a marked block
        # is a paragraph whatever else Markdown would have read in it.
        md.parser.blockprocessors.register(TreatyParagraphProcessor(md.parser, self), "treaty_para", 110)


def makeExtension(**kwargs):
    return TreatyParagraphsExtension(**kwargs)
