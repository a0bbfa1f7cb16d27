"""Each language's search bundle: a Pagefind index of its pages plus the rules its queries need.

    <site>/<lang>/search/pagefind.js, pagefind-entry.json, wasm.*.pagefind, index/   Pagefind
    <site>/<lang>/search/passage/<id>.json  each page's text as written, for the passages shown
    <site>/<lang>/search/treaty.json   the language's rules (data/search.yml) and, for Chinese,
                                       the segmentation dictionary entries of its pages and the
                                       range of words of each piece (chunk) of the index

Pagefind indexes, for each page, a stand-in page whose body is the page's normalized words (title
counted `title_weight` times); the original title (in treaty.json) and text (in passage/) travel
beside the index, so the browser shows them as written. Nothing of another language is in a bundle.
(The indexer runs once per language as a command: Pagefind's Python service answers one message
per 0.1 s, too slow here.)
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from treaty.project.files import DataFiles
from treaty.search.chinese import Dictionary
from treaty.search.normalize import HAN_RUN, han_terms, load_settings, normalize, rules_for, words

BUNDLE = "search"
# Pagefind writes its own user interfaces too; the edition uses Material's, so they go.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
          "pagefind-worker.js")
# What Pagefind's gzip-compressed index files begin with, before their CBOR content.
SIGNATURE = b"pagefind_dcd"


class _Text(HTMLParser):
    """The readable text of a page body, without term previews, permalinks and scripts."""

    SKIP_CLASSES = {"treaty-term__preview", "headerlink", "treaty-enum", "treaty-cite"}
    VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base"}
    BLOCK = {"p", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt", "br",
             "blockquote", "section", "tr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0  # inside skipped elements

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            if tag == "br":
                self.parts.append(" ")
            return
        classes = set((dict(attrs).get("class") or "").split())
        if self.depth or tag in ("script", "style", "template") or classes & self.SKIP_CLASSES:
            self.depth += 1
        elif tag in self.BLOCK:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if self.depth:
            self.depth -= 1
        elif tag in self.BLOCK:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


@dataclass
class Record:
    url: str  # relative to the site root: "fr/articles/7/"
    title: str  # as shown: "Article 7. Accès illégal"
    text: str  # the page's text as written
    article: int | None = None
    kind: str = "page"


class LanguageIndex:
    """The records of one language; `write` produces its bundle."""

    def __init__(self, lang: str, files: DataFiles | None = None):
        self.lang = lang
        self.files = files
        self.rules = rules_for(lang, files)
        self.records: list[Record] = []

    def add(self, url: str, title: str, html: str, article: int | None = None, kind: str = "page") -> Record:
        record = Record(url=url, title=title, text=html_text(html), article=article, kind=kind)
        self.records.append(record)
        return record

    # -- content -----------------------------------------------------------------------

    def dictionary(self) -> Dictionary | None:
        if self.rules.segment != "chinese":
            return None
        runs = []
        for record in self.records:
            for text in (record.title, record.text):
                runs += HAN_RUN.findall(normalize(text, self.lang, self.files))
        return Dictionary.for_runs(runs)

    def terms(self, text: str) -> list[str]:
        """Index terms: normalized words; for Chinese, character pairs (see `han_terms`)."""
        if self.rules.segment != "chinese":
            return words(text, self.lang, files=self.files)
        out = []
        for word in words(text, self.lang, segmenter=lambda run: [run], files=self.files):
            if HAN_RUN.fullmatch(word):
                # Every pair of characters, and the run's last character alone: each character
                # of the page starts a term, so each piece of a query that occurs here is found.
                out += han_terms(word)
            else:
                out.append(word)
        return out

    def content(self, record: Record) -> str:
        weights = load_settings(self.files).get("title_weight", {})
        weight = int(weights.get(record.kind, weights.get("default", 1)))
        return " ".join(self.terms(record.title) * weight + self.terms(record.text))

    def browser_rules(self, dictionary: Dictionary | None) -> dict:
        settings = load_settings(self.files)
        data = {"rules": self.rules.as_json(), "teasers": int(settings.get("teasers", 5)),
                "engine": "pagefind", "language": self.rules.stemmer,
                "highlight_prefixes": list(self.rules.highlight_prefixes),
                "ranking": dict(settings.get("ranking") or {})}
        if dictionary is not None:
            data["dictionary"] = dictionary.as_json()
        return data

    # -- output ------------------------------------------------------------------------

    def pages(self, folder: Path) -> dict:
        """Pagefind's result id of each page -> [url, title]: the browser lists results with no
        further download."""
        titles = {record.url.lstrip("/"): record.title for record in self.records}
        return {page_id: [url, titles.get(url, "")] for page_id, url in fragment_urls(folder).items()}

    def write_passages(self, folder: Path, by_url: dict) -> None:
        """passage/<id>.json: a page's text as written, fetched only to show a passage of it under
        its result. They replace Pagefind's fragments, which also carry the indexed words."""
        shutil.rmtree(folder / "fragment")
        (folder / "passage").mkdir()
        for record in self.records:
            page_id = by_url.get(record.url.lstrip("/"))
            if page_id:
                (folder / "passage" / f"{page_id}.json").write_text(
                    json.dumps({"text": record.text}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    def page(self, record: Record) -> str:
        """The page Pagefind indexes for a record: normalized words; title and text as metadata."""
        # No metadata: Pagefind indexes metadata as words too, and a page's text as metadata put
        # whole Chinese paragraphs in the index as single words (a third of the Chinese index).
        # Titles and passages travel in treaty.json and passage/ instead.
        parts = [f'<!doctype html><html lang="{self.rules.stemmer}"><head><meta charset="utf-8"></head><body>']
        parts.append(f"<main data-pagefind-body>{escape(self.content(record))}</main></body></html>")
        return "".join(parts)

    def write(self, folder: Path) -> Path:
        """Write the bundle into `folder` (<site>/<lang>/search), replacing what was there."""
        return self.prepare(folder).finish()

    def prepare(self, folder: Path) -> PendingBundle:
        """The pages Pagefind will index, written; Pagefind not started yet (`PendingBundle.start`).
        A prepared bundle can be handed to another process of the build (it pickles)."""
        folder = Path(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        # Pagefind reads its pages from, and writes the index into, a folder of its own: the
        # index is moved into the site when complete (an indexer left running by a killed build
        # never writes into a site).
        work = Path(tempfile.mkdtemp(prefix="treaty-search-"))
        try:
            for record in self.records:
                path = work / "pages" / record.url.strip("/") / "index.html"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(self.page(record), encoding="utf-8")
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        chunk_size = (load_settings(self.files).get("index_chunk_size") or {}).get(self.lang)
        return PendingBundle(self, folder, work, chunk_size)

    def complete(self, folder: Path) -> Path:
        """The bundle around Pagefind's index: unused files removed, treaty.json and the passages."""
        used = {f"wasm.{entry['wasm'] or 'unknown'}.pagefind" for entry in
                json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"].values()}
        for path in folder.glob("wasm.*.pagefind"):
            if path.name not in used:
                path.unlink()
        for name in UNUSED:
            (folder / name).unlink(missing_ok=True)
        data = self.browser_rules(self.dictionary())
        if self.rules.segment == "chinese":
            data["chunks"] = chunk_ranges(folder)
        data["pages"] = self.pages(folder)
        by_url = {url: page_id for page_id, (url, _) in data["pages"].items()}
        self.write_passages(folder, by_url)
        data["articles"] = {str(record.article): by_url[record.url.lstrip("/")]
                            for record in self.records if record.article and record.url.lstrip("/") in by_url}
        (folder / "treaty.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                                            encoding="utf-8")
        return folder


@dataclass
class PendingBundle:
    """A language's bundle from its prepared pages to its place in the site: Pagefind indexes it
    in a process of its own (`start`), `finish` waits for it and completes the bundle."""

    index: LanguageIndex
    folder: Path  # where the bundle goes
    work: Path  # Pagefind's: the stand-in pages it reads, the index it writes (removed when done)
    chunk_size: int | None = None
    indexer: subprocess.Popen | None = field(default=None, repr=False)
    indexed: bool = field(default=False, repr=False)

    def __getstate__(self):
        if self.indexer is not None:
            raise TypeError("a bundle is handed to another process before its indexer starts")
        return self.__dict__

    @property
    def started(self) -> bool:
        return self.indexer is not None

    def start(self) -> None:
        if self.indexer is not None:
            return
        try:
            self.indexer = start_pagefind(self.work / "pages", self.work / "index", self.index.rules.stemmer,
                                          self.chunk_size)
        except BaseException:
            shutil.rmtree(self.work, ignore_errors=True)
            raise

    def done(self) -> bool:
        return self.indexer is not None and self.indexer.poll() is not None

    def wait(self) -> None:
        """Wait for Pagefind's index (started if it was not); SearchBuildError if there is none."""
        self.start()
        if self.indexed:
            return
        output, _ = self.indexer.communicate()
        if self.indexer.returncode != 0 or not (self.work / "index" / "pagefind-entry.json").exists():
            shutil.rmtree(self.work, ignore_errors=True)
            raise SearchBuildError(f"Pagefind could not index the pages: {output.strip()}")
        self.indexed = True

    def finish(self) -> Path:
        """The bundle completed and in its place (once Pagefind is done)."""
        try:
            self.wait()
            self.index.complete(self.work / "index")
            shutil.rmtree(self.folder, ignore_errors=True)
            shutil.move(self.work / "index", self.folder)
        finally:
            shutil.rmtree(self.work, ignore_errors=True)
        return self.folder

    def cancel(self) -> None:
        if self.indexer is not None:
            self.indexer.kill()
            self.indexer.wait()
        shutil.rmtree(self.work, ignore_errors=True)


def fragment_urls(folder: Path) -> dict:
    """Pagefind's result id of each page -> its url ("fr/articles/7/")."""
    urls = {}
    for path in sorted((folder / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        urls[path.stem] = json.loads(raw[raw.index(b"{"):])["url"].lstrip("/")
    return urls


def chunk_ranges(folder: Path) -> list[list[str]]:
    """[first, last] word of each piece (chunk) of the index, in order, as Pagefind's metadata
    file gives them (shortened to the characters that set two pieces apart). The browser fetches
    the pieces a one-character query may extend into (search-worker.js)."""
    (meta,) = folder.glob("pagefind.*.pf_meta")
    raw = gzip.decompress(meta.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise SearchBuildError(f"{meta.name} is not a Pagefind metadata file this build can read")
    _version, _pages, chunks, *_ = cbor_item(raw, len(SIGNATURE))[0]
    return [[first, last] for first, last, _hash in chunks]


def cbor_item(data: bytes, at: int):
    """One CBOR item of `data` from `at` (the kinds Pagefind's index files use): (value, next)."""
    kind, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        value = info
    elif info <= 27:
        size = 1 << (info - 24)
        value, at = int.from_bytes(data[at:at + size], "big"), at + size
    else:
        raise SearchBuildError("Pagefind's metadata holds an item this build cannot read")
    if kind == 0:
        return value, at
    if kind == 1:
        return -1 - value, at
    if kind in (2, 3):
        item = data[at:at + value]
        return (item.decode("utf-8") if kind == 3 else item), at + value
    if kind == 4:
        items = []
        for _ in range(value):
            item, at = cbor_item(data, at)
            items.append(item)
        return items, at
    raise SearchBuildError("Pagefind's metadata holds an item this build cannot read")


class SearchBuildError(Exception):
    """The search index could not be written (the message says why, for a person)."""


def start_pagefind(site: Path, output: Path, language: str, chunk_size: int | None = None) -> subprocess.Popen:
    """Pagefind's indexer (the pagefind-bin package) over the records' pages, one language, started
    in its own process; `chunk_size`: the index in pieces of about that many entries (data/search.yml)."""
    from pagefind.service import get_executable

    executable = get_executable()
    if executable is None:
        raise SearchBuildError("the Pagefind indexer is not installed (pip install -r requirements.txt)")
    command = [str(executable), "--site", str(site), "--output-path", str(output),
               "--force-language", language, "--silent"]
    environment = dict(os.environ)
    environment.pop("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE", None)
    if chunk_size:
        # Pagefind 1.5 reads the size of its index pieces from this variable only.
        environment["PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"] = str(int(chunk_size))
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment)

