"""The instrument's outline: chapters, their articles and English titles (data/convention-outline.yml)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .paths import DATA_DIR, load_yaml

OUTLINE_FILE = DATA_DIR / "convention-outline.yml"


@dataclass(frozen=True)
class Chapter:
    number: int
    roman: str
    title: str
    articles: tuple[int, ...]


@dataclass(frozen=True)
class Outline:
    short_title: str
    symbol: str
    adopted: dt.date
    opened_for_signature: dt.date
    signature_place: str
    chapters: tuple[Chapter, ...]
    article_titles: dict
    # Articles in no chapter: all of them in an instrument without chapters (`articles:` at the top).
    unchaptered: tuple[int, ...] = ()

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


def as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@lru_cache(maxsize=None)
def load_outline(path: Path = OUTLINE_FILE) -> Outline:
    data = load_yaml(path)
    chapters, titles = [], {}
    for entry in data.get("chapters") or []:
        articles = {int(k): v for k, v in entry["articles"].items()}
        titles.update(articles)
        chapters.append(Chapter(entry["number"], entry["roman"], entry["title"], tuple(articles)))
    # Without chapters: `articles:` is the articles and their titles, or only their count (untitled).
    loose = data.get("articles") or {}
    loose = {n: None for n in range(1, loose + 1)} if isinstance(loose, int) else {int(k): v for k, v in loose.items()}
    titles.update(loose)
    return Outline(
        short_title=data["short_title"],
        symbol=data["symbol"],
        adopted=as_date(data["adopted"]),
        opened_for_signature=as_date(data["opened_for_signature"]),
        signature_place=data["signature_place"],
        chapters=tuple(chapters),
        article_titles=titles,
        unchaptered=tuple(loose),
    )
