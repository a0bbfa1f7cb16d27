"""treaty.checks.parallel: the same results in the same order as one process, from more than
one process when there is enough to share, and from this one when a forked process gives none."""

from __future__ import annotations

import os

from treaty.checks.parallel import SMALLEST_SHARE, map_by_language, shared_out

ITEMS = [(lang, n) for n in range(SMALLEST_SHARE) for lang in ("ar", "en", "fr", "zh")]


def language(item):
    return item[0]


def test_results_are_those_of_one_process_in_the_items_order_made_in_two():
    here = os.getpid()
    results = map_by_language(lambda item: (item, os.getpid()), ITEMS, language, jobs=2)
    assert [item for item, _pid in results] == ITEMS
    pids = {lang: {pid for (item_lang, _n), pid in results if item_lang == lang} for lang in ("ar", "en", "fr", "zh")}
    assert all(len(found) == 1 for found in pids.values())  # a language in one process
    assert len(set().union(*pids.values())) == 2 and here in set().union(*pids.values())


def test_a_forked_process_that_gives_no_results_leaves_its_items_to_this_one():
    here = os.getpid()

    def fails_elsewhere(item):
        if os.getpid() != here:
            raise RuntimeError("a child's failure")
        return item

    assert map_by_language(fails_elsewhere, ITEMS, language, jobs=2) == ITEMS


def test_an_error_is_raised_here_as_in_one_process():
    def broken(item):
        if item == ("zh", 3):
            raise ValueError("broken item")
        return item

    try:
        map_by_language(broken, ITEMS, language, jobs=2)
    except ValueError as error:
        assert str(error) == "broken item"
    else:
        raise AssertionError("the error was lost")


def test_whole_languages_are_shared_out_evenly_and_little_work_stays_here():
    shares = shared_out(ITEMS, language, 2)
    assert sorted(len(share) for share in shares) == [2 * SMALLEST_SHARE, 2 * SMALLEST_SHARE]
    assert sorted(i for share in shares for i in share) == list(range(len(ITEMS)))
    assert shared_out(ITEMS[:SMALLEST_SHARE], language, 2) == [list(range(SMALLEST_SHARE))]
    assert shared_out(ITEMS, language, 1) == [list(range(len(ITEMS)))]
    assert shared_out([("en", n) for n in range(500)], language, 2) == [list(range(500))]
