"""The authentic-text lock: recorded only by the importer and by `treaty lock`."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checkkit import article, findings, make_tree
from treaty.cli import main
from treaty.model.lock import LockError, digest, load_lock, normalize, record

TEXT = "Each State Party shall adopt such measures.\n"


def test_an_import_then_a_correction_are_recorded_in_order(tmp_path):
    lock = tmp_path / "lock.yml"
    record(lock, "articles/7", "en", TEXT, source="A/RES/79/243", date=dt.date(2025, 1, 15))
    entry = record(lock, "articles/7", "en", TEXT + "Corrected.\n", corrigendum="C.N.1.2025", date=dt.date(2025, 6, 1))
    assert entry.current == digest(TEXT + "Corrected.\n")
    data = yaml.safe_load(lock.read_text(encoding="utf-8"))
    saved = data["texts"]["articles/7"]["en"]
    assert saved["source"] == "A/RES/79/243"
    assert saved["imported"] == {"date": dt.date(2025, 1, 15), "sha256": digest(TEXT)}
    assert saved["corrections"] == [{"reference": "C.N.1.2025", "date": dt.date(2025, 6, 1),
                                     "sha256": digest(TEXT + "Corrected.\n")}]
    assert lock.read_text(encoding="utf-8").startswith("# The authentic text")


def test_a_correction_needs_imported_text_a_reference_a_date_and_a_change(tmp_path):
    lock = tmp_path / "lock.yml"
    with pytest.raises(ValueError, match="no imported official text"):
        record(lock, "articles/7", "en", TEXT, corrigendum="C.N.1", date=dt.date(2025, 6, 1))
    record(lock, "articles/7", "en", TEXT, source="A/RES/79/243")
    with pytest.raises(ValueError, match="nothing to record"):
        record(lock, "articles/7", "en", TEXT + "\n\n", corrigendum="C.N.1", date=dt.date(2025, 6, 1))
    with pytest.raises(ValueError, match="reference"):
        record(lock, "articles/7", "en", "Other.", corrigendum=" ", date=dt.date(2025, 6, 1))
    with pytest.raises(ValueError, match="source"):
        record(lock, "articles/8", "en", TEXT)


def test_a_broken_lock_is_reported_with_its_line(tmp_path):
    lock = tmp_path / "lock.yml"
    lock.write_text("texts:\n  articles/7:\n    en: [\n", encoding="utf-8")
    with pytest.raises(LockError) as error:
        load_lock(lock)
    assert error.value.line == 4
    assert load_lock(tmp_path / "absent.yml") == {}


def test_treaty_lock_records_a_correction_and_the_check_passes_again(tmp_path, capsys):
    docs, outline, _ = make_tree(tmp_path)
    lock = tmp_path / "data" / "authentic-text.lock.yml"
    meta = {"title_status": "official", "status": "official", "source": "X/TEST/1"}
    path = article(docs, "en", 1, TEXT, **meta)
    record(lock, "articles/1", "en", TEXT, source="X/TEST/1")
    article(docs, "en", 1, TEXT.replace("such", "the"), **meta)
    assert [f.code for f in findings(tmp_path, docs, outline)] == ["authentic-text-changed"]
    assert main(["lock", "--project", str(tmp_path), "--corrigendum", "C.N.12.2025.TREATIES-XVIII.16",
                 "--date", "2025-06-01", str(path)]) == 0
    assert "recorded correction C.N.12.2025.TREATIES-XVIII.16 of 2025-06-01" in capsys.readouterr().out
    assert findings(tmp_path, docs, outline) == []
    # Nothing changed since: nothing to record, and the lock is left as it is.
    before = lock.read_bytes()
    assert main(["lock", "--project", str(tmp_path), "--corrigendum", "C.N.13", "--date", "2025-07-01", str(path)]) == 1
    assert lock.read_bytes() == before


def test_treaty_lock_refuses_text_that_is_not_official_and_bad_dates(tmp_path, capsys):
    docs, _, _ = make_tree(tmp_path)
    path = docs / "fr" / "articles" / "1.md"
    assert main(["lock", "--project", str(tmp_path), "--corrigendum", "C.N.1", "--date", "2025-06-01", str(path)]) == 1
    assert "only official text" in capsys.readouterr().err
    assert not (tmp_path / "data" / "authentic-text.lock.yml").exists()
    assert main(["lock", "--project", str(tmp_path), "--corrigendum", "C.N.1", "--date", "1 June", str(path)]) == 2
    err = capsys.readouterr().err
    assert "YYYY-MM-DD" in err and "Traceback" not in err


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_normal_form_is_stable_and_ignores_layout(text):
    assert normalize(normalize(text)) == normalize(text)
    # Line ends written the Windows way ("0\r\r\n0" would be two breaks: a CR, then a CRLF).
    text = text.replace("\r", "")
    assert digest(text.replace("\n", "\r\n")) == digest(text)
    assert digest(text + "\n\n  \n") == digest(text)
