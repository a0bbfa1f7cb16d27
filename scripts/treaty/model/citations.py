"""Citations of a paragraph in each language's conventional form (data/citation.yml):
"United Nations Convention against Cybercrime, art. 7, para. 2 (b)", "《联合国打击网络犯罪公约》第七条第2款(b)项".

An unnumbered paragraph is cited by its place, in words where the language has them: "art. 2,
second paragraph", «art. 2, deuxième alinéa», "第二条第二段".
"""

from __future__ import annotations

from functools import cache

from treaty.model.labels import ordinal
from treaty.model.numerals import to_chinese
from treaty.project.files import DataFiles, defaults


@cache
def citation_rules(lang: str, files: DataFiles | None = None) -> dict:
    rules = (files or defaults()).load("citation.yml")
    if lang not in rules:
        raise KeyError(f"no citation form for language {lang!r} in citation.yml")
    return rules[lang]


def cite(lang: str, instrument: str, article: int, paragraph: int | None = None,
         tokens: tuple[str, ...] = (), *, unnumbered: bool = False, files: DataFiles | None = None) -> str:
    """`tokens` are the enumerators of the subparagraph and item as written: ("(b)", "(i)").
    With `unnumbered`, `paragraph` is the place of an unnumbered paragraph in the article."""
    rules = citation_rules(lang, files)
    number = to_chinese(article) if rules.get("article_numbers") == "chinese" else str(article)
    parts = {"instrument": instrument, "article": rules["article"].format(n=number),
             "paragraph": "", "subparagraph": "", "item": ""}
    if paragraph is not None and unnumbered:
        words = rules.get("ordinals") or []
        place = words[paragraph - 1] if paragraph <= len(words) else ordinal(lang, paragraph, files)
        parts["paragraph"] = rules["unnumbered"].format(ordinal=place)
    elif paragraph is not None:
        parts["paragraph"] = rules["paragraph"].format(n=paragraph)
    for name, token in zip(("subparagraph", "item"), tokens):
        parts[name] = rules[name].format(e=token)
    return rules["format"].format(**parts)
