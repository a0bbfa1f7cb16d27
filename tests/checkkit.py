"""Small content trees for the checker's tests: a clean tree in six languages, and files written
line by line so that a test knows the line of each problem."""

from __future__ import annotations

import io
import logging
import shutil
from pathlib import Path

import yaml

from sitekit import LANGS, project_config, project_of, small_outline, write_tree
from treaty.checks.checker import check_tree

CHAPTERS = {1: [1, 2], 2: [3]}
CHAPTER_OF = {n: c for c, articles in CHAPTERS.items() for n in articles}
# A provisional title and a line of text in each language's own script.
TITLES = {"en": "Article title", "fr": "Titre provisoire", "es": "Título provisional", "ru": "Предварительное название",
          "zh": "暂定标题", "ar": "عنوان مؤقت"}
TEXT = {"en": "Text of the synopsis.", "fr": "Texte du résumé.", "es": "Texto del resumen.",
        "ru": "Текст краткого изложения.", "zh": "摘要的文字。", "ar": "نص الموجز."}
# Home, about, preamble and chapter titles.
PAGES = {"en": ("Home", "About", "Preamble", "Chapter"), "fr": ("Accueil", "À propos", "Préambule", "Chapitre"),
         "es": ("Inicio", "Acerca de", "Preámbulo", "Capítulo"), "ru": ("Главная", "Об издании", "Преамбула", "Глава"),
         "zh": ("首页", "关于", "序言", "章"), "ar": ("الرئيسية", "حول", "الديباجة", "الفصل")}
# Numbered paragraphs as each language's official text writes them.
NUMBERED = {"en": "1. First.\n\n2. Second.", "fr": "1. Premier.\n\n2. Second.", "es": "1. Primero.\n\n2. Segundo.",
            "ru": "1. Первый.\n\n2. Второй.", "zh": "1. 第一。\n\n2. 第二。", "ar": "1 - الأول.\n\n2 - الثاني."}
# In a file written by `article`, the front matter has these keys on lines 2-6 and the text starts on line 9.
LINE = {"article": 2, "chapter": 3, "title": 4, "title_status": 5, "status": 6, "body": 9}


def front_matter(meta: dict) -> str:
    lines = ["---"]
    for key, value in meta.items():
        lines.append(yaml.safe_dump({key: value}, allow_unicode=True, width=10**6).strip())
    return "\n".join(lines + ["---", ""])


def write(path: Path, meta: dict, body: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front_matter(meta) + "\n" + body + ("\n" if body else ""), encoding="utf-8")
    return path


def article(docs: Path, lang: str, number: int, body: str | None = None, **meta) -> Path:
    """docs/<lang>/articles/<number>.md; a key given as None is left out; extra keys follow `status`."""
    fields = {"article": number, "chapter": CHAPTER_OF.get(number, 1),
              "title": f"{TITLES[lang]} {number}" if lang != "en" else f"Article title {number}",
              "title_status": "provisional", "status": "provisional", **meta}
    path = docs / lang / "articles" / f"{number}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = front_matter({k: v for k, v in fields.items() if v is not None}) + "\n" + (
        TEXT[lang] if body is None else body) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def make_tree(tmp: Path) -> tuple[Path, Path, Path]:
    """A clean tree (docs, outline, mkdocs.yml) in `tmp`: every language in its own script."""
    outline = small_outline(tmp / "outline.yml", CHAPTERS)
    docs = write_tree(tmp / "docs", CHAPTERS)
    for lang in LANGS:
        home, about, preamble, chapter = PAGES[lang]
        write(docs / lang / "index.md", {"kind": "home", "title": home})
        write(docs / lang / "about.md", {"kind": "about", "title": about})
        write(docs / lang / "preamble.md", {"preamble": True, "title": preamble, "title_status": "provisional",
                                            "status": "synopsis"}, TEXT[lang])
        for number in CHAPTERS:
            write(docs / lang / "chapters" / f"{number}.md", {"chapter": number, "title": f"{chapter} {number}",
                                                              "title_status": "provisional", "status": "provisional"})
        for number in CHAPTER_OF:
            article(docs, lang, number)
    return docs, outline, project_config(tmp, outline)


def findings(tmp: Path, docs: Path, outline: Path):
    return check_tree(project_of(tmp / "mkdocs.yml", docs)).findings


def copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, symlinks=True)


class LogCapture:
    """The records of the `treaty` plugin's logger and MkDocs', as text."""

    def __init__(self):
        self.stream = io.StringIO()
        self.handler = logging.StreamHandler(self.stream)

    def __enter__(self):
        for name in ("mkdocs",):
            logger = logging.getLogger(name)
            logger.addHandler(self.handler)
        logging.getLogger("mkdocs.plugins.treaty").setLevel(logging.INFO)
        return self

    def __exit__(self, *exc):
        logging.getLogger("mkdocs").removeHandler(self.handler)
        logging.getLogger("mkdocs.plugins.treaty").setLevel(logging.NOTSET)

    @property
    def text(self) -> str:
        return self.stream.getvalue()
