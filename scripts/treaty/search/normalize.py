"""Make text and queries comparable, language by language (rules in data/search.yml).

The browser applies the same steps to queries (overrides/assets/javascripts/treaty/
search-rules.js, fed with the rules this module reads); tests run both on the same cases.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from treaty.model.numerals import from_chinese, western_digits
from treaty.project.files import DataFiles, defaults

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")
# Letters and digits (Python's \w without the underscore); JavaScript: [\p{L}\p{N}]+.
WORD = re.compile(r"[^\W_]+")
MARK = re.compile(r"[\u0300-\u036f]")
APOSTROPHES = "'’"


@dataclass(frozen=True, eq=False)
class Rules:
    lang: str
    stemmer: str = "und"
    replace: dict = field(default_factory=dict)
    remove: str | None = None
    fold_accents: bool = False
    keep: str = ""
    elisions: tuple = ()
    segment: str | None = None
    article: tuple = ()
    numbers: dict = field(default_factory=dict)
    highlight_prefixes: tuple = ()

    def as_json(self) -> dict:
        """What the browser needs of these rules (the same keys as data/search.yml)."""
        return {"lang": self.lang, "stemmer": self.stemmer, "replace": dict(self.replace),
                "remove": self.remove, "fold_accents": self.fold_accents, "keep": self.keep,
                "elisions": list(self.elisions), "segment": self.segment,
                "article": list(self.article), "numbers": dict(self.numbers)}


def load_settings(files: DataFiles | None = None) -> dict:
    return (files or defaults()).load("search.yml")


@cache
def rules_for(lang: str, files: DataFiles | None = None) -> Rules:
    entry = dict(load_settings(files)["languages"].get(lang) or {})
    entry["elisions"] = tuple(entry.get("elisions") or ())
    entry["article"] = tuple(entry.get("article") or ())
    entry["highlight_prefixes"] = tuple(entry.get("highlight_prefixes") or ())
    entry["numbers"] = {str(k): int(v) for k, v in (entry.get("numbers") or {}).items()}
    entry["replace"] = {str(k): str(v) for k, v in (entry.get("replace") or {}).items()}
    return Rules(lang=lang, **entry)


@cache
def _compiled(rules: Rules):
    remove = re.compile(rules.remove) if rules.remove else None
    # An elided word ("l'", "qu'") not preceded by a letter.
    elision = None
    if rules.elisions:
        words = "|".join(sorted(map(re.escape, rules.elisions), key=len, reverse=True))
        elision = re.compile(rf"(?<![^\W\d_])(?:{words})[{APOSTROPHES}]")
    articles = [re.compile(pattern) for pattern in rules.article]
    return remove, elision, articles


def fold(text: str, keep: str = "") -> str:
    """Accents dropped (é -> e, ç -> c), letters in `keep` (ñ) kept as they are."""
    # The pieces between the kept letters decomposed whole: the marks left are put in their
    # canonical order by the last step anyway, as when each character was decomposed alone.
    pieces = re.split(f"([{re.escape(keep)}])", text) if keep else [text]
    return unicodedata.normalize("NFC", "".join(
        piece if i % 2 else MARK.sub("", unicodedata.normalize("NFD", piece)) for i, piece in enumerate(pieces)))


def normalize(text: str, lang: str, files: DataFiles | None = None) -> str:
    """Steps 1 to 5 of data/search.yml: the text as the index and the query compare it."""
    rules = rules_for(lang, files)
    remove, elision, _ = _compiled(rules)
    text = western_digits(unicodedata.normalize("NFKC", text).lower())
    for old, new in rules.replace.items():
        text = text.replace(old, new)
    if remove:
        text = remove.sub("", text)
    if rules.fold_accents:
        text = fold(text, rules.keep)
    if elision:
        text = elision.sub("", text)
    return text


def words(text: str, lang: str, segmenter=None, files: DataFiles | None = None) -> list[str]:
    """The normalized words of a text. Han runs are cut by `segmenter` (a callable), if given."""
    out = []
    for word in WORD.findall(normalize(text, lang, files)):
        if segmenter is not None and HAN_RUN.search(word):
            out.extend(split_han(word, segmenter))
        else:
            out.append(word)
    return out


def split_han(word: str, segmenter) -> list[str]:
    """A word mixing Han and other characters ("第7条"): Han runs segmented, the rest kept."""
    out, position = [], 0
    for run in HAN_RUN.finditer(word):
        if run.start() > position:
            out.append(word[position:run.start()])
        out.extend(segmenter(run.group(0)))
        position = run.end()
    if position < len(word):
        out.append(word[position:])
    return out


def bigrams(run: str) -> list[str]:
    """Overlapping pairs of a Han run ("非法访问" -> 非法, 法访, 访问); one character stays whole."""
    if len(run) < 2:
        return [run] if run else []
    return [run[i:i + 2] for i in range(len(run) - 1)]


def han_terms(run: str) -> list[str]:
    """The index terms of a Han run: its character pairs, and its last character alone."""
    pairs = bigrams(run)
    return pairs + [run[-1]] if len(run) > 1 else pairs


def han_query_terms(segments: list[str]) -> list[str]:
    """The index terms a query asks for one Han run, given its words (`segments`, jieba's cut).

    A page holds every pair of characters of its text, so a run it holds is found through any of
    the run's pairs. The query asks the fewest pairs that still touch every character, each a
    whole index term, since each term fetches a piece of the index: a word as its pairs side by
    side (and its last pair, if it has an odd length), a word of one character paired with the
    character before it (after it, at the start). A run of one character is asked as it is: a
    prefix of the pairs that start with it.
    """
    run = "".join(segments)
    if len(run) < 2:
        return [run] if run else []
    out, at = [], 0
    for segment in segments:
        if len(segment) == 1:
            out.append(run[at - 1:at + 1] if at else run[:2])
        else:
            out += [segment[i:i + 2] for i in range(0, len(segment) - 1, 2)]
            if len(segment) % 2:
                out.append(segment[-2:])
        at += len(segment)
    return list(dict.fromkeys(out))


def article_number(text: str, rules: Rules) -> int | None:
    text = text.strip()
    if text in rules.numbers:
        return rules.numbers[text]
    try:
        return from_chinese(text)
    except ValueError:
        return None


def article_reference(query: str, lang: str, files: DataFiles | None = None) -> tuple[int | None, str]:
    """An article named in a query ("art. 7", "第七条", "المادة ٧") and the rest of the query.

    The query is normalized first, so the patterns of data/search.yml are written for normalized
    text (lower case, no accents, Western digits).
    """
    rules = rules_for(lang, files)
    text = normalize(query, lang, files)
    for pattern in _compiled(rules)[2]:
        match = pattern.search(text)
        if match:
            number = article_number(match.group(1), rules)
            if number:
                rest = text[:match.start()] + " " + text[match.end():]
                return number, " ".join(rest.split())
    return None, " ".join(text.split())
