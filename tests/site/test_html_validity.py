"""The built pages are valid HTML: the Nu HTML Checker (npm package vnu-jar, run with Debian's Java)
reports no error on a page of each kind in each language, the chooser and the 404 page."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from sitekit import LANGS, ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
KINDS = ["", "preamble/", "chapters/2/", "articles/7/", "about/", "status/"]


def nu_errors(paths) -> list[dict]:
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail("the Nu HTML checker is not installed: run `make test` (Debian's default-jre-headless, "
                    "and `npm ci --ignore-scripts` for vnu-jar)")
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, paths)],
                            capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr or result.stdout)["messages"]


def test_every_kind_of_page_in_every_language_is_valid_html(site):
    pages = [site / "index.html", site / "404.html"]
    pages += [site / lang / kind / "index.html" for lang in LANGS for kind in KINDS]
    assert all(page.is_file() for page in pages)
    errors = nu_errors(pages)
    shown = [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors]
    assert errors == [], "\n".join(shown[:20])


def test_the_checker_finds_an_error_when_there_is_one(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><title>x</title><input type="checkbox" autocomplete="off">',
                    encoding="utf-8")
    messages = [m["message"] for m in nu_errors([page])]
    assert len(messages) == 1 and messages[0].startswith("Attribute “autocomplete” is only allowed"), messages
