"""treaty.search.cache: a language's Pagefind index taken from the cache when its words are those of
an earlier build, made again when anything that makes it differs, and never taken from an entry
that cannot be read or that names a file outside the bundle."""

from __future__ import annotations

import zipfile

import pytest

from treaty.search import index as search_index
from treaty.search.cache import KEPT, IndexCache, index_cache
from treaty.search.index import LanguageIndex


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def pages(lang: str, words: str) -> LanguageIndex:
    index = LanguageIndex(lang)
    for number in (1, 2):
        index.add(f"{lang}/articles/{number}/", f"Article {number}", f"<p>{words} {number}</p>", number, "article")
    return index


def no_pagefind(*_args, **_kwargs):
    raise AssertionError("Pagefind was started")


def test_the_same_words_are_not_indexed_again_and_give_the_same_bundle(tmp_path, cache_home, monkeypatch):
    first = pages("en", "Illegal access to a computer system").write(tmp_path / "one")
    assert len(list(index_cache().folder.glob("en-*.zip"))) == 1
    monkeypatch.setattr(search_index, "start_pagefind", no_pagefind)
    again = pages("en", "Illegal access to a computer system").write(tmp_path / "two")
    written = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert written == sorted(path.relative_to(again) for path in again.rglob("*") if path.is_file())
    assert all((first / name).read_bytes() == (again / name).read_bytes() for name in written)
    with pytest.raises(AssertionError, match="Pagefind was started"):  # other words: indexed
        pages("en", "Illegal interception").write(tmp_path / "three")


def test_the_key_holds_everything_that_makes_the_index():
    records = [("/en/articles/1/", "illegal access"), ("/en/articles/2/", "interception")]
    key = IndexCache.key("en", None, records)
    assert key.startswith("en-") and key == IndexCache.key("en", None, list(records))
    assert len({key, IndexCache.key("fr", None, records), IndexCache.key("en", 2500, records),
                IndexCache.key("en", None, records[:1]), IndexCache.key("en", None, [records[1], records[0]]),
                IndexCache.key("en", None, [("/en/articles/1/", "illegal access"), ("/en/articles/2/", "x")]),
                IndexCache.key("en", None, [("/en/articles/3/", "illegal access"), records[1]])}) == 7


@pytest.mark.parametrize("language", ["../../outside", "/tmp/x", "e[n]*", "EN", ""])
def test_a_language_from_the_data_never_names_a_file_outside_the_cache(tmp_path, language):
    cache = IndexCache(tmp_path / "cache")
    key = IndexCache.key(language, None, [("/x/", "words")])
    cache.put(key, {"pagefind-entry.json": b"{}"})
    assert [path.parent for path in tmp_path.rglob("*.zip")] == [tmp_path / "cache"]
    assert cache.get(key) == {"pagefind-entry.json": b"{}"} and key != IndexCache.key("en", None, [("/x/", "words")])


@pytest.mark.parametrize("names", [["pagefind-entry.json", "../outside.js"], ["pagefind-entry.json", "/etc/x"],
                                   ["pagefind-entry.json", "index/../../x"], ["index/en_1.pf_index"]])
def test_an_entry_naming_a_file_outside_the_bundle_or_without_pagefinds_entry_is_not_used(tmp_path, names):
    cache = IndexCache(tmp_path)
    with zipfile.ZipFile(tmp_path / "en-1.zip", "w") as archive:
        for name in names:
            archive.writestr(name, b"{}")
    assert cache.get("en-1") is None


def test_an_unreadable_entry_is_not_used_and_a_cache_that_cannot_be_written_is_done_without(tmp_path):
    cache = IndexCache(tmp_path / "cache")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "en-1.zip").write_bytes(b"PK\x03\x04 not a zip file")
    assert cache.get("en-1") is None and cache.get("en-2") is None
    (tmp_path / "file").write_text("")
    IndexCache(tmp_path / "file" / "below").put("en-3", {"pagefind-entry.json": b"{}"})  # no error


def test_the_last_few_indexes_of_each_language_are_kept(tmp_path):
    import os

    cache = IndexCache(tmp_path)
    for number in range(KEPT + 3):
        cache.put(f"en-{number}", {"pagefind-entry.json": b"{}", "index/en_1.pf_index": bytes([number])})
        os.utime(tmp_path / f"en-{number}.zip", ns=(number * 10**9, number * 10**9))
    cache.put("und-0", {"pagefind-entry.json": b"{}"})
    assert sorted(path.name for path in tmp_path.glob("en-*.zip")) == [f"en-{n}.zip" for n in range(3, KEPT + 3)]
    assert cache.get(f"en-{KEPT + 2}")["index/en_1.pf_index"] == bytes([KEPT + 2])
    assert cache.get("und-0") is not None and not list(tmp_path.glob(".index-*"))
