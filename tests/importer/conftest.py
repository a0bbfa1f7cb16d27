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
    config: Path  # its project folder (mkdocs.yml, data/, docs/index.md)
    lists: bool = False  # paragraphs as numbered list items in its HTML and Word documents
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
        """A fresh project folder for an import (mkdocs.yml, data/, the chooser); returns it."""
        tmp.mkdir(parents=True, exist_ok=True)
        shutil.copytree(self.config / "data", tmp / "data")
        shutil.copy(self.config / "mkdocs.yml", tmp / "mkdocs.yml")
        (tmp / "docs").mkdir(exist_ok=True)
        shutil.copy(self.config / "docs" / "index.md", tmp / "docs" / "index.md")
        return tmp


@pytest.fixture(scope="session")
def lighthouses(tmp_path_factory) -> Instrument:
    folder = tmp_path_factory.mktemp("lighthouses")
    expected = specimen.write_tree(specimen.LIGHTHOUSES, folder / "expected")
    return Instrument("lighthouses", specimen.LIGHTHOUSES, folder, expected,
                      specimen.config(specimen.LIGHTHOUSES, folder / "project"))


@pytest.fixture(scope="session")
def buoys(tmp_path_factory) -> Instrument:
    folder = tmp_path_factory.mktemp("buoys")
    expected = specimen.write_tree(specimen.BUOYS, folder / "expected")
    return Instrument("buoys", specimen.BUOYS, folder, expected,
                      specimen.config(specimen.BUOYS, folder / "project", paragraphs="lists"), lists=True)
