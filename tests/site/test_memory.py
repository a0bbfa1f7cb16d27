"""treaty.site.memory: when a build gives the freed C heap back to the system."""

from __future__ import annotations

import pytest

from treaty.site import memory
from treaty.site.memory import PageTrim


@pytest.fixture
def given_back(monkeypatch):
    calls = []
    monkeypatch.setattr(memory, "give_back", lambda collect=False: calls.append(collect))
    return calls


def test_small_pages_are_given_back_a_few_dozen_at_a_time(given_back):
    trim = PageTrim(budget=100_000)
    for _ in range(39):
        trim.after("x" * 2_500)
    assert given_back == []  # 97,500 characters: each page reuses what the last one freed
    trim.after("x" * 2_500)
    assert len(given_back) == 1
    for _ in range(39):
        trim.after("x" * 2_500)
    assert len(given_back) == 1  # counted again from nothing


def test_a_large_page_is_given_back_at_once(given_back):
    trim = PageTrim(budget=100_000)
    trim.after("x" * 10)
    trim.after("x" * 150_000)
    assert len(given_back) == 1
    trim.after("x" * 10)
    assert len(given_back) == 1
