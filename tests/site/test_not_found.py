"""The page of an address that does not exist: one per language, in that language, with search
and the other languages; and the root's, which picks the language of the address (GitHub Pages
serves one 404.html for every missing address)."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from htmlkit import parse
from sitekit import LANGS, ROOT, build_site


def test_each_language_has_its_own_404_page_in_its_language(site):
    headings = set()
    for lang in LANGS:
        path = site / lang / "404.html"
        html = path.read_text(encoding="utf-8")
        info = parse(path)
        assert info.html_attrs["lang"] == lang
        assert info.html_attrs["dir"] == ("rtl" if lang == "ar" else "ltr")
        heading = html.split("<h1>", 1)[1].split("</h1>", 1)[0]
        headings.add(heading)
        assert "404 - Not found" not in html
        # Search (the box of the language's own index) and the other languages' home pages.
        assert 'data-md-component="search"' in html and f"?lang={lang}" in html
        homes = {attrs["hreflang"] for tag, attrs in info.links if tag == "a" and attrs.get("hreflang")}
        assert homes >= set(LANGS) - {lang}
    assert len(headings) == 6  # six languages, six headings


def test_the_root_404_offers_every_language(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    for lang in LANGS:
        assert f'data-treaty-404-lang="{lang}"' in html
    assert "not-found.js" in html


def test_404_links_carry_the_sub_path_the_site_is_published_under(tmp_path):
    out = tmp_path / "site"
    build_site(ROOT / "mkdocs.yml", out, site_url="https://example.org/treaties/cybercrime/")
    for page in [out / "404.html", out / "fr" / "404.html"]:
        links = [attrs.get("href") or attrs.get("src") for _tag, attrs in parse(page).links]
        rooted = [link for link in links if link.startswith("/")]
        assert rooted and all(link.startswith("/treaties/cybercrime/") for link in rooted), rooted


class NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """A host like GitHub Pages: the root 404.html for any missing address."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.server.root / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.mark.browser
def test_the_root_404_shows_the_language_of_the_address(site, page_for):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(NotFoundHandler, directory=str(site)))
    server.root = site
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        page = page_for("en-US")
        page.goto(base + "ar/articles/999/")
        assert page.locator("html").get_attribute("lang") == "ar"
        assert page.locator("html").get_attribute("dir") == "rtl"
        visible = page.locator("[data-treaty-404-lang]:visible")
        assert visible.count() == 1 and visible.get_attribute("lang") == "ar"
        page.locator('[data-treaty-404-lang="ar"] a').click()
        page.wait_for_url(base + "ar/")
        page.goto(base + "nowhere/")
        assert page.locator("[data-treaty-404-lang]:visible").count() == 6
    finally:
        server.shutdown()
