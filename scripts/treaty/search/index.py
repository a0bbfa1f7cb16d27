"""Each language's search bundle: a Pagefind index of its pages plus the rules its queries need.

    <site>/<lang>/search/pagefind.js, pagefind-entry.json, wasm.*.pagefind, index/   Pagefind
    <site>/<lang>/search/passage/<id>.json  each page's text as written, for the passages shown
    <site>/<lang>/search/treaty.json   the language's rules (data/search.yml) and, for Chinese,
                                       the segmentation dictionary entries of its pages and the
                                       range of words of each piece (chunk) of the index

Pagefind indexes, for each page, its normalized words (title counted `title_weight` times); the
original title (in treaty.json) and text (in passage/) travel beside the index, so the browser shows
them as written. Nothing of another language is in a bundle. (Pagefind runs once per language,
fed through its service protocol: treaty.search.indexer.)
"""

from __future__ import annotations

import gzip
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from treaty.model import html5
from treaty.project.files import DataFiles
from treaty.search.cache import IndexCache, index_cache
from treaty.search.chinese import Dictionary
from treaty.search.indexer import Indexer, IndexerError
from treaty.search.normalize import HAN_RUN, han_terms, load_settings, normalize, rules_for, words

BUNDLE = "search"
# Pagefind writes its own user interfaces too; the edition uses Material's, so they go.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
          "pagefind-worker.js")
# What Pagefind's gzip-compressed index files begin with, before their CBOR content.
SIGNATURE = b"pagefind_dcd"


# What the search does not read of a page: term previews, permalinks, enumerators, citations, scripts.
SKIPPED = "script, style, template, .treaty-term__preview, .headerlink, .treaty-enum, .treaty-cite"
# Elements whose text is apart from the text around them.
BLOCKS = ", ".join(("p", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt", "br",
                    "blockquote", "section", "tr"))


def html_text(html: str) -> str:
    """The readable text of a page body, read as a browser reads it (treaty.model.html5), without
    what the search does not read; a block's text apart from the text around it."""
    body = html5.fragment(html)
    for node in reversed(body.css(SKIPPED)):  # the elements inside another one first
        node.decompose()
    for node in body.css(BLOCKS):
        node.insert_before(" ")
        node.insert_after(" ")
    return " ".join(body.text(separator="").split())


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

    def pages(self, files: dict[str, bytes]) -> dict:
        """Pagefind's result id of each page -> [url, title]: the browser lists results with no
        further download."""
        titles = {record.url.lstrip("/"): record.title for record in self.records}
        return {page_id: [url, titles.get(url, "")] for page_id, url in fragment_urls(files).items()}

    def write_passages(self, folder: Path, by_url: dict) -> None:
        """passage/<id>.json: a page's text as written, fetched only to show a passage of it under
        its result. They replace Pagefind's fragments, which also carry the indexed words."""
        (folder / "passage").mkdir()
        for record in self.records:
            page_id = by_url.get(record.url.lstrip("/"))
            if page_id:
                (folder / "passage" / f"{page_id}.json").write_text(
                    json.dumps({"text": record.text}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    def pagefind_records(self) -> list[tuple[str, str]]:
        """What Pagefind indexes: each page's url ("/fr/articles/7/") and normalized words."""
        # No metadata: Pagefind indexes metadata as words too, and a page's text as metadata put
        # whole Chinese paragraphs in the index as single words (a third of the Chinese index).
        # Titles and passages travel in treaty.json and passage/ instead.
        return [("/" + record.url.lstrip("/"), self.content(record)) for record in self.records]

    def write(self, folder: Path) -> Path:
        """Write the bundle into `folder` (<site>/<lang>/search), replacing what was there."""
        return self.prepare(folder).finish()

    def prepare(self, folder: Path) -> PendingBundle:
        """The words Pagefind will index; Pagefind not started yet (`PendingBundle.start`). A
        prepared bundle can be handed to another process of the build (it pickles)."""
        chunk_size = (load_settings(self.files).get("index_chunk_size") or {}).get(self.lang)
        return PendingBundle(self, Path(folder), self.pagefind_records(), self.browser_rules(self.dictionary()),
                             chunk_size)

    def complete(self, files: dict[str, bytes], folder: Path, rules: dict) -> Path:
        """Write the bundle into `folder`: Pagefind's index (without the files the edition does not
        use), treaty.json (`rules`: the `browser_rules` made with the records, and what Pagefind's
        index tells) and the passages. Written beside it, then put in its place."""
        entry = json.loads(files["pagefind-entry.json"])
        used = {f"wasm.{language['wasm'] or 'unknown'}.pagefind" for language in entry["languages"].values()}
        data = dict(rules)
        if self.rules.segment == "chinese":
            data["chunks"] = chunk_ranges(files)
        data["pages"] = self.pages(files)
        by_url = {url: page_id for page_id, (url, _) in data["pages"].items()}
        data["articles"] = {str(record.article): by_url[record.url.lstrip("/")]
                            for record in self.records if record.article and record.url.lstrip("/") in by_url}
        folder.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".search-", dir=folder.parent))
        try:
            for path, content in files.items():
                if published(path, used):
                    (work / path).parent.mkdir(parents=True, exist_ok=True)
                    (work / path).write_bytes(content)
            self.write_passages(work, by_url)
            (work / "treaty.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                                              encoding="utf-8")
            shutil.rmtree(folder, ignore_errors=True)
            work.rename(folder)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return folder


def published(path: str, wasm: set[str]) -> bool:
    """Whether a file of Pagefind's goes into the bundle: not its fragments (passage/ replaces
    them), its user interfaces (the edition uses Material's) or another language's wasm file."""
    name = path.rsplit("/", 1)[-1]
    if path.startswith("fragment/") or name in UNUSED:
        return False
    return not (name.startswith("wasm.") and name not in wasm)


@dataclass
class PendingBundle:
    """A language's bundle from its words to its place in the site: Pagefind indexes them in a
    process of its own (`start`), `finish` waits for it and completes the bundle. The same words
    indexed by an earlier build are not indexed again: the index is taken from the cache
    (treaty.search.cache)."""

    index: LanguageIndex
    folder: Path  # where the bundle goes
    records: list[tuple[str, str]]  # what Pagefind indexes (LanguageIndex.pagefind_records)
    rules: dict  # LanguageIndex.browser_rules: made with the records (the Chinese dictionary's words
    # are looked up in the process that renders the pages, beside the other builds)
    chunk_size: int | None = None
    indexer: Indexer | None = field(default=None, repr=False)
    cached: dict[str, bytes] | None = field(default=None, repr=False)  # the index, from the cache
    key: str | None = field(default=None, repr=False)  # its name in the cache, once looked up

    def __getstate__(self):
        if self.indexer is not None:
            raise TypeError("a bundle is handed to another process before its indexer starts")
        return self.__dict__

    @property
    def started(self) -> bool:
        """Pagefind has its records (it is indexing them, or done), or the cache had the index."""
        return self.indexer is not None or self.cached is not None

    def look_up(self) -> bool:
        """Whether an earlier build indexed the same words: then the cache has the index and
        `finish` needs no Pagefind. Looked up once."""
        if self.key is None:
            self.key = IndexCache.key(self.index.rules.stemmer, self.chunk_size, self.records)
            cache = index_cache()
            self.cached = cache.get(self.key) if cache is not None else None
        return self.cached is not None

    def start(self) -> None:
        if not self.started and not self.look_up():
            self.indexer = start_pagefind(self.index.rules.stemmer, self.chunk_size)
            self.indexer.index(self.records)

    def done(self) -> bool:
        return self.cached is not None or (self.indexer is not None and self.indexer.done())

    def wait(self) -> dict[str, bytes]:
        """Pagefind's index (started if it was not); SearchBuildError if there is none."""
        self.start()
        if self.cached is not None:
            return self.cached
        try:
            files = self.indexer.files()
        except IndexerError as error:
            raise SearchBuildError(f"Pagefind could not index the pages: {error}") from None
        cache = index_cache()
        if cache is not None:
            cache.put(self.key, files)
        self.cached = files  # asked again by `finish`
        return files

    def finish(self) -> Path:
        """The bundle completed and in its place (once Pagefind is done)."""
        return self.index.complete(self.wait(), self.folder, self.rules)

    def cancel(self) -> None:
        if self.indexer is not None:
            self.indexer.stop()


def fragment_urls(files: dict[str, bytes]) -> dict:
    """Pagefind's result id of each page -> its url ("fr/articles/7/")."""
    urls = {}
    for path in sorted(files):
        if path.startswith("fragment/") and path.endswith(".pf_fragment"):
            raw = gzip.decompress(files[path])
            urls[path[len("fragment/"):-len(".pf_fragment")]] = json.loads(raw[raw.index(b"{"):])["url"].lstrip("/")
    return urls


def chunk_ranges(files: dict[str, bytes]) -> list[list[str]]:
    """[first, last] word of each piece (chunk) of the index, in order, as Pagefind's metadata
    file gives them (shortened to the characters that set two pieces apart). The browser fetches
    the pieces a one-character query may extend into (search-worker.js)."""
    (name,) = [path for path in files if path.startswith("pagefind.") and path.endswith(".pf_meta")]
    raw = gzip.decompress(files[name])
    if not raw.startswith(SIGNATURE):
        raise SearchBuildError(f"{name} is not a Pagefind metadata file this build can read")
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


def start_pagefind(language: str, chunk_size: int | None = None) -> Indexer:
    """Pagefind (the pagefind-bin package), in its own process, for records in `language`;
    `chunk_size`: the index in pieces of about that many entries (data/search.yml)."""
    try:
        return Indexer(language, chunk_size)
    except (IndexerError, OSError) as error:
        raise SearchBuildError(f"Pagefind could not be started: {error}") from None
