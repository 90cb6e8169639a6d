"""A reporting period is a month, stored as the date of its first day."""

import datetime as dt
import re

_PERIOD = re.compile(r"^(\d{4})-(\d{1,2})$")


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def parse_period(text: str) -> dt.date:
    match = _PERIOD.match(text.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise ValueError(f"not a period YYYY-MM: {text!r}")
    return dt.date(int(match[1]), int(match[2]), 1)


def format_period(period: dt.date) -> str:
    return f"{period.year:04d}-{period.month:02d}"


def add_months(period: dt.date, months: int) -> dt.date:
    index = period.year * 12 + period.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month
