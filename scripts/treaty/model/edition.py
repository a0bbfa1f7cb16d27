"""What the site shows about the edition as a whole: titles, chapters with articles, counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from treaty.model import typography
from treaty.model.content import Document
from treaty.model.labels import article_label, chapter_label, heading
from treaty.model.outline import Outline
from treaty.project.files import DataFiles


@dataclass
class Entry:
    key: str  # articles/7
    label: str  # Article 7
    title: str  # as the language sets it (treaty.model.typography)
    title_status: str
    status: str
    heading: str = ""  # label and title as the language joins them: "Article 7. Illegal access", "第七条　…"

    @property
    def path(self) -> str:
        return f"{self.key}.md"


def entry(document: Document, label: str, files: DataFiles | None = None) -> Entry:
    title = typography.apply(document.title, document.lang, files)
    return Entry(document.key, label, title, document.meta.get("title_status", "provisional"),
                 document.status or "", heading(document.lang, label, title, files=files))


def chapters(docs: dict[str, Document], lang: str, outline: Outline, files: DataFiles | None = None,
             only: int | None = None) -> list[dict]:
    """Each chapter of `lang` with its articles, in outline order (documents missing are skipped);
    `only`: that chapter alone."""
    out = []
    for chapter in outline.chapters:
        if only is not None and chapter.number != only:
            continue
        document = docs.get(f"chapters/{chapter.number}")
        if document is None:
            continue
        articles = [entry(docs[f"articles/{n}"], article_label(lang, n, files=files), files)
                    for n in chapter.articles if f"articles/{n}" in docs]
        out.append({"chapter": entry(document, chapter_label(lang, chapter.number, files=files), files),
                    "number": chapter.number, "articles": articles})
    return out


def unchaptered(docs: dict[str, Document], lang: str, outline: Outline, files: DataFiles | None = None) -> list[Entry]:
    """The articles in no chapter (all of them in an instrument without chapters), in outline order."""
    return [entry(docs[f"articles/{n}"], article_label(lang, n, files=files), files)
            for n in outline.unchaptered if f"articles/{n}" in docs]


def status_counts(docs: dict[str, Document]) -> dict[str, int]:
    """How many articles are official, provisional, synopsis: counted from the files."""
    counts = Counter(d.status for d in docs.values() if d.kind == "article")
    return {status: counts.get(status, 0) for status in ("official", "provisional", "synopsis")}

