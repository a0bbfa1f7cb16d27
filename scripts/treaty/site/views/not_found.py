"""The page for an address that does not exist: one per language (<lang>/404.html, in that
language, with its search and the other languages), and one at the root for hosts that serve a
single 404.html (GitHub Pages): every language's message, the one of the address's language
picked by a script (treaty/not-found.js), all of them without one."""

from __future__ import annotations

from treaty.model.messages import gettext
from treaty.site.views.alternates import alternates


def message(project, lang: str) -> dict:
    def _(text, **params):
        return gettext(lang, text, files=project.files, **params)

    return {"heading": _("Page not found"),
            "text": _("There is no page at this address in this edition. The address may be mistyped, or the "
                      "page may have moved: search the edition or start from its home page."),
            "home": _("Home page"),
            "title": _("Page not found") + " — " + project.instrument.short_name(lang)}


def not_found(project, tree: dict, lang: str, site_url: str, search: bool) -> dict:
    """The `treaty` context of one language's 404 page: its message, search, and the six home pages."""
    info = message(project, lang)
    language = next(language for language in project.languages if language.code == lang)
    return {"kind": "404", "lang": lang, "dir": language.dir, "search": search,
            "not_found": info, "home_url": f"{lang}/",
            "alternates": alternates(project, tree, "index", site_url, lang),
            "meta": {"title": info["title"], "description": "", "open_graph": [], "json_ld": None}}


def not_found_root(project) -> list[dict]:
    """Every language's message for the root 404.html, in the instrument's order."""
    return [{"code": language.code, "dir": language.dir, "name": language.autonym, "url": f"{language.code}/",
             **message(project, language.code)} for language in project.languages]
