"""`recheck` (treaty serve): after files change, checking only them and their documents in the
other languages gives what checking the whole tree gives."""

from __future__ import annotations

import pytest

from checkkit import NUMBERED, article, make_tree
from sitekit import project_of
from treaty.checks.checker import check_tree, recheck


def same(project, result):
    whole = check_tree(project, references=False)
    assert sorted(result.findings) == sorted(whole.findings)
    assert {lang: sorted(docs) for lang, docs in result.tree.items()} == \
           {lang: sorted(docs) for lang, docs in whole.tree.items()}
    assert result.failed == whole.failed


def broken_front_matter(docs):
    path = docs / "fr" / "articles" / "2.md"
    path.write_text(path.read_text(encoding="utf-8").replace("status: provisional", "status: [oops"), encoding="utf-8")
    return [path]


def tab_and_script(docs):
    return [article(docs, "en", 1, "Tab\there.\n\n<script>x</script>")]


def reference_language_renumbered(docs):
    """English (the reference) gets numbered paragraphs: the five others now differ from it."""
    return [article(docs, "en", 3, NUMBERED["en"])]


def all_six_renumbered(docs):
    return [article(docs, lang, 3, NUMBERED[lang]) for lang in NUMBERED]


def deleted(docs):
    path = docs / "ru" / "articles" / "1.md"
    path.unlink()
    return [path]


def unknown_article(docs):
    return [article(docs, "es", 9)]


def undecodable(docs):
    path = docs / "zh" / "articles" / "3.md"
    path.write_bytes(b"---\ntitle: \xff\n---\n")
    return [path]


def chooser_gone(docs):
    (docs / "index.md").unlink()
    return [docs / "index.md"]


CHANGES = [broken_front_matter, tab_and_script, reference_language_renumbered, all_six_renumbered, deleted,
           unknown_article, undecodable, chooser_gone]


@pytest.mark.parametrize("change", CHANGES, ids=[change.__name__ for change in CHANGES])
def test_rechecking_the_changed_files_equals_checking_the_tree(tmp_path, change):
    docs, _, _ = make_tree(tmp_path)
    project = project_of(tmp_path / "mkdocs.yml")
    before = check_tree(project, references=False)
    paths = change(docs)
    after = recheck(project, before, paths)
    same(project, after)
    # And back: the files as they were, checked again, give the first result.
    make_tree(tmp_path)
    (docs / "es" / "articles" / "9.md").unlink(missing_ok=True)
    again = recheck(project, after, paths)
    assert sorted(again.findings) == sorted(before.findings)
    same(project, again)
