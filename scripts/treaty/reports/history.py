"""When each content file last changed, from git history: one `git log` for the whole tree.

Without git, outside a repository, or for a file never committed, there is no date (None); a
shallow clone knows only the commits it has. Plain Python: no MkDocs.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

SEPARATOR = "\x1e"


def last_changes(folder: Path, timeout: float = 60) -> dict[str, dt.datetime]:
    """Path relative to `folder` ("fr/articles/7.md") -> date of the last commit that changed it."""
    folder = Path(folder)
    command = ["git", "-c", "core.quotePath=false", "-C", str(folder), "log", "--no-renames",
               f"--format={SEPARATOR}%cI", "--name-only", "--relative", "--", "."]
    try:
        result = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    changes: dict[str, dt.datetime] = {}
    for commit in result.stdout.decode("utf-8", "replace").split(SEPARATOR)[1:]:
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
