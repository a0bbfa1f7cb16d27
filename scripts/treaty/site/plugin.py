"""MkDocs plugin `treaty`: checks the tree, builds each language's navigation and page context.

Works beside mkdocs-static-i18n, which runs one build per language; this plugin reads the
language being built from it and gives the templates what they need: localized labels, status
notices, language alternates (hreflang), chapter listings and edition counts.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from babel.dates import format_date
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from .. import edition, messages
from ..content import TREATY_KINDS, classify
from ..crossrefs import LINKED_KINDS, known_targets
from ..findings import WARNING, errors, render
from ..labels import article_label, chapter_label, heading, see_article
from ..languages import get_language, language_codes, load_languages, x_default
from ..outline import load_outline
from ..checker import check_tree
from ..dashboard import build_report, localized
from ..history import last_changes
from ..lock import default_lock
from ..sources import shown
from ..paths import DATA_DIR, load_yaml
from ..search.index import BUNDLE, LanguageIndex, write_stub
from ..terminology import TERMINOLOGY_FILE, definitions_article

log = get_plugin_logger(__name__)
PARAGRAPHS = "treaty.markdown.paragraphs"
CITATIONS = "treaty.markdown.citations"
TERMS = "treaty.markdown.terms"
CROSSREFS = "treaty.markdown.crossrefs"
HTML_TAG = re.compile(r"<html lang=\"[^\"]*\"")
# Pages the search finds (the home page and the status dashboard only list the others).
SEARCHED_KINDS = ("article", "chapter", "preamble", "about")


def sort_key(key: str):
    """index, preamble, chapters and articles in numeric order, then other pages."""
    kind, _, number = key.partition("/")
    order = {"index": 0, "preamble": 1, "chapters": 2, "articles": 3}.get(kind, 4)
    return (order, int(number) if number.isdigit() else 0, key)


def set_hreflang(config, alternates: list[dict]) -> None:
    """Material writes <link rel="alternate" hreflang> from extra.alternate; give it absolute URLs.

    mkdocs-static-i18n sets `extra.alternate` as an attribute, which shadows the key: set both.
    """
    config.extra["alternate"] = alternates
    setattr(config.extra, "alternate", alternates)


class TreatyPluginConfig(Config):
    outline = config_options.File(exists=True, default=str(DATA_DIR / "convention-outline.yml"))
    instrument = config_options.File(exists=True, default=str(DATA_DIR / "instrument.yml"))
    reference_language = config_options.Type(str, default="en")
    # The language-chooser build of mkdocs-static-i18n (its default language) has this locale.
    chooser_locale = config_options.Type(str, default="xx")
    # The authentic-text lock (default: data/authentic-text.lock.yml beside mkdocs.yml).
    lock = config_options.Type(str, default="")
    # Each language's own search index (<lang>/search/), written after that language's pages.
    search = config_options.Type(bool, default=True)


class TreatyPlugin(BasePlugin[TreatyPluginConfig]):
    def __init__(self):
        super().__init__()
        self.checked = False
        self.status_report = None
        self.tree: dict = {}
        self.known: dict = {}  # language -> targets of its cross-references
        self.lang = None

    # -- configuration -------------------------------------------------------------------

    def current_language(self, config) -> str:
        i18n = config.plugins.get("i18n")
        current = getattr(i18n, "current_language", None) if i18n else None
        if current is None and i18n is not None:
            current = i18n.default_language
        return current or self.config.reference_language

    def on_config(self, config):
        self.docs_dir = Path(config.docs_dir)
        self.root = Path(config.config_file_path).parent
        self.outline = load_outline(Path(self.config.outline))
        self.lang = self.current_language(config)
        self.search_index = None if self.is_chooser or not self.config.search else LanguageIndex(self.lang)
        if not self.checked:
            self.check(config)
        for name in (PARAGRAPHS, CITATIONS, TERMS, CROSSREFS):
            if name in config.markdown_extensions:
                config.mdx_configs.setdefault(name, {})
        if self.is_chooser:
            config.nav = ["index.md"]
            return config
        config.site_name = self.instrument_name(self.lang)
        # The footer's line in the page's language (mkdocs.yml's `copyright` is the chooser's).
        config.copyright = self.instrument_text("copyright", self.lang) or messages.gettext(
            self.lang, "Synopses, provisional titles and interface of this edition: CC BY 4.0. "
                       "The text of the Convention is a United Nations document.")
        # Material marks each page's `status` in the navigation with an icon and this tooltip.
        config.extra["status"] = {
            "official": messages.gettext(self.lang, "Authentic text"),
            "provisional": messages.gettext(self.lang, "Provisional"),
            "synopsis": messages.gettext(self.lang, "Synopsis"),
        }
        config.nav = self.navigation()
        return config

    def instrument_name(self, lang: str) -> str:
        """The instrument's name in `lang`: from the instrument file, else from the catalogs."""
        return self.instrument_text("names", lang) or messages.gettext(
            lang, "United Nations Convention against Cybercrime")

    def instrument_text(self, key: str, lang: str) -> str | None:
        """A text the instrument file gives per language (`names`, `copyright`): another
        instrument names itself there; this Convention's texts are in the catalogs."""
        return (load_yaml(Path(self.config.instrument)).get(key) or {}).get(lang)

    @property
    def is_chooser(self) -> bool:
        return self.lang == self.config.chooser_locale

    def check(self, config):
        """Run `treaty check` on the tree: a tree with errors is not built (and no page is shown
        from another language instead); warnings are listed and do not stop the build."""
        codes = language_codes()
        lock = Path(self.config.lock) if self.config.lock else default_lock(self.root)
        # References to missing articles are reported by treaty.markdown.crossrefs while the pages
        # are rendered (warnings: a strict build, as `treaty build`, stops on them).
        result = check_tree(self.docs_dir, root=self.root, languages=codes, outline=self.outline,
                            reference=self.config.reference_language, lock_file=lock, references=False)
        for finding in result.findings:
            if finding.severity == WARNING:  # info, not warning: MkDocs' --strict would stop on it
                log.info("treaty check: warning: %s", finding.text())
        problems = errors(result.findings)
        if problems:
            raise PluginError("the content does not pass `treaty check`:\n" + render(problems))
        self.tree = result.tree
        self.status_report = None
        if any("status" in docs for docs in self.tree.values()):
            # One `git log` for the whole tree, only when a status page shows it.
            self.status_report = build_report(result, last_changes(self.docs_dir), self.outline, codes,
                                              shown(self.docs_dir, self.root))
        self.checked = True

    def navigation(self) -> list:
        lang, docs = self.lang, self.tree[self.lang]
        nav = [{messages.gettext(lang, "Home"): f"{lang}/index.md"},
               {docs["preamble"].title: f"{lang}/preamble.md"}]
        for chapter in edition.chapters(docs, lang, self.outline):
            head = chapter["chapter"]
            items = [f"{lang}/{head.path}"]
            items += [{heading(lang, a.label, a.title): f"{lang}/{a.path}"} for a in chapter["articles"]]
            nav.append({heading(lang, head.label, head.title): items})
        nav += [{heading(lang, a.label, a.title): f"{lang}/{a.path}"}
                for a in edition.unchaptered(docs, lang, self.outline)]
        nav.append({docs["about"].title: f"{lang}/about.md"})
        if "status" in docs:
            nav.append({docs["status"].title: f"{lang}/status.md"})
        return nav

    def on_env(self, env, config, files):
        env.add_extension("jinja2.ext.i18n")
        lang = self.config.reference_language if self.is_chooser else self.lang
        env.install_gettext_translations(messages.translations(lang), newstyle=True)
        return env

    # -- pages -----------------------------------------------------------------------------

    def document_of(self, page):
        lang, _, inner = page.file.src_uri.partition("/")
        kind, number = classify(inner)
        key = inner.removesuffix(".md")
        return self.tree.get(lang, {}).get(key), kind, number

    def on_page_markdown(self, markdown, page, config, files):
        """Give the treaty extensions this page's language, kind and article."""
        _, kind, number = self.document_of(page)
        lang = self.config.reference_language if self.is_chooser else self.lang
        treaty_text = not self.is_chooser and kind in ("article", "preamble")
        if PARAGRAPHS in config.mdx_configs:
            config.mdx_configs[PARAGRAPHS].update(
                lang=lang, enabled=treaty_text,
                permalink_label=messages.gettext(lang, "Link to this paragraph"))
        if CITATIONS in config.mdx_configs:
            config.mdx_configs[CITATIONS].update(
                lang=lang, instrument=config.site_name, article=number if kind == "article" else 0)
        if TERMS in config.mdx_configs:
            settings = config.mdx_configs[TERMS]
            terms_file = Path(settings.get("terms_file") or TERMINOLOGY_FILE)
            article = definitions_article(terms_file) if terms_file.exists() else None
            settings.update(
                lang=lang,
                enabled=bool(article) and treaty_text and number != article,
                definition_url=posixpath.relpath(f"{lang}/articles/{article}/", page.url or ".") + "/",
                preview_label=messages.gettext(lang, "Explanation written for this edition:"),
            )
        if CROSSREFS in config.mdx_configs:
            self.configure_crossrefs(config, page, markdown, lang, kind, number)
        return markdown

    def configure_crossrefs(self, config, page, markdown, lang, kind, number):
        """Links to articles relative to this page, the targets that exist in this language, and
        the file and line for a reference to one that does not (a warning: fails --strict)."""
        document, _, _ = self.document_of(page)
        enabled = not self.is_chooser and document is not None and kind in LINKED_KINDS
        settings = config.mdx_configs[CROSSREFS]
        settings.update(lang=lang, enabled=enabled, article=number if kind == "article" else 0)
        if not enabled:
            return
        if lang not in self.known:
            self.known[lang] = known_targets(self.tree[lang], lang)
        base = page.url.rstrip("/") if config.use_directory_urls else posixpath.dirname(page.url)
        articles = posixpath.relpath(f"{lang}/articles", base or ".")
        full = document.path.read_text(encoding="utf-8-sig")
        start = full.find(markdown) if markdown else -1
        settings.update(
            article_url=f"{articles}/{{article}}/" if config.use_directory_urls else f"{articles}/{{article}}.html",
            known=self.known[lang], source=document.rel, strict=False, report=log.warning,
            first_line=full.count("\n", 0, start) + 1 if start >= 0 else document.body_line)

    def alternates(self, key: str, site_url: str) -> list[dict]:
        out = []
        for language in load_languages():
            if key not in self.tree.get(language.code, {}):
                continue
            url = f"{language.code}/" if key == "index" else f"{language.code}/{key}/"
            out.append({"code": language.code, "name": language.autonym, "dir": language.dir,
                        "url": url, "abs_url": site_url + url, "current": language.code == self.lang})
        return out

    def hreflang(self, key: str, site_url: str) -> list[dict]:
        """Absolute alternates of a document, plus x-default, as <link hreflang> wants them."""
        alternates = self.alternates(key, site_url)
        links = [{"lang": a["code"], "link": a["abs_url"], "name": a["name"]} for a in alternates]
        default = next((a for a in alternates if a["code"] == x_default()), None)
        if key == "index":
            links.append({"lang": "x-default", "link": site_url, "name": "x-default"})
        elif default:
            links.append({"lang": "x-default", "link": default["abs_url"], "name": "x-default"})
        return links

    def on_template_context(self, context, template_name, config):
        if template_name == "sitemap.xml":
            site_url = (config.site_url or "/").rstrip("/") + "/"
            entries = [{"loc": site_url, "alternates": self.hreflang("index", site_url)}]
            for lang, docs in self.tree.items():
                for key in sorted(docs, key=sort_key):
                    links = self.hreflang(key, site_url)
                    own = next(link["link"] for link in links if link["lang"] == lang)
                    entries.append({"loc": own, "alternates": links})
            context["treaty_sitemap"] = entries
        return context

    def on_page_context(self, context, page, config, nav):
        site_url = (config.site_url or "/").rstrip("/") + "/"
        if self.is_chooser:
            context["treaty"] = {"chooser": self.chooser(site_url)}
            set_hreflang(config, self.hreflang("index", site_url))
            return context
        document, kind, number = self.document_of(page)
        if document is None:
            return context
        lang = self.lang
        alternates = self.alternates(document.key, site_url)
        set_hreflang(config, self.hreflang(document.key, site_url))
        docs = self.tree[lang]
        info = {
            "lang": lang,
            "dir": get_language(lang).dir,
            "kind": kind,
            "number": number,
            "status": document.status,
            "title": document.title,
            "title_status": document.meta.get("title_status", "provisional"),
            "source": document.meta.get("source"),
            "source_file": document.rel,
            "alternates": alternates,
            "about_url": f"{lang}/about/",
            "search": self.search_index is not None,
        }
        if kind == "article":
            info["label"] = article_label(lang, number)
            chapter = self.outline.chapter_of(number)
            if chapter and f"chapters/{chapter.number}" in docs:
                info["chapter"] = {"label": chapter_label(lang, chapter.number),
                                   "title": docs[f"chapters/{chapter.number}"].title,
                                   "url": f"{lang}/chapters/{chapter.number}/"}
        elif kind == "chapter":
            info["label"] = chapter_label(lang, number)
            listing = [c for c in edition.chapters(docs, lang, self.outline) if c["number"] == number]
            info["articles"] = listing[0]["articles"] if listing else []
        elif kind == "status" and self.status_report is not None:
            info["dashboard"] = localized(self.status_report, lang, self.tree)
        elif kind == "home":
            info["chapters"] = edition.chapters(docs, lang, self.outline)
            info["articles"] = edition.unchaptered(docs, lang, self.outline)
            info["counts"] = edition.status_counts(docs)
            info["facts"] = self.facts(lang)
        context["treaty"] = info
        return context

    def facts(self, lang: str) -> dict:
        data = load_yaml(Path(self.config.instrument))
        locale = get_language(lang).locale
        signature = data["signature"]
        return {
            "symbol": self.outline.symbol,
            "adopted": format_date(self.outline.adopted, "long", locale=locale),
            "opened": format_date(self.outline.opened_for_signature, "long", locale=locale),
            "until": format_date(signature["until"], "long", locale=locale),
            "country": (signature.get("country_names") or {}).get(lang)
            or locale.territories.get(signature["country"], signature["country"]),
            "entry": data["entry_into_force"],
            "languages": [language.name_in(lang) for language in load_languages()],
            "languages_article": data["authentic_languages_article"],
            "entry_see": see_article(lang, data["entry_into_force"]["article"]),
            "languages_see": see_article(lang, data["authentic_languages_article"]),
        }

    def chooser(self, site_url: str) -> list[dict]:
        return [{"code": language.code, "name": language.autonym, "dir": language.dir,
                 "title": self.instrument_name(language.code),
                 "action": messages.gettext(language.code, "Read in this language"),
                 "url": f"{language.code}/"} for language in load_languages()]

    # -- search ------------------------------------------------------------------------

    def on_page_content(self, html, page, config, files):
        if self.search_index is None:
            return html
        document, kind, number = self.document_of(page)
        if document is None or kind not in SEARCHED_KINDS:
            return html
        if kind == "article":
            title = heading(self.lang, article_label(self.lang, number), document.title)
        elif kind == "chapter":
            title = heading(self.lang, chapter_label(self.lang, number), document.title)
        else:
            title = document.title
        self.search_index.add(page.url, title, html, number if kind == "article" else None, kind)
        return html

    def on_post_build(self, config):
        if self.config.search:
            write_stub(Path(config.site_dir))
        if self.search_index is not None:
            self.search_index.write(Path(config.site_dir) / self.lang / BUNDLE)

    def on_post_page(self, output, page, config):
        # Material writes <html lang>; the direction belongs there too, for the whole page.
        if self.is_chooser:
            return HTML_TAG.sub('<html lang="mul" dir="ltr"', output, count=1)
        language = get_language(self.lang)
        return HTML_TAG.sub(f'<html lang="{language.code}" dir="{language.dir}"', output, count=1)
