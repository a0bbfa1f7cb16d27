"""Each page's `treaty` context: its kind, labels, status, alternates and, by kind, what its
template lists (a chapter's articles, the home page's facts, contents and counts)."""

from __future__ import annotations

from treaty.model import edition, typography
from treaty.model.labels import article_label, chapter_label
from treaty.model.languages import get_language
from treaty.site.views.alternates import alternates
from treaty.site.views.facts import facts
from treaty.site.views.state import edition_state

# Pages that can be read beside the same page in another language, paragraph by paragraph.
COMPARED_KINDS = ("article", "chapter", "preamble")


def page_context(project, tree: dict, document, lang: str, site_url: str) -> dict:
    files, outline = project.files, project.outline
    kind, number, docs = document.kind, document.number, tree[lang]
    info = {
        "lang": lang,
        "dir": get_language(lang, files).dir,
        "kind": kind,
        "instrument_kind": project.instrument.kind,
        "number": number,
        "status": document.status,
        "title": typography.apply(document.title, lang, files),
        "title_status": document.meta.get("title_status", "provisional"),
        "source": document.meta.get("source"),
        "source_file": document.rel,
        "alternates": alternates(project, tree, document.key, site_url, lang),
        "about_url": f"{lang}/about/",
    }
    if kind in COMPARED_KINDS:
        # "Compare with…": the same page in each other language that has it (treaty/compare.js).
        info["compare"] = [alt for alt in info["alternates"] if not alt["current"]]
    if kind == "article":
        info["label"] = article_label(lang, number, files=files)
        chapter = outline.chapter_of(number)
        if chapter and f"chapters/{chapter.number}" in docs:
            head = edition.entry(docs[f"chapters/{chapter.number}"], chapter_label(lang, chapter.number, files=files),
                                 files)
            info["chapter"] = {"label": head.label, "title": head.title, "heading": head.heading,
                               "url": f"{lang}/chapters/{chapter.number}/"}
    elif kind == "chapter":
        info["label"] = chapter_label(lang, number, files=files)
        listing = edition.chapters(docs, lang, outline, files, only=number)
        info["articles"] = listing[0]["articles"] if listing else []
    if kind in ("home", "about", "status"):
        info["state"] = edition_state(project, tree, lang)
    if kind == "home":
        info["chapters"] = edition.chapters(docs, lang, outline, files)
        info["articles"] = edition.unchaptered(docs, lang, outline, files)
        info["counts"] = edition.status_counts(docs)
        info["facts"] = facts(project, lang)
    return info
