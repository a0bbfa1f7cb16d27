"""Build real sites for the tests: the project's own, or a small tree written by a test."""

from __future__ import annotations

import functools
import http.server
import io
import logging
import os
import shutil
import textwrap
import threading
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
LANGS = ["ar", "zh", "en", "fr", "ru", "es"]
# An article with numbered paragraphs, subparagraphs and items, as each language writes them.
BODIES = {
    "en": "1. First.\n\n(a) one;\n\n(b) two:\n\n(i) deep;\n\n(ii) deeper.\n\n2. Second.\n",
    "fr": "1. Premier.\n\na) un ;\n\nb) deux :\n\ni) profond ;\n\nii) plus profond.\n\n2. Second.\n",
    "es": "1. Primero.\n\na) uno;\n\nb) dos:\n\ni) hondo;\n\nii) más hondo.\n\n2. Segundo.\n",
    "ru": "1. Первый.\n\nа) один;\n\nб) два:\n\ni) глубже;\n\nii) еще глубже.\n\n2. Второй.\n",
    "zh": "1. 第一。\n\n（a）一；\n\n（b）二：\n\n（i）深；\n\n（ii）更深。\n\n2. 第二。\n",
    "ar": "1 - الأول.\n\n(أ) واحد؛\n\n(ب) اثنان:\n\n(1) عميق؛\n\n(2) أعمق.\n\n2 - الثاني.\n",
}
ANCHORS = ["para-1", "para-1-a", "para-1-b", "para-1-b-i", "para-1-b-ii", "para-2"]


def build_site(config_file: Path, site_dir: Path, docs_dir: Path | None = None, pdf: bool = False,
               **overrides) -> str:
    """Build with MkDocs as `mkdocs build --strict` would; returns the log. The PDFs (TREATY_PDF
    of the Convention's mkdocs.yml) only when asked: they take a minute."""
    previous = os.environ.get("TREATY_PDF")
    os.environ["TREATY_PDF"] = "true" if pdf else "false"
    try:
        return _build(config_file, site_dir, docs_dir, **overrides)
    finally:
        if previous is None:
            os.environ.pop("TREATY_PDF", None)
        else:
            os.environ["TREATY_PDF"] = previous


def _build(config_file: Path, site_dir: Path, docs_dir: Path | None = None, **overrides) -> str:
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
    """An outline of chapters and titled articles (the format of data/convention-outline.yml)."""
    data = {"chapters": [
        {"number": n, "roman": "I" * n, "title": f"Chapter {n}", "articles": {a: f"Article title {a}" for a in arts}}
        for n, arts in chapters.items()
    ]}
    path.parent.mkdir(parents=True, exist_ok=True)
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
    """A project in `tmp`: the Convention's mkdocs.yml and, in tmp/data/instrument.yml, its
    instrument file (or `instrument`) naming `outline` (default: the Convention's), the
    Convention's terminology and a lock of the project's own. Returns tmp/mkdocs.yml."""
    config = tmp / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    source = Path(instrument) if instrument else ROOT / "data" / "instrument.yml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["outline"] = str(Path(outline).resolve()) if outline else str((source.parent / data["outline"]).resolve())
    for key in ("terminology", "import"):
        if data.get(key):
            data[key] = str((source.parent / data[key]).resolve())
    data.pop("lock", None)
    (tmp / "data").mkdir(parents=True, exist_ok=True)
    (tmp / "data" / "instrument.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return config


def project_of(config: Path, docs: Path | None = None):
    """The treaty Project of a test's mkdocs.yml."""
    from treaty.project import Project

    return Project.from_config(config, docs=docs)


def convention():
    """This repository's project: the Convention."""
    from treaty.project import Project

    return Project.find(ROOT)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
