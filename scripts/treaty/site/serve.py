"""`treaty serve`: the site on a local address, built again as the translator saves a file.

The languages are built side by side as `treaty build` builds them (treaty.site.build), by
worker processes that then stay, each keeping its languages' builds (files, navigation,
templates) in memory. When a content file changes, every worker takes the new file into its
copy of the checked tree (treaty.checks.checker.recheck: that file and its document in the
other languages, not the whole tree), and the worker of the file's language builds its page
again at once: the browser reloads it (live reload). Then the pages that depend on it: those
that refer to it, and when its title or status changed, the rest of its language (navigation,
chapter, home page) and every language's status page.

A file with errors does not stop the server: its page shows the check's messages instead, until
the file is fixed. A change to mkdocs.yml or data/ builds everything again.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import html
import http.server
import logging
import multiprocessing
import os
import posixpath
import queue
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from multiprocessing.connection import wait
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs import utils as mkdocs_utils
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config import load_config

from treaty.checks.checker import recheck
from treaty.findings import ERROR
from treaty.site.build import available_cores, build_one, die_with_parent, keep_site_dir, languages_of

log = logging.getLogger("treaty.serve")
# Front matter keys that other pages show: the navigation, chapter and home pages, status pages.
LISTED_KEYS = ("title", "status", "title_status", "chapter")
LINK = re.compile(r'class="treaty-ref" href="([^"#]*)')
# How long a burst of file events (an editor's save) is gathered before building.
SETTLE = 0.05
# The live-reload script every HTML page gets (a file, so that a Content-Security-Policy of the
# site's own scripts allows it): it asks the server, which answers when the site has changed.
RELOAD_SCRIPT = """(function () {
  var epoch = Number(document.currentScript.dataset.epoch);
  function poll() {
    var request = new XMLHttpRequest();
    request.onloadend = function () {
      if (this.status === 200 && Number(this.responseText) > epoch) location.reload();
      else setTimeout(poll, this.status === 200 ? 0 : 2000);
    };
    request.open("GET", "/.treaty/reload/" + epoch);
    request.send();
  }
  poll();
})();
"""


# -- the worker: each language's build kept in memory ----------------------------------------------


class LanguageSite:
    """One language's MkDocs build, kept to build its pages again."""

    def __init__(self, config_file: Path, lang: str | None, site_dir: Path, prepared):
        self.lang = lang
        self.config = load_config(str(config_file), site_dir=str(site_dir), strict=False)
        self.treaty = self.config.plugins["treaty"]
        self.treaty.preview = True
        self.treaty.project, self.treaty.changes = prepared.project, prepared.changes
        self.treaty.tree = prepared.tree
        self.treaty.adopt(prepared.result)

    def build(self) -> None:
        build_one(self.config, self.lang)
        self.treaty.finish_search()

    @property
    def pages(self) -> dict:
        """The pages of this build by source path below docs/ ("fr/articles/7.md")."""
        files = self.treaty.state["files"]
        return {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None}

    def rebuild(self, page, read: bool = True) -> None:
        """Build one page again (reading its file again when `read`)."""
        state, config = self.treaty.state, self.config
        files = state["files"]
        if read:
            _populate_page(page, config, files)
        _build_page(page, config, files.documentation_pages(), state["nav"], state["env"])

    def retitle(self) -> None:
        """The navigation's titles from the tree (a title changed)."""
        from treaty.site.views.navigation import navigation

        titles = {}

        def collect(items):
            for item in items:
                for title, value in item.items():
                    if isinstance(value, list):
                        collect([v for v in value if isinstance(v, dict)])
                        if value and isinstance(value[0], str):
                            titles[value[0] + "#section"] = title
                    else:
                        titles[value] = title

        collect(navigation(self.treaty.project, self.treaty.tree[self.lang], self.lang))
        for item in self.treaty.state["nav"]:
            self._retitle(item, titles)

    def _retitle(self, item, titles: dict) -> None:
        if getattr(item, "is_section", False):
            first = item.children[0] if item.children else None
            if first is not None and getattr(first, "file", None) is not None:
                item.title = titles.get(first.file.src_uri + "#section", item.title)
            for child in item.children:
                self._retitle(child, titles)
        elif getattr(item, "file", None) is not None and item.file.src_uri in titles:
            item.title = titles[item.file.src_uri]


class Worker:
    """The builds of the languages a worker took; answers the preview's messages."""

    def __init__(self, config_file: Path, site_dir: Path, prepared, connection):
        self.config_file, self.site_dir, self.prepared = config_file, site_dir, prepared
        self.connection = connection
        self.sites: dict[str | None, LanguageSite] = {}

    @property
    def project(self):
        return self.prepared.project

    def build(self, lang) -> None:
        site = LanguageSite(self.config_file, lang, self.site_dir, self.prepared)
        site.build()
        self.sites[lang] = site
        for src, rel in error_files(self.project, site.treaty.result).items():
            if language_of(src, site) == site.lang:
                self.show_error(site, src, rel)

    def changed(self, paths: list[Path]) -> None:
        """Files changed: take them into the tree, build the pages of this worker's languages."""
        treaty = next(iter(self.sites.values())).treaty
        before, shown = treaty.result, {lang: dict(docs) for lang, docs in treaty.tree.items()}
        after = recheck(self.project, before, paths)
        # A file that cannot be read now is shown, on the other pages, as it was last read.
        tree = {lang: dict(docs) for lang, docs in after.tree.items()}
        for lang, docs in shown.items():
            for key, document in docs.items():
                if key not in tree.setdefault(lang, {}) and document.path.is_file():
                    tree[lang][key] = document
        for site in self.sites.values():
            site.treaty.adopt(after, tree)
        docs = self.project.docs
        changed = [Path(path).absolute().relative_to(docs).as_posix() for path in paths]
        listed = {src for src in changed if listed_change(shown, tree, src)}
        broken = (error_files(self.project, before), error_files(self.project, after))
        written = sum(self.update(site, changed, listed, broken) for site in self.sites.values())
        self.connection.send(("done", written))

    def update(self, site: LanguageSite, changed: list[str], listed: set[str], broken: tuple) -> int:
        """Build again, in `site`, the pages the change touches: the changed files' pages first,
        then those whose errors came or went, then those that show the changed files."""
        broken_before, broken_now = broken
        pages = site.pages
        own = [src for src in changed if language_of(src, site) == site.lang]
        written = 0
        for src in own:
            if src in broken_now or (src not in pages and not (self.project.docs / src).is_file()):
                self.show_error(site, src, broken_now.get(src))
            elif src not in pages:  # a new page: its language is built again
                site.build()
                pages = site.pages
            else:
                site.rebuild(pages[src])
            written += 1
            self.connection.send(("page", src))
        for src, page in pages.items():  # the same document in another language, say
            if src in own or (src in broken_now) == (src in broken_before):
                continue
            if src in broken_now:
                self.show_error(site, src, broken_now[src])
            else:
                site.rebuild(page)
            written += 1
        # Read again: the pages that link to the changed ones (the targets may have changed).
        read = set(referring(pages, own))
        if listed & set(own):  # a title or status: the navigation, chapter and home pages
            site.retitle()
            again = [src for src in pages if src not in own]
        else:
            again = sorted(read)
            if listed or broken_before != broken_now:  # a status, or a check's: the status page
                again += [src for src in pages if src.endswith("status.md") and src not in read]
        for src in again:
            if src not in broken_now:
                site.rebuild(pages[src], read=src in read)
                written += 1
        return written

    def show_error(self, site: LanguageSite, src: str, rel: str | None) -> None:
        """In place of the page of `src`, a page with the check's messages about its file."""
        messages = [f for f in site.treaty.result.findings if rel and f.path == rel]
        target = self.site_dir / destination(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, error_page(rel or self.project.shown(self.project.docs / src), messages).encode("utf-8"))

    def serve(self) -> None:
        keep_out_of_collections()
        while True:
            message = self.connection.recv()
            if message[0] == "changed":
                self.changed(message[1])
                keep_out_of_collections()  # the pages are written and announced already
            elif message[0] == "stop":
                return


def keep_out_of_collections() -> None:
    """What the builds keep from one edit to the next, left out of Python's collector: its full
    passes went through every page kept, and on a large instrument made one edit in a few wait a
    second (10x the articles: 1.0 s against 0.15 s). What the last edit left in cycles is
    collected first."""
    gc.collect()
    gc.freeze()


def language_of(src: str, site: LanguageSite) -> str | None:
    """The build a file below docs/ belongs to: its language folder's, or the chooser's."""
    top = src.split("/", 1)[0] if "/" in src else None
    i18n = site.config.plugins.get("i18n")
    locales = set(i18n.all_languages) if i18n else set()
    return top if top in locales else (i18n.default_language if i18n else None)


def error_files(project, result) -> dict[str, str]:
    """Source below docs/ ("fr/articles/7.md") -> file as reported, of each file with an error."""
    prefix = project.shown(project.docs) + "/"
    return {finding.path[len(prefix):]: finding.path for finding in result.findings
            if finding.severity == ERROR and finding.path.startswith(prefix) and finding.path.endswith(".md")}


def listed_change(before: dict, after: dict, src: str) -> bool:
    """Whether a file's title, status or chapter (what other pages show of it) changed between
    two trees."""
    lang, _, inner = src.partition("/")
    key = inner.removesuffix(".md")
    old = before.get(lang, {}).get(key)
    new = after.get(lang, {}).get(key)
    if old is None or new is None:
        return old is not new
    return any(old.meta.get(name) != new.meta.get(name) for name in LISTED_KEYS)


def referring(pages: dict, sources: list[str]) -> list[str]:
    """The pages whose cross-references link to one of `sources`' pages."""
    targets = {pages[src].url for src in sources if src in pages}
    out = []
    for src, page in pages.items():
        if src in sources or not page.content:
            continue
        for href in LINK.findall(page.content):
            url = posixpath.normpath(posixpath.join(page.url, href)).lstrip("./") + "/"
            if url in targets:
                out.append(src)
                break
    return out


def destination(src: str) -> str:
    """Where MkDocs writes the page of a source file: "fr/articles/7.md" -> "fr/articles/7/index.html"."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index") + "index.html"
    return stem + "/index.html"


def error_page(rel: str, findings: list) -> str:
    items = "".join(f"<li><code>{html.escape(f.path)}:{f.line}:{f.column}</code> {html.escape(f.code)}: "
                    f"{html.escape(f.message)} <em>({html.escape(f.fix)})</em></li>" for f in findings)
    if not items:
        items = (f"<li><code>{html.escape(rel)}</code> is not a page of the site "
                 "(it is missing, or is not in the outline)</li>")
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>treaty check: '
            f"{html.escape(rel)}</title><style>body{{font:16px/1.5 sans-serif;margin:2em;max-width:60em}}"
            "li{margin:.5em 0}code{background:#eee;padding:0 .2em}</style></head><body>"
            f'<h1>This page is not built: <code>{html.escape(rel)}</code> does not pass <code>treaty check</code></h1>'
            f'<ul data-treaty="check-errors">{items}</ul>'
            "<p>Fix the file and save it: this page shows it again at once.</p></body></html>")


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file so that a reader sees the old content or the new, never half of it."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


def mkdocs_write_file(content: bytes, output_path: str) -> None:
    os.makedirs(os.path.dirname(output_path) or ".", exist_ok=True)
    write_atomic(Path(output_path), content)


def worker_main(config_file, site_dir, prepared, tasks, connection) -> None:
    die_with_parent()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    mkdocs_utils.write_file = mkdocs_write_file  # this process's pages are replaced in one step
    worker = Worker(config_file, site_dir, prepared, connection)
    try:
        with keep_site_dir():
            while (lang := tasks.get()) is not None:
                worker.build(lang)
                connection.send(("built", lang))
            connection.send(("ready", None))
            worker.serve()
    except (EOFError, KeyboardInterrupt, SystemExit):
        pass
    except BaseException as error:
        with contextlib.suppress(OSError):
            connection.send(("failed", f"{type(error).__name__}: {error}"))


# -- the preview: workers, files watched, the local web server -----------------------------------


class Preview:
    def __init__(self, config_file: Path, jobs: int):
        self.config_file = Path(config_file).resolve()
        self.jobs = jobs
        self.site_dir = Path(tempfile.mkdtemp(prefix="treaty-serve-"))
        self.epoch = 1
        self.epoch_changed = threading.Condition()
        self.workers: list = []  # (process, connection)
        self.owner: dict = {}  # language -> connection of the worker that builds it
        self.changes: queue.Queue = queue.Queue()
        self.watched: list[Path] = []

    # the builds

    def start(self) -> None:
        """Check, then build every language in the workers (forked from here)."""
        config = load_config(str(self.config_file), site_dir=str(self.site_dir), strict=False)
        treaty = config.plugins["treaty"]
        treaty.preview = True
        treaty.prepare(config)
        self.docs = treaty.project.docs
        self.data = [folder for folder in treaty.project.files.data[:-1] + treaty.project.files.locale[:-1]]
        languages = languages_of(config)
        context = multiprocessing.get_context("fork")
        tasks = context.SimpleQueue()
        for lang in languages:
            tasks.put(lang)
        jobs = max(1, min(self.jobs, len(languages)))
        for _ in range(jobs):
            tasks.put(None)
        for _ in range(jobs):
            mine, theirs = context.Pipe()
            process = context.Process(target=worker_main, daemon=True,
                                      args=(self.config_file, self.site_dir, treaty, tasks, theirs))
            process.start()
            theirs.close()
            self.workers.append((process, mine))
        ready = 0
        while ready < len(self.workers):
            for connection in wait([connection for _, connection in self.workers]):
                kind, detail = connection.recv()
                if kind == "built":
                    self.owner[detail] = connection
                elif kind == "ready":
                    ready += 1
                elif kind == "failed":
                    raise RuntimeError(detail)

    def stop(self) -> None:
        for process, connection in self.workers:
            with contextlib.suppress(OSError):
                connection.send(("stop",))
            process.terminate()
        for process, connection in self.workers:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
            connection.close()
        self.workers, self.owner = [], {}

    def restart(self) -> None:
        log.info("treaty serve: configuration or data changed: building everything again")
        self.stop()
        self.start()
        self.reload()

    def reload(self) -> None:
        with self.epoch_changed:
            self.epoch += 1
            self.epoch_changed.notify_all()

    def apply(self, paths: list[Path]) -> None:
        """Send changed content files to every worker; reload when pages are written."""
        for _, connection in self.workers:
            connection.send(("changed", paths))
        waiting = {connection for _, connection in self.workers}
        while waiting:
            for connection in wait(list(waiting)):
                try:
                    kind, detail = connection.recv()
                except EOFError:
                    raise RuntimeError("a build process stopped unexpectedly") from None
                if kind == "page":
                    self.reload()  # the edited page first
                elif kind == "done":
                    waiting.discard(connection)
                    if detail:
                        self.reload()
                elif kind == "failed":
                    raise RuntimeError(detail)

    def loop(self) -> None:
        """Take the changes of the watched files, in bursts, and build what they touch."""
        while True:
            paths = {self.changes.get()}
            time.sleep(SETTLE)
            while not self.changes.empty():
                paths.add(self.changes.get())
            content = sorted(p for p in paths if p.suffix == ".md" and p.is_relative_to(self.docs))
            others = [p for p in paths if p not in content]
            started = time.perf_counter()
            try:
                if others:
                    self.restart()
                elif content:
                    self.apply(content)
                log.info("treaty serve: %s built again in %.2f s", ", ".join(map(str, content or others)),
                         time.perf_counter() - started)
            except Exception as error:  # never stop the server: say what failed, and go on
                log.error("treaty serve: %s; building everything again", error)
                with contextlib.suppress(Exception):
                    self.restart()

    # files watched

    def watch(self) -> None:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        preview = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event):
                if event.is_directory or event.event_type in ("opened", "closed_no_write"):
                    return
                for path in (getattr(event, "src_path", None), getattr(event, "dest_path", None)):
                    if path and preview.watched_file(Path(os.fsdecode(path))):
                        preview.changes.put(Path(os.fsdecode(path)))

        self.observer = Observer()
        handler = Handler()
        self.observer.schedule(handler, str(self.docs), recursive=True)
        self.observer.schedule(handler, str(self.config_file.parent), recursive=False)
        for folder in self.data:
            if folder.is_dir():
                self.observer.schedule(handler, str(folder), recursive=True)
        self.observer.start()

    def watched_file(self, path: Path) -> bool:
        if any(part.startswith(".") for part in path.parts[-1:]) or path.name.endswith(("~", ".swp", ".tmp")):
            return False
        if path.is_relative_to(self.docs):
            return path.suffix == ".md"
        if path == self.config_file:
            return True
        return any(path.is_relative_to(folder) for folder in self.data) and path.suffix in (".yml", ".yaml", ".po")


class Handler(http.server.SimpleHTTPRequestHandler):
    """The built site, each HTML page with the live-reload script; /.treaty/reload/<epoch> answers
    when the site has changed since `epoch` (or after half a minute)."""

    preview: Preview

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        match = re.fullmatch(r"/\.treaty/reload/([0-9]+)", path)
        if match:
            return self.answer_reload(int(match[1]))
        if path == "/.treaty/reload.js":
            return self.send_bytes(RELOAD_SCRIPT.encode(), "text/javascript")
        file = self.translate_path(self.path)
        if os.path.isdir(file) and path.endswith("/"):
            file = os.path.join(file, "index.html")
        if file.endswith(".html") and os.path.isfile(file):
            # The epoch before the page: a page written again while this one is read counts as
            # newer than it, so this one reloads (read after, it would wait for a later change).
            epoch = self.preview.epoch
            with open(file, "rb") as handle:
                body = handle.read()
            script = f'<script src="/.treaty/reload.js" data-epoch="{epoch}"></script>'.encode()
            body = body.replace(b"</body>", script + b"</body>", 1) if b"</body>" in body else body + script
            return self.send_bytes(body, "text/html; charset=utf-8")
        return super().do_GET()

    def answer_reload(self, epoch: int) -> None:
        preview = self.preview
        with preview.epoch_changed:
            preview.epoch_changed.wait_for(lambda: preview.epoch > epoch, timeout=30)
            now = preview.epoch
        self.send_bytes(str(now).encode(), "text/plain")

    def send_bytes(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # a preview: always the page as built now
        super().end_headers()


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


def serve(config_file: Path, host: str = "127.0.0.1", port: int = 8000, jobs: int | None = None) -> int:
    """Build the site, serve it on host:port, and build again what each saved file changes."""
    preview = Preview(config_file, jobs or available_cores())
    started = time.perf_counter()
    try:
        preview.start()
    except Exception as error:
        print(f"treaty serve: the site could not be built ({error})", file=sys.stderr)
        preview.stop()
        shutil.rmtree(preview.site_dir, ignore_errors=True)
        return 1
    handler = type("PreviewHandler", (Handler,), {"preview": preview})
    try:
        server = Server((host, port), functools.partial(handler, directory=str(preview.site_dir)))
    except OSError as error:
        preview.stop()
        shutil.rmtree(preview.site_dir, ignore_errors=True)
        print(f"treaty serve: cannot listen on {host}:{port} ({error.strerror or error})", file=sys.stderr)
        return 1
    preview.watch()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    threading.Thread(target=preview.loop, daemon=True).start()
    print(f"treaty serve: built in {time.perf_counter() - started:.1f} s; serving on "
          f"http://{host}:{server.server_address[1]}/ (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        while True:
            time.sleep(3600)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        preview.observer.stop()
        server.shutdown()
        preview.stop()
        shutil.rmtree(preview.site_dir, ignore_errors=True)
    return 0
