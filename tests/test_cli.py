"""`treaty check` at the command line: exit codes, formats, files given, and no traceback ever."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from checkkit import article, make_tree
from treaty.cli import main

TREATY = [sys.executable, "-m", "treaty.cli"]


@pytest.fixture
def tree(tmp_path):
    docs, outline, _ = make_tree(tmp_path)
    return tmp_path, docs, outline


def check(docs, outline, *args):
    """`treaty check` on the project of `docs` (its folder holds mkdocs.yml and data/)."""
    return main(["check", "--project", str(docs.parent), *args])


def test_a_clean_tree_exits_0_and_says_so(tree, capsys):
    _, docs, outline = tree
    assert check(docs, outline) == 0
    out = capsys.readouterr()
    assert out.out == "" and "no problems found" in out.err


def test_errors_exit_1_warnings_only_with_strict(tree, capsys):
    _, docs, outline = tree
    article(docs, "en", 2, "Tab\there.")
    assert check(docs, outline) == 0
    assert check(docs, outline, "--strict") == 1
    article(docs, "en", 3, "<script>x</script>")
    assert check(docs, outline) == 1
    out = capsys.readouterr()
    assert "docs/en/articles/3.md:9:1: script: a <script> element in the page (remove it" in out.out
    assert "1 error(s), 1 warning(s) in 2 file(s)" in out.err


def test_json_and_github_formats(tree, capsys):
    _, docs, outline = tree
    article(docs, "fr", 1, "Texte\u200b.")
    assert check(docs, outline, "--format", "json") == 1
    (finding,) = json.loads(capsys.readouterr().out)
    assert finding == {"path": "docs/fr/articles/1.md", "line": 9, "column": 6, "code": "invisible-character",
                       "message": "invisible character U+200B ZERO WIDTH SPACE", "fix": finding["fix"],
                       "severity": "error"}
    assert check(docs, outline, "--format", "github") == 1
    assert capsys.readouterr().out.startswith(
        "::error file=docs/fr/articles/1.md,line=9,col=6,title=invisible-character::invisible character")


def test_files_given_show_their_findings_and_the_same_document_elsewhere(tree, capsys):
    tmp, docs, outline = tree
    article(docs, "en", 2, "<b>x</b>")
    article(docs, "fr", 1, "<b>x</b>")
    (docs / "ru" / "articles" / "1.md").unlink()
    assert main(["check", "--project", str(tmp), str(docs / "fr" / "articles" / "1.md")]) == 1
    out = capsys.readouterr().out
    assert "docs/fr/articles/1.md:9:1: raw-html" in out and "docs/ru/articles/1.md:1:1: missing-file" in out
    assert "docs/en/articles/2.md" not in out
    (tmp / "README.md").write_text("x")
    assert main(["check", "-f", str(tmp / "mkdocs.yml"), str(tmp / "README.md")]) == 0
    assert "not content" in capsys.readouterr().err


def test_usage_and_file_errors_are_one_line(tree, capsys):
    tmp, docs, outline = tree
    assert main(["check", "--project", str(tmp), "--format", "xml"]) == 2
    assert main(["check", "--project", str(docs / "absent")]) == 2
    assert main(["check", "--project", str(docs)]) == 2
    err = capsys.readouterr().err
    assert "invalid choice" in err and "absent is not a folder" in err and "Traceback" not in err
    assert "holds no mkdocs.yml" in err and "treaty new" in err


def test_the_project_is_the_folder_the_command_is_run_in(tree, capsys, monkeypatch):
    """As MkDocs finds mkdocs.yml: the current folder, never the one the package came from."""
    tmp, docs, _ = tree
    article(docs, "en", 2, "<b>x</b>")
    monkeypatch.chdir(tmp)
    assert main(["check"]) == 1
    assert "docs/en/articles/2.md:9:1: raw-html" in capsys.readouterr().out
    monkeypatch.chdir(docs)
    assert main(["check"]) == 2
    assert "holds no mkdocs.yml" in capsys.readouterr().err


def test_an_instrument_file_missing_a_required_fact_is_named_with_its_key(tree, capsys):
    tmp, _, _ = tree
    instrument = tmp / "data" / "instrument.yml"
    text = instrument.read_text(encoding="utf-8")
    instrument.write_text(text.replace("outline:", "not_the_outline:"), encoding="utf-8")
    assert main(["check", "--project", str(tmp)]) == 2
    err = capsys.readouterr().err
    assert f"{instrument}: 'outline' is missing" in err and "Traceback" not in err and "internal error" not in err


def run(args, **kwargs):
    env = {**os.environ, "PYTHONWARNINGS": "default"}
    return subprocess.run(TREATY + args, capture_output=True, text=True, env=env, **kwargs)


def test_no_traceback_when_the_reader_goes_away(tree):
    """`treaty check | head -1`: the pipe closes early; the command stops quietly."""
    _, docs, outline = tree
    for number in (1, 2, 3):
        article(docs, "en", number, "\n".join(["x\u200by"] * 400))
    process = subprocess.Popen(TREATY + ["check", "--project", str(docs.parent)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # nobody reads
    err = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Traceback" not in err and "Exception ignored" not in err and "BrokenPipe" not in err
    shell = subprocess.run(f"{' '.join(TREATY)} check --project {docs.parent} | head -1", shell=True,
                           capture_output=True, text=True)
    assert shell.stdout.count("\n") == 1 and "Traceback" not in shell.stderr


def test_the_command_ends_with_its_status_and_all_it_wrote(tree):
    """The command ends its process at once (treaty.cli.run): what it wrote to a pipe, more than
    its buffer holds (8 KB), arrives whole, and the status is main's."""
    _, docs, outline = tree
    for number in (1, 2, 3):
        article(docs, "fr", number, "\n".join(f"Texte {n}\u200b." for n in range(400)))
    result = run(["check", "--project", str(docs.parent), "--format", "json"], timeout=120)
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    assert len(result.stdout) > 8192 and {finding["path"] for finding in findings} >= {
        f"docs/fr/articles/{number}.md" for number in (1, 2, 3)}
    assert run(["check", "--project", str(docs.parent / "nowhere")]).returncode == 2


def test_hostile_tree_through_the_real_command(tree):
    _, docs, outline = tree
    (docs / "en" / "articles" / "2.md").write_bytes(b"---\ntitle: " + b"[" * 30000 + b"\n---\n")
    (docs / "fr" / "articles" / "2.md").write_bytes(os.urandom(2000))
    os.mkfifo(docs / "ru" / "articles" / "2.md.fifo.md")
    result = run(["check", "--project", str(docs.parent)], timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "docs/en/articles/2.md:2:1: front-matter-syntax" in result.stdout
    assert "docs/ru/articles/2.md.fifo.md:1:1: not-a-file" in result.stdout
