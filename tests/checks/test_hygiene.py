"""Text hygiene: invisible and control characters, normal form, scripts, tabs, trailing spaces."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from treaty.checks.hygiene import check_script, check_text
from treaty.findings import WARNING


def codes(text):
    return [(f.code, f.line, f.column) for f in check_text(text, "x.md")]


def test_clean_text_in_every_script_has_no_finding():
    text = "Texte du résumé.\nТекст изложения.\n摘要的文字。\nنص الموجز.\nΕλληνικά.\n"
    assert codes(text) == []


def test_each_invisible_and_bidi_character_is_found_with_its_column():
    assert codes("ab\u200bc") == [("invisible-character", 1, 3)]
    assert codes("x\n\u2060y") == [("invisible-character", 2, 1)]
    assert codes("a\u202ab\u202c") == [("bidi-control", 1, 2), ("bidi-control", 1, 4)]
    assert codes("\u2067x\u2069") == [("bidi-control", 1, 1), ("bidi-control", 1, 3)]


def test_a_byte_order_mark_at_the_start_is_a_warning_and_inside_an_error():
    found = check_text("\ufeff---\n\ufeff", "x.md")
    assert [(f.code, f.line, f.column, f.severity) for f in found] == [
        ("bom", 1, 1, WARNING), ("invisible-character", 2, 1, "error")]


def test_carriage_returns_and_other_control_characters():
    assert codes("a\r\nb") == [("control-character", 1, 2)]
    assert "Windows line ending" in check_text("a\r\n", "x.md")[0].message
    assert codes("a\x1bb") == [("control-character", 1, 2)]


def test_tabs_and_trailing_spaces_are_warnings_with_their_column():
    found = check_text("a\tb\nword   \n   \n", "x.md")
    assert [(f.code, f.line, f.column, f.severity) for f in found] == [
        ("tab", 1, 2, WARNING), ("trailing-space", 2, 5, WARNING)]


def test_text_not_in_nfc_is_found_at_the_letter():
    assert codes("Cafe\u0301 ok") == [("not-nfc", 1, 4)]


def test_a_word_mixing_look_alike_scripts_names_the_foreign_letter():
    (finding,) = check_text("Конвенция К\u006fнвенция", "x.md")
    assert (finding.code, finding.column) == ("mixed-script", 12)
    assert "U+006F LATIN SMALL LETTER O" in finding.message
    (finding,) = check_text("Illegal \u0430ccess", "x.md")
    assert (finding.code, finding.column) == ("mixed-script", 9)


def test_words_mixing_chinese_and_latin_are_not_mixed_scripts():
    assert codes("使用ICT系统和A/RES/79/243号决议") == []


def document(body, title="Титул", lang="ru"):
    return SimpleNamespace(body=body, body_line=8, meta={"title": title}, rel=f"docs/{lang}/x.md",
                           line_of=lambda key: 4)


def test_a_paragraph_in_another_script_is_found_and_short_passages_are_not():
    body = "\nТекст (A/RES/79/243, ICT).\n\nThis paragraph was pasted from the English text.\n"
    found = check_script(document(body), "Cyrl", "ru")
    assert [(f.code, f.line) for f in found] == [("wrong-script", 11)]
    assert "Latin script" in found[0].message and "Cyrillic" in found[0].message


def test_links_and_code_do_not_count_as_text_in_another_script():
    body = "Текст со ссылкой [сюда](https://www.un.org/en/documents/some-long-english-address) и `code_block_here`."
    assert check_script(document(body), "Cyrl", "ru") == []


def test_a_title_with_no_letter_of_its_script_is_a_warning():
    (finding,) = check_script(document("Текст.", title="Illegal access"), "Cyrl", "ru")
    assert (finding.code, finding.line, finding.severity) == ("title-script", 4, WARNING)
    assert check_script(document("Текст.", title="ИКТ"), "Cyrl", "ru") == []


def test_fenced_code_outside_treaty_text_is_not_read_for_its_script():
    body = "Текст страницы.\n\n```\nThis block of code is written in English words only.\n```\nТекст.\n"
    assert check_script(document(body), "Cyrl", "ru") == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_findings_inside_it_and_never_an_exception(text):
    lines = text.split("\n")
    for finding in check_text(text, "x.md"):
        assert 1 <= finding.line <= len(lines)
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["Latn", "Cyrl", "Arab", "Hans"]))
def test_any_body_can_be_checked_for_its_script(text, script):
    for finding in check_script(document(text, title=text[:20]), script, "xx"):
        assert finding.line >= 4
