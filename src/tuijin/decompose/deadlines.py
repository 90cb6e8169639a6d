"""Completion deadlines: 2017年底前, 6月底前, 到2020年, 年内, 长期坚持 …

A month or year written without its year takes the year of the issue date (the
following year if that month has already passed when the document was issued);
without an issue date such a deadline keeps its text and has no date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .model import Deadline
from .numerals import number_of
from .text import Passage

_MONTH = r"(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_BEFORE = r"(?:前|之前|以前)"
_QUARTER = {"一": 3, "1": 3, "二": 6, "2": 6, "三": 9, "3": 9, "四": 12, "4": 12}
_HALF = {"上": 6, "下": 12}

_DATED = re.compile(
    rf"(?:(?P<by>到|至|截至|截止到|于)\s*)?{_YEAR}\s*年"
    rf"(?:"
    rf"\s*{_MONTH}\s*月\s*(?:(?P<day>[0-3]?\d)\s*日|(?P<month_end>底|末|份))?\s*(?P<m_before>{_BEFORE})?"
    rf"|(?P<half>[上下])半年\s*(?:{_BEFORE}|底|末)?"
    rf"|(?:第)?(?P<quarter>[一二三四1-4])季度\s*(?:{_BEFORE}|末|底)?"
    rf"|(?P<year_end>年?底|年?末)\s*{_BEFORE}?"
    rf"|(?P<y_before>{_BEFORE})"
    rf")?"
)
_RELATIVE_YEAR = r"(?P<relative>今年|本年|当年|明年)"
_UNDATED_YEAR = re.compile(
    rf"(?:{_RELATIVE_YEAR}年?|(?<![\d一二三四五六七八九十两几每多半年])年)(?P<kind>内|底前|底|末前|末)"
)
_MONTH_ONLY = re.compile(rf"(?:{_RELATIVE_YEAR}|(?<![\d年至到\-—~]))(?<!\d月){_MONTH}\s*月\s*(?:底|末|份)?\s*{_BEFORE}")
_ONGOING = re.compile(r"长期坚持|长期推进|长期执行|持续推进|常态化推进")
_LABELLED = re.compile(
    r"(?:完成时限|完成时间|完成期限|时间节点|时间要求|时限要求|进度安排|时限)\s*:\s*(?P<value>[^;。)\n]+)"
)
_CITATION = re.compile(r"《[^《》]*》(?:\([^()]*\))?")


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    date: date | None


def opens_with_label(view: str) -> bool:
    """Does this line open with 完成时限： / 时间节点： …?"""
    return _LABELLED.match(view) is not None


def find_deadline(piece: Passage, issued_on: date | None, *, lenient: bool = False) -> Deadline | None:
    """The deadline of an item: a labelled 完成时限 if there is one, else the latest dated
    expression, else the first open-ended one.

    ``lenient`` also reads a bare year-month (``2018年6月``), as written in 完成时限 cells.
    """
    labelled = _LABELLED.search(piece.view)
    if labelled is not None and not lenient:
        value = piece[labelled.start("value") : labelled.end("value")]
        return parse_deadline_cell(value, issued_on)
    view = _CITATION.sub(lambda m: " " * len(m.group()), piece.view)
    found = [*_dated(view, lenient), *_relative(view, issued_on), *_ongoing(view)]
    if not found:
        return None
    dated = [f for f in found if f.date is not None]
    best = max(dated, key=lambda f: f.date) if dated else min(found, key=lambda f: f.start)
    return Deadline(piece.cut(best.start, best.end).strip(), best.date)


def parse_deadline_cell(piece: Passage, issued_on: date | None) -> Deadline | None:
    """A 完成时限 cell: its whole text, with a date when one can be read from it."""
    text = piece.text.strip()
    if not text:
        return None
    found = find_deadline(piece, issued_on, lenient=True)
    return Deadline(text, found.date if found else None)


def _dated(view: str, lenient: bool) -> list[_Found]:
    found: list[_Found] = []
    for match in _DATED.finditer(view):
        when = _date_of(match, lenient)
        if when is not None:
            found.append(_Found(match.start(), match.end(), when))
    return found


def _date_of(match: re.Match[str], lenient: bool) -> date | None:
    """A bare year or a plain calendar date is not a deadline; 前/底/到… make it one."""
    year = int(match.group("year"))
    by = bool(match.group("by"))
    if match.group("month"):
        month = number_of(match.group("month"))
        if month is None or not 1 <= month <= 12:
            return None
        if match.group("day"):
            if not (match.group("m_before") or by):
                return None
            return _safe_date(year, month, int(match.group("day")))
        if not (match.group("month_end") or match.group("m_before") or by or lenient):
            return None
        return _month_end(year, month)
    if match.group("half"):
        return _month_end(year, _HALF[match.group("half")])
    if match.group("quarter"):
        return _month_end(year, _QUARTER[match.group("quarter")])
    if match.group("year_end") or match.group("y_before") or by or lenient:
        return date(year, 12, 31)
    return None


def _relative(view: str, issued_on: date | None) -> list[_Found]:
    found: list[_Found] = []
    if "年" not in view and "月" not in view:
        return found
    for match in _UNDATED_YEAR.finditer(view):
        when = _resolve_month(12, issued_on, match.group("relative"))
        found.append(_Found(match.start(), match.end(), when))
    for match in _MONTH_ONLY.finditer(view):
        month = number_of(match.group("month"))
        if month is None or not 1 <= month <= 12:
            continue
        when = _resolve_month(month, issued_on, match.group("relative"))
        found.append(_Found(match.start(), match.end(), when))
    return found


def _resolve_month(month: int, issued_on: date | None, relative: str | None) -> date | None:
    """The end of ``month`` in the issue year; 明年 means the next year, and so does a
    month already past at issue when no year is written."""
    if issued_on is None:
        return None
    if relative == "明年":
        return _month_end(issued_on.year + 1, month)
    candidate = _month_end(issued_on.year, month)
    if relative or candidate >= issued_on:
        return candidate
    return _month_end(issued_on.year + 1, month)


def _ongoing(view: str) -> list[_Found]:
    return [_Found(m.start(), m.end(), None) for m in _ONGOING.finditer(view)]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
