"""When each file last changed: one `git log` for the whole tree."""

from __future__ import annotations

import datetime as dt
import os
import subprocess

from treaty.reports.history import last_changes


def git(cwd, *args, date=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def test_the_last_commit_of_each_file_below_the_folder(tmp_path):
    docs = tmp_path / "docs"
    (docs / "fr").mkdir(parents=True)
    (docs / "fr" / "a.md").write_text("1")
    (docs / "fr" / "été.md").write_text("1")
    (tmp_path / "other.md").write_text("1")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "one", date="2025-01-02T10:00:00+00:00")
    (docs / "fr" / "a.md").write_text("2")
    git(tmp_path, "commit", "-q", "-am", "two", date="2025-03-04T10:00:00+00:00")
    (docs / "fr" / "new.md").write_text("uncommitted")
    changes = last_changes(docs)
    assert changes == {"fr/a.md": dt.datetime(2025, 3, 4, 10, tzinfo=dt.UTC),
                       "fr/été.md": dt.datetime(2025, 1, 2, 10, tzinfo=dt.UTC)}


def test_outside_a_repository_there_is_no_history(tmp_path):
    assert last_changes(tmp_path) is None
    assert last_changes(tmp_path / "absent") is None


def test_a_shallow_clone_has_no_history_either(tmp_path):
    """Its oldest commit would date every file it did not see change: no dates rather than wrong ones."""
    origin = tmp_path / "origin"
    (origin / "docs").mkdir(parents=True)
    (origin / "docs" / "a.md").write_text("1")
    git(origin, "init", "-q")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "one", date="2025-01-02T10:00:00+00:00")
    (origin / "docs" / "b.md").write_text("1")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "two", date="2025-03-04T10:00:00+00:00")
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", "shallow")
    assert last_changes(tmp_path / "shallow" / "docs") is None
    assert set(last_changes(origin / "docs")) == {"a.md", "b.md"}
