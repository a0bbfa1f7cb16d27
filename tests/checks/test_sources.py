"""Content files read as hostile input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from treaty.checks.sources import Source, read_text, scan


def read(tmp_path, data: bytes, limit=1000):
    path = tmp_path / "x.md"
    path.write_bytes(data)
    return read_text(Source(path, "docs/en/x.md", "en"), limit)


def test_text_is_returned_and_problems_are_one_finding(tmp_path):
    assert read(tmp_path, "---\ntitle: Été\n---\n".encode()) == ("---\ntitle: Été\n---\n", [])
    text, (finding,) = read(tmp_path, b"ok\nline two \xff\n")
    assert text is None and (finding.code, finding.line, finding.column) == ("encoding", 2, 10)
    assert "0xFF" in finding.message
    assert read(tmp_path, b"x" * 1001)[1][0].code == "file-too-large"
    assert read(tmp_path, b"\xef\xbb\xbf \n")[1][0].code == "empty-file"
    assert read(tmp_path, b"ab\ncd\x00")[1][0].line == 2


def test_the_walk_reports_what_has_no_place_and_never_follows_links(tmp_path):
    docs = tmp_path / "docs"
    (docs / "fr" / "articles").mkdir(parents=True)
    (docs / "index.md").write_text("x")
    (docs / "fr" / "articles" / "1.md").write_text("x")
    (docs / "fr" / ".hidden.md").write_text("x")
    (docs / "fr" / "x.js").write_text("alert(1)")
    (docs / "de").mkdir()
    (docs / "de" / "a.md").write_text("x")
    (docs / "de" / "b.md").write_text("x")
    (docs / "fr" / "loop").symlink_to(docs)
    sources, findings = scan(docs, ["fr"], tmp_path)
    assert sorted(s.rel for s in sources) == ["docs/fr/articles/1.md", "docs/fr/loop", "docs/index.md"]
    assert sorted((f.code, f.path) for f in findings) == [("unexpected-file", "docs/fr/x.js"),
                                                          ("unknown-folder", "docs/de")]
    loop = next(s for s in sources if s.rel == "docs/fr/loop")
    assert read_text(loop, 1000)[1][0].code == "symlink"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_give_text_or_exactly_one_finding(tmp_path_factory, data):
    tmp = tmp_path_factory.mktemp("bytes")
    text, findings = read(tmp, data)
    assert (text is None) == (len(findings) == 1)
    if text is not None:
        assert text.encode("utf-8") == data
