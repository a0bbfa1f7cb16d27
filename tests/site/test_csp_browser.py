"""The site under its own Content-Security-Policy, in a real browser: served with the headers of
the `_headers` file the build writes, a page of each kind in each language loads with no
violation of the policy and no request to another host, and search, the language switcher, copy
citation (on a small tree with numbered paragraphs: the Convention's are synopses) and the
chooser's redirect all work."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest

from sitekit import BODIES, LANGS, QuietHandler, build_site, small_tree

pytestmark = pytest.mark.browser
POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
          "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
KINDS = ["", "preamble/", "chapters/2/", "articles/7/", "about/", "status/"]
# Every violation the page reports, and Chromium's console errors about the policy.
WATCH = """
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", event => window.__violations.push(
    event.violatedDirective + " " + (event.blockedURI || "inline") + " " + event.sourceFile + ":" + event.lineNumber));
"""


def headers_of(site: Path) -> dict[str, str]:
    """The headers `_headers` gives every path ("/*")."""
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*"
    return dict(line.strip().split(": ", 1) for line in lines[1:] if line.strip())


class PolicyHandler(QuietHandler):
    headers_to_send: dict = {}

    def end_headers(self):
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()


def policy_server(site: Path):
    """`site` served on localhost with the headers of its `_headers` file; (server, base URL)."""
    handler = functools.partial(type("Handler", (PolicyHandler,), {"headers_to_send": headers_of(site)}),
                                directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def strict_url(site):
    server, url = policy_server(site)
    yield url
    server.shutdown()


def test_the_headers_file_carries_the_policy_and_every_page_its_meta(site):
    assert headers_of(site)["Content-Security-Policy"] == POLICY
    meta = POLICY.removesuffix("; frame-ancestors 'none'")
    for path in [site / "index.html", *(site / lang / "articles" / "7" / "index.html" for lang in LANGS)]:
        html = path.read_text(encoding="utf-8")
        found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert found and found.group(1).replace("&#39;", "'") == meta, path
        # The policy comes before any script or style sheet of the page.
        assert html.index("Content-Security-Policy") < min(html.index("<script"), html.index("<link"))


def test_no_page_has_an_inline_script(site):
    # Data is not run: JSON (Material's configuration, the menu's labels) and JSON-LD (schema.org).
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>")
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not inline.search(html), (path, inline.search(html).group())
        assert " style=" not in html, path


def load(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")


def violations(page) -> list[str]:
    return page.evaluate("window.__violations")


@pytest.mark.parametrize("lang", LANGS)
def test_every_kind_of_page_runs_under_the_policy(strict_url, browser, lang):
    context = browser.new_context(locale="de-DE")
    context.add_init_script(WATCH)
    page = context.new_page()
    requested, console = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    for kind in KINDS if lang != "en" else ["../", *KINDS]:
        load(page, f"{strict_url}{lang}/{kind}")
        assert violations(page) == [], (kind, violations(page))
    assert console == []
    foreign = [url for url in requested if not url.startswith(strict_url) and not url.startswith("data:")]
    assert requested and not foreign, foreign
    assert not [url for url in requested if url.endswith("sitemap.xml")]
    context.close()


def test_search_and_the_switcher_work_under_the_policy(strict_url, browser):
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    load(page, f"{strict_url}fr/articles/7/#para-2")
    # Search: the worker, Pagefind's WebAssembly and the index pieces, all under the policy.
    page.keyboard.press("/")
    page.fill(".md-search__input", "accès illégal")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__link", timeout=15000)
    assert "/fr/articles/" in page.locator(".md-search-result__link").first.get_attribute("href")
    page.keyboard.press("Escape")
    # The switcher keeps the paragraph.
    page.locator(".treaty-switcher button").hover()
    page.locator('a[data-treaty-switch="ru"]').click()
    page.wait_for_url(f"{strict_url}ru/articles/7/#para-2")
    page.wait_for_load_state("networkidle")
    assert violations(page) == []
    context.close()


@pytest.fixture(scope="module")
def numbered_url(tmp_path_factory):
    """A small tree whose article 1 has numbered paragraphs (their menus), served under the policy."""
    tmp = tmp_path_factory.mktemp("numbered")
    docs, config = small_tree(tmp, {1: [1, 2], 2: [3]}, BODIES)
    build_site(config, tmp / "site", docs)
    server, url = policy_server(tmp / "site")
    yield url
    server.shutdown()


def test_copy_citation_works_under_the_policy(numbered_url, browser):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    context.add_init_script(WATCH)
    page = context.new_page()
    load(page, f"{numbered_url}en/articles/1/")
    page.locator("#para-1-b > .treaty-cite .treaty-cite__toggle").click()
    page.locator("#para-1-b > .treaty-cite [data-action=citation]").click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        "United Nations Convention against Cybercrime, art. 1, para. 1 (b)")
    assert violations(page) == []
    context.close()


@pytest.mark.parametrize("locale, lang", [("ru-RU", "ru"), ("ar-EG", "ar"), ("zh-CN", "zh")])
def test_the_chooser_redirects_under_the_policy(strict_url, browser, locale, lang):
    context = browser.new_context(locale=locale)
    context.add_init_script(WATCH)
    page = context.new_page()
    page.goto(strict_url)
    page.wait_for_url(f"{strict_url}{lang}/")
    page.wait_for_load_state("networkidle")
    assert violations(page) == []
    page.goto(strict_url + "?choose")
    assert page.locator("a[data-treaty-lang]").count() == len(LANGS)
    context.close()
