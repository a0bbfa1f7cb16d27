"""What a page says about itself to browsers, search engines and link previews: its title
("Article 7 — Illegal access — <instrument short name>"), a description taken from its own text,
Open Graph properties and schema.org `Legislation` data (JSON-LD). All from the content model and
the instrument file: nothing here knows which instrument it is."""

from __future__ import annotations

import functools
import re

from babel.core import Locale, get_global

from treaty.model import typography
from treaty.model.blocks import scan
from treaty.model.content import TREATY_KINDS

SEPARATOR = " — "
DESCRIPTION_LENGTH = 160
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")  # [text](address) -> text
MARKUP = re.compile(r"[*_`]+|\{[:#.][^}]*\}|<[^>]+>")  # emphasis, code, attribute lists, tags
SPACES = re.compile(r"\s+")
UNSPACED = ("zh", "ja")


def page_title(project, info: dict, document) -> str:
    """The page's name, then the instrument's short name: never the instrument's name twice."""
    short = project.instrument.short_name(info["lang"])
    if document.kind == "home":
        return short
    parts = [info.get("label"), info.get("title")]
    parts = [part for part in parts if part]
    return SEPARATOR.join(parts + [short])


def description(document, lang: str, files) -> str:
    """The front matter's `description` when the file gives one; else the first paragraph of the
    page's text (synopsis or treaty text), as plain text, cut at a word (a character in Chinese)
    to about 160 characters."""
    given = document.meta.get("description")
    if isinstance(given, str) and given.strip():
        return given.strip()
    treaty_text = document.kind in TREATY_KINDS
    found = scan(document.body, lang, treaty_text=treaty_text, files=files)
    for block in found.blocks:
        if block.kind not in ("numbered", "paragraph", "intro", "continuation", "text"):
            continue
        lines = found.lines[block.start:block.end]
        if not lines:
            continue
        lines[0] = lines[0][block.text_start:]
        text = plain(" ".join(lines))
        if text:
            return typography.apply(shorten(text, lang), lang, files)
    return ""


def plain(markdown: str) -> str:
    text = LINK.sub(r"\1", markdown)
    text = MARKUP.sub("", text)
    return SPACES.sub(" ", text).strip()


def shorten(text: str, lang: str, limit: int = DESCRIPTION_LENGTH) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if lang not in UNSPACED and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.，；：。、") + "…"


def open_graph(project, info: dict, title: str, text: str, url: str) -> list[tuple[str, str]]:
    """(property, content) pairs of the Open Graph protocol."""
    pairs = [("og:type", "article" if info["kind"] in TREATY_KINDS else "website"), ("og:title", title),
             ("og:site_name", project.instrument.name(info["lang"])), ("og:url", url),
             ("og:locale", og_locale(info["lang"]))]
    if text:
        pairs.append(("og:description", text))
    for alt in info["alternates"]:
        if not alt["current"]:
            pairs.append(("og:locale:alternate", og_locale(alt["code"])))
    return pairs


@functools.cache  # Babel parses the tag anew each time (a sixth of a build's time, once per page and language)
def og_locale(code: str) -> str:
    """Open Graph wants language_TERRITORY: the territory CLDR finds likeliest (fr -> fr_FR)."""
    likely = get_global("likely_subtags").get(code)
    locale = Locale.parse(likely) if likely else Locale.parse(code)
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


def legislation(project, info: dict, document, title: str, text: str, url: str) -> dict:
    """schema.org Legislation: the page, the instrument it is part of, the same page in the other
    languages; its legal force only for the authentic text (a synopsis or a provisional text has none)."""
    instrument = project.instrument
    lang = info["lang"]
    identifier = instrument.symbol or instrument.name(project.reference_language)
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": url,
        "url": url,
        "name": title,
        "inLanguage": lang,
        "legislationIdentifier": identifier + (f", {info['label']}" if info.get("label") else ""),
    }
    if text:
        data["description"] = text
    if document.kind != "home":
        data["isPartOf"] = {"@type": "Legislation", "name": instrument.name(lang), "legislationIdentifier": identifier,
                            "url": next(alt["abs_url"] for alt in info["alternates"] if alt["current"]).rsplit(
                                f"{document.key}/", 1)[0]}
    others = [{"@type": "Legislation", "@id": alt["abs_url"], "url": alt["abs_url"], "inLanguage": alt["code"]}
              for alt in info["alternates"] if not alt["current"]]
    if others:
        data["workExample"] = others
    if document.kind in TREATY_KINDS:
        data["creativeWorkStatus"] = document.status
        if document.status == "official":
            data["legislationLegalForce"] = instrument.legal_force()
    return data


def page_meta(project, info: dict, document, files) -> dict:
    """Everything of the page's <head> above, for the template."""
    title = page_title(project, info, document)
    text = description(document, info["lang"], files)
    url = next(alt["abs_url"] for alt in info["alternates"] if alt["current"])
    return {"title": title, "description": text, "open_graph": open_graph(project, info, title, text, url),
            "json_ld": legislation(project, info, document, title, text, url)}
