"""Read built HTML pages: links, ids, attributes (standard library parser)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class PageInfo:
    html_attrs: dict = field(default_factory=dict)
    ids: set = field(default_factory=set)
    links: list = field(default_factory=list)  # (tag, attrs) of elements with href/src
    text: list = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.info = PageInfo()
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.info.html_attrs = attrs
        if "id" in attrs:
            self.info.ids.add(attrs["id"])
        if "name" in attrs and tag == "a":
            self.info.ids.add(attrs["name"])
        if "href" in attrs or "src" in attrs:
            self.info.links.append((tag, attrs))
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.info.text.append(data)


@cache
def parse(path: Path) -> PageInfo:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.info


def article_text(path: Path) -> str:
    """The text inside the page's <article> element (the body, without navigation)."""
    html = path.read_text(encoding="utf-8")
    start = html.find('<article class="md-content__inner')
    end = html.find("</article>", start)
    parser = _Parser()
    parser.feed(html[start:end])
    return " ".join(parser.info.text)
