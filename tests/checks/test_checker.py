"""`treaty check` on hostile and broken input: one small tree per bad input, the exact code, file
and line reported, no traceback, and `treaty build` writes no site (an existing one is kept)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from checkkit import LINE, NUMBERED, article, findings, front_matter, write
from sitekit import LANGS, project_of
from treaty.checks.checker import cap, check_tree, select
from treaty.findings import ERROR, WARNING, Finding
from treaty.model.lock import record
from treaty.site.build import build_site as treaty_build

EN1, FR1, RU2 = "docs/en/articles/1.md", "docs/fr/articles/1.md", "docs/ru/articles/2.md"
BODY = LINE["body"]


def rel(docs: Path, path: Path) -> str:
    return path.relative_to(docs.parent).as_posix()


def lock_en1(tmp, docs, body="Text of the article, as adopted.", **meta):
    """Article 1 in English as official text, recorded in the tree's lock."""
    meta = {"title_status": "official", "status": "official", "source": "X/TEST/1", **meta}
    path = article(docs, "en", 1, body, **meta)
    record(tmp / "data" / "authentic-text.lock.yml", "articles/1", "en", body, source="X/TEST/1",
           title="Article title 1", date=dt.date(2025, 1, 15))
    return path


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def catalog(tmp: Path, lang: str, message: str, translation: str) -> int:
    """The project's own catalog of `lang` (a copy of the package's) with one translation changed;
    returns the line of its msgid."""
    from babel.messages.pofile import read_po, write_po

    from treaty.project.files import package_folder

    source = package_folder("locale") / lang / "LC_MESSAGES" / "messages.po"
    with open(source, "rb") as handle:
        messages = read_po(handle, locale=lang)
    messages[message].string = translation
    target = tmp / "locale" / lang / "LC_MESSAGES" / "messages.po"
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as handle:
        write_po(handle, messages, omit_header=False)
    lines = target.read_text(encoding="utf-8").splitlines()
    return lines.index(f'msgid "{message}"') + 1


def numbered(docs, **changes):
    for lang in LANGS:
        article(docs, lang, 1, changes.get(lang, NUMBERED[lang]))


# Each case: (id, what it does to a clean tree, [(code, path, line), ...] it must report, exactly).
CASES = [
    # -- files that cannot be read as text, and files out of place ----------------------------------
    ("too-large", lambda t, d: article(d, "fr", 1, "a" * 300_000), [("file-too-large", FR1, 1)]),
    ("empty", lambda t, d: (d / "ru/articles/2.md").write_bytes(b""), [("empty-file", RU2, 1)]),
    ("only-whitespace", lambda t, d: (d / "ru/articles/2.md").write_bytes(b"\n  \n\t\n"), [("empty-file", RU2, 1)]),
    ("binary", lambda t, d: (d / "zh/articles/3.md").write_bytes(b"GIF89a\x00\x01\x02"),
     [("binary-file", "docs/zh/articles/3.md", 1)]),
    ("latin-1", lambda t, d: (d / "es/articles/1.md").write_bytes(
        front_matter({"article": 1, "chapter": 1, "title": "Titulo", "title_status": "provisional",
                      "status": "provisional"}).encode() + "\nTexto del art\xedculo.\n".encode("latin-1")),
     [("encoding", "docs/es/articles/1.md", BODY)]),
    ("symlink", lambda t, d: ((d / "fr/articles/2.md").unlink(), os.symlink("/etc/hostname", d / "fr/articles/2.md")),
     [("symlink", "docs/fr/articles/2.md", 1)]),
    ("fifo", lambda t, d: ((d / "fr/articles/3.md").unlink(), os.mkfifo(d / "fr/articles/3.md")),
     [("not-a-file", "docs/fr/articles/3.md", 1)]),
    ("folder-named-md", lambda t, d: ((d / "en/articles/2.md").unlink(), (d / "en/articles/2.md").mkdir(),
                                      (d / "en/articles/2.md/x.md").write_text("x")),
     [("not-a-file", "docs/en/articles/2.md", 1)]),
    ("html-file", lambda t, d: (d / "fr/evil.html").write_text("<script>alert(1)</script>"),
     [("unexpected-file", "docs/fr/evil.html", 1)]),
    ("svg-file", lambda t, d: (d / "ar/articles/logo.svg").write_text("<svg onload=alert(1)/>"),
     [("unexpected-file", "docs/ar/articles/logo.svg", 1)]),
    ("unknown-language", lambda t, d: write(d / "de/index.md", {"kind": "home", "title": "Startseite"}),
     [("unknown-folder", "docs/de", 1)]),
    ("file-at-top", lambda t, d: write(d / "notes.md", {"title": "Notes"}), [("unexpected-file", "docs/notes.md", 1)]),
    # -- text hygiene ----------------------------------------------------------------------------------
    ("zero-width-space", lambda t, d: article(d, "en", 1, "Illegal\u200baccess."),
     [("invisible-character", EN1, BODY)]),
    ("feff-inside", lambda t, d: article(d, "en", 1, "Illegal \ufeffaccess."), [("invisible-character", EN1, BODY)]),
    ("bidi-override", lambda t, d: article(d, "en", 1, "Pay \u202eoT 0001\u202c now."),
     [("bidi-control", EN1, BODY), ("bidi-control", EN1, BODY)]),
    ("bidi-isolate", lambda t, d: article(d, "ar", 1, "نص \u2066abc\u2069 الموجز."),
     [("bidi-control", "docs/ar/articles/1.md", BODY), ("bidi-control", "docs/ar/articles/1.md", BODY)]),
    ("control-character", lambda t, d: article(d, "en", 1, "Bell\x07 rings."), [("control-character", EN1, BODY)]),
    ("not-nfc", lambda t, d: article(d, "fr", 1, "Cre\u0301ation du re\u0301sume\u0301."), [("not-nfc", FR1, BODY)]),
    ("cyrillic-in-latin-word", lambda t, d: article(d, "en", 1, "The C\u043envention applies."),
     [("mixed-script", EN1, BODY)]),
    ("latin-in-cyrillic-word", lambda t, d: article(d, "ru", 2, "Эта К\u006fнвенция применяется."),
     [("mixed-script", RU2, BODY)]),
    ("english-paragraph-in-russian", lambda t, d: article(
        d, "ru", 2, "This paragraph was pasted from the English text and never translated."),
     [("wrong-script", RU2, BODY)]),
    ("russian-paragraph-in-french", lambda t, d: article(
        d, "fr", 1, "Этот абзац написан по-русски, а не по-французски."), [("wrong-script", FR1, BODY)]),
    # -- front matter ----------------------------------------------------------------------------------
    ("no-front-matter", lambda t, d: (d / "es/articles/2.md").write_text("Texto del artículo.\n"),
     [("front-matter-missing", "docs/es/articles/2.md", 1)]),
    ("yaml-syntax", lambda t, d: replace(article(d, "en", 1), "title: Article title 1", "title: [unclosed: x"),
     [("front-matter-syntax", EN1, LINE["title"] + 1)]),  # where YAML finds the bracket unclosed
    ("missing-key", lambda t, d: article(d, "fr", 1, status=None), [("missing-key", FR1, 1)]),
    ("unknown-key", lambda t, d: article(d, "en", 1, autor="Someone"), [("unknown-key", EN1, 7)]),
    ("wrong-type", lambda t, d: article(d, "en", 1, title=2024), [("wrong-type", EN1, LINE["title"])]),
    ("number-as-text", lambda t, d: article(d, "en", 1, chapter="1"),
     [("wrong-type", EN1, LINE["chapter"]), ("wrong-chapter", EN1, LINE["chapter"])]),
    ("bad-status", lambda t, d: article(d, "en", 1, status="final"), [("bad-status", EN1, LINE["status"])]),
    ("bad-title-status", lambda t, d: article(d, "en", 1, title_status="draft"),
     [("bad-title-status", EN1, LINE["title_status"])]),
    ("official-without-source", lambda t, d: article(d, "fr", 1, status="official"),
     [("official-without-source", FR1, LINE["status"]), ("authentic-text-unlocked", FR1, LINE["status"])]),
    ("official-english-title", lambda t, d: article(d, "en", 1, title="Illegal acess", title_status="official"),
     [("title-differs", EN1, LINE["title"])]),
    ("duplicate-key", lambda t, d: replace(article(d, "en", 1), "status: provisional\n---",
                                           "status: provisional\nstatus: official\n---"),
     [("duplicate-key", EN1, 7), ("official-without-source", EN1, 6), ("authentic-text-unlocked", EN1, 6)]),
    ("wrong-kind", lambda t, d: write(d / "fr/about.md", {"kind": "home", "title": "À propos"}),
     [("wrong-kind", "docs/fr/about.md", 2)]),
    ("markup-in-title", lambda t, d: article(d, "en", 1, title="<img src=x onerror=alert(1)>"),
     [("raw-html", EN1, LINE["title"])]),
    ("unknown-template", lambda t, d: write(d / "en/index.md", {"kind": "home", "title": "Home", "template": "x.html"}),
     [("bad-value", "docs/en/index.md", 4)]),
    ("chooser-without-title", lambda t, d: (d / "index.md").write_text("---\ntemplate: chooser.html\n---\n"),
     [("missing-key", "docs/index.md", 1)]),
    # -- parity across languages --------------------------------------------------------------------------
    ("missing-file", lambda t, d: (d / "ru/articles/3.md").unlink(), [("missing-file", "docs/ru/articles/3.md", 1)]),
    ("article-not-in-outline", lambda t, d: [article(d, lang, 9) for lang in LANGS],
     [("unknown-number", f"docs/{lang}/articles/9.md", 1) for lang in LANGS]),
    ("wrong-chapter", lambda t, d: article(d, "es", 3, chapter=1),
     [("wrong-chapter", "docs/es/articles/3.md", LINE["chapter"])]),
    ("number-mismatch", lambda t, d: article(d, "es", 2, article=3),
     [("number-mismatch", "docs/es/articles/2.md", LINE["article"])]),
    ("skeleton", lambda t, d: numbered(d, fr="1. Premier."), [("skeleton", FR1, BODY - 1)]),
    ("duplicate-number", lambda t, d: numbered(d, fr="1. Premier.\n\n1. Second."),
     [("duplicate-number", FR1, BODY), ("duplicate-number", FR1, BODY + 2), ("skeleton", FR1, BODY - 1)]),
    ("enumerator-order", lambda t, d: numbered(d, fr="1. Premier.\n\n3. Second."),
     [("enumerator-order", FR1, BODY + 2), ("skeleton", FR1, BODY + 2)]),
    # -- markup --------------------------------------------------------------------------------------------
    ("raw-html", lambda t, d: article(d, "en", 1, '<div class="x">Boxed.</div>'),
     [("raw-html", EN1, BODY)]),
    ("script", lambda t, d: article(d, "en", 1, "Text <script>fetch('//evil.example')</script>."),
     [("script", EN1, BODY)]),
    ("event-handler", lambda t, d: article(d, "en", 1, "Text.\n<img src=x onerror=alert(1)>"),
     [("raw-html", EN1, BODY + 1), ("event-handler", EN1, BODY + 1)]),
    ("iframe", lambda t, d: article(d, "en", 1, '<iframe src="page.html"></iframe>'), [("iframe", EN1, BODY)]),
    ("html-comment", lambda t, d: article(d, "en", 1, "Text. <!-- hidden -->"), [("raw-html", EN1, BODY)]),
    ("javascript-link", lambda t, d: article(d, "en", 1, "See [the text](javascript:alert(1))."),
     [("unsafe-url", EN1, BODY)]),
    ("encoded-javascript-link", lambda t, d: article(d, "en", 1, "See [the text](&#106;avascript:alert(1))."),
     [("unsafe-url", EN1, BODY)]),
    ("javascript-reference-link", lambda t, d: article(d, "en", 1, "See [the text][x].\n\n[x]: javascript:alert(1)"),
     [("unsafe-url", EN1, BODY + 2)]),
    ("javascript-autolink", lambda t, d: article(d, "en", 1, "See <javascript:alert(1)>."),
     [("unsafe-url", EN1, BODY)]),
    ("data-image", lambda t, d: article(d, "en", 1, "![seal](data:image/svg+xml;base64,PHN2Zz4=)"),
     [("unsafe-url", EN1, BODY)]),
    ("external-image", lambda t, d: article(d, "en", 1, "![seal](https://tracker.example/pixel.png)"),
     [("external-image", EN1, BODY)]),
    ("protocol-relative-image", lambda t, d: article(d, "en", 1, "![seal](//tracker.example/pixel.png)"),
     [("external-image", EN1, BODY)]),
    ("external-link", lambda t, d: article(d, "en", 1, "Read [more](https://phishing.example/un)."),
     [("external-link", EN1, BODY)]),
    ("attr-list-event-handler", lambda t, d: article(d, "en", 1, "Text.\n{: onclick=\"alert(1)\" }"),
     [("event-handler", EN1, BODY + 1)]),
    ("attr-list-style", lambda t, d: article(d, "en", 1, "[Text](../2/){ style=\"position:fixed\" }"),
     [("unsafe-attribute", EN1, BODY)]),
    ("cdata-behind-link-syntax", lambda t, d: article(
        d, "en", 1, '[x](\n<![CDATA[>) [y](<img src=x onerror="alert(1)">) ]]>'),
     [("raw-html", EN1, BODY + 1), ("event-handler", EN1, BODY + 1)]),
    ("clobbering-id", lambda t, d: article(d, "en", 1, "Text.\n{: #__config }"), [("reserved-id", EN1, BODY + 1)]),
    ("clobbering-id-of-the-layout", lambda t, d: article(d, "en", 1, "## Heading {: #title }\n\nText."),
     [("reserved-id", EN1, BODY)]),
    ("theme-class", lambda t, d: article(d, "en", 1, "Text.\n{: .md-search }"), [("unsafe-class", EN1, BODY + 1)]),
    ("refresh-in-description", lambda t, d: write(d / "en/about.md", {
        "kind": "about", "title": "About", "description": '0;url=https://evil.example/" http-equiv="refresh'}),
     [("attribute-quote", "docs/en/about.md", 4)]),
    ("catalog-attribute", lambda t, d: catalog(t, "en", "Read this page in another language",
                                              '" autofocus onfocus="alert(1)'),
     [("catalog-markup", "locale/en/LC_MESSAGES/messages.po", None)]),
    ("catalog-markup", lambda t, d: catalog(t, "fr", "Copy link", "<b>Copier</b> le lien"),
     [("catalog-markup", "locale/fr/LC_MESSAGES/messages.po", None)]),
    ("catalog-placeholder", lambda t, d: catalog(t, "ru", "Authentic text, from document %(symbol)s.",
                                                "Аутентичный текст, документ %(sym)s."),
     [("catalog-placeholder", "locale/ru/LC_MESSAGES/messages.po", None)]),
    # -- the authentic-text lock ------------------------------------------------------------------------
    ("official-text-changed", lambda t, d: (lock_en1(t, d), article(
        d, "en", 1, "Text of the article, as amended here.", title_status="official", status="official",
        source="X/TEST/1")), [("authentic-text-changed", EN1, BODY + 1)]),  # `source` is one more line
    ("official-text-not-imported", lambda t, d: article(d, "en", 1, status="official", source="X/TEST/1"),
     [("authentic-text-unlocked", EN1, LINE["status"])]),
    ("official-status-dropped", lambda t, d: (lock_en1(t, d), article(d, "en", 1, "Text of the article, as adopted.")),
     [("authentic-status-changed", EN1, LINE["status"])]),
    ("official-source-changed", lambda t, d: (lock_en1(t, d), article(
        d, "en", 1, "Text of the article, as adopted.", title_status="official", status="official",
        source="X/TEST/2")), [("authentic-source-changed", EN1, 7)]),
    ("official-title-changed", lambda t, d: (lock_en1(t, d), article(
        d, "en", 1, "Text of the article, as adopted.", title="Article title one", title_status="official",
        status="official", source="X/TEST/1")),
     [("title-differs", EN1, LINE["title"]), ("authentic-title-changed", EN1, LINE["title"])]),
    ("lock-edited-badly", lambda t, d: (lock_en1(t, d), (t / "data/authentic-text.lock.yml").write_text(
        "texts:\n  articles/1:\n    en: {source: X/TEST/1, imported: {sha256: 1234}}\n")),
     [("lock-invalid", "data/authentic-text.lock.yml", 1)]),
    ("lock-not-yaml", lambda t, d: (t / "data/authentic-text.lock.yml").write_text(
        "texts:\n  - [\n"), [("lock-invalid", "data/authentic-text.lock.yml", 3)]),
    # -- hostile input ------------------------------------------------------------------------------------
    ("deeply-nested-yaml", lambda t, d: (d / "en/articles/2.md").write_text(
        "---\ntitle: " + "[" * 20000 + "]" * 20000 + "\n---\n"), [("front-matter-syntax", "docs/en/articles/2.md", 2)]),
    ("yaml-alias-bomb", lambda t, d: (d / "en/articles/2.md").write_text(
        front_matter({"article": 2, "chapter": 1}) .removesuffix("---\n")
        + 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
        + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        + "title: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\ntitle_status: provisional\nstatus: provisional\n---\n\nText.\n"),
     [("unknown-key", "docs/en/articles/2.md", n) for n in (4, 5, 6, 7)]
     + [("wrong-type", "docs/en/articles/2.md", 8)]),
    ("too-many-brackets", lambda t, d: article(d, "en", 1, "Text.\n" + "![" * 600),
     [("too-complex", EN1, BODY + 1)]),
    ("lists-nested-too-deep", lambda t, d: article(
        d, "en", 1, "Text.\n\n" + "".join(" " * i + "- a\n" for i in range(0, 300, 4))),
     [("too-complex", EN1, BODY + 28)]),
    ("flood-of-invisible-characters", lambda t, d: article(d, "en", 1, "\n".join(["A\u200bB"] * 500)),
     [("invisible-character", EN1, BODY + n) for n in range(11)]),
]


CASES.append(("dangling-reference", lambda t, d: article(d, "en", 1, "See article 99 of this Convention."),
              [("dangling-reference", EN1, BODY)]))


def test_the_clean_tree_has_no_finding(tree):
    tmp, docs, outline, _ = tree
    assert findings(tmp, docs, outline) == []


def test_the_corpus_covers_every_category():
    codes = {code for case in CASES for code, _, _ in case[2]}
    assert len(CASES) >= 30
    for code in ["file-too-large", "empty-file", "binary-file", "encoding", "symlink", "not-a-file",
                 "unexpected-file", "unknown-folder", "invisible-character", "bidi-control", "not-nfc",
                 "mixed-script", "wrong-script", "control-character", "front-matter-missing",
                 "front-matter-syntax", "missing-key", "unknown-key", "wrong-type", "bad-status",
                 "bad-title-status", "official-without-source", "title-differs", "duplicate-key", "wrong-kind",
                 "missing-file", "unknown-number", "wrong-chapter", "number-mismatch", "skeleton",
                 "duplicate-number", "enumerator-order", "raw-html", "script", "event-handler", "iframe",
                 "unsafe-url", "external-image", "external-link", "unsafe-attribute", "reserved-id", "unsafe-class",
                 "attribute-quote", "catalog-markup", "catalog-placeholder", "authentic-text-changed",
                 "authentic-text-unlocked", "authentic-status-changed", "authentic-source-changed",
                 "authentic-title-changed", "lock-invalid"]:
        assert code in codes, code


@pytest.mark.parametrize("name, change, expected", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_exactly_and_never_built(tree, capsys, name, change, expected):
    tmp, docs, outline, config = tree
    line = change(tmp, docs)
    found = findings(tmp, docs, outline)
    # A catalog's line is the one of its message's msgid (None in the case: the line the change returns).
    expected = [(code, path, line if at is None else at) for code, path, at in expected]
    assert sorted((f.code, f.path, f.line) for f in found) == sorted(expected)
    assert not [f for f in found if f.code == "check-failed"]
    assert all(f.text().startswith(f"{f.path}:{f.line}:{f.column}: {f.code}: ") for f in found)
    # The build runs the same checks first: nothing is written, the previous site stays.
    site = tmp / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    assert treaty_build(config, site) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert "was not written" in out.err
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "previous site"
    assert not list(tmp.glob(".site-*"))


def test_a_correction_recorded_with_the_lock_lets_the_changed_text_pass(tree):
    tmp, docs, outline, _ = tree
    lock_en1(tmp, docs)
    article(docs, "en", 1, "Text of the article, as corrected.", title_status="official", status="official",
            source="X/TEST/1")
    assert [f.code for f in findings(tmp, docs, outline)] == ["authentic-text-changed"]
    record(tmp / "data" / "authentic-text.lock.yml", "articles/1", "en", "Text of the article, as corrected.",
           corrigendum="C.N.1.2025.TREATIES", date=dt.date(2025, 6, 1))
    assert findings(tmp, docs, outline) == []


def test_a_change_of_layout_is_not_a_change_of_official_text(tree):
    tmp, docs, outline, _ = tree
    lock_en1(tmp, docs, body="Text of the article,\nas adopted.")
    path = docs / "en/articles/1.md"
    path.write_text(path.read_text().replace("as adopted.", "as adopted.\n\n\n"), encoding="utf-8")
    assert findings(tmp, docs, outline) == []


def test_the_checker_never_stops_at_the_first_problem(tree):
    tmp, docs, outline, _ = tree
    (docs / "zh/articles/3.md").write_bytes(b"\x00\x01")
    article(docs, "en", 1, "<script>x</script>")
    article(docs, "fr", 2, status="final")
    (docs / "ru/articles/3.md").unlink()
    codes = {f.code for f in findings(tmp, docs, outline)}
    assert {"binary-file", "script", "bad-status", "missing-file"} <= codes


def test_warnings_are_listed_and_do_not_stop_the_build(tree, capsys):
    tmp, docs, outline, config = tree
    path = article(docs, "en", 2, "Text with a tab\there and spaces at the end.   ")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    article(docs, "ru", 2, title="Provisional title")
    found = findings(tmp, docs, outline)
    assert sorted((f.code, f.path, f.line, f.severity) for f in found) == [
        ("bom", "docs/en/articles/2.md", 1, WARNING),
        ("tab", "docs/en/articles/2.md", BODY, WARNING),
        ("title-script", RU2, LINE["title"], WARNING),
        ("trailing-space", "docs/en/articles/2.md", BODY, WARNING),
    ]
    from checkkit import LogCapture

    with LogCapture() as log:
        assert treaty_build(config, tmp / "site") == 0
    assert (tmp / "site" / "en" / "articles" / "2" / "index.html").exists()
    assert "docs/en/articles/2.md:9:16: tab: tab character" in log.text


def test_findings_beyond_the_limit_are_counted_in_one_line():
    many = [Finding("a.md", n, 1, "tab", "tab character", "use spaces", WARNING) for n in range(1, 26)]
    capped = cap(many, 10)
    assert len(capped) == 11
    assert capped[-1].message == "15 more like this in the file, from line 11 on"


def test_the_files_given_select_their_findings_and_the_same_document_elsewhere():
    found = [Finding("docs/fr/articles/7.md", 3, 1, "tab", "m", "f", WARNING),
             Finding("docs/ru/articles/7.md", 1, 1, "missing-file", "m", "f"),
             Finding("docs/ru/articles/7.md", 4, 1, "not-nfc", "m", "f"),
             Finding("docs/ru/articles/8.md", 1, 1, "missing-file", "m", "f"),
             Finding("docs/en/articles/7.md", 9, 1, "authentic-text-changed", "m", "f")]
    chosen = select(found, ["docs/fr/articles/7.md"], "docs", "data/authentic-text.lock.yml")
    assert [(f.path, f.code) for f in chosen] == [("docs/fr/articles/7.md", "tab"),
                                                   ("docs/ru/articles/7.md", "missing-file")]
    chosen = select(found, ["data/authentic-text.lock.yml"], "docs", "data/authentic-text.lock.yml")
    assert [f.code for f in chosen] == ["authentic-text-changed"]


def test_a_missing_content_folder_is_one_finding(tree):
    tmp, docs, _, config = tree
    result = check_tree(project_of(config, tmp / "absent"))
    assert [(f.code, f.path) for f in result.findings] == [("missing-file", "absent")]


def test_the_project_tree_is_checked_without_internal_failure():
    """The real docs/ (being written): whatever it holds, every check runs to its end."""
    from sitekit import convention

    result = check_tree(convention())
    assert not [f for f in result.findings if f.code == "check-failed"]
    assert all(f.severity in (ERROR, WARNING) for f in result.findings)


PATHOLOGICAL = {
    "backticks": "`" * 30_000 + "a",
    "backtick-runs": "".join("`" * n + "a" for n in range(1, 240)),
    "open-brace": "{" + " " * 60_000,
    "long-word": "a" * 60_000,
    "brackets": "[" * 30_000,
    "image-openers": "![" * 20_000,
    "tags": "<a" * 30_000,
    "link-openers": "[x](" * 20_000,
    "link-destinations": "](" * 30_000,
    "invisible": "\u200b" * 30_000,
    "mixed-word": "a\u0430" * 30_000,
    "schemes": "javascript" * 6_000,
    "nested-lists": "".join(" " * i + "- a\n" for i in range(0, 4000, 2)),
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_text_is_checked_without_failing(tree, name):
    # Its speed (linear in the size of the text) is measured by scripts/benchmarks/checker.py.
    tmp, docs, outline, _ = tree
    article(docs, "en", 1, PATHOLOGICAL[name])
    (docs / "en/articles/2.md").write_text("---\ntitle" + " " * 60_000 + "\n---\n", encoding="utf-8")
    found = findings(tmp, docs, outline)
    assert not [f for f in found if f.code == "check-failed"]
    assert len([f for f in found if f.path == EN1]) <= 12 * 8


def test_the_check_in_two_processes_finds_what_one_process_finds(tmp_path):
    # This repository's tree (enough files to be shared out), with an error and a warning put in
    # languages that go to different processes.
    import shutil

    from sitekit import ROOT, convention
    from treaty.project import Project

    for name in ("docs", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    replace(tmp_path / "docs/fr/articles/7.md", "aux articles 8 à 11.", "aux articles 8 à 12.")
    zh = tmp_path / "docs/zh/articles/7.md"
    zh.write_text(zh.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    project = Project.find(tmp_path)
    one, two = check_tree(project, jobs=1), check_tree(project, jobs=2)
    assert one.findings == two.findings
    assert {(f.path, f.code) for f in one.findings} >= {("docs/fr/articles/7.md", "numbers-differ"),
                                                         ("docs/zh/articles/7.md", "script")}
    assert {lang: sorted(docs) for lang, docs in one.tree.items()} == \
        {lang: sorted(docs) for lang, docs in two.tree.items()}
    assert check_tree(convention(), jobs=2).findings == check_tree(convention(), jobs=1).findings
