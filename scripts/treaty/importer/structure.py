"""From a document's blocks to the instrument: preamble, chapters, sections, articles, paragraphs.

The instrument starts after the last annex heading before its first chapter or article (the
resolution adopting it comes first in a General Assembly document), with its title; the
preamble runs from there to the first chapter or article heading. Headings are recognized in
each language (headings.py); numbered paragraphs keep their enumerators as the language writes
them, or get them from the list markup (data/enumerators.yml). The closing formula after the
last article ("IN WITNESS WHEREOF ...") stays at the end of the last article; an annex heading
after it ends the instrument (reported). Anything that cannot be placed stops the import with its
place in the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from treaty.importer.config import InstrumentConfig
from treaty.importer.errors import ImportFailure, Where, quoted
from treaty.importer.headings import Heading, HeadingReader
from treaty.importer.readers import NOTE_REF, WIDE, Block, Footnote, Source
from treaty.model.enumerators import EnumeratorTracker
from treaty.model.outline import Outline
from treaty.project.files import DataFiles, defaults

LIST_LEVELS = {"decimal": 1, "lower-alpha": 2, "upper-alpha": 2, "abjad": 2, "arabic-alpha": 2,
               "cyrillic-lower": 2, "cyrillic-upper": 2, "lower-roman": 3, "upper-roman": 3}


@dataclass
class Part:
    """The preamble or an article: its title and paragraphs (enumerators included)."""

    kind: str  # preamble, article
    number: int | None
    where: Where
    title: str = ""
    title_official: bool = False
    chapter: int | None = None
    section: int | None = None
    paragraphs: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # para-1, para-1-a ... of its paragraphs
    blocks: list[Block] = field(default_factory=list, repr=False)  # as read from the document

    def notes(self) -> list[str]:
        """Labels of the footnotes referred to, in order of first reference."""
        seen: list[str] = []
        for text in self.paragraphs:
            for label in NOTE_REF.findall(text):
                if label not in seen:
                    seen.append(label)
        return seen


@dataclass
class Section:
    number: int
    title: str
    where: Where
    label: str = ""  # the heading as written: "Section 2"
    articles: list[int] = field(default_factory=list)


@dataclass
class Chapter:
    number: int
    title: str
    where: Where
    sections: list[Section] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)


@dataclass
class Instrument:
    lang: str
    source: Path
    preamble: Part
    chapters: list[Chapter]
    articles: list[Part]
    footnotes: dict[str, Footnote]
    warnings: list[str] = field(default_factory=list)

    @property
    def paragraph_count(self) -> int:
        return sum(len(part.anchors) for part in [self.preamble, *self.articles])


def enumerator_spec(lang: str, files: DataFiles | None = None) -> dict:
    return (files or defaults()).load("enumerators.yml")["languages"][lang]


def written_enumerator(lang: str, level: int, position: int, form: str | None = None,
                       files: DataFiles | None = None) -> str:
    """The enumerator of a list item as the language writes it: (2, 2) -> "(b)", "b)", "(ب)".
    `form` (import-headings.yml, list_enumerators) around the value of data/enumerators.yml."""
    spec = enumerator_spec(lang, files)[f"level{level}"]
    form = form or spec["forms"][0]
    if "sequence" in spec:
        sequence = spec["sequence"]
        if position > len(sequence):
            raise ValueError(f"no enumerator {position} at level {level}")
        value = str(sequence[position - 1])
    else:
        value = str(position)
    return form.replace("{e}", value)


class Builder:
    def __init__(self, source: Source, lang: str, config: InstrumentConfig, outline: Outline):
        self.source = source
        self.lang = lang
        self.config = config
        self.outline = outline
        self.headings = HeadingReader(lang, config.headings_file, {
            "chapter": config.chapter_numbering, "section": "arabic", "article": config.article_numbering})
        self.untitled = () if config.article_titles else ("article",)
        self.styled = any(block.heading or block.emphasis for block in source.blocks)
        self.warnings: list[str] = []

    def heading(self, block: Block) -> Heading | None:
        found = self.headings.match(NOTE_REF.sub("", block.text), self.untitled)
        if found and NOTE_REF.search(block.text):
            raise ImportFailure(f"the heading {quoted(block.text)} carries a footnote", block.where,
                                "footnotes on headings are not imported: tell the editors of this edition")
        return found

    # -- the parts before the first article ----------------------------------------------------

    def build(self) -> Instrument:
        blocks = self.source.blocks
        marks = [self.heading(block) for block in blocks]
        first = next((i for i, h in enumerate(marks) if h and h.kind in ("chapter", "article")), None)
        if first is None:
            shown = blocks[0]
            raise ImportFailure(
                f"found no chapter or article heading in this document (its first line: {quoted(shown.text)})",
                shown.where,
                f"check --lang {self.lang} and that the document is the instrument's text; headings are "
                f"recognized as written in {self.config.headings_file.name}")
        start = max((i + 1 for i, h in enumerate(marks[:first]) if h and h.kind == "annex"), default=0)
        preamble = self.preamble(blocks, marks, start, first)
        chapters, articles = self.body(blocks, marks, first)
        instrument = Instrument(self.lang, self.source.path, preamble, chapters, articles, self.source.footnotes,
                                self.warnings)
        self.against_outline(instrument)
        self.number_paragraphs(instrument)
        return instrument

    def preamble(self, blocks: list[Block], marks: list, start: int, end: int) -> Part:
        heading = next((i for i in range(start, end) if marks[i] and marks[i].kind == "preamble"), None)
        if heading is not None:
            body_start, title, official = heading + 1, blocks[heading].text, True
        else:
            # The instrument's title: its heading-styled lines, or in plain text its first paragraph.
            body_start = start
            if self.styled:
                while body_start < end and (blocks[body_start].heading or blocks[body_start].emphasis):
                    body_start += 1
            else:
                body_start = min(start + 1, end)
            title, official = self.headings.preamble_title, False
        body = blocks[body_start:end]
        if not body:
            raise ImportFailure("found no preamble before the first heading "
                                f"{quoted(blocks[end].text)}", blocks[end].where,
                                "check that the document is complete: the preamble comes between the "
                                "instrument's title and its first chapter or article")
        for index in range(body_start, end):
            if marks[index] and marks[index].kind == "section":
                raise ImportFailure(f"a section heading {quoted(blocks[index].text)} comes before any chapter",
                                    blocks[index].where, "check the document: sections are parts of chapters")
        return Part("preamble", None, body[0].where, title, official, blocks=body)

    # -- chapters, sections, articles -------------------------------------------------------

    def title_after(self, blocks: list[Block], marks: list, index: int, heading: Heading) -> tuple[str, int]:
        """The title of a heading: on its line, or the next block; returns it and the next index."""
        if heading.title:
            return heading.title, index + 1
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or marks[index + 1] is not None or self.enumerated(following):
            fix = "check the document"
            if heading.kind == "article":
                fix += (f"; if this instrument's articles have no titles, "
                        f"set 'articles: titles: false' in {self.config.path.name}")
            raise ImportFailure(
                f"{heading.kind} {heading.number} has no title: after its heading {quoted(blocks[index].text)} comes "
                + (quoted(following.text) if following is not None else "the end of the document"),
                blocks[index].where, fix)
        if NOTE_REF.search(following.text):
            raise ImportFailure(f"the title {quoted(following.text)} carries a footnote", following.where,
                                "footnotes on titles are not imported: tell the editors of this edition")
        return following.text, index + 2

    def enumerated(self, block: Block) -> bool:
        return bool(block.list_level) or bool(EnumeratorTracker(self.lang, self.config.files)
                                              .forms.candidates(block.text))

    def body(self, blocks: list[Block], marks: list, first: int):
        chapters: list[Chapter] = []
        articles: list[Part] = []
        chapter: Chapter | None = None
        section: Section | None = None
        article: Part | None = None
        index = first
        while index < len(blocks):
            block, heading = blocks[index], marks[index]
            kind = heading.kind if heading else None
            if kind == "chapter":
                if not self.config.chapters:
                    raise ImportFailure(f"chapter heading {quoted(block.text)} in an instrument without chapters",
                                        block.where, f"set 'chapters: present: true' in {self.config.path.name} "
                                        "if the instrument has chapters")
                expected = chapters[-1].number + 1 if chapters else 1
                self.in_sequence("chapter", heading.number, expected, block, chapters[-1].where if chapters else None)
                title, index = self.title_after(blocks, marks, index, heading)
                chapter, section, article = Chapter(heading.number, title, block.where), None, None
                chapters.append(chapter)
                continue
            if kind == "section":
                if not self.config.sections:
                    raise ImportFailure(f"section heading {quoted(block.text)}, but the configuration says the "
                                        "instrument has no sections", block.where,
                                        f"set 'sections: true' in {self.config.path.name}")
                if chapter is None:
                    raise ImportFailure(f"section heading {quoted(block.text)} outside any chapter", block.where,
                                        "check the document: sections are parts of chapters")
                expected = chapter.sections[-1].number + 1 if chapter.sections else 1
                self.in_sequence("section", heading.number, expected, block,
                                 chapter.sections[-1].where if chapter.sections else None)
                title, index = self.title_after(blocks, marks, index, heading)
                section, article = Section(heading.number, title, block.where, heading.label), None
                chapter.sections.append(section)
                continue
            if kind == "article":
                if self.config.chapters and chapter is None:
                    raise ImportFailure(f"{quoted(block.text)} comes before the first chapter heading", block.where,
                                        f"check the document, or set 'chapters: present: false' in "
                                        f"{self.config.path.name} if the instrument has no chapters")
                expected = articles[-1].number + 1 if articles else 1
                self.in_sequence("article", heading.number, expected, block, articles[-1].where if articles else None)
                article = Part("article", heading.number, block.where,
                               chapter=chapter.number if chapter else None,
                               section=section.number if section else None)
                if self.config.article_titles:
                    article.title, index = self.title_after(blocks, marks, index, heading)
                    article.title_official = True
                else:
                    index += 1
                articles.append(article)
                if chapter:
                    chapter.articles.append(article.number)
                if section:
                    section.articles.append(article.number)
                continue
            if kind == "annex" and articles:
                # The instrument ends here; what follows (another annex) is not one of its articles.
                self.warnings.append(f"{block.where}: the document goes on after article {articles[-1].number} "
                                     f"with {quoted(block.text)}; that part is not imported")
                break
            if kind in ("annex", "preamble"):
                raise ImportFailure(f"{quoted(block.text)} comes among the articles", block.where,
                                    "check the document: a preamble comes before the first article")
            if article is None:
                after = f"chapter {chapter.number}" if chapter and section is None else (
                    f"section {section.number}" if section else "the headings")
                raise ImportFailure(
                    f"cannot place {quoted(block.text)}: it follows the title of {after} and comes before "
                    "its first article", block.where,
                    "check the document; a chapter's or section's title must be a single paragraph")
            article.blocks.append(block)
            index += 1
        for article in articles:
            if not article.blocks:
                raise ImportFailure(f"article {article.number} has no text", article.where,
                                    "check the document is complete")
        return chapters, articles

    @staticmethod
    def in_sequence(kind: str, number: int, expected: int, block: Block, previous: Where | None) -> None:
        if number == expected:
            return
        if number > expected:
            missing = f"{kind} {expected}" if number == expected + 1 else f"{kind}s {expected} to {number - 1}"
            after = f" (the previous one is at {previous})" if previous else ""
            raise ImportFailure(f"{missing} is missing: {quoted(block.text)} comes after {kind} {expected - 1}{after}"
                                if expected > 1 else f"{missing} is missing: the first {kind} is {quoted(block.text)}",
                                block.where,
                                "check that the document is complete and that no heading is written differently "
                                "(data/import-headings.yml lists the forms recognized)")
        raise ImportFailure(f"{kind} numbers out of order: {quoted(block.text)} comes after {kind} {expected - 1}",
                            block.where, "check the document; headings must follow each other in order")

    # -- paragraphs --------------------------------------------------------------------------

    def number_paragraphs(self, instrument: Instrument) -> None:
        """Enumerators from list markup where the document numbers by lists; every paragraph's
        anchor; an error at the first enumerator out of sequence."""
        for part in [instrument.preamble, *instrument.articles]:
            tracker = EnumeratorTracker(self.lang, self.config.files)
            blocks = part.blocks
            base = None
            texts = []
            for block in blocks:
                text = block.text
                if block.list_level and self.config.paragraphs != "typed":
                    if base is None:
                        base = LIST_LEVELS.get(block.list_format, 1) - block.list_level
                    level = max(1, min(3, base + block.list_level))
                    try:
                        token = written_enumerator(self.lang, level, block.list_position,
                                                   self.headings.list_forms.get(level), self.config.files)
                    except (ValueError, KeyError):
                        raise ImportFailure(f"list item {block.list_position} at level {level} has no enumerator "
                                            f"in '{self.lang}'", block.where,
                                            "check the list's numbering in the document") from None
                    # No space after a full-width bracket ("（a）有雾时").
                    text = token + ("" if WIDE.match(token[-1]) else " ") + text
                texts.append(text)
                step = tracker.feed(text)
                if step is None and block.list_level and self.config.paragraphs != "typed":
                    raise ImportFailure(f"the number written for this list item is not one data/enumerators.yml "
                                        f"recognizes in '{self.lang}': {quoted(text)}", block.where,
                                        f"make 'list_enumerators' of '{self.lang}' in {self.config.headings_file.name} "
                                        "forms of data/enumerators.yml")
                if step is None:
                    continue
                if step.problem:
                    name = "the preamble" if part.kind == "preamble" else f"article {part.number}"
                    raise ImportFailure(f"paragraph {step.enumerator.token} of {name} {step.problem}: "
                                        f"{quoted(text)}", block.where,
                                        "check that no paragraph is missing or split in two, and that the "
                                        "document's numbering is as published")
                part.anchors.append(step.anchor)
            part.paragraphs = texts

    # -- outline ---------------------------------------------------------------------------

    def against_outline(self, instrument: Instrument) -> None:
        outline, config = self.outline, self.config
        found = [a.number for a in instrument.articles]  # 1, 2, 3 ... (in_sequence saw to it)
        expected = outline.articles
        if found != expected:
            if found == expected[: len(found)]:
                rest = expected[len(found):]
                what = f"article {rest[0]} is" if len(rest) == 1 else f"articles {rest[0]} to {rest[-1]} are"
                raise ImportFailure(f"{what} missing: the document ends with article {found[-1]}, but the "
                                    f"instrument has {len(expected)} articles ({config.outline_file.name})",
                                    instrument.articles[-1].where,
                                    "check that the document is complete (its last pages)")
            extra = next((a for a in instrument.articles if a.number not in expected), instrument.articles[-1])
            raise ImportFailure(f"the document has articles 1 to {found[-1]}, {config.outline_file.name} "
                                f"has {len(expected)} articles", extra.where,
                                f"check {config.outline_file.name} and the document")
        if config.chapters:
            for article in instrument.articles:
                chapter = outline.chapter_of(article.number)
                if chapter is None or chapter.number != article.chapter:
                    raise ImportFailure(
                        f"article {article.number} is in chapter {article.chapter} of the document, but in "
                        f"chapter {chapter.number if chapter else '(none)'} of {config.outline_file.name}",
                        article.where, "check the chapter headings of the document and the outline")
            if len(instrument.chapters) != len(outline.chapters):
                raise ImportFailure(f"the document has {len(instrument.chapters)} chapters, the outline "
                                    f"{len(outline.chapters)}", instrument.chapters[-1].where,
                                    f"check {config.outline_file.name} and the document")
        if self.lang == config.reference_language:
            for article in instrument.articles:
                known = outline.article_titles.get(article.number)
                if known and article.title and " ".join(known.split()) != " ".join(article.title.split()):
                    instrument.warnings.append(
                        f"{article.where}: the title of article {article.number} is {quoted(article.title)} in "
                        f"the document and {quoted(known)} in {config.outline_file.name}: the document's is imported")


def build_instrument(source: Source, lang: str, config: InstrumentConfig, outline: Outline) -> Instrument:
    return Builder(source, lang, config, outline).build()
