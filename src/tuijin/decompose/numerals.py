"""Chinese numerals as they appear in numbering, months and dates."""

from __future__ import annotations

_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CIRCLED_ONE = 0x2460


def number_of(text: str) -> int | None:
    """Value of an Arabic or Chinese numeral (一 … 九十九, 百), ``None`` if it is not one."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current if text else None


def year_of(text: str) -> int | None:
    """A year written digit by digit: 2018 or 二〇一八."""
    if text.isdigit():
        return int(text)
    digits = [_DIGITS.get(char) for char in text]
    if len(digits) != 4 or None in digits:
        return None
    return int("".join(str(d) for d in digits))


def circled_value(char: str) -> int:
    """① → 1 … ⑳ → 20."""
    return ord(char) - _CIRCLED_ONE + 1
