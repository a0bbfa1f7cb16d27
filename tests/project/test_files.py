"""treaty.project.files: a data file parsed once while it is unchanged, read again when it changes,
and a clear message when it goes."""

from __future__ import annotations

import os

import pytest

from treaty.project.files import DataError, DataFiles


def test_a_data_file_is_read_again_when_it_changes_and_named_when_it_goes(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    rules = folder / "numbering.yml"
    rules.write_text("article: {default: {style: arabic}}\n", encoding="utf-8")
    files = DataFiles((folder,))
    first = files.load("numbering.yml")
    assert first == {"article": {"default": {"style": "arabic"}}} and files.load("numbering.yml") is first
    rules.write_text("article: {default: {style: roman}}\n", encoding="utf-8")
    os.utime(rules, ns=(rules.stat().st_atime_ns, rules.stat().st_mtime_ns + 1_000_000))
    assert files.load("numbering.yml") == {"article": {"default": {"style": "roman"}}}
    rules.unlink()  # the package's own file is found instead
    assert files.load("numbering.yml") != {"article": {"default": {"style": "roman"}}}
    with pytest.raises(DataError, match="no data file 'nowhere.yml'"):
        files.load("nowhere.yml")
