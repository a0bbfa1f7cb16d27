"""Cross-references in running text, read with each language's grammar (data/references.yml).

    >>> [(r.text, r.article, r.anchor) for r in find_references("see paragraph 2 (b) of article 7", "en")]
    [('paragraph 2 (b) of article 7', 7, 'para-2-b')]
    >>> [(r.text, r.article, r.anchor) for r in find_references("本条第1款(b)项", "zh")]
    [('本条第1款(b)项', None, 'para-1-b')]

A `Reference` names the article it points to (None: the article the text is in), the paragraph
number and the positions of the subparagraph and item in their sequences, which are the same in
every language: "(b)", «б)», "(ب)" are all position 2, and the anchor is `para-1-b` everywhere.
Each member of a list or range is a reference of its own ("articles 7 to 11": two references).
References to other instruments ("article 2 of the Charter of the United Nations") are returned
with `external` set and are never linked.

`treaty.checks.references` reports references to articles, paragraphs or subparagraphs that do
not exist, for `treaty check`; the Markdown extension `treaty.markdown.crossrefs` turns the others
into links. Plain Python: no MkDocs, no Markdown parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from treaty.model.blocks import scan
from treaty.model.enumerators import anchor_for, language_forms
from treaty.model.numerals import from_chinese, western_digits
from treaty.project.files import DataFiles, defaults

ARTICLE, PARAGRAPH, SUBPARAGRAPH, ITEM = range(4)
# The kind of instrument a grammar reads as "its own" when it is not told (a Markdown pipeline
# without an instrument file): the commonest; the site passes the instrument file's kind.
DEFAULT_KIND = "convention"
LEVELS = {"article": ARTICLE, "paragraph": PARAGRAPH, "subparagraph": SUBPARAGRAPH, "item": ITEM}
# The documents whose references are linked and checked.
LINKED_KINDS = ("article", "chapter", "preamble")
DIGITS = {
    "western": "[0-9]+",
    "any": "[0-9٠-٩۰-۹]+",
    "chinese": "[0-9]+|[零〇一二两三四五六七八九十百]+",
}
SPACE = "[ \\t\\n\\u00a0\\u202f\\u3000]"
SPACES = re.compile(SPACE + "*")
NOT_WORD_AFTER = r"(?![\w-])"
NOT_WORD_BEFORE = r"(?<![\w-])"
BRACKETS = "()（）'’‘"


@dataclass(frozen=True)
class Reference:
    """One reference: its place in the text and what it points to."""

    start: int  # span of the words that become the link
    end: int
    text: str
    article: int | None = None  # None: the article the text is in
    paragraph: int | None = None  # None with a subparagraph: one under no numbered paragraph
    subparagraph: int | None = None  # position in the sequence: 2 is (b), б), (ب) alike
    item: int | None = None  # position at the third level: 2 is (ii), (2)
    this_paragraph: bool = False  # "subparagraph (b) of this paragraph": the paragraph it is in
    external: bool = False  # part of a reference to another instrument: never linked

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    @property
    def anchor(self) -> str | None:
        """"para-1-b", or None for a whole article (and for "this paragraph" until placed)."""
        if self.this_paragraph or (self.paragraph is None and self.subparagraph is None):
            return None
        positions = [self.paragraph or 0]
        if self.subparagraph:
            positions.append(self.subparagraph)
            if self.item:
                positions.append(self.item)
        return anchor_for(positions)

    def in_context(self, article: int | None, paragraph: int | None = None) -> Reference | None:
        """The reference read where it is written: "this article" is `article`, "this paragraph"
        is `paragraph` (0: subparagraphs under no numbered paragraph). None if that is unknown."""
        ref = self
        if ref.this_paragraph:
            if paragraph is None:
                return None
            ref = replace(ref, paragraph=paragraph or None, this_paragraph=False)
        if ref.article is None:
            if not article:
                return None
            ref = replace(ref, article=article)
        return ref

    @property
    def target(self) -> str | None:
        """"7" or "7#para-1-b", once the article is known; the form of `known` targets."""
        if self.article is None or self.this_paragraph:
            return None
        anchor = self.anchor
        return f"{self.article}#{anchor}" if anchor else str(self.article)


# -- the grammar of one language --------------------------------------------------------------


def _phrase(text: str) -> str:
    """A fixed phrase as a pattern: any run of white space between words, either apostrophe."""
    out = []
    for char in text:
        if char == " ":
            out.append(SPACE + "+")
        elif char in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _alternatives(items) -> str:
    return "|".join(_phrase(item) for item in sorted(set(items), key=len, reverse=True))


def _connector(word: str, spaced: bool, attached: bool = False) -> str:
    """A connector with the spaces it needs: words stand apart, punctuation needs none."""
    if word == "":
        return SPACE + "+"
    if not spaced:
        return f"{SPACE}*{_phrase(word)}{SPACE}*"
    before = SPACE + ("+" if word[0].isalpha() else "*")
    after = SPACE + ("*" if attached or not word[-1].isalpha() else "+")
    return f"{before}{_phrase(word)}{after}"


def _connectors(words, spaced: bool, attached=()) -> re.Pattern | None:
    words = sorted(set(words or []), key=len, reverse=True)
    if not words:
        return None
    return re.compile("(?:" + "|".join(_connector(w, spaced, w in attached) for w in words) + ")")


@dataclass
class _Member:
    """One member of a list: where it is written and the numbers it gives, by level."""

    start: int
    end: int
    parts: dict[int, int]


@dataclass
class _Phrase:
    """A whole reference phrase, which may hold several references."""

    end: int
    refs: list[Reference] = field(default_factory=list)


class Grammar:
    """The reference grammar of one language, compiled from data/references.yml."""

    def __init__(self, lang: str, spec: dict, files: DataFiles | None = None, kind: str = DEFAULT_KIND,
                 name: str | None = None):
        self.lang = lang
        self.ascending = spec.get("order") == "ascending"
        spaced = not self.ascending
        forms = language_forms(lang, files)
        self.numbers = {str(k).lower(): int(v) for k, v in (spec.get("numbers") or {}).items()}
        self.digits = spec.get("digits", "western")
        words = "|".join(re.escape(w) for w in sorted(self.numbers, key=len, reverse=True))
        number = f"(?:{words}|{DIGITS[self.digits]})" if words else f"(?:{DIGITS[self.digits]})"
        self.number_pattern = number
        self.number_re = re.compile(f"({number})" + ("" if self.ascending else r"(?!\w|\.\d)"), re.I)
        self.levels = {2: forms.levels[1], 3: forms.levels[2]}
        self.enum_patterns = {level: self._enumerator(level, spec) for level in (2, 3)}
        self.enum_re = {level: re.compile(p) for level, p in self.enum_patterns.items()}
        bare = spec.get("bare_enumerators")
        self.bare_re = {
            level: re.compile(f"(?:{self.enum_patterns[level]}|(?:{self._values(level)}){NOT_WORD_AFTER})")
            if bare else self.enum_re[level]
            for level in (2, 3)
        }
        attached = spec.get("attached") or []
        self.list_re = _connectors(spec.get("list"), spaced, attached)
        self.range_re = _connectors(spec.get("range"), spaced, attached)
        self.range_open_re = _connectors(spec.get("range_open"), spaced)
        self.of_re = _connectors(spec.get("of"), spaced)
        self.then_re = _connectors(spec.get("then"), spaced)
        self.this_article_re = self._fixed(spec.get("this_article"))
        self.this_paragraph_re = self._fixed(spec.get("this_paragraph"))
        self.own, self.other = own_and_other(spec, kind, name)
        self.own_re = self._fixed(self.own)
        self.other_re = self._fixed(self.other)
        self.capitalized_re = _connectors(spec.get("other_capitalized"), spaced)
        if self.ascending:
            self._compile_ascending(spec)
        else:
            self._compile_descending(spec)

    # -- pieces -----------------------------------------------------------------------------

    def _values(self, level: int) -> str:
        forms = self.levels[level]
        if not forms.sequences:
            return DIGITS["any"]
        values = {value for sequence in forms.sequences for value in sequence}
        return "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))

    def _enumerator(self, level: int, spec: dict) -> str:
        values = self._values(level)
        patterns = []
        for form in spec.get("enumerators") or ["({e})"]:
            before, after = form.split("{e}")
            tail = re.escape(after) if after else NOT_WORD_AFTER
            patterns.append(f"{re.escape(before)}(?:{values}){tail}")
        return "(?:" + "|".join(patterns) + ")"

    def _fixed(self, phrases) -> re.Pattern | None:
        if not phrases:
            return None
        lead = f"{SPACE}*" if self.ascending else f"{SPACE}+"
        return re.compile(f"{lead}(?:{_alternatives(phrases)})" + ("" if self.ascending else r"(?!\w)"), re.I)

    def _compile_descending(self, spec: dict) -> None:
        self.noun_level: dict[str, tuple[int, bool]] = {}
        for name, level in LEVELS.items():
            entry = (spec.get("nouns") or {}).get(name)
            if not entry:
                continue
            for plural in (False, True):
                for form in entry.get("plural" if plural else "singular") or []:
                    known = self.noun_level.get(form.lower())
                    self.noun_level[form.lower()] = (level, plural or bool(known and known[1]))
        prefixes = "|".join(re.escape(p) for p in sorted(spec.get("prefixes") or [], key=len, reverse=True))
        prefix = f"(?:{prefixes})?" if prefixes else ""
        self.noun_core = f"{prefix}(?P<noun>{_alternatives(self.noun_level)}){NOT_WORD_AFTER}"
        self.noun_re = re.compile(NOT_WORD_BEFORE + self.noun_core, re.I)
        self.of_noun_re = re.compile(f"(?:{self.of_re.pattern})" + self.noun_core, re.I) if self.of_re else None
        self.then_noun_re = (
            re.compile(f"(?:{self.then_re.pattern})" + self.noun_core, re.I) if self.then_re else None
        )

    def _compile_ascending(self, spec: dict) -> None:
        self.components: dict[int, list[re.Pattern]] = {}
        for name, level in LEVELS.items():
            alternatives = []
            for form in (spec.get("nouns") or {}).get(name) or []:
                slot = "(?P<n>" + self.number_pattern + ")" if "{n}" in form else (
                    "(?P<e>" + self.enum_patterns[2 if level <= SUBPARAGRAPH else 3] + ")")
                before, after = re.split(r"\{[ne]\}", form)
                alternatives.append(re.escape(before) + slot + re.escape(after))
            this = {ARTICLE: spec.get("this_article"), PARAGRAPH: spec.get("this_paragraph")}.get(level)
            if this:
                alternatives.append(f"(?P<this>{_alternatives(this)})")
            # Each alternative has its own groups: compile them one by one.
            self.components[level] = [re.compile(a) for a in alternatives]
        nouns = [form for forms in (spec.get("nouns") or {}).values() for form in forms]
        starts = [re.escape(form[0]) for form in nouns if form[0] != "{"]
        starts += [re.escape(w[0]) for w in (spec.get("this_article") or []) + (spec.get("this_paragraph") or [])]
        starts += [re.escape(f.split("{e}")[0]) for f in spec.get("enumerators") or []]
        self.start_re = re.compile("|".join(sorted(set(starts), key=len, reverse=True)))

    # -- primitives: each returns what it read and where it stops, or None ---------------------

    def noun_of(self, match: re.Match) -> tuple[int, bool]:
        """Level and plurality of the noun a match found."""
        return self.noun_level[re.sub(SPACE + "+", " ", match.group("noun")).lower()]

    @staticmethod
    def skip(text: str, pos: int) -> int:
        return SPACES.match(text, pos).end()

    def number(self, text: str, pos: int) -> tuple[int, int, int] | None:
        """(value, start, end) of a number at `pos`."""
        match = self.number_re.match(text, pos)
        if not match:
            return None
        word = match.group(1)
        if word.lower() in self.numbers:
            value = self.numbers[word.lower()]
        elif self.digits == "chinese":
            value = from_chinese(word)
        else:
            value = int(western_digits(word))
        return (value, match.start(), match.end()) if value > 0 else None

    def enumerator(self, level: int, text: str, pos: int, bare: bool = False) -> tuple[int, int] | None:
        """(position, end) of an enumerator of `level` (2 or 3) at `pos`."""
        match = (self.bare_re if bare else self.enum_re)[level].match(text, pos)
        if not match:
            return None
        value = match.group(0).strip(BRACKETS)
        positions = self.levels[level].position(value)
        return (positions[0], match.end()) if positions else None

    def enumerators(self, text: str, pos: int, parts: dict, from_level: int, bare: bool):
        """Enumerators from level `from_level` on, written one after the other: "(b) (ii)"."""
        end = pos
        for level in range(from_level, 4):
            found = self.enumerator(level, text, self.skip(text, end) if level > from_level else end,
                                    bare and level == from_level)
            if not found:
                break
            parts[level], end = found
        return end

    # -- descending order: "subparagraph (b) of paragraph 1 of article 7" ----------------------

    def value(self, level: int, text: str, pos: int, bare: bool) -> _Member | None:
        """One member written after a noun of `level`: "7", "1 (b)", "(b) (ii)", "1 (a)"."""
        start = self.skip(text, pos)
        parts: dict[int, int] = {}
        end = start
        if level <= PARAGRAPH:
            found = self.number(text, start)
            if not found:
                return None
            parts[level], _, end = found
            after = self.enumerators(text, self.skip(text, end), parts, SUBPARAGRAPH, False)
            end = after if SUBPARAGRAPH in parts else end
            return _Member(start, end, parts)
        if level == SUBPARAGRAPH:
            found = self.number(text, start)  # "subparagraph 1 (a) of this article"
            if found:
                parts[PARAGRAPH], _, number_end = found
                after = self.enumerators(text, self.skip(text, number_end), parts, SUBPARAGRAPH, False)
            else:
                after = self.enumerators(text, start, parts, SUBPARAGRAPH, bare)
            return _Member(start, after, parts) if SUBPARAGRAPH in parts else None
        after = self.enumerators(text, start, parts, ITEM, bare)
        return _Member(start, after, parts) if ITEM in parts else None

    def continuation(self, level: int, previous: _Member, text: str, pos: int, plural: bool,
                     bare: bool) -> _Member | None:
        """The next member of a list: a full member, the same noun again, or deeper enumerators
        that keep the numbers above them ("paragraph 1 (a) and (b)"). The noun again continues the
        list only in the same number ("article 27 and article 28 of the Charter"): "articles 7 to
        11 and article 2 of the Charter" are two references."""
        start = self.skip(text, pos)
        noun = self.noun_re.match(text, start)
        if noun and self.noun_of(noun) == (level, plural):
            member = self.value(level, text, noun.end(), bare)
            return _Member(start, member.end, member.parts) if member else None
        deepest = max(previous.parts)
        options = []
        if plural or level >= SUBPARAGRAPH:
            options.append(level)
        for depth in (SUBPARAGRAPH, ITEM):
            if level < depth <= deepest:
                options.append(depth)
        # The depth of the previous member first: after "(b) (i)", "(ii)" is an item, not a letter.
        options.sort(key=lambda depth: (depth != deepest, depth))
        for depth in options:
            if depth == level:
                member = self.value(level, text, start, bare)
            else:
                parts = {k: v for k, v in previous.parts.items() if k < depth}
                end = self.enumerators(text, start, parts, depth, bare and depth == level)
                member = _Member(start, end, parts) if depth in parts else None
            if member:
                return member
        return None

    def members(self, level: int, plural: bool, text: str, pos: int, bare: bool) -> list[_Member]:
        if plural and self.range_open_re:
            opened = self.range_open_re.match(text, pos)
            if opened and self.value(level, text, opened.end(), bare):
                pos = opened.end()
        first = self.value(level, text, pos, bare)
        if not first:
            return []
        members = [first]
        while True:
            joined = None
            for joiner in (self.list_re, self.range_re):
                joined = joiner.match(text, members[-1].end) if joiner else None
                if joined:
                    break
            if not joined:
                return members
            member = self.continuation(level, members[-1], text, joined.end(), plural, bare)
            if not member:
                return members
            members.append(member)

    def parse_descending(self, text: str, noun: re.Match) -> _Phrase | None:
        level, plural = self.noun_of(noun)
        members = self.members(level, plural, text, noun.end(), bare=level >= SUBPARAGRAPH)
        if not members:
            return None
        pos = members[-1].end
        chain: dict[int, int] = {}
        explicit_article = this_paragraph = False
        top = level
        # "article 46, paragraph 9": a smaller unit after a single article.
        if level == ARTICLE and len(members) == 1 and set(members[0].parts) == {ARTICLE} and self.then_noun_re:
            then = self.then_noun_re.match(text, pos)
            if then:
                deeper, deeper_plural = self.noun_of(then)
                found = self.members(deeper, deeper_plural, text, then.end(), deeper >= SUBPARAGRAPH)
                if deeper > ARTICLE and found:
                    chain[ARTICLE] = members[0].parts[ARTICLE]
                    members, pos, explicit_article, top = found, found[-1].end, True, ARTICLE
        while top > ARTICLE:
            if self.this_article_re and (match := self.this_article_re.match(text, pos)):
                explicit_article, pos, top = True, match.end(), ARTICLE
                break
            if top > PARAGRAPH and self.this_paragraph_re and (match := self.this_paragraph_re.match(text, pos)):
                this_paragraph, pos, top = True, match.end(), PARAGRAPH
                continue
            match = self.of_noun_re.match(text, pos) if self.of_noun_re else None
            if not match:
                break
            higher = self.noun_of(match)[0]
            member = self.value(higher, text, match.end(), higher >= SUBPARAGRAPH) if higher < top else None
            if not member:
                break
            for key, value in member.parts.items():
                chain.setdefault(key, value)
            explicit_article = explicit_article or higher == ARTICLE
            pos, top = member.end, higher
        external, end = self.instrument_after(text, pos)
        phrase = _Phrase(end)
        for index, member in enumerate(members):
            if len(members) == 1:
                start, stop = noun.start(), pos
            else:
                start, stop = (noun.start() if index == 0 else member.start), member.end
            phrase.refs.append(self.reference(text, start, stop, {**chain, **member.parts},
                                              explicit_article, this_paragraph, external))
        return phrase

    def instrument_after(self, text: str, pos: int) -> tuple[bool, int]:
        """Whether the instrument named after `pos` is another one, and where its name ends."""
        own = self.own_re.match(text, pos) if self.own_re else None
        other = self.other_re.match(text, pos) if self.other_re else None
        if other and (not own or other.end() > own.end()):
            return True, other.end()
        if own:
            return False, own.end()
        if self.capitalized_re:
            match = self.capitalized_re.match(text, pos)
            if match and match.end() < len(text) and text[match.end()].isupper():
                return True, match.end()
        return False, pos

    # -- ascending order: "第三十五条第1款(b)项" ---------------------------------------------------

    def chain(self, text: str, pos: int, first_level: int = ARTICLE):
        """Units written one after the other from `pos`: (top level, parts, flags, end) or None."""
        parts: dict[int, int] = {}
        explicit_article = this_paragraph = False
        top = None
        end = pos
        for level in range(first_level, 4):
            for pattern in self.components[level]:
                match = pattern.match(text, end)
                if not match:
                    continue
                groups = match.groupdict()
                if groups.get("this"):
                    explicit_article = explicit_article or level == ARTICLE
                    this_paragraph = this_paragraph or level == PARAGRAPH
                elif groups.get("n"):
                    found = self.number(text, match.start("n"))
                    if not found:
                        continue
                    parts[level] = found[0]
                else:
                    found = self.enumerator(2 if level <= SUBPARAGRAPH else 3, text, match.start("e"))
                    if not found:
                        continue
                    parts[level] = found[0]
                top = level if top is None else top
                end = match.end()
                break
        if not parts:
            return None
        return top, parts, explicit_article, this_paragraph, end

    def parse_ascending(self, text: str, pos: int) -> _Phrase | None:
        found = self.chain(text, pos)
        if not found:
            return None
        top, parts, explicit_article, this_paragraph, end = found
        external = self.instrument_before(text, pos)
        phrase = _Phrase(end)
        phrase.refs.append(self.reference(text, pos, end, parts, explicit_article, this_paragraph, external))
        while True:
            joined = None
            for joiner in (self.list_re, self.range_re):
                joined = joiner.match(text, phrase.end) if joiner else None
                if joined:
                    break
            if not joined:
                return phrase
            following = self.chain(text, joined.end(), top)
            if not following:
                return phrase
            next_top, next_parts, next_article, next_paragraph, end = following
            inherited = {k: v for k, v in parts.items() if k < next_top}
            phrase.refs.append(self.reference(
                text, joined.end(), end, {**inherited, **next_parts},
                next_article or (explicit_article and next_top > ARTICLE),
                next_paragraph or (this_paragraph and next_top > PARAGRAPH), external))
            phrase.end = end

    def instrument_before(self, text: str, pos: int) -> bool:
        before = text[:pos].rstrip()
        own = max((len(w) for w in self.own if before.endswith(w)), default=0)
        other = max((len(w) for w in self.other if before.endswith(w)), default=0)
        return other > own

    # -- both ---------------------------------------------------------------------------------

    def reference(self, text, start, end, parts, explicit_article, this_paragraph, external) -> Reference:
        article = parts.get(ARTICLE)
        explicit = explicit_article or article is not None
        paragraph, subparagraph = parts.get(PARAGRAPH), parts.get(SUBPARAGRAPH)
        # "subparagraph (b)" alone: a subparagraph of the paragraph the text is in.
        if paragraph is None and subparagraph is not None and not explicit:
            this_paragraph = True
        if paragraph is not None:
            this_paragraph = False
        return Reference(start, end, text[start:end], article, paragraph, subparagraph,
                         parts.get(ITEM), this_paragraph, external)

    def find(self, text: str) -> list[Reference]:
        refs: list[Reference] = []
        pos = 0
        while True:
            if self.ascending:
                match = self.start_re.search(text, pos)
                phrase = self.parse_ascending(text, match.start()) if match else None
            else:
                match = self.noun_re.search(text, pos)
                phrase = self.parse_descending(text, match) if match else None
            if not match:
                return refs
            if phrase:
                refs += phrase.refs
                pos = max(phrase.end, match.end())
            else:
                pos = match.start() + 1


@cache
def grammar(lang: str, files: DataFiles | None = None, kind: str = DEFAULT_KIND, name: str | None = None) -> Grammar:
    """The grammar of `lang` for an instrument of `kind` called `name` (which it calls its own)."""
    data = (files or defaults()).load("references.yml")
    if lang not in data:
        raise KeyError(f"no reference grammar for language {lang!r} in references.yml")
    return Grammar(lang, data[lang], files, kind, name)


def find_references(text: str, lang: str, files: DataFiles | None = None, kind: str = DEFAULT_KIND,
                    name: str | None = None) -> list[Reference]:
    """Every reference in `text`, in order, including those to other instruments (`external`)."""
    return grammar(lang, files, kind, name).find(text)


def own_and_other(spec: dict, kind: str, name: str | None) -> tuple[list[str], list[str]]:
    """The phrases naming the instrument itself (by its kind, and by its name) and the others."""
    by_kind = spec.get("own") or {}
    own = list(by_kind.get(kind) or by_kind.get("instrument") or [])
    if name:
        own += [form.format(name=name) for form in spec.get("own_name") or []]
    other = [phrase for phrase in spec.get("other") or [] if phrase not in own]
    return own, other


# -- targets: what exists, and whether a reference points to it ---------------------------------


def known_targets(documents: dict, lang: str, files: DataFiles | None = None) -> set[str]:
    """The targets of one language's documents (key -> Document): "7" for article 7,
    "7#para-1-b" for each of its numbered paragraphs and subparagraphs, and "7#para-2" for the
    second of its unnumbered paragraphs (not those of a synopsis: they are not the article's)."""
    known = set()
    for document in documents.values():
        if document.kind != "article" or not document.number:
            continue
        known.add(str(document.number))
        result = scan(document.body, lang, files=files)
        marks = result.skeleton() if document.status != "synopsis" else result.numbered_marks()
        known.update(f"{document.number}#{mark.anchor}" for mark in marks if mark.anchor != "para-intro")
    return known


@dataclass(frozen=True)
class Location:
    """Where a reference leads: `target` ("7", "7#para-1-b"), or the `problem` that stops it."""

    target: str | None = None
    problem: str | None = None
    fix: str | None = None


def locate(ref: Reference, known, article: int | None = None, paragraph: int | None = None) -> Location:
    """Place `ref`, written in `article` and `paragraph`, among the `known` targets (None: any).

    A reference whose context is unknown (a paragraph "of this article" outside an article) has
    neither target nor problem: it is left alone. An article whose text has no numbered paragraphs
    (a synopsis) is the target of references to its paragraphs.
    """
    placed = ref.in_context(article, paragraph)
    if placed is None:
        return Location()
    if known is None:
        return Location(placed.target)
    number = str(placed.article)
    if number not in known:
        return Location(problem=f"{ref.text!r} refers to article {number}, which does not exist",
                        fix="correct the article number as in the official text")
    anchor = placed.anchor
    if anchor is None or placed.target in known:
        return Location(placed.target)
    if not any(target.startswith(number + "#") for target in known):
        return Location(number)
    where = "this article" if ref.article is None else f"article {number}"
    return Location(problem=f"{ref.text!r} refers to {anchor} of {where}, which does not exist",
                    fix=f"correct the reference, or check the numbered paragraphs of {where}")
