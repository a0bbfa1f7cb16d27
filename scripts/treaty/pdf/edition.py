"""One language's edition as a tagged PDF (PDF/UA-1): title page, table of contents, preamble,
chapters and articles, with bookmarks, page numbers, the instrument's name as running header and
each synopsis or provisional page marked as such.

The input is the built site: each page's text is taken from its HTML (<article>), so the PDF
shows what the site shows (paragraph anchors, status notices, typography), without the site's
navigation, scripts and previews. Cross-references become links inside the PDF; other links
become absolute addresses of the site. Fonts are the system's Noto faces (Debian's
fonts-noto-core and fonts-noto-cjk), embedded by WeasyPrint."""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import shutil
import subprocess
from pathlib import Path

from lxml import html as lxml_html

from treaty.model import edition
from treaty.model.labels import chapter_label
from treaty.model.messages import gettext
from treaty.pdf import pdf_name
from treaty.project.files import DataError
from treaty.site.views.state import edition_state

# Removed from each page's <article>: what only a browser uses.
DROPPED = (".//script", ".//*[@id='treaty-text']") + tuple(
    f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
    for name in ("treaty-compare-menu", "treaty-term__preview", "treaty-source", "treaty-head__status", "headerlink",
                 "treaty-list", "treaty-download")) + (".//h2[@id='articles']",)
# The faces the style sheet names; without them Arabic and Chinese would print as boxes.
FONTS = {"ar": "Noto Naskh Arabic", "zh": "Noto Sans CJK SC"}
STYLESHEET = Path(__file__).with_name("edition.css")


class PdfError(DataError):
    """The PDF cannot be made (a missing font or page); the message says what to install or fix."""


def check_fonts(lang: str) -> None:
    face = FONTS.get(lang)
    if not face or not shutil.which("fc-list"):
        return
    found = subprocess.run(["fc-list", face], capture_output=True, text=True, check=False).stdout
    if not found.strip():
        raise PdfError(f"the PDF in '{lang}' needs the font {face!r}, which is not installed: install Debian's "
                       "fonts-noto-core and fonts-noto-cjk (`make build` does), or build without PDFs (pdf: false "
                       "in the treaty plugin's options)")


def documents(project, docs: dict, lang: str) -> list[tuple[str, str, str, str]]:
    """(key, level, label, title) of the pages the PDF holds, in reading order."""
    files, outline = project.files, project.outline
    out = []
    if "preamble" in docs:
        out.append(("preamble", "1", "", docs["preamble"].title))
    for chapter in edition.chapters(docs, lang, outline, files):
        head = chapter["chapter"]
        out.append((head.key, "1", chapter_label(lang, chapter["number"], files=files), head.title))
        out += [(entry.key, "2", entry.label, entry.title) for entry in chapter["articles"]]
    out += [(entry.key, "1", entry.label, entry.title) for entry in edition.unchaptered(docs, lang, outline, files)]
    return out


def anchor_of(key: str) -> str:
    return "pdf-" + key.replace("/", "-")


def page_body(site_dir: Path, lang: str, key: str, keys: set[str], site_url: str) -> str:
    """The text of one built page, its ids made unique and its links pointed into the PDF."""
    path = site_dir / lang / key / "index.html"
    if not path.is_file():
        raise PdfError(f"{path} was not built: the PDF is made from the built pages")
    tree = lxml_html.fromstring(path.read_bytes().decode("utf-8"))
    found = tree.xpath("//article[contains(@class, 'md-content__inner')]")
    if not found:
        raise PdfError(f"{path} has no <article>: the theme `treaty` writes one on every page")
    article = found[0]
    for path in DROPPED:
        for element in article.xpath(path):
            element.drop_tree()
    prefix = anchor_of(key) + "-"
    for element in article.iter():
        if not isinstance(element.tag, str):
            continue
        if element.get("id"):
            element.set("id", prefix + element.get("id"))
        for attribute in ("aria-describedby", "title"):
            element.attrib.pop(attribute, None)
        if element.tag == "a" and element.get("href") is not None:
            element.set("href", pdf_link(element.get("href"), lang, key, keys, site_url))
        if element.tag == "h1":
            element.set("class", (element.get("class", "") + " pdf-heading").strip())
    inner = "".join(lxml_html.tostring(child, encoding="unicode") for child in article)
    return inner


def pdf_link(href: str, lang: str, key: str, keys: set[str], site_url: str) -> str:
    """A link of a page: to a page of the PDF, an anchor in it, or the site's address."""
    if href.startswith(("http://", "https://", "mailto:")):
        return href
    address, _, fragment = href.partition("#")
    if not address:
        return f"#{anchor_of(key)}-{fragment}" if fragment else f"#{anchor_of(key)}"
    target = posixpath.normpath(posixpath.join(f"{lang}/{key}/", address)).strip("/")
    inner = target.split("/", 1)[1] if target.startswith(lang + "/") else None
    if inner in keys:
        return f"#{anchor_of(inner)}-{fragment}" if fragment else f"#{anchor_of(inner)}"
    return site_url + target + ("/" if not posixpath.splitext(target)[1] else "") + (f"#{fragment}" if fragment else "")


def edition_html(project, tree: dict, site_dir: Path, lang: str, site_url: str, today: dt.date | None = None) -> str:
    """The whole edition in one HTML document, for WeasyPrint."""
    files = project.files
    language = next(language for language in project.languages if language.code == lang)
    docs = tree[lang]

    def _(message, **params):
        return gettext(lang, message, files=files, **params)

    entries = documents(project, docs, lang)
    keys = {key for key, *_ in entries}
    name = html.escape(project.instrument.name(lang))
    contents, summary = html.escape(_("Contents")), html.escape(_("Edition in one document"))
    parts = [f'<!doctype html><html lang="{lang}" dir="{language.dir}"><head><meta charset="utf-8">',
             f"<title>{name}</title>",
             f'<meta name="description" content="{summary}">',
             f'<meta name="dcterms.created" content="{(today or dt.date.today()).isoformat()}">',
             "</head><body>",
             '<section class="pdf-cover">',
             f'<p class="pdf-cover__name" role="heading" aria-level="1">{name}</p>']
    if project.instrument.symbol:
        parts.append(f'<p class="pdf-cover__symbol">{html.escape(project.instrument.symbol)}</p>')
    parts += [f"<p>{html.escape(sentence)}</p>" for sentence in edition_state(project, tree, lang, features=False)]
    parts.append(f'<p class="pdf-cover__site" dir="ltr">{html.escape(site_url)}{lang}/</p></section>')
    parts.append(f'<nav class="pdf-toc" aria-label="{contents}"><h1 class="pdf-toc__heading">{contents}</h1><ul>')
    for key, level, label, title in entries:
        text = " ".join(part for part in (label, title) if part)
        parts.append(f'<li class="pdf-toc__level-{level}"><a href="#{anchor_of(key)}">{html.escape(text)}</a></li>')
    parts.append("</ul></nav>")
    statuses = {"official": _("Authentic text"), "provisional": _("Provisional"), "synopsis": _("Synopsis")}
    for key, level, _label, _title in entries:
        status = docs[key].status or ""
        mark = statuses.get(status, "") if status != "official" else ""
        parts.append(f'<section class="pdf-page pdf-level-{level}" id="{anchor_of(key)}" '
                     f'data-status="{html.escape(status)}" data-mark="{html.escape(mark)}">')
        parts.append(page_body(site_dir, lang, key, keys, site_url))
        parts.append("</section>")
    parts.append("</body></html>")
    return "".join(parts)


def write_language_pdf(project, tree: dict, site_dir: Path, lang: str, site_url: str) -> Path:
    """<site>/<lang>/<kind>-<lang>.pdf from the language's built pages; returns its path."""
    from weasyprint import CSS, HTML

    check_fonts(lang)
    source = edition_html(project, tree, site_dir, lang, site_url)
    css = CSS(filename=str(STYLESHEET))
    target = site_dir / lang / pdf_name(project, lang)
    HTML(string=source, base_url=str(site_dir / lang) + "/").write_pdf(
        str(target), stylesheets=[css], pdf_variant="pdf/ua-1", uncompressed_pdf=False)
    return target
