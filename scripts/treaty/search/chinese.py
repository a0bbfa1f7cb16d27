"""Chinese word segmentation: jieba in the build, the same algorithm over the same entries in the browser.

jieba's dictionary mode (HMM off) picks, for a run of Han characters, the most probable path
through the dictionary words it contains. The build keeps, for the Chinese bundle, every
dictionary word that occurs anywhere in the indexed text, with its frequency (`Dictionary`).
Over those entries `Dictionary.cut` (and search-rules.js in the browser) reproduce jieba's cut
of any run that occurs in the text, without shipping jieba's 5 MB dictionary. The index holds
character pairs (normalize.han_terms); a query's words become pairs a page holds wherever
it holds the word, however jieba cut that page (normalize.han_query_terms).

The build does not load jieba's dictionary (a second and 90 MB for its prefix table): it asks
jieba's word list, filed by the first two characters of each word in a small database made once
from jieba's dict.txt and kept in the user's cache folder (`WordList`), for the words that begin
with a pair of characters the pages hold.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import tempfile
from contextlib import closing
from functools import cache
from math import log
from pathlib import Path

from treaty.project.files import cache_folder

# The layout of the word list's database; a new layout is a new file.
WORDS_FORMAT = 1


@cache
def jieba_tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    return jieba.dt


def jieba_cut(run: str) -> list[str]:
    """jieba's cut of a Han run, dictionary mode (the build's segmentation)."""
    return list(jieba_tokenizer().cut(run, HMM=False))


class Dictionary:
    """Dictionary entries (word -> frequency) and jieba's total; `cut` is jieba's algorithm."""

    def __init__(self, freq: dict[str, int], total: int):
        self.freq = dict(freq)
        self.total = total
        self.prefixes = {word[:i] for word in self.freq for i in range(1, len(word) + 1)}

    @classmethod
    def for_runs(cls, runs) -> Dictionary:
        """Every jieba dictionary word found in `runs` (the entries jieba's cut of them can use)."""
        runs = set(runs)
        # A word begins with one of the pairs of characters of the runs (or is one character).
        keys = {run[start:start + size] for run in runs for start in range(len(run)) for size in (1, 2)}
        words = WordList.default().words(keys)
        prefixes = {word[:i] for word in words for i in range(1, len(word) + 1)}
        freq = {}
        for run in runs:
            for start in range(len(run)):
                end = start + 1
                fragment = run[start:end]
                while end <= len(run) and fragment in prefixes:
                    if words.get(fragment):
                        freq[fragment] = words[fragment]
                    end += 1
                    fragment = run[start:end]
        return cls(freq, WordList.default().total)

    def cut(self, run: str) -> list[str]:
        """jieba's dictionary-mode cut (get_DAG, calc, __cut_DAG_NO_HMM) over these entries."""
        size = len(run)
        graph = []
        for start in range(size):
            ends = []
            end = start
            fragment = run[start]
            while end < size and fragment in self.prefixes:
                if self.freq.get(fragment):
                    ends.append(end)
                end += 1
                fragment = run[start:end + 1]
            graph.append(ends or [start])
        route = [(0.0, 0)] * (size + 1)
        log_total = log(self.total)
        for index in range(size - 1, -1, -1):
            route[index] = max((log(self.freq.get(run[index:end + 1]) or 1) - log_total + route[end + 1][0], end)
                               for end in graph[index])
        out, index = [], 0
        while index < size:
            end = route[index][1] + 1
            out.append(run[index:end])
            index = end
        return out

    def as_json(self) -> dict:
        """Compact form for the browser: "word frequency" pairs separated by spaces."""
        return {"total": self.total,
                "words": " ".join(f"{word} {count}" for word, count in sorted(self.freq.items()))}

    @classmethod
    def from_json(cls, data: dict) -> Dictionary:
        parts = data["words"].split()
        return cls({parts[i]: int(parts[i + 1]) for i in range(0, len(parts), 2)}, data["total"])


def jieba_dictionary() -> Path:
    """jieba's own word list (dict.txt: "word frequency tag" per line)."""
    import jieba

    return Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)


class WordList:
    """jieba's dict.txt in a database, filed by the first two characters of each word."""

    def __init__(self, path: Path):
        self.path = path
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            self.total = int(db.execute("SELECT value FROM meta WHERE name = 'total'").fetchone()[0])

    @classmethod
    @cache
    def default(cls) -> WordList:
        """The word list of the installed jieba, made and cached on first use."""
        source = jieba_dictionary()
        stat = source.stat()
        stamp = f"{WORDS_FORMAT}:{source}:{stat.st_size}:{stat.st_mtime_ns}".encode()
        folder = cache_folder()
        path = folder / f"jieba-words-{hashlib.sha256(stamp).hexdigest()[:16]}.sqlite"
        try:
            return cls(path)
        except sqlite3.Error:
            pass
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:  # no cache folder to write in: a temporary database, made again next time
            folder = Path(tempfile.mkdtemp(prefix="treaty-jieba-"))
            path = folder / path.name
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".jieba-words-")
        os.close(handle)
        try:
            write_word_list(source, Path(temporary))
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)
        return cls(path)

    def words(self, keys) -> dict[str, int]:
        """The words (with their frequency) that begin with one of `keys` (one or two characters)."""
        keys = sorted(keys)
        out: dict[str, int] = {}
        with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as db:
            for start in range(0, len(keys), 500):
                batch = keys[start:start + 500]
                rows = db.execute(f"SELECT entries FROM words WHERE key IN ({','.join('?' * len(batch))})", batch)
                for (entries,) in rows:
                    parts = entries.split(" ")
                    out.update(zip(parts[0::2], map(int, parts[1::2])))
        return out


def write_word_list(source: Path, path: Path) -> None:
    """The database of `WordList` from jieba's dict.txt, read as jieba reads it: a word listed
    twice keeps its last frequency, and every line counts in the total. The words go through a
    table of SQLite's, filed on its disk, not through Python's dictionaries: made in Python, the
    350,000 words took 110 MB, the peak of a first build (measured: 30 MB this way, in the same
    time)."""
    total = 0

    def entries(handle):
        nonlocal total
        for line in handle:
            word, count = line.strip().split(" ")[:2]
            total += int(count)
            yield word, int(count)

    with closing(sqlite3.connect(path)) as db, open(source, encoding="utf-8") as handle:
        db.execute("PRAGMA journal_mode = OFF")  # a new file, put in place once complete
        db.execute("PRAGMA synchronous = OFF")
        db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE words (key TEXT PRIMARY KEY, entries TEXT) WITHOUT ROWID")
        db.execute("CREATE TEMP TABLE entry (word TEXT PRIMARY KEY, count INTEGER) WITHOUT ROWID")
        db.executemany("INSERT OR REPLACE INTO entry VALUES (?, ?)", entries(handle))  # the last wins
        # substr counts characters, as Python's word[:2] does.
        db.execute("INSERT INTO words SELECT substr(word, 1, 2), group_concat(word || ' ' || count, ' ') "
                   "FROM entry GROUP BY substr(word, 1, 2)")
        db.execute("INSERT INTO meta VALUES ('total', ?)", (str(total),))
        db.commit()
