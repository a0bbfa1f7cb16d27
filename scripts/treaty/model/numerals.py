"""Numbers as the six languages write them: Chinese numerals and Arabic-Indic digits."""

from __future__ import annotations

import re

CHINESE_DIGITS = "零一二三四五六七八九"
ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
EASTERN_ARABIC_INDIC = "۰۱۲۳۴۵۶۷۸۹"
_TO_WESTERN = str.maketrans(ARABIC_INDIC + EASTERN_ARABIC_INDIC, "0123456789" * 2)

CHINESE_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百]+")


def western_digits(text: str) -> str:
    """Arabic-Indic digits replaced by Western ones; other characters kept."""
    return text.translate(_TO_WESTERN)


def to_chinese(number: int) -> str:
    """1 -> 一, 10 -> 十, 35 -> 三十五, 68 -> 六十八, 105 -> 一百零五."""
    if not 0 < number < 1000:
        raise ValueError(f"no Chinese numeral for {number}")
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    parts = []
    if hundreds:
        parts.append(CHINESE_DIGITS[hundreds] + "百")
        if rest and tens == 0:
            parts.append("零")
    if tens:
        parts.append(("" if tens == 1 and not hundreds else CHINESE_DIGITS[tens]) + "十")
    if units:
        parts.append(CHINESE_DIGITS[units])
    return "".join(parts)


def from_chinese(text: str) -> int:
    """Inverse of to_chinese; also accepts Western digits ("第7条")."""
    text = western_digits(text.strip())
    if text.isdigit():
        return int(text)
    if not text or not CHINESE_NUMERAL.fullmatch(text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total, current = 0, 0
    for char in text:
        if char in "十百":
            current = (current or 1) * (10 if char == "十" else 100)
            total += current
            current = 0
        elif char in "零〇":
            continue
        else:
            current = CHINESE_DIGITS.index(char) if char != "两" else 2
    return total + current
