"""Shared fixtures: the real site built once per test run, a local web server, a real browser."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitekit import ROOT, build_site, serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags for a closed network: nothing tries to reach Google's services at start.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The project's site, built from docs/ with the project's mkdocs.yml."""
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(ROOT / "mkdocs.yml", out, pdf=True)
    return out


@pytest.fixture(scope="session")
def site_url(site):
    """The built site served on localhost; yields its base URL."""
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (Playwright's own browser download is not used)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: run `make browser` (Debian package chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page_for(browser):
    """A new browser page with a given preferred language; closed after the test."""
    contexts = []

    def make(locale: str = "en-US"):
        context = browser.new_context(locale=locale)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
