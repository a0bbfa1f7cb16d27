"""MkDocs plugin `treaty`: wires the edition into MkDocs' events, and nothing more.

Works beside mkdocs-static-i18n, which runs one build per language; this plugin reads the
language being built from it. The project (treaty.project) is the folder of mkdocs.yml; the
content is checked once (treaty.checks), and the templates' context comes from the views beside
this module (treaty.site.views), all plain Python.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from treaty.checks.checker import check_tree
from treaty.checks.published import PublishedPolicy
from treaty.findings import WARNING, errors, render
from treaty.model.content import TREATY_KINDS, classify
from treaty.model.labels import article_label, chapter_label, heading
from treaty.model.languages import get_language
from treaty.model.messages import gettext, kind_gettext
from treaty.model.policy import markup_rules
from treaty.model.references import LINKED_KINDS, known_targets
from treaty.model.terminology import definitions_article
from treaty.project import Project
from treaty.project.files import DataError
from treaty.reports.dashboard import build_report, localized
from treaty.reports.history import last_changes
from treaty.search.index import BUNDLE, LanguageIndex, write_stub
from treaty.site.views.alternates import sitemap
from treaty.site.views.chooser import chooser
from treaty.site.views.headers import content_security_policy, headers_file
from treaty.site.views.navigation import navigation
from treaty.site.views.page import page_context

log = get_plugin_logger(__name__)
PARAGRAPHS = "treaty.markdown.paragraphs"
CITATIONS = "treaty.markdown.citations"
TERMS = "treaty.markdown.terms"
CROSSREFS = "treaty.markdown.crossrefs"
# Last: content is Markdown only, with the checker's rules (treaty.markdown.safety).
SAFETY = "treaty.markdown.safety"
TYPOGRAPHY = "treaty.markdown.typography"
EXTENSIONS = (PARAGRAPHS, CITATIONS, CROSSREFS, TERMS, TYPOGRAPHY, SAFETY)
STYLESHEET = "assets/stylesheets/treaty.css"
SCRIPT = "assets/javascripts/treaty.js"
HTML_TAG = re.compile(r"<html lang=\"[^\"]*\"")
# Material's base.html gives its two toggles `autocomplete="off"`, which HTML allows on text fields
# only (the Nu checker's error); base.html has no block around them, so the attribute is taken out.
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="__\w+") '
                                 r'autocomplete="off">')
# Pages the search finds (the home page and the status dashboard only list the others).
SEARCHED_KINDS = ("article", "chapter", "preamble", "about")


def clear_alternates(config) -> None:
    """No <link rel="alternate"> in the pages: Material's script requests "sitemap.xml" next to
    each one it finds (the production host's, from any copy of the site), to map its own language
    selector, which the edition replaces. The alternates of every page, hreflang included, are in
    the sitemap (views/alternates.py), where search engines read them as well.

    mkdocs-static-i18n sets `extra.alternate` as an attribute, which shadows the key: clear both.
    """
    config.extra["alternate"] = []
    config.extra.alternate = []


def plain_titles(toc) -> None:
    """The table of contents' titles as plain text (Python-Markdown gives them HTML-escaped), for
    the templates to escape once."""
    for item in toc or []:
        item.title = html.unescape(str(item.title))
        plain_titles(item.children)


class TreatyPluginConfig(Config):
    # The instrument file, relative to mkdocs.yml (default: data/instrument.yml).
    instrument = config_options.Type(str, default="")
    # The language-chooser build of mkdocs-static-i18n (its default language) has this locale.
    chooser_locale = config_options.Type(str, default="xx")
    # Each language's own search index (<lang>/search/), written after that language's pages.
    search = config_options.Type(bool, default=True)


class TreatyPlugin(BasePlugin[TreatyPluginConfig]):
    def __init__(self):
        super().__init__()
        self.project: Project | None = None
        self.status_report = None
        self.tree: dict = {}
        self.known: dict = {}  # language -> targets of its cross-references
        self.lang = None
        self.refused: list = []  # what the renderer refused on the page being rendered
        self.published: PublishedPolicy | None = None

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
        config.mdx_configs[SAFETY]["report"] = self.refused.append
        self.published = PublishedPolicy(markup_rules(project.files))
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
        # Every value a template writes is escaped, in text and in attributes: front matter, data
        # files and catalogs can all come from a pull request. Catalog strings are plain text too
        # (Jinja's own gettext would pass them as trusted HTML); the page's HTML is marked where
        # it is written (partials/content.html).
        env.autoescape = True
        lang, kind, data = self.page_lang, self.project.instrument.kind, self.project.files
        env.globals["_"] = env.globals["gettext"] = lambda message, **params: gettext(
            lang, message, files=data, **params)
        env.globals["kind_gettext"] = lambda message, **params: kind_gettext(lang, kind, message, files=data, **params)
        env.globals["treaty_csp"] = content_security_policy(meta=True)
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
        rel, first_line = self.source_of(page, markdown)
        config.mdx_configs[SAFETY].update(source=rel, first_line=first_line)
        self.refused.clear()
        return markdown

    def source_rel(self, page) -> str:
        """The page's file as the checker names it (docs/en/articles/7.md)."""
        try:
            return Path(page.file.abs_src_path).relative_to(self.project.root).as_posix()
        except ValueError:
            return page.file.src_uri

    def source_of(self, page, markdown: str) -> tuple[str, int]:
        """The page's file as the checker names it, and the line its Markdown starts on."""
        try:
            full = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
        except OSError:
            return self.source_rel(page), 1
        start = full.find(markdown) if markdown else -1
        return self.source_rel(page), full.count("\n", 0, start) + 1 if start >= 0 else 1

    def configure_terms(self, config, page, lang, treaty_text, number):
        terms_file = self.project.terminology_file
        article = definitions_article(terms_file) if terms_file else None
        config.mdx_configs[TERMS].update(
            lang=lang, terms_file=str(terms_file) if terms_file else "",
            enabled=bool(article) and treaty_text and number != article,
            definition_url=posixpath.relpath(f"{lang}/articles/{article}/", page.url or ".") + "/",
            preview_label=self._("Explanation written for this edition:"),
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
        return context

    def on_page_context(self, context, page, config, nav):
        site_url = self.site_url(config)
        plain_titles(page.toc)
        clear_alternates(config)
        if self.is_chooser:
            context["treaty"] = {"chooser": chooser(self.project)}
            return context
        document, kind, _ = self.document_of(page)
        if document is None:
            return context
        info = page_context(self.project, self.tree, document, self.lang, site_url)
        info["search"] = self.search_index is not None
        if kind == "status" and self.status_report is not None:
            info["dashboard"] = localized(self.status_report, self.lang, self.tree, files=self.project.files)
        context["treaty"] = info
        return context

    # -- search ------------------------------------------------------------------------

    def on_page_content(self, html, page, config, files):
        if self.refused:
            raise PluginError("the renderer refused what this page contains:\n" + render(self.refused))
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
        # The policy of every page, as a header too, for the hosts that read `_headers`.
        (Path(config.site_dir) / "_headers").write_text(headers_file(), encoding="utf-8")
        if self.config.search:
            write_stub(Path(config.site_dir))
        if self.search_index is not None:
            self.search_index.write(Path(config.site_dir) / self.lang / BUNDLE)

    def on_post_template(self, output_content, template_name, config):
        # The 404 page: the same page layout, rendered from a theme template.
        return TOGGLE_AUTOCOMPLETE.sub(r"\1>", output_content, count=2) if template_name.endswith(".html") \
            else output_content

    def on_post_page(self, output, page, config):
        # The last look: nothing the sanitizer would remove, no id of the layout's, in the content.
        problems = self.published.check(output, self.source_rel(page))
        if problems:
            raise PluginError("this page is not published:\n" + render(problems))
        output = TOGGLE_AUTOCOMPLETE.sub(r"\1>", output, count=2)
        # Material writes <html lang>; the direction belongs there too, for the whole page.
        if self.is_chooser:
            return HTML_TAG.sub('<html lang="mul" dir="ltr"', output, count=1)
        language = get_language(self.lang, self.project.files)
        return HTML_TAG.sub(f'<html lang="{language.code}" dir="{language.dir}"', output, count=1)
