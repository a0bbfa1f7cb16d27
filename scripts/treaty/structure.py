"""The paragraph skeleton of a text: its anchors in order, with the line each starts on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .enumerators import EnumeratorTracker

FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Mark:
    anchor: str  # para-2-b
    token: str  # the enumerator as written
    line: int  # line in the file
    problem: str | None = None


def skeleton(body: str, lang: str, first_line: int = 1) -> list[Mark]:
    """Anchors of the enumerated blocks of `body`, which starts at line `first_line` of its file."""
    tracker = EnumeratorTracker(lang)
    marks: list[Mark] = []
    in_fence = False
    starts_block = True
    for offset, line in enumerate(body.split("\n")):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence or not line.strip():
            starts_block = True
            continue
        # A new block begins after a blank line; inside a block, a line starting with an
        # enumerator begins one too (as the Markdown extension reads it).
        if starts_block or tracker.forms.candidates(line):
            step = tracker.feed(line)
            if step:
                marks.append(Mark(step.anchor, step.enumerator.token, first_line + offset, step.problem))
        starts_block = False
    return marks
