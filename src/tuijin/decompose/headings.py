"""Numbering markers of Chinese policy documents.

Styles (all matched on the simplified, half-width view):

==============  ==================  =========
style           example             label
==============  ==================  =========
``chapter``     第一章 / 第一部分     一
``section``     第一节               一
``article``     第一条               一
``cn``          一、 / 一.            一
``paren_cn``    （一） / (一)          一
``arabic``      1. / 1、 / 1．        1
``paren_num``   （1） / (1)           1
``num_paren``   1） / 1)              1
``circled``     ①                   1
``shi``         一是                 一
``ordinal``     第一， / 第一、        一
==============  ==================  =========

The label that goes into a task's path is the numeral alone, as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import circled_value, number_of

_CN = "一二三四五六七八九十"
_CN_BIG = _CN + "百零〇"

_LINE_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"第([{_CN_BIG}]+|\d{{1,3}})\s*(?:章|部分|篇)\s*")),
    ("section", re.compile(rf"第([{_CN_BIG}]+|\d{{1,3}})\s*节\s*")),
    ("article", re.compile(rf"第([{_CN_BIG}]+|\d{{1,3}})\s*条\s*")),
    ("ordinal", re.compile(rf"第([{_CN}]{{1,3}})[,、]\s*")),
    ("shi", re.compile(rf"([{_CN}]{{1,3}})是(?=[^,。;:\s])")),
    ("cn", re.compile(rf"([{_CN}]{{1,3}})\s*[、.]\s*")),
    ("paren_cn", re.compile(rf"\(\s*([{_CN}]{{1,3}})\s*\)\s*")),
    ("paren_num", re.compile(r"\(\s*(\d{1,2})\s*\)\s*")),
    ("num_paren", re.compile(r"(\d{1,2})\)\s*")),
    ("arabic", re.compile(r"(\d{1,3})\s*[.、](?!\d+(?:\.\d+)?\s*%)\s*")),
    ("circled", re.compile(r"([\u2460-\u2473])\s*")),
)

# Items that a writer runs together inside one paragraph; the marker must follow
# a clause boundary so that words such as 统一是 or a year in brackets are not
# taken for numbering.
_SENTENCE_END = "。;:!?"
_INLINE_MARKERS: dict[str, re.Pattern[str]] = {
    "shi": re.compile(rf"(?<=[{_SENTENCE_END},\s])([{_CN}]{{1,3}})是(?=[^,。;:\s])"),
    "ordinal": re.compile(rf"(?<=[{_SENTENCE_END},\s])第([{_CN}]{{1,3}})[,、]"),
    "paren_num": re.compile(rf"(?<=[{_SENTENCE_END},\s])\(\s*(\d{{1,2}})\s*\)"),
    "circled": re.compile(r"([\u2460-\u2473])"),
    "paren_cn": re.compile(rf"(?<=[{_SENTENCE_END}\s])\(\s*([{_CN}]{{1,3}})\s*\)"),
    "cn": re.compile(rf"(?<=[。;])([{_CN}]{{1,3}})、"),
    "arabic": re.compile(r"(?<=[。;])(\d{1,3})[.、](?=[^\d\s.])"),
}
# Styles whose run inside a paragraph makes sub-items of that paragraph.
CHILD_INLINE_STYLES = ("shi", "ordinal", "paren_num", "circled", "paren_cn")


@dataclass(frozen=True)
class Marker:
    """A numbering marker found in a view: ``view[start:end]`` is the marker."""

    style: str
    number: int
    start: int
    end: int
    numeral_start: int
    numeral_end: int


def _number(style: str, numeral: str) -> int | None:
    if style == "circled":
        return circled_value(numeral)
    return number_of(numeral)


def line_marker(view: str) -> Marker | None:
    """The marker that opens a line, if any."""
    for style, pattern in _LINE_MARKERS:
        found = pattern.match(view)
        if found is None:
            continue
        number = _number(style, found.group(1))
        if number is None or number == 0:
            continue
        return Marker(style, number, 0, found.end(), found.start(1), found.end(1))
    return None


def inline_run(view: str, style: str, first: int, start: int = 0) -> list[Marker]:
    """Markers of ``style`` numbered ``first``, ``first + 1`` … inside ``view[start:]``."""
    pattern = _INLINE_MARKERS.get(style)
    if pattern is None:
        return []
    run: list[Marker] = []
    expected = first
    for found in pattern.finditer(view, start):
        number = _number(style, found.group(1))
        if number != expected:
            continue
        run.append(Marker(style, number, found.start(), found.end(), found.start(1), found.end(1)))
        expected += 1
    return run


def child_run(view: str, start: int = 0) -> list[Marker]:
    """The earliest run of sub-items (一是 … 二是, （1）…（2）, ① …) in ``view[start:]``."""
    best: list[Marker] = []
    for style in CHILD_INLINE_STYLES:
        run = inline_run(view, style, 1, start)
        if len(run) >= 2 and (not best or run[0].start < best[0].start):
            best = run
    return best
