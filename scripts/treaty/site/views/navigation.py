"""The navigation of one language: home, preamble, chapters with their articles (or the articles of
an instrument without chapters), about and status pages, each with its localized heading."""

from __future__ import annotations

from treaty.model import edition
from treaty.model.labels import heading
from treaty.model.messages import gettext


def navigation(project, docs: dict, lang: str) -> list:
    """MkDocs' `nav` for `lang`: titles to paths below docs/."""
    files = project.files
    nav = [{gettext(lang, "Home", files=files): f"{lang}/index.md"}]
    if "preamble" in docs:
        nav.append({docs["preamble"].title: f"{lang}/preamble.md"})
    for chapter in edition.chapters(docs, lang, project.outline, files):
        head = chapter["chapter"]
        items = [f"{lang}/{head.path}"]
        items += [{heading(lang, a.label, a.title, files=files): f"{lang}/{a.path}"} for a in chapter["articles"]]
        nav.append({heading(lang, head.label, head.title, files=files): items})
    nav += [{heading(lang, a.label, a.title, files=files): f"{lang}/{a.path}"}
            for a in edition.unchaptered(docs, lang, project.outline, files)]
    for key in ("about", "status"):
        if key in docs:
            nav.append({docs[key].title: f"{lang}/{key}.md"})
    return nav
