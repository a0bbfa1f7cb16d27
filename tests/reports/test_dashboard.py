"""The translation status: the report, `treaty status`, and the status page of each language."""

from __future__ import annotations

import json
import re

from test_history import git

from checkkit import LogCapture, article, findings, make_tree, write
from sitekit import LANGS, build_site, project_of
from treaty.checks.checker import check_tree
from treaty.cli import main
from treaty.reports.dashboard import build_report, localized, render_text

STATUS_TITLES = {"en": "Translation status", "fr": "État des traductions", "es": "Estado de las traducciones",
                 "ru": "Состояние переводов", "zh": "翻译状态", "ar": "حالة الترجمات"}


def tree_with_status_pages(tmp):
    docs, outline, config = make_tree(tmp)
    for lang in LANGS:
        write(docs / lang / "status.md", {"kind": "status", "title": STATUS_TITLES[lang]})
    return docs, outline, config


def test_the_report_counts_statuses_problems_and_dates(tmp_path):
    docs, outline, _ = make_tree(tmp_path)
    article(docs, "fr", 2, status="synopsis")
    article(docs, "ru", 3, "Текст\u200b.")
    (docs / "zh" / "articles" / "1.md").unlink()
    project = project_of(tmp_path / "mkdocs.yml")
    result = check_tree(project)
    report = build_report(result, {}, project.outline, LANGS, "docs")
    assert [row.key for row in report.rows] == ["preamble", "articles/1", "articles/2", "articles/3"]
    totals = {t["lang"]: t for t in report.totals()}
    assert (totals["fr"]["synopsis"], totals["fr"]["provisional"]) == (2, 2)
    assert (totals["ru"]["passing"], totals["zh"]["missing"], totals["zh"]["passing"]) == (3, 1, 3)
    text = render_text(report, "en", project.outline, result.tree)
    assert re.search(r"^Article 3 +P ok - +P ok - +P ok - +P ok - +P !! - +P ok -$", text, re.M)
    assert re.search(r"^zh +0 +2 +1 +1 +3/4$", text, re.M) and "- !! -" in text
    page = localized(report, "fr", result.tree)
    cell = page["rows"][3]["cells"][LANGS.index("ru")]
    assert (cell["status_label"], cell["ok"], cell["check_label"]) == (
        "Provisoire", False, "Ne passe pas les vérifications")
    assert page["languages"][0]["name"] == "Arabe"


def test_treaty_status_in_the_terminal_and_as_json(tmp_path, capsys):
    docs, outline, _ = make_tree(tmp_path)
    assert main(["status", "--project", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Translation status\n") and "O = Official text" in out
    assert main(["status", "--project", str(tmp_path), "--lang", "ru"]) == 0
    assert capsys.readouterr().out.startswith("Состояние переводов\n")
    assert main(["status", "--project", str(tmp_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"][1]["cells"]["ar"] == {"file": "docs/ar/articles/1.md", "status": "provisional", "ok": True,
                                                 "errors": 0, "warnings": 0, "changed": None}


def test_the_status_page_of_each_language_shows_the_report_with_dates_from_git(tmp_path):
    docs, outline, config = tree_with_status_pages(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "docs", ":!docs/es/articles/3.md")  # one file never committed
    git(tmp_path, "commit", "-q", "-m", "tree", date="2025-03-04T10:00:00+00:00")
    article(docs, "fr", 2, "Texte du résumé, avec une tabulation\tici.")  # a warning; not committed
    assert [f.code for f in findings(tmp_path, docs, outline)] == ["tab"]
    with LogCapture():
        build_site(config, tmp_path / "site", docs)
    for lang in LANGS:
        html = (tmp_path / "site" / lang / "status" / "index.html").read_text(encoding="utf-8")
        assert STATUS_TITLES[lang] in html
        assert html.count('data-checks="pass"') == 4 * 6
        assert '<td data-status="provisional">3</td>' in html
    fr = (tmp_path / "site" / "fr" / "status" / "index.html").read_text(encoding="utf-8")
    assert "Avertissements\u00a0: 1" in fr and "Pas encore enregistré" in fr
    assert re.search(r'<time datetime="2025-03-04T10:00:00\+00:00"[^>]*>4 mars 2025</time>', fr)
    assert 'href="../articles/3/"' in fr and 'href="../../ru/articles/3/" hreflang="ru"' in fr
    zh = (tmp_path / "site" / "zh" / "status" / "index.html").read_text(encoding="utf-8")
    assert "通过检查" in zh and "2025年3月4日" in zh
    nav = (tmp_path / "site" / "ar" / "index.html").read_text(encoding="utf-8")
    assert "حالة الترجمات" in nav


def test_without_history_the_status_page_says_so_instead_of_showing_dates(tmp_path):
    docs, _, config = tree_with_status_pages(tmp_path)  # not in a git repository
    with LogCapture():
        build_site(config, tmp_path / "site", docs)
    fr = (tmp_path / "site" / "fr" / "status" / "index.html").read_text(encoding="utf-8")
    assert "l’historique du projet (git) n’est pas disponible" in fr
    assert "<time" not in fr and "Pas encore enregistré" not in fr
    assert main(["status", "--project", str(tmp_path), "--format", "json"]) == 0
