"""The navigation of one language: home, preamble, chapters with their articles (or the articles of
an instrument without chapters), about and status pages, each with its localized heading."""

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
