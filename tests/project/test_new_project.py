"""A project before its texts are imported, and a folder that is no project: what `treaty new`
and `treaty check` tell the person at the terminal (in-process; the wheel test runs the commands
of an installed package)."""

from __future__ import annotations

import re

from treaty.cli import main

LANGS = ["ar", "zh", "en", "fr", "ru", "es"]
NAMES = {"ar": "إعلان نموذجي", "zh": "示范宣言", "en": "Specimen Declaration", "fr": "Déclaration spécimen",
         "ru": "Типовая декларация", "es": "Declaración modelo"}
FINDING = re.compile(r"^(docs/\S+?):1:1: (\S+): ")


def treaty(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_new_project_lacks_only_the_texts_to_import_and_says_what_comes_next(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    names = [option for lang, name in NAMES.items() for option in ("--name", f"{lang}={name}")]
    code, out, err = treaty(capsys, "new", "declaration", *names, "--languages", ",".join(LANGS),
                            "--kind", "declaration", "--symbol", "SPEC/1", "--articles", "3")
    assert code == 0, err
    assert "next: treaty import --lang LANG DOCUMENT, then treaty check and treaty build in that folder" in out
    monkeypatch.chdir(tmp_path / "declaration")
    code, out, err = treaty(capsys, "check")
    assert code == 1
    findings = [FINDING.match(line) for line in out.splitlines()]
    assert all(findings), out
    # Missing: the preamble and the three articles in each language, nothing else (the home,
    # about and status pages `treaty new` wrote are complete).
    expected = {f"docs/{lang}/{key}.md" for lang in LANGS for key in ("preamble", "articles/1", "articles/2",
                                                                        "articles/3")}
    assert {m.group(1) for m in findings} == expected
    assert {m.group(2) for m in findings} == {"missing-file"}
    assert "docs/fr/articles/2.md:1:1: missing-file: articles/2 is missing in 'fr'" in out
    assert "treaty check: 24 error(s), 0 warning(s) in 24 file(s)" in err
    assert "Traceback" not in out + err


def test_check_in_a_folder_without_mkdocs_yml_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()  # a folder of Markdown is not a project without its mkdocs.yml
    for command in (["check"], ["build"], ["import", "--lang", "en", "document.html"]):
        code, out, err = treaty(capsys, *command)
        assert code == 2, command
        assert out == ""
        assert err.startswith(f"treaty: {tmp_path} holds no mkdocs.yml, so it is not a treaty project")
        assert "`treaty new DIR`" in err and "--project DIR" in err
        assert "Traceback" not in err and len(err.splitlines()) == 1
