"""What a query asks the engine: the Python twin of `plan` in search-rules.js.

The browser computes this for every query; the build and the tests compute it here, over the same
rules and the same dictionary entries, and the tests check that both give the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from treaty.search.chinese import Dictionary
from treaty.search.normalize import HAN_RUN, article_reference, han_query_terms, normalize, words


@dataclass
class Plan:
    article: int | None  # an article named in the query: it comes first
    terms: list[str]  # what the engine is asked for
    words: list[str] = field(default_factory=list)  # Chinese: the query cut as jieba cuts it

    def as_json(self) -> dict:
        return {"article": self.article, "terms": self.terms, "words": self.words}


def plan(query: str, lang: str, dictionary: Dictionary | None = None) -> Plan:
    number, rest = article_reference(query, lang)
    # "article 7" alone asks for that article; any other words are searched as well.
    text = rest if number else normalize(query, lang)
    if dictionary is None:
        return Plan(number, words(text, lang))
    segments, terms = [], []
    for word in words(text, lang, segmenter=lambda run: [run]):
        if HAN_RUN.fullmatch(word):
            cut = dictionary.cut(word)
            segments += cut
            terms += han_query_terms(cut)
        else:
            segments.append(word)
            terms.append(word)
    return Plan(number, terms, segments)
