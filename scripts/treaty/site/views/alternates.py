"""The same document in every language: the switcher's links, hreflang links and the sitemap."""

from __future__ import annotations


def sort_key(key: str):
    """index, preamble, chapters and articles in numeric order, then other pages."""
    kind, _, number = key.partition("/")
    order = {"index": 0, "preamble": 1, "chapters": 2, "articles": 3}.get(kind, 4)
    return (order, int(number) if number.isdigit() else 0, key)


def alternates(project, tree: dict, key: str, site_url: str, current: str | None = None) -> list[dict]:
    """The document `key` in each language that has it, in the instrument's order."""
    out = []
    for language in project.languages:
        if key not in tree.get(language.code, {}):
            continue
        url = f"{language.code}/" if key == "index" else f"{language.code}/{key}/"
        out.append({"code": language.code, "name": language.autonym, "dir": language.dir,
                    "url": url, "abs_url": site_url + url, "current": language.code == current})
    return out


def hreflang(project, tree: dict, key: str, site_url: str) -> list[dict]:
    """Absolute alternates of a document, plus x-default, as <link hreflang> wants them."""
    links = [{"lang": a["code"], "link": a["abs_url"], "name": a["name"]}
             for a in alternates(project, tree, key, site_url)]
    default = next((link for link in links if link["lang"] == project.instrument.x_default), None)
    if key == "index":
        links.append({"lang": "x-default", "link": site_url, "name": "x-default"})
    elif default:
        links.append({"lang": "x-default", "link": default["link"], "name": "x-default"})
    return links


def sitemap(project, tree: dict, site_url: str) -> list[dict]:
    """Every page of every language, with its alternates; the chooser first."""
    entries = [{"loc": site_url, "alternates": hreflang(project, tree, "index", site_url)}]
    for lang, docs in tree.items():
        for key in sorted(docs, key=sort_key):
            links = hreflang(project, tree, key, site_url)
            own = next(link["link"] for link in links if link["lang"] == lang)
            entries.append({"loc": own, "alternates": links})
    return entries
