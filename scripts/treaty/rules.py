"""The rules of `treaty check` that are data (data/checks.yml, data/front-matter.yml)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .paths import DATA_DIR, load_yaml

CHECKS_FILE = DATA_DIR / "checks.yml"
FRONT_MATTER_FILE = DATA_DIR / "front-matter.yml"


@lru_cache(maxsize=None)
def check_rules(path: Path = CHECKS_FILE) -> dict:
    return load_yaml(path)


@lru_cache(maxsize=None)
def front_matter_schema(path: Path = FRONT_MATTER_FILE) -> dict:
    return load_yaml(path)


def code_points(entries) -> frozenset[int]:
    """[0x200B, [0x202A, 0x202E]] -> every code point listed, ranges included."""
    points = set()
    for entry in entries or []:
        if isinstance(entry, list):
            points.update(range(entry[0], entry[1] + 1))
        else:
            points.add(entry)
    return frozenset(points)
