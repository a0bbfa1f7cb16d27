"""One function over many items, in this process and processes forked from it: each takes the
items of some languages (a language's grammar and rules are then compiled in one process only),
the results come back in the order of the items. Where processes cannot be forked, or a forked one
does not answer (killed, or its results cannot be sent), this process does the work itself: the
outcome is the same, only slower. Plain Python: no MkDocs.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable, Sequence

# Fewer items than this are done here: forking would cost more than it saves.
SMALLEST_SHARE = 40


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def map_by_language(function: Callable, items: Sequence, language: Callable, jobs: int) -> list:
    """[function(item) for item in items], the items shared out by `language(item)` among `jobs`
    processes (this one included)."""
    shares = shared_out(items, language, jobs)
    if len(shares) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork")
    children = []
    for share in shares[1:]:
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_work, args=(function, [items[i] for i in share], send), daemon=True)
        child.start()
        send.close()
        children.append((share, receive, child))
    results: list = [None] * len(items)
    for i in shares[0]:
        results[i] = function(items[i])
    for share, receive, child in children:
        answer = _answer(receive, child)
        for i, result in zip(share, answer if answer is not None else (function(items[i]) for i in share)):
            results[i] = result
    return results


def shared_out(items: Sequence, language: Callable, jobs: int) -> list[list[int]]:
    """The items' indexes in `jobs` shares of whole languages, about the same size each (the
    largest languages first, each to the smallest share so far); empty shares left out."""
    if jobs < 2 or len(items) < 2 * SMALLEST_SHARE:
        return [list(range(len(items)))]
    by_language: dict = {}
    for i, item in enumerate(items):
        by_language.setdefault(language(item), []).append(i)
    shares: list[list[int]] = [[] for _ in range(jobs)]
    for indexes in sorted(by_language.values(), key=len, reverse=True):
        min(shares, key=len).extend(indexes)
    shares = [sorted(share) for share in shares if share]
    if min(len(share) for share in shares) < SMALLEST_SHARE:
        return [list(range(len(items)))]
    return shares


def _work(function: Callable, items: list, send) -> None:
    try:
        send.send([function(item) for item in items])
    except BaseException:  # the parent does these items again, and tells what goes wrong
        pass
    finally:
        send.close()


def _answer(receive, child) -> list | None:
    """The child's results, or None when it gave none."""
    try:
        return receive.recv()
    except (EOFError, OSError):
        return None
    finally:
        receive.close()
        child.join(timeout=10)
        if child.is_alive():
            with contextlib.suppress(OSError):
                child.kill()
            child.join()
