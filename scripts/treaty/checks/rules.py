"""The rules of `treaty check` that are data (data/checks.yml, data/front-matter.yml)."""

from __future__ import annotations

from treaty.project.files import DataFiles, defaults


def check_rules(files: DataFiles | None = None) -> dict:
    return (files or defaults()).load("checks.yml")


def front_matter_schema(files: DataFiles | None = None) -> dict:
    return (files or defaults()).load("front-matter.yml")


def code_points(entries) -> frozenset[int]:
    """[0x200B, [0x202A, 0x202E]] -> every code point listed, ranges included."""
    points = set()
    for entry in entries or []:
        if isinstance(entry, list):
            points.update(range(entry[0], entry[1] + 1))
        else:
            points.add(entry)
    return frozenset(points)
