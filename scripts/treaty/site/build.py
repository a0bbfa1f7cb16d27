"""`treaty build`: every language built side by side, into a fresh folder put in place only when
every build succeeded, so a failed build never leaves a half-written or mixed `site/`.

mkdocs-static-i18n runs one MkDocs build per language (the chooser is one too), one after
another. Here the configuration is loaded and the content checked once, then the builds are
shared among this process and workers forked from it (one process per core: `jobs`), each taking
the next language from a queue. Every build writes its own language's folder; the files the languages
share are written by one of them (see treaty.site.plugin), so the site is the same as when the
builds run one after another (`jobs=1`), in any order. Pagefind indexes the languages' search
pages one at a time, in this process, once the workers are done (see `run_workers`); a language
whose index an earlier build made takes it from the cache where it is built. The processes render
their largest pages (the status page) one at a time: each takes tens of MB at a large instrument.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import signal
import sys
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import wait
from pathlib import Path

from mkdocs import utils as mkdocs_utils
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from treaty.checks.parallel import available_cores
from treaty.site.memory import give_back
from treaty.site.minify import minify_assets
from treaty.site.output import SiteOutput
from treaty.site.stylesheet import trim_stylesheet

log = logging.getLogger("treaty")


class BuildFailure(Exception):
    """A language's build failed; the message says which and why (its log said more)."""


def build_site(config_file: Path, site_dir: Path | None = None, strict: bool = True, jobs: int | None = None) -> int:
    """Build the site of `config_file` into `site_dir` (default: its site_dir); 0 when written."""
    config_file = Path(config_file).resolve()
    try:
        config = load_config(str(config_file), strict=strict)
    except (MkDocsException, SystemExit) as error:
        print(f"treaty build: {config_file} cannot be used ({error}); nothing was written.", file=sys.stderr)
        return 1
    final = Path(site_dir or config.site_dir).resolve()
    with SiteOutput(final) as output:
        config.site_dir = str(output.staging)
        try:
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build_languages(config, jobs or available_cores())
            finally:
                config.plugins.on_shutdown()
        except (MkDocsException, SystemExit, BuildFailure) as error:
            print(f"treaty build: {error}", file=sys.stderr)
            print(f"treaty build: the site was not written; {final} is unchanged.", file=sys.stderr)
            return 1
        output.publish()
    print(f"treaty build: site written to {final}")
    return 0


def languages_of(config) -> list[str | None]:
    """The builds to run: mkdocs-static-i18n's languages (its default first), or one build."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [None]
    default = i18n.default_language
    return [default] + [lang for lang in i18n.build_languages if lang != default]


def build_languages(config, jobs: int) -> None:
    """Check once, then build each language, in `jobs` processes side by side."""
    treaty = config.plugins.get("treaty")
    if treaty is not None:
        treaty.prepare(config)  # the check: a tree with errors stops here, before any build
    languages = languages_of(config)
    jobs = max(1, min(jobs, len(languages)))
    try:
        if jobs == 1:
            for lang in languages:
                build_one(config, lang)
        else:
            give_back(collect=True)  # before forking: what is free is not copied
            run_workers(config, languages, jobs)
        # While Pagefind indexes the last languages (the workers' too, now they are done): the
        # style sheet, with the classes of every language's pages, and the scripts, in a thread
        # (this one starts each language's indexing as soon as the one before is done).
        with ThreadPoolExecutor(max_workers=1) as thread:
            assets = thread.submit(finish_assets, Path(config.site_dir))
            finish_search(config)
            assets.result()
    except BaseException:
        if treaty is not None:
            treaty.on_build_error(None)  # Pagefind runs still going: stopped
        raise


def finish_assets(site_dir: Path) -> None:
    trim_stylesheet(site_dir)
    minify_assets(site_dir)


def finish_search(config) -> None:
    """Wait for the search indexes still being written after the last build of this process.
    (Not the plugin's on_shutdown: MkDocs keeps such plugins from one build to the next.)"""
    treaty = config.plugins.get("treaty")
    if treaty is not None:
        treaty.finish_search()


def build_one(config, lang: str | None) -> None:
    """One language's MkDocs build, into the shared staging folder (which it does not empty)."""
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        i18n.current_language = lang
        i18n.building = True  # it runs no other language's build after this one
    try:
        with keep_site_dir():
            mkdocs_build(config)
    except (MkDocsException, SystemExit) as error:  # its own messages are in the log already
        raise BuildFailure(failure_message(lang, error)) from None
    if i18n is not None:
        # mkdocs-static-i18n keeps every build's pages, their HTML included, for its sitemap
        # template, which the edition replaces (treaty.site.views.alternates): let them go, or a
        # process holds every language it has built.
        i18n.i18n_files_per_language.clear()
    give_back()


def failure_message(lang: str | None, error: BaseException) -> str:
    where = f"the build of '{lang}'" if lang else "a build"
    why = str(error) if isinstance(error, (MkDocsException, SystemExit)) else f"{type(error).__name__}: {error}"
    return f"{where} failed: {why}" if why else f"{where} failed"


@contextlib.contextmanager
def keep_site_dir():
    """MkDocs empties the site folder before a build; every build here writes into the same one."""
    clean = mkdocs_utils.clean_directory
    mkdocs_utils.clean_directory = lambda _path: None
    try:
        yield
    finally:
        mkdocs_utils.clean_directory = clean


# -- worker processes -----------------------------------------------------------------------------


def run_workers(config, languages: list, jobs: int) -> None:
    """This process and `jobs - 1` workers forked from it take the languages from a queue; the
    first failure stops them all. The workers hand their search bundles over to this process,
    which has Pagefind index them one at a time once it builds alone (treaty.site.plugin): a large
    language's index takes as much memory as a build process."""
    context = multiprocessing.get_context("fork")
    tasks = context.SimpleQueue()
    for lang in languages:
        tasks.put(lang)
    for _ in range(jobs):
        tasks.put(None)
    workers = {}  # report pipe -> process
    treaty = config.plugins.get("treaty")
    gc.freeze()  # what is made so far stays shared with the workers: their collector leaves it alone
    try:
        if treaty is not None:
            treaty.may_index = lambda: False  # in the workers, and here while they run
            treaty.large_pages = context.Lock()
        for _ in range(jobs - 1):
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=worker, args=(config, tasks, send), daemon=True)
            process.start()
            send.close()
            workers[receive] = process
        failures = []
        if treaty is not None:
            treaty.may_index = lambda: indexing_allowed(workers, treaty, failures)
        while (lang := tasks.get()) is not None:
            build_one(config, lang)
            if failures:
                raise failures[0]
            collect(workers, treaty, block=False)  # a worker that failed stops the build now
        collect(workers, treaty, block=True)
    finally:
        gc.unfreeze()
        if treaty is not None:
            treaty.may_index = lambda: True
            treaty.large_pages = None
        for process in workers.values():
            if process.is_alive():
                process.terminate()  # the worker stops its Pagefind runs, if any, then exits
        for receive, process in workers.items():
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
                process.join()
            receive.close()


def indexing_allowed(workers: dict, treaty, failures: list) -> bool:
    """Whether this process builds alone (the plugin asks after each page): the reports of the
    workers that are done taken, their search bundles indexed beside this process's last build.
    A failure is kept for the loop of `run_workers` to raise between two builds."""
    if not failures:
        try:
            collect(workers, treaty, block=False)
        except BuildFailure as error:
            failures.append(error)
    return not workers and not failures


def collect(workers: dict, treaty, block: bool) -> None:
    """Take the workers' reports (all of them when `block`, else those already sent): a worker
    done is forgotten, the search bundles it hands over are the plugin's `treaty` now; a failure or
    a worker lost raises BuildFailure."""
    while workers:
        ready = wait(list(workers), timeout=None if block else 0)
        if not ready:
            return
        for receive in ready:
            try:
                outcome, detail = receive.recv()
            except EOFError:
                process = workers[receive]
                process.join()
                raise BuildFailure(f"a build process stopped unexpectedly (exit code {process.exitcode})") from None
            if outcome == "failed":
                raise BuildFailure(detail)
            if treaty is not None:
                treaty.pending += detail
            workers.pop(receive).join()
            receive.close()


def worker(config, tasks, report) -> None:
    """Build the languages taken from `tasks` until there are none; report done (with the search
    bundles left to index) or the failure."""
    die_with_parent()
    signal.signal(signal.SIGTERM, stop)
    lang = None
    treaty = config.plugins.get("treaty")
    if treaty is not None:
        treaty.pending = []  # this process's bundles (the others are the parent's)
    try:
        while (lang := tasks.get()) is not None:
            build_one(config, lang)
        lang = None
        report.send(("done", treaty.hand_over() if treaty is not None else []))
    except BaseException as error:  # a build's own messages are in the log already
        if treaty is not None:
            treaty.on_build_error(error=error)  # stops its Pagefind runs, if any
        message = str(error) if isinstance(error, BuildFailure) else failure_message(lang, error)
        with contextlib.suppress(OSError):
            report.send(("failed", message))
    finally:
        report.close()


def stop(_signum, _frame):
    raise SystemExit("stopped")


def die_with_parent() -> None:
    """Linux: this worker is killed when `treaty build` is (not left writing a folder no one wants)."""
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
