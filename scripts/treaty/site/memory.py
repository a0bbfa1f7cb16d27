"""Memory a build no longer uses, given back to the system.

glibc keeps the pages of freed memory mapped for the process's next allocations: a page's parsed
HTML, the parser's tree, the sanitizer's copy, freed, stay in the process's resident memory, and
a worker forked from the build (treaty.site.build) would copy them on its first write. Giving
them back after each language and every few hundred kilobytes of pages keeps every process at
about what it holds, not at the most it ever held (measured by scripts/benchmarks/build.py: peak
memory of the build).

Not after every page: memory given back costs a page fault for each 4 KB taken again (after every
page: 70,000 more faults in a build of this project, about a twentieth of its time).
"""

from __future__ import annotations

import ctypes
import gc
import sys


def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim  # glibc's; other C libraries give memory back themselves
    except (OSError, AttributeError):
        return None


_TRIM = _malloc_trim()


class PageTrim:
    """`give_back` once the pages rendered since the last time add up to `budget` characters of
    HTML: a large page at once (its parse trees are megabytes), small ones a few dozen at a time
    (each reuses most of what the one before freed)."""

    def __init__(self, budget: int = 400_000):
        self.budget = budget
        self.since = 0

    def after(self, page: str) -> None:
        self.since += len(page)
        if self.since >= self.budget:
            give_back()
            self.since = 0


def give_back(collect: bool = False) -> None:
    """Return the free pages of the C heap to the system (a tenth of a millisecond); `collect`:
    first free what only reference cycles still hold (Python's collector, a full pass)."""
    if collect:
        gc.collect()
    if _TRIM is not None:
        _TRIM(0)
