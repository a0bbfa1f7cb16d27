"""The instrument's outline: its chapters, their articles and titles in the reference language
(data/<outline>.yml, named by the instrument file).

    chapters:                       # an instrument in chapters
      - number: 1
        roman: I
        title: General provisions
        articles: {1: Statement of purpose, 2: Use of terms}
    articles: 30                    # or, without chapters: the number of untitled articles,
    articles: {1: Purpose, 2: ...}  # or the articles and their titles
    preamble: false                 # an instrument without a preamble (default: it has one)

Facts about the instrument (names, symbol, dates) are in the instrument file, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from treaty.project.files import DataError, load_yaml


@dataclass(frozen=True)
class Chapter:
    number: int
    roman: str
    title: str
    articles: tuple[int, ...]


@dataclass(frozen=True)
class Outline:
    chapters: tuple[Chapter, ...]
    article_titles: dict
    # Articles in no chapter: all of them in an instrument without chapters (`articles:` at the top).
    unchaptered: tuple[int, ...] = ()
    preamble: bool = True  # `preamble: false` for an instrument without one

    @property
    def articles(self) -> list[int]:
        return [n for chapter in self.chapters for n in chapter.articles] + list(self.unchaptered)

    def chapter_of(self, article: int) -> Chapter | None:
        for chapter in self.chapters:
            if article in chapter.articles:
                return chapter
        return None

    def chapter(self, number: int) -> Chapter | None:
        return next((c for c in self.chapters if c.number == number), None)

    @property
    def titled(self) -> bool:
        """Whether the articles have titles."""
        return any(title for title in self.article_titles.values())


def load_outline(path: Path) -> Outline:
    data = load_yaml(path) or {}
    if not isinstance(data, dict) or not (data.get("chapters") or data.get("articles")):
        raise DataError(f"{path}: the outline gives neither 'chapters' nor 'articles'; list the chapters with "
                        "their articles, or give 'articles: N' for N untitled articles without chapters")
    chapters, titles = [], {}
    for entry in data.get("chapters") or []:
        articles = {int(k): v for k, v in (entry.get("articles") or {}).items()}
        titles.update(articles)
        chapters.append(Chapter(int(entry["number"]), str(entry.get("roman", "")), str(entry.get("title") or ""),
                                tuple(articles)))
    # Without chapters: `articles:` is the articles and their titles, or only their count (untitled).
    loose = data.get("articles") or {}
    loose = {n: None for n in range(1, loose + 1)} if isinstance(loose, int) else {int(k): v for k, v in loose.items()}
    titles.update(loose)
    return Outline(chapters=tuple(chapters), article_titles=titles, unchaptered=tuple(loose),
                   preamble=data.get("preamble", True) is not False)
