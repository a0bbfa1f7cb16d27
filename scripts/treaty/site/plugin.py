"""MkDocs plugin `treaty`: wires the edition into MkDocs' events, and nothing more.

Works beside mkdocs-static-i18n, which runs one build per language (one after another, or each
in its own process: treaty.site.build); this plugin reads the language being built from it. The
project (treaty.project) is the folder of mkdocs.yml; the content is checked once per process
tree (treaty.checks), and the templates' context comes from the views beside this module
(treaty.site.views), all plain Python.

Each build writes its own language's pages only: the files every language shares at the site's
root (the theme's assets, the 404 page, the sitemap) are written by one build, the default
language's of mkdocs-static-i18n (the chooser), so that languages built side by side never write
the same file and the site is the same whatever the order of the builds.
"""

from __future__ import annotations

import functools
import html
import os
import posixpath
import re
import time
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from treaty.checks.checker import check_tree
from treaty.checks.parallel import available_cores
from treaty.checks.published import PublishedPolicy
from treaty.findings import WARNING, errors, render
from treaty.model.content import TREATY_KINDS, classify
from treaty.model.labels import article_label, chapter_label, heading
from treaty.model.languages import get_language, load_cldr
from treaty.model.messages import gettext, kind_gettext
from treaty.model.policy import markup_rules
from treaty.model.references import LINKED_KINDS, known_targets
from treaty.model.terminology import definition_anchors, definitions_article
from treaty.pdf import pdf_name
from treaty.project import Project
from treaty.project.files import DataError
from treaty.reports.dashboard import build_report, localized
from treaty.reports.history import last_changes
from treaty.search.index import BUNDLE, LanguageIndex, SearchBuildError
from treaty.site.memory import PageTrim
from treaty.site.minify import collapse_blank_lines, minify_assets
from treaty.site.stylesheet import classes_of, trim_stylesheet, write_classes
from treaty.site.templates import share_compiled_templates
from treaty.site.views.alternates import sitemap
from treaty.site.views.chooser import chooser
from treaty.site.views.headers import content_security_policy, headers_file
from treaty.site.views.meta import page_meta
from treaty.site.views.navigation import chapter_navigation, navigation
from treaty.site.views.not_found import not_found, not_found_root
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
# Pages rendered after the others (`render_last`), and by one process of the build at a time.
LARGE_KINDS = ("status",)
LARGE_PAGE_WAIT = 300  # seconds
# Each page's navigation shows its own chapter only (views.navigation.chapter_navigation), and
# Material writes its sections as plain links and checkboxes (keyboard and no-JS navigation):
# pruned, a section not shown open is not written at all.
FEATURES = ("navigation.prune",)


def unused_theme_file(uri: str, config) -> bool:
    """Files of Material's that no page of the edition loads: the source maps of its minified
    files, its own search (lunr) when the project does not use it, the colour palettes' styles
    when it has none, and a favicon that is not the one configured."""
    if uri.endswith(".map"):
        return True
    if uri.startswith(("assets/javascripts/lunr/", "assets/javascripts/workers/")):
        return not any(name in config.plugins for name in ("search", "material/search"))
    if uri.startswith("assets/stylesheets/palette.") or uri == "assets/javascripts/treaty/palette.js":
        return not config.theme.get("palette")
    if uri.startswith("assets/images/favicon."):
        return uri != config.theme.get("favicon")
    return False


def render_last(files, kinds) -> None:
    """Move the pages of `kinds` to the end of MkDocs' rendering order (the navigation, made
    already, keeps its order). A large instrument's status page is megabytes, and its parse trees
    (treaty.checks.published) tens of MB: rendered last, they are made when the other pages' HTML
    has been let go (`let_go`), not on top of it."""
    for file in list(files.documentation_pages()):
        if classify(file.src_uri.partition("/")[2])[0] in kinds:
            files.remove(file)
            files.append(file)


def let_go(page) -> None:
    """Let go of a written page's HTML, which MkDocs keeps until the language's build ends, every
    page's at once (a tenth of a build process at 10 times this instrument). Nothing reads it
    again: the navigation shows titles (MkDocs takes them from the front matter or from the
    render; not from the Markdown, which it needs for that and is kept), the search keeps its own
    records. Not in the preview, which reads the pages' HTML again (treaty.site.serve)."""
    page.content = None


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
        self.shared = True  # whether this build writes the files shared by every language
        self.result = None  # the check's (treaty.checks.checker.CheckResult)
        self.changes: dict = {}  # when each file last changed (git history)
        # `treaty serve` (treaty.site.serve): content with errors is built all the same (the
        # pages of the files with errors show them), and each build's files, navigation and
        # template environment are kept, to build pages again one by one.
        self.preview = False
        self.state: dict = {}
        self.static_templates: set | None = None  # the theme's (the 404 page and the sitemap)
        # A lock the processes of a build share (treaty.site.build): one of them at a time renders
        # and checks a page of LARGE_KINDS, whose parse trees are tens of MB at a large instrument.
        self.large_pages = None
        self.holding = False  # this process holds it
        # Search bundles not yet complete, in order (treaty.search.index.PendingBundle): Pagefind
        # indexes one at a time, beside the build, when `may_index()` allows it: treaty.site.build
        # keeps it from running beside several build processes (a large index takes as much memory
        # as a build process), and takes over the bundles its workers prepared.
        self.pending: list = []
        self.may_index = lambda: True
        self.classes: set = set()  # the classes of this build's pages (treaty.site.stylesheet)
        self.refused: list = []  # what the renderer refused on the page being rendered
        self.published: PublishedPolicy | None = None
        self.trim = PageTrim()

    # -- configuration -------------------------------------------------------------------

    def current_language(self, config) -> str:
        i18n = config.plugins.get("i18n")
        current = getattr(i18n, "current_language", None) if i18n else None
        if current is None and i18n is not None:
            current = i18n.default_language
        return current or self.project.reference_language

    def prepare(self, config) -> None:
        """The project and its check, once: the builds of every language that follow (in this
        process, or in processes forked from it) use them."""
        if self.project is None:
            try:
                self.project = Project.from_config(config.config_file_path, docs=config.docs_dir,
                                                   instrument=self.config.instrument or None)
                self.check()
            except DataError as error:
                raise PluginError(str(error)) from None
            # Every language's CLDR data (the language menus name each language in the others):
            # loaded here, it is shared with the build processes forked after this one.
            load_cldr(self.project.language_codes)

    def on_config(self, config):
        self.prepare(config)
        project = self.project
        self.lang = self.current_language(config)
        i18n = config.plugins.get("i18n")
        self.shared = i18n is None or self.lang == i18n.default_language
        if self.static_templates is None:
            self.static_templates = set(config.theme.static_templates)
        # The sitemap once; the 404 page in every build (each language writes its own).
        config.theme.static_templates = set(self.static_templates) if self.shared \
            else set(self.static_templates) & {"404.html"}
        # Only the build that writes the shared files needs the list of the theme's files.
        share_compiled_templates(config.theme, list_files=self.shared)
        for feature in FEATURES:
            if feature not in config.theme["features"]:
                config.theme["features"].append(feature)
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
        result = check_tree(project, references=False, jobs=available_cores())
        for finding in result.findings:
            if finding.severity == WARNING:  # info, not warning: MkDocs' --strict would stop on it
                log.info("treaty check: warning: %s", finding.text())
        problems = errors(result.findings)
        if problems and not self.preview:
            raise PluginError("the content does not pass `treaty check`:\n" + render(problems))
        if any("status" in docs for docs in result.tree.values()):
            self.changes = last_changes(project.docs)  # one `git log` for the whole tree
        self.adopt(result)

    def adopt(self, result, tree: dict | None = None) -> None:
        """The check's result, and the tree the pages are made of (by default the result's; a new
        result in `treaty serve`, after a file changed, with the last readable version of files
        that cannot be read now)."""
        project = self.project
        self.result = result
        tree = result.tree if tree is None else tree
        if self.tree and self.tree is not tree:
            for lang, docs in tree.items():  # the same dictionaries, shared by every build
                fresh = dict(docs)
                self.tree.setdefault(lang, {}).clear()
                self.tree[lang].update(fresh)
        else:
            self.tree = tree
        self.known.clear()
        if any("status" in docs for docs in self.tree.values()):
            self.status_report = build_report(result, self.changes, project.outline, project.language_codes,
                                              project.shown(project.docs), files=project.files)

    def on_pre_build(self, config):
        # mkdocs-static-i18n puts its own sitemap template first unless the project's custom_dir has
        # one; the theme's (every language's pages with their alternates) is the one to use.
        config.theme.dirs[:] = [folder for folder in config.theme.dirs
                                if Path(folder).name != "custom_i18n_sitemap"]

    def on_files(self, files, config):
        """The files of this build only: its language's (mkdocs-static-i18n then sorts out far
        fewer), and the theme's that pages use, in the build that writes the shared files."""
        i18n = config.plugins.get("i18n")
        locales = set(i18n.all_languages) if i18n else set()
        docs = os.path.join(os.path.normpath(config.docs_dir), "")
        # The preview builds content with errors, but not the files the check could not read
        # (their pages show the check's messages instead): MkDocs would read them again.
        failed = self.result.failed if self.preview and self.result else set()
        kept = []
        for file in files:
            if not os.path.normpath(file.abs_src_path).startswith(docs):
                if self.shared and not unused_theme_file(file.src_uri, config):
                    kept.append(file)
                continue
            if failed and self.project.shown(Path(file.abs_src_path)) in failed:
                continue
            top = file.src_uri.split("/", 1)[0] if "/" in file.src_uri else None
            if i18n is None or (top if top in locales else i18n.default_language) == self.lang:
                kept.append(file)
        return Files(kept)

    @event_priority(100)  # before others look up files (mkdocs-static-i18n has sorted them out)
    def on_nav(self, nav, config, files):
        # Each link of each page is looked up among the files, by mkdocs-static-i18n's slow
        # lookup; the files do not change during the build.
        files.get_file_from_path = functools.lru_cache(maxsize=None)(files.get_file_from_path)
        if self.preview:
            self.state.update(nav=nav, files=files)
        else:
            render_last(files, LARGE_KINDS)
        return nav

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
        if self.preview:
            self.state["env"] = env
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
        first_line = self.first_line(page, markdown)
        self.configure_crossrefs(config, page, document, lang, kind, article, first_line)
        config.mdx_configs[SAFETY].update(source=self.source_rel(page), first_line=first_line or 1)
        self.refused.clear()
        return markdown

    def source_rel(self, page) -> str:
        """The page's file as the checker names it (docs/en/articles/7.md)."""
        try:
            return Path(page.file.abs_src_path).relative_to(self.project.root).as_posix()
        except ValueError:
            return page.file.src_uri

    @staticmethod
    def first_line(page, markdown: str) -> int | None:
        """The line of the page's file its Markdown starts on (after the front matter); None when
        it cannot be told."""
        try:
            full = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
        except OSError:
            return None
        start = full.find(markdown) if markdown else -1
        return full.count("\n", 0, start) + 1 if start >= 0 else None

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

    def configure_crossrefs(self, config, page, document, lang, kind, article, first_line):
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
        settings.update(
            article_url=f"{articles}/{{article}}/" if config.use_directory_urls else f"{articles}/{{article}}.html",
            known=self.known[lang], source=document.rel, strict=False, report=log.warning,
            first_line=first_line or document.body_line)

    def site_url(self, config) -> str:
        return (config.site_url or "/").rstrip("/") + "/"

    def on_template_context(self, context, template_name, config):
        if template_name == "sitemap.xml":
            context["treaty_sitemap"] = sitemap(self.project, self.tree, self.site_url(config))
        elif template_name == "404.html":
            clear_alternates(config)  # an address that does not exist has no other languages
        if template_name == "404.html" and self.is_chooser:
            context["treaty"] = {"not_found_root": not_found_root(self.project)}
        elif template_name == "404.html":
            context["treaty"] = not_found(self.project, self.tree, self.lang, self.site_url(config),
                                          self.search_index is not None)
        return context

    def on_post_template(self, output, template_name, config):
        """Each language's 404 page goes to <lang>/404.html; the root's 404.html is the chooser
        build's (every language's message): the other builds leave it (MkDocs writes no file for
        an empty output), whichever build comes last."""
        if template_name.endswith(".html"):
            output = TOGGLE_AUTOCOMPLETE.sub(r"\1>", output, count=2)
        if template_name != "404.html":
            return output
        # The page is made of catalogs and data files, which a pull request can change: the same
        # last look as every page's.
        problems = self.published.check(output, "404.html")
        if problems:
            raise PluginError("this page is not published:\n" + render(problems))
        output = self.with_direction(output)
        if not self.preview:
            self.classes |= classes_of(output)
        output = collapse_blank_lines(output)
        if self.is_chooser:
            return output
        target = Path(config.site_dir) / self.lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return ""

    def on_page_context(self, context, page, config, nav):
        site_url = self.site_url(config)
        context["nav"] = chapter_navigation(nav)
        plain_titles(page.toc)
        clear_alternates(config)
        if self.is_chooser:
            context["treaty"] = {"chooser": chooser(self.project)}
            return context
        document, kind, _ = self.document_of(page)
        if document is None:
            return context
        if kind in LARGE_KINDS:
            self.take_large_page_turn()
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

    @event_priority(-110)  # after mkdocs-static-i18n's, which runs the other languages' builds
    def on_post_build(self, config):
        """Prepare this language's search records for Pagefind (which indexes them beside the next
        build, see `advance_search`), and when no other build follows, finish every bundle."""
        # The policy of every page, as a header too, for the hosts that read `_headers`. Written by
        # every build, the same bytes: when the builds run one after another, this event of the
        # first (the chooser's) comes after the others' (mkdocs-static-i18n runs them in it).
        (Path(config.site_dir) / "_headers").write_text(headers_file(), encoding="utf-8")
        if self.search_index is not None:
            bundle = self.search_index.prepare(Path(config.site_dir) / self.lang / BUNDLE)
            self.search_index = None
            self.pending.append(bundle)
            if bundle.look_up():  # indexed by an earlier build: completed here and now, not held
                self.complete_bundle(bundle)  # (nor handed over) until Pagefind may run
        self.advance_search()
        if self.config.pdf and not self.is_chooser:
            self.write_pdf(config)
        if not self.preview:  # the preview keeps Material's whole style sheet: edits add classes
            write_classes(Path(config.site_dir), self.lang or "site", self.classes)
        self.classes = set()
        i18n = config.plugins.get("i18n")
        if i18n is None or not i18n.building:  # the last build (treaty.site.build trims it itself)
            self.finish_search()
            trim_stylesheet(Path(config.site_dir))
            minify_assets(Path(config.site_dir))

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

    def advance_search(self) -> None:
        """Complete the bundle Pagefind is done with; start the next one if none is being indexed
        and `may_index()`. Called after each page: a poll, no wait."""
        if self.pending and self.pending[0].done():
            self.complete_bundle(self.pending[0])
        self.start_next_bundle()

    def start_next_bundle(self) -> None:
        if self.pending and not self.pending[0].started and self.may_index():
            try:
                self.pending[0].start()
            except SearchBuildError as error:
                self.search_failed(self.pending[0], error)

    def finish_search(self) -> None:
        """Complete every bundle, one after another (waiting for Pagefind)."""
        while self.pending:
            self.complete_bundle(self.pending[0])

    def complete_bundle(self, bundle) -> None:
        """Wait for Pagefind's index of `bundle`, start the next bundle's (it runs while this
        process completes this one), complete this one."""
        self.pending.remove(bundle)
        try:
            bundle.wait()
            self.start_next_bundle()
            bundle.finish()
        except SearchBuildError as error:
            self.search_failed(bundle, error)

    def search_failed(self, bundle, error):
        self.on_build_error(error)
        raise PluginError(f"the search index of {bundle.index.lang} was not written: {error}") from None

    def hand_over(self) -> list:
        """The bundles prepared and not yet indexed, for another process of the build to finish."""
        waiting = [bundle for bundle in self.pending if not bundle.started]
        self.pending = [bundle for bundle in self.pending if bundle.started]
        return waiting

    def on_build_error(self, error):
        self.end_large_page_turn()
        while self.pending:
            self.pending.pop().cancel()

    def take_large_page_turn(self) -> None:
        """Wait until no other process of the build renders a large page (ended by on_post_page).
        A process that does not end its turn in LARGE_PAGE_WAIT seconds is not waited for."""
        if self.large_pages is not None and not self.holding:
            self.holding = self.large_pages.acquire(True, LARGE_PAGE_WAIT)

    def end_large_page_turn(self) -> None:
        if self.holding:
            self.holding = False
            self.large_pages.release()

    def on_post_page(self, output, page, config):
        # The last look: nothing the sanitizer would remove, no id of the layout's, in the content.
        problems = self.published.check(output, self.source_rel(page))
        if problems:
            raise PluginError("this page is not published:\n" + render(problems))
        output = self.with_direction(TOGGLE_AUTOCOMPLETE.sub(r"\1>", output, count=2))
        if not self.preview:
            self.classes |= classes_of(output)
        output = collapse_blank_lines(output)
        if not self.preview:
            let_go(page)
        self.trim.after(output)  # what the pages' parsing and checking took (treaty.site.memory)
        self.end_large_page_turn()
        self.advance_search()
        return output

    def with_direction(self, output: str) -> str:
        # Material writes <html lang>; the direction belongs there too, for the whole page.
        if self.is_chooser:
            output = HTML_TAG.sub('<html lang="mul" dir="ltr"', output, count=1)
        else:
            language = get_language(self.lang, self.project.files)
            output = HTML_TAG.sub(f'<html lang="{language.code}" dir="{language.dir}"', output, count=1)
        return output
