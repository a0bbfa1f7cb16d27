"""`treaty new DIR`: a project folder for an instrument, ready for `treaty import` and `treaty build`.

    DIR/mkdocs.yml               the site: theme and plugin `treaty`, one build per language
    DIR/data/instrument.yml      names, symbol, kind, languages, and the files below
    DIR/data/outline.yml         the articles (and chapters): `treaty import` places the text by it
    DIR/data/import.yml          how the official documents are read
    DIR/docs/index.md            the root page: a chooser of the languages
    DIR/docs/<lang>/index.md     home page of each language (its facts come from instrument.yml)
    DIR/docs/<lang>/about.md     about the edition, in each language (a starting text to edit)

Everything else (preamble, chapters, articles) is written by `treaty import` from the official
documents. Nothing is copied from another project: the files come from the package's templates.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from treaty.model.languages import load_languages
from treaty.model.messages import gettext
from treaty.project.files import load_yaml, package_folder

KINDS = ("convention", "protocol", "declaration", "treaty", "agreement", "charter", "covenant", "statute")
RANGE = re.compile(r"(\d+)(?:-(\d+))?")


class ScaffoldError(Exception):
    """A project cannot be written as asked; the message says why and what to give instead."""


def parse_names(values: list[str], languages: list[str]) -> dict:
    """["en=Name", "fr=Nom"] or ["Name"] -> {lang: name} for every language."""
    names, plain = {}, []
    for value in values:
        lang, sep, name = value.partition("=")
        if sep and lang in languages:
            names[lang] = name.strip()
        else:
            plain.append(value.strip())
    if plain:
        if len(plain) > 1:
            raise ScaffoldError("give one --name NAME for every language, or --name LANG=NAME once per language")
        names = {lang: names.get(lang, plain[0]) for lang in languages}
    missing = [lang for lang in languages if not names.get(lang)]
    if missing:
        raise ScaffoldError(f"no name in {', '.join(missing)}: give --name {missing[0]}=NAME")
    return names


def parse_chapters(spec: str) -> list[list[int]]:
    """"1-6,7-21,22" -> the articles of each chapter, in order, without gaps."""
    chapters, expected = [], 1
    for part in spec.split(","):
        match = RANGE.fullmatch(part.strip())
        if not match:
            raise ScaffoldError(f"--chapters: '{part}' is not a range of articles such as 7-21")
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        if first != expected or last < first:
            raise ScaffoldError(f"--chapters: '{part}' should start at article {expected} and not run backwards")
        chapters.append(list(range(first, last + 1)))
        expected = last + 1
    return chapters


def outline(articles: int | None, chapters: str | None, titles: bool) -> dict:
    if chapters:
        groups = parse_chapters(chapters)
        return {"chapters": [{"number": n, "roman": roman(n), "title": "", "articles": {a: "" for a in group}}
                             for n, group in enumerate(groups, start=1)]}
    if not articles or articles < 1:
        raise ScaffoldError("give the number of articles (--articles N) or the articles of each chapter "
                            "(--chapters 1-6,7-21,...); the outline can be completed later in data/outline.yml")
    return {"articles": {n: "" for n in range(1, articles + 1)} if titles else articles}


def roman(number: int) -> str:
    from treaty.model.labels import to_roman

    return to_roman(number)


def scaffold(folder: Path, *, name: list[str], languages: list[str], kind: str = "convention",
             symbol: str | None = None, articles: int | None = None, chapters: str | None = None,
             reference: str | None = None, titles: bool = False) -> Path:
    folder = Path(folder).resolve()
    if folder.exists() and any(folder.iterdir()):
        raise ScaffoldError(f"{folder} is not empty: give a new folder")
    known = [language.code for language in load_languages()]
    languages = [code.strip() for code in languages if code.strip()]
    unknown = [code for code in languages if code not in known]
    if not languages or unknown:
        raise ScaffoldError(f"--languages: {', '.join(unknown) or 'none given'}; the languages with rules are "
                            f"{', '.join(known)}")
    reference = reference or languages[0]
    if reference not in languages:
        raise ScaffoldError(f"--reference {reference} is not one of --languages")
    if kind not in KINDS:
        raise ScaffoldError(f"--kind {kind}: use one of {', '.join(KINDS)}")
    names = parse_names(name, languages)
    plan = outline(articles, chapters, titles or bool(chapters))
    files = {
        "mkdocs.yml": mkdocs_yml(names[reference], reference, languages),
        "data/instrument.yml": instrument_yml(kind, names, symbol, languages, reference),
        "data/outline.yml": "# The instrument's articles" + (" and chapters" if chapters else "") +
                            ": `treaty import` places the official text by them.\n" +
                            yaml.safe_dump(plan, allow_unicode=True, sort_keys=False),
        "data/import.yml": import_yml(bool(chapters), titles or bool(chapters)),
        "docs/index.md": page({"template": "chooser.html", "title": names[reference],
                               "hide": ["navigation", "toc"]}),
    }
    about = load_yaml(package_folder("project/templates") / "about.yml")
    for lang in languages:
        files[f"docs/{lang}/index.md"] = page({"kind": "home", "title": names[lang]})
        text = about.get(lang) or about["en"]
        files[f"docs/{lang}/about.md"] = page({"kind": "about", "title": text["title"]},
                                              text["body"].format(name=names[lang]))
        files[f"docs/{lang}/status.md"] = page({"kind": "status", "title": gettext(lang, "Translation status")})
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def page(meta: dict, body: str = "") -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + (
        f"\n{body}\n" if body else "")


def mkdocs_yml(name: str, reference: str, languages: list[str]) -> str:
    template = (package_folder("project/templates") / "mkdocs.yml").read_text(encoding="utf-8")
    entries = "\n".join(f"        - {{locale: {code}, name: {code}, build: true, theme: {{language: {code}}}}}"
                        for code in languages)
    return template.format(name=name, site_name=json.dumps(name, ensure_ascii=False), reference=reference,
                           languages=entries)


def instrument_yml(kind, names, symbol, languages, reference) -> str:
    data = {"kind": kind, "names": names}
    if symbol:
        data["symbol"] = symbol
    data.update({"languages": languages, "reference_language": reference, "x_default": reference,
                 "outline": "outline.yml", "import": "import.yml"})
    return ("# The instrument: its facts (shown on the home pages), languages and data files.\n"
            "# Optional facts, shown when given: adopted {date, by}, signature {first_day, place, country,\n"
            "# then_at, until}, entry_into_force {article, instruments, days | text}, depositary,\n"
            "# authentic_languages_article, copyright, terminology (a file of defined terms).\n"
            + yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def import_yml(chapters: bool, titles: bool) -> str:
    data = {"chapters": {"present": chapters, "numbering": "roman"}, "sections": False,
            "articles": {"titles": titles, "numbering": "arabic"}, "paragraphs": "lists"}
    return ("# How `treaty import` reads the official documents: chapters and sections, article titles and\n"
            "# numbering (arabic or roman), and whether paragraph numbers come from list markup (lists) or\n"
            "# only from numbers typed in the text (typed).\n"
            + yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
