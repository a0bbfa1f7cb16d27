"""Chinese word segmentation: jieba in the build, the same algorithm over the same entries in the browser.

jieba's dictionary mode (HMM off) picks, for a run of Han characters, the most probable path
through the dictionary words it contains. The build keeps, for the Chinese bundle, every
dictionary word that occurs anywhere in the indexed text, with its frequency (`Dictionary`).
Over those entries `Dictionary.cut` (and search-rules.js in the browser) reproduce jieba's cut
of any run that occurs in the text, without shipping jieba's 5 MB dictionary. The index holds
character pairs (normalize.han_terms); a query's words become pairs a page holds wherever
it holds the word, however jieba cut that page (normalize.han_query_terms).
"""

from __future__ import annotations

import logging
from functools import cache
from math import log


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
        tokenizer = jieba_tokenizer()
        freq = {}
        for run in set(runs):
            for start in range(len(run)):
                end = start + 1
                fragment = run[start:end]
                while end <= len(run) and fragment in tokenizer.FREQ:
                    if tokenizer.FREQ[fragment]:
                        freq[fragment] = tokenizer.FREQ[fragment]
                    end += 1
                    fragment = run[start:end]
        return cls(freq, tokenizer.total)

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
