"""Citations of a paragraph in each language's conventional form (data/citation.yml):
"United Nations Convention against Cybercrime, art. 7, para. 2 (b)", "《联合国打击网络犯罪公约》第七条第2款(b)项"."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .numerals import to_chinese
from .paths import DATA_DIR, load_yaml


@lru_cache(maxsize=None)
def citation_rules(lang: str, data_file: Path | None = None) -> dict:
    rules = load_yaml(data_file or DATA_DIR / "citation.yml")
    if lang not in rules:
        raise KeyError(f"no citation form for language {lang!r} in citation.yml")
    return rules[lang]


def cite(lang: str, instrument: str, article: int, paragraph: int | None = None,
         tokens: tuple[str, ...] = (), data_file: Path | None = None) -> str:
    """`tokens` are the enumerators of the subparagraph and item as written: ("(b)", "(i)")."""
    rules = citation_rules(lang, data_file)
    number = to_chinese(article) if rules.get("article_numbers") == "chinese" else str(article)
    parts = {"instrument": instrument, "article": rules["article"].format(n=number),
             "paragraph": "", "subparagraph": "", "item": ""}
    if paragraph is not None:
        parts["paragraph"] = rules["paragraph"].format(n=paragraph)
    for name, token in zip(("subparagraph", "item"), tokens):
        parts[name] = rules[name].format(e=token)
    return rules["format"].format(**parts)
