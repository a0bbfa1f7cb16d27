"""A problem found in the content, reported as `path:line:column: code: message (fix)`."""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # relative to the project root, with forward slashes
    line: int
    column: int
    code: str
    message: str
    fix: str
    severity: str = ERROR

    def text(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.code}: {self.message} ({self.fix})"

    def github(self) -> str:
        level = "error" if self.severity == ERROR else "warning"
        message = f"{self.message} ({self.fix})".replace("%", "%25").replace("\n", "%0A")
        return (
            f"::{level} file={self.path},line={self.line},col={self.column},"
            f"title={self.code}::{message}"
        )


def render(findings: list[Finding], fmt: str = "text") -> str:
    findings = sorted(findings)
    if fmt == "json":
        return json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(f.github() for f in findings)
    return "\n".join(f.text() for f in findings)


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == ERROR]


class Located:
    """Line and column of an offset in a body that starts on line `first_line` of its file."""

    def __init__(self, body: str, first_line: int):
        self.first = first_line
        # Offsets where lines start: one bisection per finding, however many findings a page has.
        self.starts = [0] + [m.end() for m in re.finditer("\n", body)]

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return self.first + line, offset - self.starts[line] + 1
