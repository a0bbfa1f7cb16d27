"""Where a piece of text was found in a source document, and the error the importer reports."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Where:
    """A place in a source document, as a person finds it: page and line, paragraph, or line."""

    file: str
    page: int | None = None
    line: int | None = None
    paragraph: int | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        return ", ".join(parts)


class ImportFailure(Exception):
    """An import that cannot go on: what, where in which file, and what to do. Nothing is written."""

    def __init__(self, message: str, where: Where | str | None = None, fix: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where
        self.fix = fix

    def text(self) -> str:
        head = f"{self.where}: " if self.where else ""
        tail = f"\n  what to do: {self.fix}" if self.fix else ""
        return f"{head}{self.message}{tail}"

    def __str__(self) -> str:
        return self.text()


def quoted(text: str, limit: int = 60) -> str:
    """A short quotation of a heading or paragraph for a message."""
    text = " ".join(text.split())
    return "\"" + (text if len(text) <= limit else text[: limit - 1] + "…") + "\""
