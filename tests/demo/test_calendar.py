"""The demo is seen as of the day it is loaded: its months run from January of last year to last month."""

import datetime as dt

from tuijin.demo.projects import demo_calendar


def test_it_reports_up_to_last_month_from_january_of_last_year() -> None:
    calendar = demo_calendar(dt.date(2026, 12, 7))
    assert (calendar.first_month, calendar.last_month, calendar.months) == (
        dt.date(2025, 1, 1),
        dt.date(2026, 11, 1),
        23,
    )
    assert calendar.years == [2025, 2026]
    assert calendar.as_of == dt.date(2026, 12, 7)


def test_it_rolls_into_a_new_year_with_the_whole_of_last_year() -> None:
    calendar = demo_calendar(dt.date(2027, 1, 10))
    assert (calendar.first_month, calendar.last_month, calendar.months) == (
        dt.date(2025, 1, 1),
        dt.date(2026, 12, 1),
        24,
    )
