"""`treaty build`'s output: the languages built side by side give the site built one after
another; site/ is readable by a web server, left in place by a killed build, and never missing."""

from __future__ import annotations

import filecmp
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sitekit import LANGS, ROOT, build_site, page, small_tree
from treaty.site.build import build_site as treaty_build
from treaty.site.output import swap

CHAPTERS = {1: [1, 2], 2: [3]}


@pytest.fixture
def project(tmp_path):
    """A small six-language project whose mkdocs.yml names its own docs/ (a command can build it)."""
    docs, config = small_tree(tmp_path, CHAPTERS, {})
    config.write_text(config.read_text(encoding="utf-8").replace("docs_dir: docs", f"docs_dir: {docs}"),
                      encoding="utf-8")
    return tmp_path, config


def tree(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*"))


def assert_same_trees(one: Path, other: Path) -> None:
    assert tree(one) == tree(other)
    files = [name for name in tree(one) if (one / name).is_file()]
    match, mismatch, errors = filecmp.cmpfiles(one, other, files, shallow=False)
    assert not mismatch and not errors, (mismatch, errors)


def test_languages_built_side_by_side_give_the_site_built_one_after_another(project, monkeypatch):
    tmp, config = project
    monkeypatch.setenv("TREATY_PDF", "false")  # as the third build (sitekit.build_site) has it
    assert treaty_build(config, tmp / "parallel", jobs=3) == 0
    assert treaty_build(config, tmp / "sequential", jobs=1) == 0
    assert_same_trees(tmp / "parallel", tmp / "sequential")
    # mkdocs-static-i18n's own build (every language in turn, in one MkDocs build) too.
    build_site(config, tmp / "mkdocs")
    assert_same_trees(tmp / "parallel", tmp / "mkdocs")
    # The root's 404 page and sitemap are written once, by the chooser's build (not by the
    # language built last, as when each build wrote them).
    root_404 = (tmp / "parallel" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="mul"' in root_404 and "data-treaty-404-lang" in root_404
    sitemap = (tmp / "parallel" / "sitemap.xml").read_text(encoding="utf-8")
    assert all(f"/{lang}/articles/3/</loc>" in sitemap for lang in LANGS)


def test_a_process_lets_go_of_each_language_it_has_built(project, monkeypatch):
    # mkdocs-static-i18n keeps every build's pages, their HTML included, for its own sitemap: a
    # process that builds several languages held all of them (at 10x the articles, megabytes each).
    import gc

    from mkdocs.structure.pages import Page

    from treaty.site import build

    tmp, config = project
    held, build_one = [], build.build_one

    def counted(config, lang):
        build_one(config, lang)
        gc.collect()
        held.append(sum(1 for thing in gc.get_objects() if isinstance(thing, Page)))

    monkeypatch.setattr(build, "build_one", counted)
    monkeypatch.setenv("TREATY_PDF", "false")
    assert treaty_build(config, tmp / "site", jobs=1) == 0
    assert len(held) == len(LANGS) + 1 and not any(held), held  # the chooser and each language


def with_status_pages(docs: Path) -> None:
    for lang in LANGS:
        (docs / lang / "status.md").write_text(page({"kind": "status", "title": f"Status {lang}"}), encoding="utf-8")


def test_a_page_lets_go_of_its_html_once_written_and_the_status_page_comes_last(project, monkeypatch):
    # MkDocs keeps every page's HTML until the language's build ends: at 10x the articles, a
    # tenth of a build process. The status page, megabytes at a large instrument, is rendered
    # once the others' HTML is let go; the navigation keeps its order (the site is the same:
    # test_languages_built_side_by_side_give_the_site_built_one_after_another).
    import gc

    from mkdocs.structure.pages import Page

    from treaty.site.plugin import TreatyPlugin

    tmp, config = project
    with_status_pages(tmp / "docs")
    seen, original = [], TreatyPlugin.on_post_page

    def recorded(self, output, page, config):
        output = original(self, output, page, config)
        holding = sum(1 for thing in gc.get_objects() if isinstance(thing, Page) and thing.content is not None)
        seen.append((self.lang, page.url, holding))
        return output

    monkeypatch.setattr(TreatyPlugin, "on_post_page", recorded)
    monkeypatch.setenv("TREATY_PDF", "false")
    assert treaty_build(config, tmp / "site", jobs=1) == 0
    for lang in LANGS:
        pages = [(url, holding) for page_lang, url, holding in seen if page_lang == lang]
        assert pages[-1][0] == f"{lang}/status/", pages
        # Each page written holds its HTML no more: those left are the pages still to render.
        assert [holding for _, holding in pages] == list(range(len(pages) - 1, -1, -1)), pages
    nav = (tmp / "site" / "en" / "articles" / "1" / "index.html").read_text(encoding="utf-8")
    assert nav.index('href="../../about/"') < nav.index('href="../../status/"')


def test_two_build_processes_never_render_a_status_page_at_the_same_time(project, monkeypatch):
    # A large instrument's status page takes tens of MB to render and check: the status pages of
    # the two processes at once were the peak memory of a build at 10x the articles.
    from treaty.site.plugin import TreatyPlugin

    tmp, config = project
    with_status_pages(tmp / "docs")
    turns, original = tmp / "turns", TreatyPlugin.on_post_page

    def slow(self, output, page, config):
        if page.url.endswith("status/"):  # in its turn (taken when its context was made)
            with open(turns, "a", encoding="utf-8") as log:
                log.write(f"{time.monotonic()} ")
                time.sleep(0.4)
                log.write(f"{time.monotonic()} {os.getpid()}\n")
        return original(self, output, page, config)  # which ends the turn

    monkeypatch.setattr(TreatyPlugin, "on_post_page", slow)
    monkeypatch.setenv("TREATY_PDF", "false")
    assert treaty_build(config, tmp / "site", jobs=2) == 0
    spans = sorted(tuple(map(float, line.split()[:2])) for line in turns.read_text().splitlines())
    assert len(spans) == len(LANGS)
    assert len({line.split()[2] for line in turns.read_text().splitlines()}) == 2  # both processes
    assert all(end <= start for (_, end), (start, _) in zip(spans, spans[1:])), spans


def test_the_site_is_readable_by_others_as_any_build_tools_output(project):
    tmp, config = project
    mask = os.umask(0o022)
    try:
        assert treaty_build(config, tmp / "site") == 0
    finally:
        os.umask(mask)
    site = tmp / "site"
    assert (site.stat().st_mode & 0o777) == 0o755
    for path in [site / "en", site / "en" / "articles" / "1", site / "en" / "articles" / "1" / "index.html"]:
        assert path.stat().st_mode & 0o005 == (0o005 if path.is_dir() else 0o004), path


def test_a_killed_build_leaves_the_site_as_it_was_and_the_next_build_cleans_up(project):
    tmp, config = project
    assert treaty_build(config, tmp / "site") == 0
    before = tree(tmp / "site")
    command = [sys.executable, "-m", "treaty.cli", "build", "-f", str(config), "--site-dir", str(tmp / "site")]
    build = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not any((path / "en").exists() for path in tmp.glob(".site-*")):  # in the middle of writing
        assert build.poll() is None and time.monotonic() < deadline, "the build ended before it could be killed"
        time.sleep(0.01)
    os.kill(build.pid, signal.SIGKILL)  # its worker processes die with it
    build.wait()
    assert tree(tmp / "site") == before
    assert list(tmp.glob(".site-*"))  # what it was writing is still there
    assert treaty_build(config, tmp / "site") == 0
    assert not list(tmp.glob(".site-*"))
    assert tree(tmp / "site") == before


def test_a_reader_never_misses_the_site_while_a_new_one_takes_its_place(tmp_path):
    site, missed, stop = tmp_path / "site", [], threading.Event()
    site.mkdir()
    (site / "index.html").write_text("0")

    def read():
        while not stop.is_set():
            try:
                (site / "index.html").read_text()
            except OSError:
                missed.append(time.monotonic())

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for number in range(1, 300):
            staging = tmp_path / f".site-{number:08x}"
            staging.mkdir()
            (staging / "index.html").write_text(str(number))
            swap(staging, site)
    finally:
        stop.set()
        reader.join()
    assert not missed
    assert (site / "index.html").read_text() == "299"
    assert [path.name for path in tmp_path.iterdir()] == ["site"]


def running_children() -> set[tuple[int, str]]:
    """This process's children still running (not those exited, not yet waited for): pid, command."""
    children = set()
    for task in Path("/proc/self/task").iterdir():
        try:
            pids = (task / "children").read_text().split()
        except OSError:  # a thread that has ended since
            continue
        for pid in pids:
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
            except OSError:
                continue
            name, state = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2]
            if state != "Z":
                children.add((int(pid), name))
    return children


def test_pagefind_indexes_one_language_at_a_time_beside_no_other_build_process(project, monkeypatch):
    # A large language's index takes as much memory as a build process: the workers hand their
    # languages' pages over, and this process has them indexed once it builds alone.
    from treaty.search import index

    tmp, config = project
    started, start_pagefind = [], index.start_pagefind
    before = running_children()  # the test session's own (a browser, a server)

    def recorded(*args, **kwargs):
        started.append((os.getpid(), running_children() - before))
        return start_pagefind(*args, **kwargs)

    monkeypatch.setattr(index, "start_pagefind", recorded)
    monkeypatch.setenv("TREATY_PDF", "false")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp / "cache"))  # no index kept by an earlier build
    assert treaty_build(config, tmp / "site", jobs=2) == 0
    assert len(started) == len(LANGS)  # all of them here: what a worker starts is not recorded here
    assert all(pid == os.getpid() and not children for pid, children in started), started
    assert all((tmp / "site" / lang / "search" / "treaty.json").is_file() for lang in LANGS)


def test_an_index_an_earlier_build_made_is_completed_by_the_process_that_built_its_language(project, monkeypatch):
    # A language's words wait in its process (a worker hands them over) until Pagefind may run;
    # with the index in the cache they need no Pagefind, so none are held (at 10x the articles, a
    # language's words are megabytes).
    from treaty.search import index
    from treaty.site.plugin import TreatyPlugin

    tmp, config = project
    monkeypatch.setenv("TREATY_PDF", "false")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp / "cache"))
    assert treaty_build(config, tmp / "first", jobs=2) == 0
    handed, hand_over = tmp / "handed", TreatyPlugin.hand_over

    def recorded(self):
        bundles = hand_over(self)
        with open(handed, "a", encoding="utf-8") as log:
            log.write(f"{len(bundles)} {len(self.pending)}\n")
        return bundles

    def no_pagefind(*_args, **_kwargs):
        raise AssertionError("Pagefind was started")

    monkeypatch.setattr(TreatyPlugin, "hand_over", recorded)
    monkeypatch.setattr(index, "start_pagefind", no_pagefind)
    assert treaty_build(config, tmp / "again", jobs=2) == 0
    assert handed.read_text().split() == ["0", "0"]  # the worker's: nothing handed over, nothing left
    assert_same_trees(tmp / "first", tmp / "again")


@pytest.mark.parametrize("failing", ["ar", "es"])  # the worker's first language; the last one
def test_a_language_whose_render_fails_stops_the_build_with_its_message(project, monkeypatch, capfd, failing):
    # The check passes; the render refuses a page of one language, in whichever process builds it
    # (the message of a worker's failure reaches this process between two of its own builds, or
    # while it polls for Pagefind beside its last one).
    from mkdocs.exceptions import PluginError

    from treaty.site.plugin import TreatyPlugin

    tmp, config = project
    original = TreatyPlugin.on_post_page

    def refused(self, output, page, config):
        if page.url.startswith(f"{failing}/articles/3/"):
            raise PluginError("this page is not published: a test's refusal")
        return original(self, output, page, config)

    monkeypatch.setattr(TreatyPlugin, "on_post_page", refused)
    monkeypatch.setenv("TREATY_PDF", "false")
    # MkDocs logs the page's error in the process that builds it, as `treaty build` has it.
    handler = logging.StreamHandler(sys.__stderr__)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        assert treaty_build(config, tmp / "site", jobs=2) == 1
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    err = capfd.readouterr().err
    assert "a test's refusal" in err and "Traceback" not in err, err
    assert f"treaty build: the build of '{failing}' failed: Aborted" in err
    assert "the site was not written" in err
    assert not (tmp / "site").exists()
    assert [path.name for path in tmp.iterdir() if path.name.startswith(".site-")] == []
