"""`treaty serve` in a real browser: a saved edit reaches the open page by itself, and a file with
errors shows the check's message in its page, without stopping the server. And the reload it rests
on: a page written again while the server sends the old one is reloaded."""

from __future__ import annotations

import builtins
import functools
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from sitekit import ROOT, small_tree
from treaty.site import serve

pytestmark = pytest.mark.browser
CHAPTERS = {1: [1, 2], 2: [3]}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def preview(tmp_path):
    """`treaty serve` on a small project; yields (docs, base URL, the server's process)."""
    docs, config = small_tree(tmp_path, CHAPTERS, {"en": "The first text of the article."})
    config.write_text(config.read_text(encoding="utf-8").replace("docs_dir: docs", f"docs_dir: {docs}"),
                      encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "treaty.cli", "serve", "-f", str(config), "-a",
                               f"127.0.0.1:{port}", "--jobs", "2"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 180
    while True:
        assert server.poll() is None, server.stderr.read()
        assert time.monotonic() < deadline, "treaty serve did not start"
        try:
            urllib.request.urlopen(base + "en/articles/1/", timeout=5).read()
            break
        except OSError:
            time.sleep(0.2)
    yield docs, base, server
    server.terminate()
    server.wait(timeout=30)


def edit(path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def shows(page, text: str, timeout: float = 20000) -> None:
    page.wait_for_function("text => document.body && document.body.innerText.includes(text)", arg=text,
                           timeout=timeout)


def test_a_saved_edit_and_a_broken_file_reach_the_open_page(preview, page_for):
    docs, base, server = preview
    page = page_for("en-US")
    page.goto(base + "en/articles/1/")
    shows(page, "The first text of the article.")
    article = docs / "en" / "articles" / "1.md"

    edit(article, "The first text", "The second text")
    shows(page, "The second text of the article.")  # reloaded by itself

    edit(article, "status: provisional", "status: [provisional")
    shows(page, "front-matter-syntax")
    assert "docs/en/articles/1.md" in page.inner_text("body")
    assert server.poll() is None

    edit(article, "status: [provisional", "status: provisional")
    shows(page, "The second text of the article.")

    # A new title: the pages that show it are built again too (chapter, navigation).
    page.goto(base + "en/chapters/1/")
    edit(article, "title: T\n", "title: A title given while serving\n")
    shows(page, "A title given while serving")
    deadline = time.monotonic() + 20
    while "A title given while serving" not in fetch(base + "en/articles/2/"):
        assert time.monotonic() < deadline, "the navigation of the chapter's other pages was not built again"
        time.sleep(0.1)
    assert server.poll() is None


def fetch(url: str) -> str:
    return urllib.request.urlopen(url, timeout=10).read().decode("utf-8")


class Rebuilt:
    """A preview whose page is written again, and its epoch moved on, while the server reads it."""

    def __init__(self):
        self.epoch = 1
        self.epoch_changed = threading.Condition()


def test_a_page_written_again_while_it_is_served_reloads(tmp_path, monkeypatch):
    page = tmp_path / "index.html"
    page.write_text("<html><body>old</body></html>", encoding="utf-8")
    preview = Rebuilt()

    def open_during_a_rebuild(path, *args, **kwargs):
        handle = builtins.open(path, *args, **kwargs)  # noqa: SIM115 (the server closes it)
        if str(path).endswith("index.html"):  # the worker writes the page and says so meanwhile
            serve.write_atomic(page, b"<html><body>new</body></html>")
            with preview.epoch_changed:
                preview.epoch += 1
                preview.epoch_changed.notify_all()
        return handle

    monkeypatch.setattr(serve, "open", open_during_a_rebuild, raising=False)
    handler = type("Handler", (serve.Handler,), {"preview": preview})
    server = serve.Server(("127.0.0.1", 0), functools.partial(handler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        served = fetch(base)
        assert "old" in served
        epoch = re.search(r'data-epoch="(\d+)"', served)[1]
        started = time.monotonic()
        # The page's script asks whether the site changed since its epoch: it has, at once.
        assert fetch(f"{base}.treaty/reload/{epoch}") == "2"
        assert time.monotonic() - started < 5
    finally:
        server.shutdown()
        server.server_close()
