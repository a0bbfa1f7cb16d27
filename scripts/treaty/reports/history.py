"""When each content file last changed, from git history: one `git log` for the whole tree.

A file never committed has no date. Without a history to read (git missing, a folder outside a
repository, an export without .git, or a shallow clone, whose oldest commit would date every
file it did not see change) there are no dates at all: `last_changes` gives None, and the status
pages say so instead of showing dates that depend on how the folder was copied. Plain Python:
no MkDocs.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

SEPARATOR = "\x1e"


def last_changes(folder: Path, timeout: float = 60) -> dict[str, dt.datetime] | None:
    """Path relative to `folder` ("fr/articles/7.md") -> date of the last commit that changed it;
    None when there is no complete history to read."""
    folder = Path(folder)
    shallow = git(folder, ["rev-parse", "--is-shallow-repository"], timeout)
    if shallow is None or shallow.strip() != b"false":
        return None
    output = git(folder, ["-c", "core.quotePath=false", "log", "--no-renames", f"--format={SEPARATOR}%cI",
                          "--name-only", "--relative", "--", "."], timeout)
    if output is None:
        return None
    changes: dict[str, dt.datetime] = {}
    for commit in output.decode("utf-8", "replace").split(SEPARATOR)[1:]:
        lines = commit.split("\n")
        try:
            when = dt.datetime.fromisoformat(lines[0].strip())
        except ValueError:
            continue
        for name in lines[1:]:
            name = name.strip()
            if name and name not in changes:  # newest first: the first date seen is the last change
                changes[name] = when
    return changes


def git(folder: Path, arguments: list[str], timeout: float) -> bytes | None:
    """The output of a git command run in `folder`, or None when it fails (or git is missing)."""
    command = ["git", "-C", str(folder), *arguments]
    try:
        result = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None
