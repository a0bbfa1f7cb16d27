import pytest

from treaty.model.numerals import from_chinese, to_chinese, western_digits


@pytest.mark.parametrize("number, text", [
    (1, "一"), (7, "七"), (10, "十"), (11, "十一"), (20, "二十"), (35, "三十五"), (68, "六十八"),
    (100, "一百"), (105, "一百零五"), (110, "一百一十"),
])
def test_chinese_numerals_both_ways(number, text):
    assert to_chinese(number) == text
    assert from_chinese(text) == number


def test_every_article_number_round_trips():
    assert all(from_chinese(to_chinese(n)) == n for n in range(1, 200))


def test_western_digits_in_chinese_references_are_read():
    assert from_chinese("7") == 7 and from_chinese("٦٨") == 68


def test_not_a_numeral_is_refused():
    with pytest.raises(ValueError):
        from_chinese("条")


def test_arabic_indic_digits_become_western():
    assert western_digits("المادة ٣٥ و۳۵") == "المادة 35 و35"
