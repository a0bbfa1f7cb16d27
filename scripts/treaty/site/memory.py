"""Memory a build no longer uses, given back to the system.

glibc keeps the pages of freed memory mapped for the process's next allocations: a page's parsed
HTML, the parser's tree, the sanitizer's copy, freed, stay in the process's resident memory, and
a worker forked from the build (treaty.site.build) would copy them on its first write. Giving
them back after each page and each language keeps every process at what it holds, not at the
most it ever held (measured by scripts/benchmarks/build.py: peak memory of the build).
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


def give_back(collect: bool = False) -> None:
    """Return the free pages of the C heap to the system (a tenth of a millisecond); `collect`:
    first free what only reference cycles still hold (Python's collector, a full pass)."""
    if collect:
        gc.collect()
    if _TRIM is not None:
        _TRIM(0)
