"""Recognize paragraph and subparagraph enumerators as each language writes them.

The forms come from data/enumerators.yml. `EnumeratorTracker` reads the blocks of one article in
order and gives each enumerated block its language-neutral anchor (`para-2`, `para-2-b`,
`para-2-b-i`), resolving the letter/roman ambiguity of "(i)", "(v)" and "(x)" from context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from treaty.model.numerals import western_digits
from treaty.project.files import DataFiles, defaults

DIGITS = {"western": "[0-9]+", "any": "[0-9٠-٩۰-۹]+"}
# Chinese characters and full-width punctuation: text that needs no space after an enumerator.
CJK = "[\u3400-\u9fff\uf900-\ufaff\uff01-\uff60]"


@dataclass(frozen=True)
class Enumerator:
    """One enumerator found at the start of a block."""

    level: int  # 1 paragraph, 2 subparagraph, 3 sub-subparagraph
    position: int  # 1-based place in its sequence (the paragraph number at level 1)
    token: str  # the enumerator as written, brackets included: "(b)", "б)", "(أ)", "2."
    end: int  # index in the line where the text after the enumerator starts


@dataclass
class LevelForms:
    level: int
    pattern: re.Pattern
    sequences: list[list[str]]  # empty for numbered levels

    def position(self, value: str) -> list[int]:
        """Possible positions of a value (several when sequences disagree, which they don't)."""
        if not self.sequences:
            return [int(western_digits(value))]
        return [seq.index(value) + 1 for seq in self.sequences if value in seq]


@dataclass
class LanguageForms:
    code: str
    levels: list[LevelForms]
    anchors: dict[int, list[str]] = field(default_factory=dict)

    def candidates(self, line: str) -> list[Enumerator]:
        found = []
        for forms in self.levels:
            match = forms.pattern.match(line)
            if not match:
                continue
            value = next(group for group in match.groups()[1:] if group is not None)
            for position in forms.position(value):
                found.append(Enumerator(forms.level, position, match.group("token"), match.end()))
        return found


def _level_forms(level: int, spec: dict) -> LevelForms:
    if "digits" in spec:
        alternatives, sequences = DIGITS[spec["digits"]], []
    else:
        sequences = [list(spec["sequence"])] + [list(s) for s in spec.get("alternatives", [])]
        values = sorted({v for seq in sequences for v in seq}, key=len, reverse=True)
        alternatives = "|".join(re.escape(v) for v in values)
    patterns = []
    for form in spec["forms"]:
        before, after = (re.escape(part) for part in form.split("{e}"))
        patterns.append(f"{before}({alternatives}){after}")
    # The text follows after white space; after a full-width bracket, or before Chinese text,
    # none is needed ("（b）任何", "(b)任何", "1.任何").
    token = "(?P<token>" + "|".join(patterns) + ")"
    pattern = re.compile(r"[ ]{0,3}" + token + r"(?:[ \t\u00a0\u3000]+|(?<=）)|(?=" + CJK + r"))(?=\S)")
    return LevelForms(level, pattern, sequences)


@cache
def language_forms(code: str, files: DataFiles | None = None) -> LanguageForms:
    data = (files or defaults()).load("enumerators.yml")
    try:
        spec = data["languages"][code]
    except KeyError:
        raise KeyError(f"no enumerators defined for language {code!r} in enumerators.yml") from None
    levels = [_level_forms(n, spec[f"level{n}"]) for n in (1, 2, 3)]
    return LanguageForms(code, levels, anchor_names(files))


@cache
def anchor_names(files: DataFiles | None = None) -> dict[int, list[str]]:
    """The language-neutral names of positions at levels 2 and 3: a, b, c ... and i, ii, iii ..."""
    data = (files or defaults()).load("enumerators.yml")
    return {2: list(data["anchor"]["level2"]), 3: list(data["anchor"]["level3"])}


def anchor_for(positions: list[int], names: dict[int, list[str]] | None = None) -> str:
    """[2, 2, 1] -> "para-2-b-i"; position 0 at level 1 (subparagraphs under no numbered
    paragraph) is left out: [0, 2] -> "para-b"."""
    names = names or anchor_names()
    parts = [str(positions[0])] if positions[0] else []
    for level, position in enumerate(positions[1:], start=2):
        parts.append(names[level][position - 1] if position <= len(names[level]) else str(position))
    return "para-" + "-".join(parts)


@dataclass
class Step:
    """A recognized enumerated block: its enumerator and anchor, or why it is out of place."""

    enumerator: Enumerator
    anchor: str
    problem: str | None = None


class EnumeratorTracker:
    """Follows the paragraph numbering of one article, block by block."""

    def __init__(self, code: str, files: DataFiles | None = None):
        self.forms = language_forms(code, files)
        self.current: list[int] = []  # positions at levels 1..3 of the last block

    def _choose(self, candidates: list[Enumerator]) -> Enumerator:
        if len(candidates) == 1:
            return candidates[0]
        # Ambiguous: "(i)" may be the ninth letter or the first roman numeral.
        for candidate in candidates:
            if candidate.level == len(self.current) + 1 and candidate.position == 1:
                return candidate  # opening a new, deeper level
            if (
                len(self.current) >= candidate.level
                and self.current[candidate.level - 1] + 1 == candidate.position
            ):
                return candidate  # continuing a level's sequence
        return min(candidates, key=lambda c: c.level)

    def anchor_for(self, positions: list[int]) -> str:
        return anchor_for(positions, self.forms.anchors)

    def feed(self, line: str) -> Step | None:
        """The step for a block starting with `line`, or None if it is not enumerated."""
        candidates = self.forms.candidates(line)
        if not candidates:
            return None
        enumerator = self._choose(candidates)
        level, problem = enumerator.level, None
        if level == 2 and not self.current:
            # An article made of subparagraphs only ("For the purposes of ...: (a) ...; (b) ...").
            self.current = [0]
        if level > len(self.current) + 1:
            problem = "skips a level"
            positions = self.current + [1] * (level - len(self.current) - 1) + [enumerator.position]
        else:
            expected = self.current[level - 1] + 1 if len(self.current) >= level else 1
            if enumerator.position != expected:
                problem = f"out of order (expected position {expected})"
            positions = self.current[: level - 1] + [enumerator.position]
        self.current = positions
        return Step(enumerator, self.anchor_for(positions), problem)
