"""The navigation of one language: home, preamble, chapters with their articles (or the articles of
an instrument without chapters), about and status pages, each with its localized heading; and
that navigation as one page shows it (`chapter_navigation`)."""

from __future__ import annotations

from treaty.model import edition, typography
from treaty.model.messages import gettext


def navigation(project, docs: dict, lang: str) -> list:
    """MkDocs' `nav` for `lang`: titles to paths below docs/."""
    files = project.files
    nav = [{gettext(lang, "Home", files=files): f"{lang}/index.md"}]
    for key in ("preamble",):
        if key in docs:
            nav.append({typography.apply(docs[key].title, lang, files): f"{lang}/{key}.md"})
    for chapter in edition.chapters(docs, lang, project.outline, files):
        head = chapter["chapter"]
        items = [f"{lang}/{head.path}"] + [{a.heading: f"{lang}/{a.path}"} for a in chapter["articles"]]
        nav.append({head.heading: items})
    nav += [{a.heading: f"{lang}/{a.path}"} for a in edition.unchaptered(docs, lang, project.outline, files)]
    for key in ("about", "status"):
        if key in docs:
            nav.append({typography.apply(docs[key].title, lang, files): f"{lang}/{key}.md"})
    return nav


class PageNavigation:
    """A site's navigation as one page shows it: its `items` chosen, the rest as the whole's."""

    def __init__(self, whole, items: list):
        self._whole = whole
        self.items = items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __getattr__(self, name):
        return getattr(self._whole, name)


def chapter_navigation(nav) -> PageNavigation:
    """The navigation a page shows: the pages at the top (home, preamble, about, status) and the
    chapter of the page, with its articles; not the other chapters. So the navigation of each
    page does not grow with the instrument, nor the time to write it (Material's templates write
    each item of it, for every page); the home page lists every chapter and article, and each
    page links to the one before and after it. `nav`: MkDocs' navigation, during the page's build
    (the page and its chapter are marked active)."""
    return PageNavigation(nav, [item for item in nav.items if not getattr(item, "is_section", False) or item.active])
