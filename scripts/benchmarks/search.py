"""Compare the two search engines on the same content, side by side, in one run.

    .venv/bin/python scripts/benchmarks/search.py [--langs fr,zh] [--keep DIR]

Builds the site three times from docs/: without search, with Material's built-in search
(lunr, configured per language: each language's own index, language, separator and pipeline,
see material_search_hook.py), and as `treaty build` does (Pagefind with the edition's rules).
Then, in Debian's chromium, for each language and engine, in a fresh browser profile:

  bytes      what the reader downloads for search before the first result, gzip-compressed as a
             static host serves it (index and code together; Material's page script, loaded by
             every page with or without search, is not counted), and for the whole first query
             (Pagefind: the passages of text shown under the titles come a moment later);
  first ms   time from typing the first query on a loaded page to the first result shown;
  next ms    median time to the first result for the following queries;
  relevance  queries of data/search-queries.yml whose expected article comes first;
  each       Pagefind's first use (index, code and passages) with each query of the set as the
             first one in a fresh browser: the budget is 200 KB for the largest;
  titles     the same with long queries: the language's longest article titles (without the
             article's number), read from the built site.

Prints the figures and the ratios (Pagefind / Material) and the build times (with / without).
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
LANGS = ["ar", "zh", "en", "fr", "ru", "es"]
SEARCH_FILE = re.compile(r"/search/|/workers/search\.|/lunr/|/treaty/search-")


def write_config(tmp: Path, engine: str) -> Path:
    """A copy of mkdocs.yml for one engine: none, material or pagefind (the project's own)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}")
    # The project's instrument file, from a configuration written elsewhere.
    search = "      search: false\n" if engine in ("none", "material") else ""
    text = text.replace("\n  - treaty\n",
                        f"\n  - treaty:\n      instrument: {ROOT / 'data' / 'instrument.yml'}\n{search}", 1)
    if engine == "material":
        text = text.replace("\n  - i18n:\n", "\n  - search\n  - i18n:\n", 1)
        text += f"\nhooks:\n  - {ROOT / 'scripts' / 'benchmarks' / 'material_search_hook.py'}\n"
    path = tmp / f"mkdocs-{engine}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def build(tmp: Path, engine: str) -> tuple[Path, float]:
    """`treaty build` in its own process, as `make build` runs it; returns the site and seconds."""
    site = tmp / f"site-{engine}"
    command = [sys.executable, "-m", "treaty.cli", "build", "--config", str(write_config(tmp, engine)),
               "--site-dir", str(site)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the {engine} build failed:\n{done.stderr[-2000:]}")
    return site, time.perf_counter() - start


def compressed_size(path: Path) -> int:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":  # Pagefind's files are gzip already
        return len(data)
    return len(gzip.compress(data, 9))


def local_file(site: Path, base: str, url: str, lang: str, engine: str) -> Path | None:
    path = unquote(urlsplit(url).path)[len(urlsplit(base).path):]
    if engine == "material" and path == "search/search_index.json":
        path = f"{lang}/search/search_index.json"  # what a per-language deployment would serve
    target = site / path
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def measure(browser, site: Path, engine: str, lang: str, queries: list[dict]) -> dict:
    from conftest import serve

    server, base = serve(site)
    context = browser.new_context(locale=lang)
    page = context.new_page()
    if engine == "material":
        index = site / lang / "search" / "search_index.json"
        page.route("**/search/search_index.json",
                   lambda route: route.fulfill(path=str(index), content_type="application/json"))
    fetched: list[str] = []
    first_result_at = first_use_at = None
    page.on("requestfinished", lambda request: fetched.append(request.url))
    try:
        page.goto(f"{base}{lang}/about/")
        page.wait_for_load_state("networkidle")
        times, hits = [], 0
        for number, item in enumerate(queries):
            page.keyboard.press("/")
            page.fill(".md-search__input", "")
            start = time.perf_counter()
            page.fill(".md-search__input", item["q"])
            page.keyboard.press("End")
            expected = f"/{lang}/articles/{item['article']}/"
            shown = "document.querySelector('.md-search-result__list .md-search-result__link')"
            try:
                page.wait_for_function(f"() => !!{shown}", timeout=10000)
                times.append((time.perf_counter() - start) * 1000)
                if number == 0:
                    first_result_at = len(fetched)
                page.wait_for_function(
                    f"e => {shown} && new URL({shown}.href).pathname.endsWith(e)", arg=expected, timeout=1500)
                if number == 0:  # the passages of text under the titles, if they come separately
                    page.wait_for_selector(".md-search-result__article p", timeout=3000)
            except Exception:
                pass
            if number == 0:
                first_use_at = len(fetched)
            link = page.locator(".md-search-result__list .md-search-result__link").first
            href = link.get_attribute("href") if link.count() else ""
            hits += urlsplit(href or "").path.endswith(expected)
            page.keyboard.press("Escape")
            if number == 0 and first_result_at is None:
                first_result_at = len(fetched)
        def downloaded(count: int) -> int:
            urls = {url for url in fetched[:count] if SEARCH_FILE.search(url)}
            paths = [local_file(site, base, url, lang, engine) for url in urls]
            return sum(compressed_size(path) for path in paths if path)

        return {"bytes": downloaded(first_result_at), "first_use": downloaded(first_use_at),
                "first": times[0] if times else float("nan"),
                "next": statistics.median(times[1:]) if len(times) > 1 else float("nan"),
                "hits": hits, "queries": len(queries)}
    finally:
        context.close()
        server.shutdown()


def longest_titles(site: Path, lang: str, count: int = 5) -> list[dict]:
    """The `count` longest article titles of a language as queries, without the article's number
    (which would put the article first without searching), each with its article."""
    import json

    from treaty.search.normalize import article_reference

    data = json.loads((site / lang / "search" / "treaty.json").read_text(encoding="utf-8"))
    numbers = {page_id: int(number) for number, page_id in data["articles"].items()}
    items = [{"q": article_reference(title, lang)[1], "article": numbers[page_id]}
             for page_id, (_, title) in data["pages"].items() if page_id in numbers]
    return sorted(items, key=lambda item: -len(item["q"]))[:count]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", default=",".join(LANGS))
    parser.add_argument("--keep", help="build into this folder and keep the sites")
    args = parser.parse_args(argv)
    langs = args.langs.split(",")
    queries = yaml.safe_load((ROOT / "data" / "search-queries.yml").read_text(encoding="utf-8"))
    # The first query of a language is a term, not an article number: the heavier first use.
    queries = {lang: sorted(items, key=lambda item: item.get("why") == "jump") for lang, items in queries.items()}
    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="treaty-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        builds = {engine: build(tmp, engine) for engine in ("none", "material", "pagefind")}
        from playwright.sync_api import sync_playwright

        from conftest import CHROMIUM, CHROMIUM_ARGS

        results = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for lang in langs:
                for engine in ("material", "pagefind"):
                    results[lang, engine] = measure(browser, builds[engine][0], engine, lang, queries[lang])
                # The budget holds for any query a reader may start with: each query of the set,
                # as the first one in a fresh browser.
                results[lang, "each"] = [measure(browser, builds["pagefind"][0], "pagefind", lang, [item])["first_use"]
                                         for item in queries[lang]]
                results[lang, "titles"] = [measure(browser, builds["pagefind"][0], "pagefind", lang, [item])
                                           for item in longest_titles(builds["pagefind"][0], lang)]
            browser.close()
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)

    none = builds["none"][1]
    print(f"Build time: no search {none:.1f} s; Material {builds['material'][1]:.1f} s "
          f"({builds['material'][1] / none:.2f}x); Pagefind {builds['pagefind'][1]:.1f} s "
          f"({builds['pagefind'][1] / none:.2f}x)")
    print()
    print("KB: downloaded for search before the first result (and for the whole first query, with the")
    print("passages of text under the titles); ms: from typing to the first result; M: Material, P: Pagefind")
    print()
    head = ("lang", "KB M", "KB P", "P/M", "1st use P", "first ms M", "first ms P", "P/M", "next ms M",
            "next ms P", "top-1 M", "top-1 P")
    print(" | ".join(f"{h:>10}" for h in head))
    for lang in langs:
        m, p = results[lang, "material"], results[lang, "pagefind"]
        row = (lang, f"{m['bytes'] / 1024:.1f}", f"{p['bytes'] / 1024:.1f}", f"{p['bytes'] / m['bytes']:.2f}",
               f"{p['first_use'] / 1024:.1f}", f"{m['first']:.0f}", f"{p['first']:.0f}",
               f"{p['first'] / m['first']:.2f}",
               f"{m['next']:.0f}", f"{p['next']:.0f}",
               f"{m['hits']}/{m['queries']}", f"{p['hits']}/{p['queries']}")
        print(" | ".join(f"{cell:>10}" for cell in row))
    print()
    print("Pagefind's first use, each query of the set as the first one in a fresh browser (KB):")
    for lang in langs:
        each = results[lang, "each"]
        print(f"{lang:>10} | min {min(each) / 1024:6.1f} | median {statistics.median(each) / 1024:6.1f} | "
              f"max {max(each) / 1024:6.1f} | over 200 KB: {sum(size > 200 * 1024 for size in each)}/{len(each)}")
    print()
    print("The same with the longest article titles (without the article's number) as first queries:")
    for lang in langs:
        titles = results[lang, "titles"]
        sizes = [item["first_use"] for item in titles]
        print(f"{lang:>10} | max {max(sizes) / 1024:6.1f} KB | over 200 KB: {sum(size > 200 * 1024 for size in sizes)}"
              f"/{len(sizes)} | article first: {sum(item['hits'] for item in titles)}/{len(titles)}")
    over = [lang for lang in langs
            if max(results[lang, "each"] + [item["first_use"] for item in results[lang, "titles"]]) > 200 * 1024]
    print()
    print("Budget (200 KB per language on first use, query set and titles):",
          "exceeded in " + ", ".join(over) if over else "kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
