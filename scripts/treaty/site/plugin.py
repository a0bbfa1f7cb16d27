"""MkDocs plugin `treaty`: wires the edition into MkDocs' events, and nothing more.

Works beside mkdocs-static-i18n, which runs one build per language; this plugin reads the
language being built from it. The project (treaty.project) is the folder of mkdocs.yml; the
content is checked once (treaty.checks), and the templates' context comes from the views beside
this module (treaty.site.views), all plain Python.
"""

from __future__ import annotations

import posixpath
import re
import time
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from treaty.checks.checker import check_tree
from treaty.findings import WARNING, errors, render
from treaty.model.content import TREATY_KINDS, classify
from treaty.model.labels import article_label, chapter_label, heading
from treaty.model.languages import get_language
from treaty.model.messages import gettext, kind_gettext, translations
from treaty.model.references import LINKED_KINDS, known_targets
from treaty.model.terminology import definition_anchors, definitions_article
from treaty.pdf.edition import pdf_name
from treaty.project import Project
from treaty.project.files import DataError
from treaty.reports.dashboard import build_report, localized
from treaty.reports.history import last_changes
from treaty.search.index import BUNDLE, LanguageIndex, write_stub
from treaty.site.views.alternates import hreflang, sitemap
from treaty.site.views.chooser import chooser
from treaty.site.views.meta import page_meta
from treaty.site.views.navigation import navigation
from treaty.site.views.not_found import not_found, not_found_root
from treaty.site.views.page import page_context

log = get_plugin_logger(__name__)
PARAGRAPHS = "treaty.markdown.paragraphs"
CITATIONS = "treaty.markdown.citations"
TERMS = "treaty.markdown.terms"
CROSSREFS = "treaty.markdown.crossrefs"
TYPOGRAPHY = "treaty.markdown.typography"
EXTENSIONS = (PARAGRAPHS, CITATIONS, CROSSREFS, TERMS, TYPOGRAPHY)
STYLESHEET = "assets/stylesheets/treaty.css"
SCRIPT = "assets/javascripts/treaty.js"
HTML_TAG = re.compile(r"<html lang=\"[^\"]*\"")
# Pages the search finds (the home page and the status dashboard only list the others).
SEARCHED_KINDS = ("article", "chapter", "preamble", "about")


def set_hreflang(config, links: list[dict]) -> None:
    """Material writes <link rel="alternate" hreflang> from extra.alternate; give it absolute URLs.

    mkdocs-static-i18n sets `extra.alternate` as an attribute, which shadows the key: set both.
    """
    config.extra["alternate"] = links
    config.extra.alternate = links


class TreatyPluginConfig(Config):
    # The instrument file, relative to mkdocs.yml (default: data/instrument.yml).
    instrument = config_options.Type(str, default="")
    # The language-chooser build of mkdocs-static-i18n (its default language) has this locale.
    chooser_locale = config_options.Type(str, default="xx")
    # Each language's own search index (<lang>/search/), written after that language's pages.
    search = config_options.Type(bool, default=True)
    # Each language's edition as one PDF (<lang>/<kind>-<lang>.pdf), made from the built pages.
    pdf = config_options.Type(bool, default=False)


class TreatyPlugin(BasePlugin[TreatyPluginConfig]):
    def __init__(self):
        super().__init__()
        self.project: Project | None = None
        self.status_report = None
        self.tree: dict = {}
        self.known: dict = {}  # language -> targets of its cross-references
        self.definitions: dict = {}  # language -> concept -> anchor of its definition
        self.lang = None
        self.root_404: str | None = None  # the chooser build's 404.html, kept at the site's root

    # -- configuration -------------------------------------------------------------------

    def current_language(self, config) -> str:
        i18n = config.plugins.get("i18n")
        current = getattr(i18n, "current_language", None) if i18n else None
        if current is None and i18n is not None:
            current = i18n.default_language
        return current or self.project.reference_language

    def on_config(self, config):
        if self.project is None:
            try:
                self.project = Project.from_config(config.config_file_path, docs=config.docs_dir,
                                                   instrument=self.config.instrument or None)
                self.check()
            except DataError as error:
                raise PluginError(str(error)) from None
        project = self.project
        self.lang = self.current_language(config)
        self.search_index = None if self.is_chooser or not self.config.search else LanguageIndex(
            self.lang, project.files)
        for name in EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
            config.mdx_configs.setdefault(name, {})["files"] = project.files
        # The theme's own style sheet and script, without a line in every project's mkdocs.yml.
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        if self.is_chooser:
            config.nav = ["index.md"]
            return config
        config.site_name = project.instrument.name(self.lang)
        # The footer's line in the page's language (mkdocs.yml's `copyright` is the chooser's).
        config.copyright = project.instrument.copyright.get(self.lang) or self._(
            "Synopses, provisional titles and interface of this edition: CC BY 4.0.")
        # Material marks each page's `status` in the navigation with an icon and this tooltip.
        config.extra["status"] = {
            "official": self._("Authentic text"),
            "provisional": self._("Provisional"),
            "synopsis": self._("Synopsis"),
        }
        config.nav = navigation(project, self.tree[self.lang], self.lang)
        return config

    @property
    def is_chooser(self) -> bool:
        return self.lang == self.config.chooser_locale

    @property
    def page_lang(self) -> str:
        """The language of the pages being built (the chooser's are in the reference language)."""
        return self.project.reference_language if self.is_chooser else self.lang

    def _(self, message: str, **params) -> str:
        return gettext(self.page_lang, message, files=self.project.files, **params)

    def check(self):
        """Run `treaty check` on the tree: a tree with errors is not built (and no page is shown
        from another language instead); warnings are listed and do not stop the build."""
        project = self.project
        # References to missing articles are reported by treaty.markdown.crossrefs while the pages
        # are rendered (warnings: a strict build, as `treaty build`, stops on them).
        result = check_tree(project, references=False)
        for finding in result.findings:
            if finding.severity == WARNING:  # info, not warning: MkDocs' --strict would stop on it
                log.info("treaty check: warning: %s", finding.text())
        problems = errors(result.findings)
        if problems:
            raise PluginError("the content does not pass `treaty check`:\n" + render(problems))
        self.tree = result.tree
        if any("status" in docs for docs in self.tree.values()):
            # One `git log` for the whole tree, only when a status page shows it.
            self.status_report = build_report(result, last_changes(project.docs), project.outline,
                                              project.language_codes, project.shown(project.docs),
                                              files=project.files)

    def on_pre_build(self, config):
        # mkdocs-static-i18n puts its own sitemap template first unless the project's custom_dir has
        # one; the theme's (every language's pages with their alternates) is the one to use.
        config.theme.dirs[:] = [folder for folder in config.theme.dirs
                                if Path(folder).name != "custom_i18n_sitemap"]

    def on_env(self, env, config, files):
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(translations(self.page_lang, self.project.files), newstyle=True)
        lang, kind, data = self.page_lang, self.project.instrument.kind, self.project.files
        env.globals["kind_gettext"] = lambda message, **params: kind_gettext(lang, kind, message, files=data, **params)
        return env

    # -- pages -----------------------------------------------------------------------------

    def document_of(self, page):
        lang, _, inner = page.file.src_uri.partition("/")
        kind, number = classify(inner)
        return self.tree.get(lang, {}).get(inner.removesuffix(".md")), kind, number

    def on_page_markdown(self, markdown, page, config, files):
        """Give the treaty extensions this page's language, kind and article."""
        document, kind, number = self.document_of(page)
        lang = self.page_lang
        treaty_text = not self.is_chooser and kind in TREATY_KINDS
        article = number if kind == "article" else 0
        config.mdx_configs[PARAGRAPHS].update(
            lang=lang, enabled=treaty_text, permalink_label=self._("Link to this paragraph"))
        # A synopsis' paragraphs are not the article's: they are not cited.
        cited = article if document is not None and document.status != "synopsis" else 0
        config.mdx_configs[CITATIONS].update(lang=lang, instrument=config.site_name, article=cited)
        config.mdx_configs[TYPOGRAPHY].update(lang=lang)
        self.configure_terms(config, page, lang, treaty_text and kind != "chapter", number)
        self.configure_crossrefs(config, page, document, markdown, lang, kind, article)
        return markdown

    def configure_terms(self, config, page, lang, treaty_text, number):
        terms_file = self.project.terminology_file
        article = definitions_article(terms_file) if terms_file else None
        if article and lang not in self.definitions:
            definitions = self.tree.get(lang, {}).get(f"articles/{article}")
            self.definitions[lang] = definition_anchors(definitions.body, lang, terms_file, self.project.files) \
                if definitions is not None else {}
        config.mdx_configs[TERMS].update(
            lang=lang, terms_file=str(terms_file) if terms_file else "",
            enabled=bool(article) and treaty_text and number != article,
            definition_url=posixpath.relpath(f"{lang}/articles/{article}/", page.url or ".") + "/",
            preview_label=self._("Explanation written for this edition:"),
            definition_label=self._("Read the definition"), anchors=self.definitions.get(lang, {}),
        )

    def configure_crossrefs(self, config, page, document, markdown, lang, kind, article):
        """Links to articles relative to this page, the targets that exist in this language, and
        the file and line for a reference to one that does not (a warning: fails --strict)."""
        enabled = not self.is_chooser and document is not None and kind in LINKED_KINDS
        settings = config.mdx_configs[CROSSREFS]
        settings.update(lang=lang, enabled=enabled, article=article, instrument_kind=self.project.instrument.kind,
                        instrument_name=self.project.instrument.name(lang))
        if not enabled:
            return
        if lang not in self.known:
            self.known[lang] = known_targets(self.tree[lang], lang, self.project.files)
        base = page.url.rstrip("/") if config.use_directory_urls else posixpath.dirname(page.url)
        articles = posixpath.relpath(f"{lang}/articles", base or ".")
        full = document.path.read_text(encoding="utf-8-sig")
        start = full.find(markdown) if markdown else -1
        settings.update(
            article_url=f"{articles}/{{article}}/" if config.use_directory_urls else f"{articles}/{{article}}.html",
            known=self.known[lang], source=document.rel, strict=False, report=log.warning,
            first_line=full.count("\n", 0, start) + 1 if start >= 0 else document.body_line)

    def site_url(self, config) -> str:
        return (config.site_url or "/").rstrip("/") + "/"

    def on_template_context(self, context, template_name, config):
        if template_name == "sitemap.xml":
            context["treaty_sitemap"] = sitemap(self.project, self.tree, self.site_url(config))
        elif template_name == "404.html":
            set_hreflang(config, [])  # an address that does not exist has no other languages
        if template_name == "404.html" and self.is_chooser:
            context["treaty"] = {"not_found_root": not_found_root(self.project)}
        elif template_name == "404.html":
            context["treaty"] = not_found(self.project, self.tree, self.lang, self.site_url(config),
                                          self.search_index is not None)
        return context

    def on_post_template(self, output, template_name, config):
        """Each language's 404 page goes to <lang>/404.html; the root's 404.html stays the chooser
        build's (every language's message), whichever build comes last."""
        if template_name != "404.html":
            return output
        output = self.with_direction(output)
        if self.is_chooser:
            self.root_404 = output
            return output
        target = Path(config.site_dir) / self.lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return self.root_404 or output

    def on_page_context(self, context, page, config, nav):
        site_url = self.site_url(config)
        if self.is_chooser:
            context["treaty"] = {"chooser": chooser(self.project)}
            set_hreflang(config, hreflang(self.project, self.tree, "index", site_url))
            return context
        document, kind, _ = self.document_of(page)
        if document is None:
            return context
        set_hreflang(config, hreflang(self.project, self.tree, document.key, site_url))
        info = page_context(self.project, self.tree, document, self.lang, site_url)
        info["search"] = self.search_index is not None
        if kind == "status":
            # The table has a column per language: the table of contents gives it its width.
            page.meta["hide"] = sorted({*(page.meta.get("hide") or []), "toc"})
        if kind == "status" and self.status_report is not None:
            info["dashboard"] = localized(self.status_report, self.lang, self.tree, files=self.project.files)
        info["meta"] = page_meta(self.project, info, document, self.project.files)
        if self.config.pdf:
            info["pdf"] = {"url": f"{self.lang}/{pdf_name(self.project, self.lang)}"}
        context["treaty"] = info
        return context

    # -- search ------------------------------------------------------------------------

    def on_page_content(self, html, page, config, files):
        if self.search_index is None:
            return html
        document, kind, number = self.document_of(page)
        if document is None or kind not in SEARCHED_KINDS:
            return html
        files = self.project.files
        if kind == "article":
            title = heading(self.lang, article_label(self.lang, number, files=files), document.title, files=files)
        elif kind == "chapter":
            title = heading(self.lang, chapter_label(self.lang, number, files=files), document.title, files=files)
        else:
            title = document.title
        self.search_index.add(page.url, title, html, number if kind == "article" else None, kind)
        return html

    def on_post_build(self, config):
        if self.root_404 is not None:
            (Path(config.site_dir) / "404.html").write_text(self.root_404, encoding="utf-8")
        if self.config.search:
            write_stub(Path(config.site_dir))
        if self.search_index is not None:
            self.search_index.write(Path(config.site_dir) / self.lang / BUNDLE)
        if self.config.pdf and not self.is_chooser:
            self.write_pdf(config)

    def write_pdf(self, config):
        """The language's PDF, after its pages: a step of its own (treaty.pdf), timed in the log."""
        from treaty.pdf.edition import PdfError, write_language_pdf

        started = time.perf_counter()
        try:
            target = write_language_pdf(self.project, self.tree, Path(config.site_dir), self.lang,
                                        self.site_url(config))
        except PdfError as error:
            raise PluginError(f"treaty: the PDF in '{self.lang}' was not made: {error}") from None
        log.info("PDF %s: %d KB in %.1f s", target.name, target.stat().st_size // 1024,
                 time.perf_counter() - started)

    def on_post_page(self, output, page, config):
        return self.with_direction(output)

    def with_direction(self, output: str) -> str:
        # Material writes <html lang>; the direction belongs there too, for the whole page.
        if self.is_chooser:
            return HTML_TAG.sub('<html lang="mul" dir="ltr"', output, count=1)
        language = get_language(self.lang, self.project.files)
        return HTML_TAG.sub(f'<html lang="{language.code}" dir="{language.dir}"', output, count=1)
