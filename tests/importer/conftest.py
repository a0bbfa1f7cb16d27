"""Fixtures of the importer tests: the two specimen instruments as Markdown trees, their
configurations, and their documents in every format and language, each made once per run."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from . import render_documents as render
from . import specimen_texts as specimen


@dataclass
class Instrument:
    name: str
    data: dict
    folder: Path
    expected: Path  # the Markdown tree an import must give
    config: Path
    lists: bool = False  # paragraphs as numbered list items in its HTML
    documents: dict = field(default_factory=dict)

    def document(self, fmt: str, lang: str) -> Path:
        """The instrument's official document in a format and language, rendered on first use."""
        key = (fmt, lang)
        if key not in self.documents:
            front = self.data.get("resolution", {}).get(lang) if fmt in ("docx", "pdf") else None
            doc = render.load(self.expected, lang, self.data["title"][lang], front)
            path = self.folder / "documents" / f"{self.name}-{lang}.{fmt}"
            path.parent.mkdir(exist_ok=True)
            self.documents[key] = render.render(doc, fmt, path, self.data["symbol"], lists=self.lists)
        return self.documents[key]

    def project(self, tmp: Path) -> Path:
        """A fresh project folder for an import: its configuration and outline, an empty docs/."""
        tmp.mkdir(parents=True, exist_ok=True)
        for name in ("import.yml", "outline.yml"):
            shutil.copy(self.folder / name, tmp / name)
        (tmp / "docs").mkdir(exist_ok=True)
        return tmp / "import.yml"


@pytest.fixture(scope="session")
def lighthouses(tmp_path_factory) -> Instrument:
    folder = tmp_path_factory.mktemp("lighthouses")
    expected = specimen.write_tree(specimen.LIGHTHOUSES, folder / "expected")
    return Instrument("lighthouses", specimen.LIGHTHOUSES, folder, expected,
                      specimen.config(specimen.LIGHTHOUSES, folder))


@pytest.fixture(scope="session")
def buoys(tmp_path_factory) -> Instrument:
    folder = tmp_path_factory.mktemp("buoys")
    expected = specimen.write_tree(specimen.BUOYS, folder / "expected")
    return Instrument("buoys", specimen.BUOYS, folder, expected,
                      specimen.config(specimen.BUOYS, folder, paragraphs="lists"), lists=True)
