"""The package as a user gets it: the wheel built from this repository, installed (not editable)
in a fresh virtual environment outside the repository with the tested pins, publishes the
Specimen Declaration (tests/fixtures/declaration, a fictional instrument) from a folder outside
the repository, with the commands a new project runs there: `treaty import` once per language
(three HTML documents whose numbered paragraphs are <li><p> items, three Word documents), then
`treaty check` and `treaty build`, each in the project's folder.

The built site must be the declaration's alone: its articles in six languages with the same
paragraph anchors, only the facts its instrument file gives, and nothing of the Convention this
repository publishes (names, places, depositary, footer, symbol, glossary)."""

from __future__ import annotations

import gzip
import html
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from babel import Locale

from importer import declaration
from treaty.model.enumerators import EnumeratorTracker
from treaty.model.messages import gettext
from treaty.model.typography import apply as typeset

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "scripts" / "treaty"
LANGS = declaration.LANGS
PARA = re.compile(r'<div class="treaty-para"(?P<attrs>[^>]*)>\s*(?:<a class="treaty-enum"[^>]*>(?P<enum>[^<]*)</a>)?'
                  r"\s*<p>(?P<text>.*?)</p>", re.S)
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


@dataclass
class Published:
    wheel: Path
    python: Path  # the fresh environment's interpreter
    project: Path  # the declaration's project folder, outside the repository
    site: Path


def run(args: list, cwd: Path, env: dict | None = None, timeout: int = 600) -> str:
    """A command that must succeed; its output is kept for the failure message only."""
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env or isolated_env(), capture_output=True,
                          text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(map(str, args))} (in {cwd}) exited {done.returncode}:\n" \
                                 f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def isolated_env() -> dict:
    """The environment without what would let the fresh environment see this repository's code."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["PYTHONNOUSERSITE"] = "1"
    return env


def build_wheel(dist: Path, work: Path) -> Path:
    """The wheel of the repository as it is now. setuptools builds in the source tree by default
    (build/, scripts/treaty.egg-info): its scratch folders go to `work` instead, so that the
    shared tree is left as it was and no stale module from an earlier build/lib gets packaged."""
    work.mkdir(parents=True)
    extra = work / "setup.cfg"
    extra.write_text(f"[build]\nbuild_base = {work / 'build'}\n[egg_info]\negg_base = {work}\n", encoding="utf-8")
    env = {**isolated_env(), "DIST_EXTRA_CONFIG": str(extra)}
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", dist, ROOT],
        cwd=work, env=env)
    [wheel] = dist.glob("treaty-*.whl")
    return wheel


def fresh_environment(folder: Path, wheel: Path) -> Path:
    """A new virtual environment with the wheel and its dependencies at the tested pins; its python.
    (--no-compile: each module is compiled when first imported, not all of them at install.)"""
    run([sys.executable, "-m", "venv", folder], cwd=folder.parent)
    run([folder / "bin" / "pip", "install", "--quiet", "--no-compile", "-c", ROOT / "requirements.txt", wheel],
        cwd=folder.parent)
    return folder / "bin" / "python"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    assert not tmp.resolve().is_relative_to(ROOT)
    wheel = build_wheel(tmp / "dist", tmp / "work")
    python = fresh_environment(tmp / "venv", wheel)
    project = declaration.copy_project(tmp / "declaration")
    documents = declaration.make_documents(tmp / "documents")
    treaty = python.parent / "treaty"
    for lang, document in documents.items():
        run([treaty, "import", "--lang", lang, document], cwd=project)
    run([treaty, "check"], cwd=project)
    run([treaty, "build"], cwd=project)
    # The environment (300 MB in many small files) is left to pytest, which keeps the temporary
    # folders of the last three runs only: removing it here would add half a minute to the test.
    return Published(wheel, python, project, project / "site")


# -- the wheel and the environment ----------------------------------------------------------------

def test_the_wheel_holds_the_package_data(published):
    names = set(zipfile.ZipFile(published.wheel).namelist())

    def shipped(folder: Path, pattern: str) -> set[str]:
        return {f"treaty/{p.relative_to(PACKAGE).as_posix()}" for p in folder.glob(pattern)
                if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".py"}

    expected = (shipped(PACKAGE / "data", "*.yml") | shipped(PACKAGE / "locale", "*/LC_MESSAGES/messages.po")
                | shipped(PACKAGE / "site" / "theme", "**/*") | shipped(PACKAGE / "project" / "templates", "**/*"))
    assert {"treaty/data/enumerators.yml", "treaty/locale/zh/LC_MESSAGES/messages.po",
            "treaty/site/theme/mkdocs_theme.yml", "treaty/site/theme/main.html",
            "treaty/site/theme/assets/stylesheets/treaty.css", "treaty/project/templates/mkdocs.yml"} <= expected
    assert expected - names == set()
    # Nothing but the package: no data of the Convention, no tests.
    assert {name.split("/")[0] for name in names} == {"treaty", wheel_info(published.wheel)}


def wheel_info(wheel: Path) -> str:
    name, version = wheel.name.split("-")[:2]
    return f"{name}-{version}.dist-info"


def test_the_environment_runs_the_installed_package(published):
    location = run([published.python, "-c", "import treaty; print(treaty.__file__)"], cwd=published.project)
    assert Path(location.strip()).is_relative_to(published.python.parent.parent)  # not the repository's code
    assert not Path(location.strip()).is_relative_to(ROOT)


# -- the site ---------------------------------------------------------------------------------------

def page(site: Path, lang: str, path: str = "") -> str:
    return (site / lang / path / "index.html").read_text(encoding="utf-8")


def paragraphs(text: str) -> list[dict]:
    """Each anchored paragraph of a page: its attributes, enumerator as shown, and first text."""
    return [{**dict(ATTRIBUTE.findall(m.group("attrs"))), "enum": m.group("enum") or "",
             "text": html.unescape(m.group("text"))} for m in PARA.finditer(text)]


def expected_paragraphs(lang: str, number: int) -> list[tuple[str, str, str]]:
    """(anchor, enumerator, text) of an article's anchored paragraphs, from the declaration's texts
    as the site sets them in the language's typography (French narrow spaces and apostrophes)."""
    texts = declaration.texts()["articles"][number][lang]
    tracker = EnumeratorTracker(lang)
    steps = [tracker.feed(text) for text in texts]
    if not any(steps):  # no number: anchored by place
        return [(f"para-{place}", "", typeset(text, lang)) for place, text in enumerate(texts, start=1)]
    out = []
    for index, (step, text) in enumerate(zip(steps, texts)):
        if step:
            token = step.enumerator.token
            out.append((step.anchor, token, typeset(text[len(token):].strip(), lang)))
        elif not any(steps[:index]):
            out.append(("para-intro", "", typeset(text, lang)))  # continuations (after a number) have no anchor
    return out


def test_every_language_has_every_page(published):
    for lang in LANGS:
        for path in ["", "preamble", "about", "status"] + [f"articles/{n}" for n in declaration.ANCHORS]:
            assert (published.site / lang / path / "index.html").is_file(), (lang, path)
        assert not (published.site / lang / "chapters").exists()


@pytest.mark.parametrize("number", list(declaration.ANCHORS))
def test_paragraph_anchors_are_the_same_in_the_six_languages(published, number):
    for lang in LANGS:
        found = [p["id"] for p in paragraphs(page(published.site, lang, f"articles/{number}"))]
        assert found == declaration.ANCHORS[number], (lang, found)


@pytest.mark.parametrize("lang", LANGS)
def test_paragraphs_carry_their_numbers_texts_and_citations(published, lang):
    name = declaration.names()[lang]
    for number in declaration.ANCHORS:
        shown = paragraphs(page(published.site, lang, f"articles/{number}"))
        assert [(p["id"], p["enum"], p["text"]) for p in shown] == expected_paragraphs(lang, number), number
        for paragraph in shown:
            assert name in paragraph["data-citation"], paragraph
            assert ("data-unnumbered" in paragraph) == (paragraph["enum"] == ""), paragraph


def test_citations_of_numbered_and_unnumbered_paragraphs(published):
    name = declaration.names()["en"]
    cited = {(n, p["id"]): p["data-citation"] for n in declaration.ANCHORS
             for p in paragraphs(page(published.site, "en", f"articles/{n}"))}
    assert cited[1, "para-2"] == f"{name}, art. 1, second paragraph"
    assert cited[2, "para-1-b-ii"] == f"{name}, art. 2, para. 1 (b) (ii)"  # from nested <li><p> items
    assert cited[3, "para-intro"] == f"{name}, art. 3"
    assert cited[4, "para-1"] == f"{name}, art. 4, first paragraph"
    french = {p["id"]: p["data-citation"] for p in paragraphs(page(published.site, "fr", "articles/6"))}
    assert french["para-2"].endswith(", art. 6, deuxième alinéa")  # from a Word document


def test_text_continuing_a_numbered_paragraph_stays_in_it(published):
    for lang in LANGS:
        continuation = "<p>" + typeset(declaration.texts()["articles"][5][lang][-1], lang) + "</p>"
        text = html.unescape(page(published.site, lang, "articles/5"))
        assert continuation in text, lang
        # After subparagraph (b) of paragraph 2, inside paragraph 2: (b) is closed before it,
        # paragraph 2 is not; it has no anchor of its own.
        start, at = text.index('id="para-2-b"'), text.index(continuation)
        assert start < at and text.count("</div>", start, at) == 1, lang


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_shows_only_the_facts_the_instrument_file_gives(published, lang):
    home = page(published.site, lang)
    terms = re.findall(r"<dt>(.*?)</dt>", home.split('<h2 id="state">')[0].split('id="facts"')[1], re.S)
    assert [html.unescape(t.strip()) for t in terms] == [gettext(lang, "Authentic languages")]
    text = html.unescape(home)
    for fact in ("Opened for signature", "Entry into force", "Depositary"):
        assert gettext(lang, fact) not in text, fact
    heading = re.search(r'<h2 id="contents">(.*?)</h2>', home).group(1)
    assert html.unescape(heading) == gettext(lang, "Articles") != gettext(lang, "Chapters and articles")
    assert 'href="articles/6/"' in home  # no chapters: the articles themselves


def convention_texts() -> list[str]:
    """What would show that the Convention leaked into another project's site: its names, the
    places and country of its signature, its depositary, its footer lines, its symbol, its
    subject and the glosses of its glossary."""
    facts = yaml.safe_load((ROOT / "data" / "instrument.yml").read_text(encoding="utf-8"))
    signature = facts["signature"]
    country = signature["country"]
    texts = [*facts["names"].values(), *signature["place"].values(), *signature["then_at"].values(),
             *signature.get("country_names", {}).values(), *facts["depositary"].values(),
             *facts["copyright"].values(), facts["symbol"], *facts["adopted"]["by"].values(), "Cybercrim",
             *(Locale.parse(lang).territories[country] for lang in LANGS)]
    glossary = yaml.safe_load((ROOT / "data" / "terminology.yml").read_text(encoding="utf-8"))
    for concept in glossary["concepts"].values():
        texts += [" ".join(entry["gloss"].split()) for entry in concept.values()
                  if isinstance(entry, dict) and entry.get("gloss")]
    return texts


def test_the_site_holds_nothing_of_the_convention(published):
    needles = [text.casefold() for text in convention_texts()]
    assert len(needles) > 100
    for path in sorted(published.site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":  # the search index and the sitemap are compressed
            data = gzip.decompress(data)
        text = html.unescape(data.decode("utf-8", "ignore")).casefold()
        found = [needle for needle in needles if needle in text]
        assert not found, (path.relative_to(published.site).as_posix(), found[:3])
        if path.suffix == ".html":
            assert not re.search(r'class="[^"]*\btreaty-term\b', text), path  # no term of a glossary marked
