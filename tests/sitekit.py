"""Build real sites for the tests: the project's own, or a small tree written by a test."""

from __future__ import annotations

import contextlib
import io
import logging
import shutil
import textwrap
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
LANGS = ["ar", "zh", "en", "fr", "ru", "es"]


def build_site(config_file: Path, site_dir: Path, docs_dir: Path | None = None, **overrides) -> str:
    """Build with MkDocs as `mkdocs build --strict` would; returns the log."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.INFO)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        options = {"site_dir": str(site_dir), "strict": True, **overrides}
        if docs_dir:
            options["docs_dir"] = str(docs_dir)
        config = load_config(str(config_file), **options)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def small_outline(path: Path, chapters: dict[int, list[int]]) -> Path:
    data = {
        "short_title": "Specimen", "symbol": "X/TEST/1", "adopted": "2024-12-24",
        "opened_for_signature": "2025-10-25", "signature_place": "Hanoi",
        "chapters": [
            {"number": n, "roman": "I" * n, "title": f"Chapter {n}",
             "articles": {a: f"Article title {a}" for a in arts}}
            for n, arts in chapters.items()
        ],
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def page(meta: dict, body: str = "") -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + textwrap.dedent(body)


def write_tree(docs: Path, chapters: dict[int, list[int]], langs=LANGS, body: str = "") -> Path:
    """A complete small tree: home, about, preamble, chapters and articles in every language."""
    docs.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "docs" / "index.md", docs / "index.md")
    for lang in langs:
        base = docs / lang
        (base / "articles").mkdir(parents=True, exist_ok=True)
        (base / "chapters").mkdir(parents=True, exist_ok=True)
        (base / "index.md").write_text(page({"kind": "home", "title": f"Home {lang}"}), encoding="utf-8")
        (base / "about.md").write_text(page({"kind": "about", "title": f"About {lang}"}), encoding="utf-8")
        (base / "preamble.md").write_text(
            page({"preamble": True, "title": "Preamble", "status": "synopsis"}, "Text."), encoding="utf-8")
        for number, articles in chapters.items():
            (base / "chapters" / f"{number}.md").write_text(
                page({"chapter": number, "title": f"Chapter {number}", "status": "provisional"}),
                encoding="utf-8")
            for article in articles:
                (base / "articles" / f"{article}.md").write_text(
                    page({"article": article, "chapter": number, "title": f"Title {article}",
                          "status": "provisional"}, body), encoding="utf-8")
    return docs


def small_tree(tmp: Path, chapters: dict[int, list[int]], first_articles: dict[str, str]) -> tuple[Path, Path]:
    """A small tree in `tmp` whose article 1 has, in each language, the body given; the others
    "Text.". Returns (docs, mkdocs.yml)."""
    outline = small_outline(tmp / "outline.yml", chapters)
    docs = write_tree(tmp / "docs", chapters, body="Text.")
    for lang, body in first_articles.items():
        (docs / lang / "articles" / "1.md").write_text(
            page({"article": 1, "chapter": 1, "title": "T", "status": "provisional"}, body), encoding="utf-8")
    return docs, project_config(tmp, outline)


def project_config(tmp: Path, outline: Path | None = None, instrument: Path | None = None) -> Path:
    """A copy of the project's mkdocs.yml pointing at the project's theme, optionally another
    outline and instrument facts (data/instrument.yml)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    if outline or instrument:
        options = (f"      outline: {outline}\n" if outline else "") + (
            f"      instrument: {instrument}\n" if instrument else "")
        text = text.replace("  - treaty\n", "  - treaty:\n" + options)
    config = tmp / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config
