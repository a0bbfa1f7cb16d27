"""The Specimen Declaration on Coastal Light Signals (tests/fixtures/declaration): a fictional
instrument kept as the project folder `treaty new` wrote, with its texts in texts.yml. Its
official documents are made here from those texts: HTML whose numbered paragraphs are
<ol><li><p>...</p></li></ol> (sub-items nested the same way), and Word documents whose numbered
paragraphs are items of Word's numbered lists inside content controls."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from treaty.model.enumerators import EnumeratorTracker
from treaty.model.labels import article_label

from . import render_documents as render

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "declaration"
LANGS = ["ar", "zh", "en", "fr", "ru", "es"]
# Each language's document as the tests of the package make it: three of each kind.
FORMATS = {"en": "html", "ru": "html", "ar": "html", "zh": "docx", "fr": "docx", "es": "docx"}
# The anchors the site must give each article's paragraphs, in every language (see texts.yml).
ANCHORS = {
    1: ["para-1", "para-2"],
    2: ["para-1", "para-1-a", "para-1-b", "para-1-b-i", "para-1-b-ii", "para-1-c", "para-2"],
    3: ["para-intro", "para-1", "para-2"],
    4: ["para-1"],
    5: ["para-1", "para-2", "para-2-a", "para-2-b"],
    6: ["para-1", "para-2"],
}


def texts() -> dict:
    return yaml.safe_load((FIXTURE / "texts.yml").read_text(encoding="utf-8"))


def names() -> dict:
    return yaml.safe_load((FIXTURE / "data" / "instrument.yml").read_text(encoding="utf-8"))["names"]


def copy_project(folder: Path) -> Path:
    """The fixture's project folder copied to `folder` (which must not exist), without texts.yml,
    which is no part of a project; returns it."""
    shutil.copytree(FIXTURE, folder, ignore=shutil.ignore_patterns("texts.yml", "site", "__pycache__"))
    return folder


def document(lang: str) -> render.Doc:
    """The declaration in one language, in reading order: title, preamble, articles."""
    data = texts()
    doc = render.Doc(lang)
    doc.items.append(render.Item("title", names()[lang]))
    doc.items += [render.Item("para", text) for text in data["preamble"][lang]]
    for number, paragraphs in data["articles"].items():
        doc.items.append(render.Item("heading", article_label(lang, number)))
        tracker = EnumeratorTracker(lang)
        for text in paragraphs[lang]:
            step = tracker.feed(text)
            level, token = (step.enumerator.level, step.enumerator.token) if step else (0, "")
            doc.items.append(render.Item("para", text, level, token))
    return doc


def make_document(lang: str, fmt: str, folder: Path) -> Path:
    """The official document of one language: "html" (<li><p> items) or "docx" (Word lists in
    content controls)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"declaration-{lang}.{fmt}"
    return render.render(document(lang), fmt, path, lists=True, wrap="p", controls=True)


def make_documents(folder: Path, formats: dict[str, str] = FORMATS) -> dict[str, Path]:
    return {lang: make_document(lang, fmt, folder) for lang, fmt in formats.items()}


def expected_body(lang: str, key: str) -> str:
    """What `treaty import` must write as the text of "preamble" or "articles/N": one Markdown
    paragraph per paragraph, numbers as the language writes them (they are typed so in texts.yml)."""
    data = texts()
    paragraphs = data["preamble"][lang] if key == "preamble" else data["articles"][int(key.split("/")[1])][lang]
    return "\n\n".join(paragraphs)
