"""Put the characters of a right-to-left line, read from a PDF in visual order, back in reading order.

A PDF gives each glyph where it is drawn: an Arabic line comes out left to right, that is
reversed, with its numbers and Latin words the right way round. This undoes the display
reordering of the Unicode bidirectional algorithm for a right-to-left line: everything is
reversed, then runs that were displayed left to right (numbers, Latin text) are turned back.
It covers what treaty text has (one right-to-left paragraph level with embedded numbers and
Latin words); it does not read explicit embeddings.
"""

from __future__ import annotations

import unicodedata

LTR, RTL, NUMBER, NEUTRAL = "L", "R", "EN", "N"
SEPARATORS = ("CS", "ES")  # "1.5", "1,000", "1+1": one separator between two digits joins them


def direction(char: str) -> str:
    kind = unicodedata.bidirectional(char[0]) if char else ""
    if kind == "L":
        return LTR
    if kind in ("R", "AL"):
        return RTL
    if kind in ("EN", "AN"):
        return NUMBER
    return NEUTRAL


def is_rtl(text: str) -> bool:
    """More right-to-left letters than left-to-right ones."""
    kinds = [direction(c) for c in text]
    return kinds.count(RTL) > kinds.count(LTR)


def logical_order(items: list, text_of=lambda item: item) -> list:
    """Items (characters, or clusters of a base character and its marks) drawn left to right in
    a right-to-left line, in the order they are read."""
    kinds = [direction(text_of(item)) for item in items]
    raw = [unicodedata.bidirectional(text_of(item)[0]) if text_of(item) else "" for item in items]
    # W4, W5: a single separator between digits, and currency or percent signs next to digits,
    # belong to the number.
    for i in range(1, len(items) - 1):
        if kinds[i] == NEUTRAL and raw[i] in SEPARATORS and kinds[i - 1] == NUMBER and kinds[i + 1] == NUMBER:
            kinds[i] = NUMBER
    for i, kind in enumerate(raw):
        if kind == "ET" and ((i and kinds[i - 1] == NUMBER) or (i + 1 < len(items) and kinds[i + 1] == NUMBER)):
            kinds[i] = NUMBER
    # Runs drawn left to right: Latin text (neutrals between two Latin letters, or between Latin
    # text and a number, belong to it) and numbers.
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(items):
        if kinds[i] not in (LTR, NUMBER):
            i += 1
            continue
        start = end = i
        latin = kinds[i] == LTR
        j = i + 1
        while j < len(items) and kinds[j] != RTL:
            if kinds[j] == NUMBER and kinds[end] == NUMBER and j == end + 1:
                end = j  # digits side by side
            elif kinds[j] == LTR or (kinds[j] == NUMBER and latin):
                end, latin = j, True  # Latin text, numbers after it, and the neutrals between
            elif kinds[j] == NUMBER:
                break  # a number after a number across neutrals: two runs ("1 - 2")
            j += 1
        runs.append((start, end))
        i = end + 1
    order = list(range(len(items)))
    for start, end in runs:
        order[start:end + 1] = reversed(order[start:end + 1])
    return [items[k] for k in reversed(order)]
