"""Enumerators as each language writes them (data/enumerators.yml) and the anchors they get."""

import pytest

from treaty.model.enumerators import EnumeratorTracker, anchor_for, language_forms

LANGS = ["ar", "zh", "en", "fr", "ru", "es"]


def read(lang, line):
    """(level, position, token) of each way `line` may be read."""
    return [(e.level, e.position, e.token) for e in language_forms(lang).candidates(line)]


def anchors(lang, lines):
    tracker = EnumeratorTracker(lang)
    steps = [tracker.feed(line) for line in lines]
    return [(step.anchor, step.problem) for step in steps]


@pytest.mark.parametrize("lang, line, expected", [
    ("en", "1. Text", [(1, 1, "1.")]),
    ("en", "(b) text", [(2, 2, "(b)")]),
    ("en", "(ii) text", [(3, 2, "(ii)")]),
    ("fr", "b) texte", [(2, 2, "b)")]),
    ("fr", "ii) texte", [(3, 2, "ii)")]),
    ("es", "c) texto", [(2, 3, "c)")]),
    ("es", "iii) texto", [(3, 3, "iii)")]),
    ("ru", "б) текст", [(2, 2, "б)")]),
    ("ru", "b) текст", [(2, 2, "b)")]),
    ("zh", "(b) 文本", [(2, 2, "(b)")]),
    ("zh", "（b）文本", [(2, 2, "（b）")]),
    ("zh", "(b)文本", [(2, 2, "(b)")]),
    ("zh", "（ii）文本", [(3, 2, "（ii）")]),
    ("zh", "1.文本", [(1, 1, "1.")]),
    ("zh", "2．文本", [(1, 2, "2．")]),
    ("ar", "(ب) نص", [(2, 2, "(ب)")]),
    ("ar", "1 - نص", [(1, 1, "1 -")]),
    ("ar", "٢ - نص", [(1, 2, "٢ -")]),
    ("ar", "3- نص", [(1, 3, "3-")]),
    ("ar", "4. نص", [(1, 4, "4.")]),
    ("ar", "(2) نص", [(3, 2, "(2)")]),
    ("ar", "(٣) نص", [(3, 3, "(٣)")]),
    ("ar", "'2' نص", [(3, 2, "'2'")]),
])
def test_each_language_writes_its_enumerators(lang, line, expected):
    assert read(lang, line) == expected


@pytest.mark.parametrize("lang, line", [
    ("en", "b) text"),  # English brackets both sides
    ("fr", "(b) texte"),
    ("en", "1.5 per cent"),
    ("en", "(a)text"),  # no space before Latin text
    ("en", "(b)"),  # nothing after
    ("ru", "й) текст"),  # й is not an enumerator
    ("zh", "（z）"),
    ("ar", "(ا) نص"),  # bare alif is not the first letter of the abjad order
])
def test_what_is_not_an_enumerator(lang, line):
    assert read(lang, line) == []


def test_russian_cyrillic_letters_skip_short_i():
    letters = "абвгдежзик"
    assert [read("ru", f"{letter}) текст")[0][1] for letter in letters] == list(range(1, 11))


def test_russian_latin_or_cyrillic_letters_give_the_same_anchors():
    latin = anchors("ru", ["1. Текст", "a) один", "b) два", "c) три"])
    cyrillic = anchors("ru", ["1. Текст", "а) один", "б) два", "в) три"])
    assert latin == cyrillic == [("para-1", None), ("para-1-a", None), ("para-1-b", None), ("para-1-c", None)]


def test_arabic_letters_follow_the_abjad_order():
    abjad = ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل"]
    assert [read("ar", f"({letter}) نص")[0][1] for letter in abjad] == list(range(1, 13))
    lines = ["1 - نص"] + [f"({letter}) نص" for letter in abjad[:6]]
    assert [anchor for anchor, _ in anchors("ar", lines)] == [
        "para-1", "para-1-a", "para-1-b", "para-1-c", "para-1-d", "para-1-e", "para-1-f"]


@pytest.mark.parametrize("lang, lines", [
    ("en", ["1. A", "(a) b", "(b) c", "(i) d", "(ii) e", "(c) f", "2. G"]),
    ("fr", ["1. A", "a) b", "b) c", "i) d", "ii) e", "c) f", "2. G"]),
    ("es", ["1. A", "a) b", "b) c", "i) d", "ii) e", "c) f", "2. G"]),
    ("ru", ["1. А", "а) б", "б) в", "i) г", "ii) д", "в) е", "2. Ж"]),
    ("zh", ["1. 甲", "(a) 乙", "（b）丙", "(i) 丁", "（ii）戊", "(c)己", "2. 庚"]),
    ("ar", ["1 - أ", "(أ) ب", "(ب) ج", "(1) د", "(2) هـ", "(ج) و", "2 - ز"]),
])
def test_the_same_skeleton_gives_the_same_anchors_in_every_language(lang, lines):
    assert anchors(lang, lines) == [(a, None) for a in [
        "para-1", "para-1-a", "para-1-b", "para-1-b-i", "para-1-b-ii", "para-1-c", "para-2"]]


def test_i_v_and_x_are_read_from_context():
    letters = [f"({c}) x" for c in "abcdefghijklmnopqrstuvwx"]
    result = anchors("en", ["1. A"] + letters)
    assert [a for a, _ in result][9] == "para-1-i" and result[22][0] == "para-1-v"
    assert all(problem is None for _, problem in result)
    romans = ["1. A", "(a) b", "(i) c", "(ii) d", "(iii) e", "(iv) f", "(v) g", "(vi) h"]
    assert [a for a, _ in anchors("en", romans)][-3:] == ["para-1-a-iv", "para-1-a-v", "para-1-a-vi"]


def test_subparagraphs_under_no_numbered_paragraph():
    assert anchors("en", ["(a) one", "(b) two", "(i) deep"]) == [
        ("para-a", None), ("para-b", None), ("para-b-i", None)]
    assert anchors("ar", ["(أ) واحد", "(ب) اثنان"]) == [("para-a", None), ("para-b", None)]


def test_out_of_order_and_skipped_levels_are_reported():
    assert anchors("en", ["1. A", "3. B"])[1] == ("para-3", "out of order (expected position 2)")
    assert anchors("en", ["1. A", "(ii) B"])[1] == ("para-1-a-ii", "skips a level")


def test_anchor_names_are_language_neutral():
    assert anchor_for([2, 2, 1]) == "para-2-b-i"
    assert anchor_for([0, 3]) == "para-c"
    assert anchor_for([12]) == "para-12"


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_three_levels(lang):
    assert [forms.level for forms in language_forms(lang).levels] == [1, 2, 3]
