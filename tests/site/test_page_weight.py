"""What a reader downloads: an article's first load within 60 KB compressed, and no file that the
page does not use (nor a file in the site that no page uses)."""

from __future__ import annotations

import gzip
import re
from urllib.parse import unquote, urlsplit

import pytest

from sitekit import LANGS
from treaty.site.stylesheet import trimmed

BUDGET = 60 * 1024
UNUSED = re.compile(r"search_index\.json|/lunr/|\.map$|/workers/search\.|palette\.|favicon\.png")


def compressed(path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_an_article_page_loads_at_most_60_kb_and_nothing_it_does_not_use(site, site_url, page_for, lang):
    page = page_for(lang)
    loaded = []
    page.on("requestfinished", lambda request: loaded.append(request.url))
    page.goto(f"{site_url}{lang}/articles/7/")
    page.wait_for_load_state("networkidle")
    paths = [unquote(urlsplit(url).path).lstrip("/") for url in loaded if url.startswith(site_url)]
    assert not [path for path in paths if UNUSED.search(path)], paths
    files = [site / path / "index.html" if (site / path).is_dir() else site / path for path in paths]
    total = sum(compressed(file) for file in files)
    assert total <= BUDGET, [(file.name, compressed(file)) for file in files]


def test_the_site_ships_no_file_of_material_that_no_page_loads(site):
    shipped = [path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()]
    assert not [path for path in shipped if UNUSED.search(path)]
    assert not list(site.glob(".treaty-classes-*"))


def test_the_style_sheet_keeps_what_can_apply_and_drops_the_rest():
    css = (".md-typeset .admonition{color:red}.md-nav,.md-tooltip{margin:0}.md-nav:not(.md-x){top:0}"
           "@media (min-width:10em){.md-tooltip{left:0}.md-nav__link{left:1px}}a.md-nav__link--x{x:y}")
    assert trimmed(css, {"md-typeset", "md-nav", "md-nav__link"}) == (
        ".md-nav{margin:0}.md-nav:not(.md-x){top:0}@media (min-width:10em){.md-nav__link{left:1px}}")
