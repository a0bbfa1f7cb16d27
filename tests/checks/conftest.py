"""Fixtures of the checks' tests: a clean six-language tree, made once, copied for each test."""

from __future__ import annotations

import pytest

from checkkit import copy_tree, make_tree


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("clean")
    make_tree(tmp)
    return tmp


@pytest.fixture
def tree(clean, tmp_path):
    """(project folder, docs, outline, mkdocs.yml) of a fresh copy of the clean tree."""
    copy_tree(clean, tmp_path / "t")
    tmp = tmp_path / "t"
    return tmp, tmp / "docs", tmp / "outline.yml", tmp / "mkdocs.yml"
