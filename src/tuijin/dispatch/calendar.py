"""The cadence unrolled into dated events: when each meeting, dispatch, review or assessment falls,
which period it reviews, what must be in by when, and (for quarterly reviews) which task forces
are in focus, rotating so that every task force is reviewed within the year."""

import calendar as pycalendar
import datetime as dt
import math
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from tuijin.core.periods import add_months, format_period, month_start
from tuijin.org.models import Programme, TaskForce

from .due import PROVIDERS, DueItem, thematic_task_forces
from .models import CYCLE_MONTHS, Cadence, Frequency

QUARTERS_A_YEAR = 4


@dataclass
class Occurrence:
    cadence: Cadence
    on: dt.date
    period_start: dt.date
    period_end: dt.date  # the first day after the period
    due_on: dt.date
    focus: list[TaskForce] = field(default_factory=list)
    outstanding: dict[str, list[DueItem]] = field(default_factory=dict)

    @property
    def period_label(self) -> str:
        """The reviewed period as offices write it: 2026-05, 2026Q2, 2026H1, 2026, or a week's dates."""
        frequency = self.cadence.frequency
        if frequency == Frequency.WEEKLY:
            last = self.period_end - dt.timedelta(days=1)
            return f"{self.period_start:%m-%d}—{last:%m-%d}"
        if frequency == Frequency.MONTHLY:
            return format_period(self.period_start)
        if frequency == Frequency.QUARTERLY:
            return f"{self.period_start.year}Q{(self.period_start.month - 1) // 3 + 1}"
        if frequency == Frequency.HALF_YEARLY:
            return f"{self.period_start.year}H{(self.period_start.month - 1) // 6 + 1}"
        return str(self.period_start.year)

    @property
    def missing_count(self) -> int:
        return sum(len(items) for items in self.outstanding.values())

    @property
    def outstanding_groups(self) -> list[tuple[str, list[DueItem]]]:
        """What is missing, by kind of item, labelled for the page."""
        return [(str(PROVIDERS[key].label), items) for key, items in self.outstanding.items()]


def _day_in(month: dt.date, day: int) -> dt.date:
    return month.replace(day=min(day, pycalendar.monthrange(month.year, month.month)[1]))


def _weekly(cadence: Cadence, start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date, dt.date]]:
    weekday = cadence.weekday or 0
    first = start + dt.timedelta(days=(weekday - start.weekday()) % 7)
    found = []
    on = first
    while on < end:
        week = on - dt.timedelta(days=on.weekday())
        if cadence.looks_back:
            week -= dt.timedelta(days=7)
        found.append((on, week, week + dt.timedelta(days=7)))
        on += dt.timedelta(days=7)
    return found


def _cyclic(cadence: Cadence, start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date, dt.date]]:
    cycle = CYCLE_MONTHS[cadence.frequency]
    found = []
    month = month_start(start)
    while month < end:
        if (month.month - 1) % cycle == (cadence.month - 1) % cycle:
            on = _day_in(month, cadence.day)
            if start <= on < end:
                cycle_start = add_months(month, -((month.month - 1) % cycle))
                if cadence.looks_back:
                    cycle_start = add_months(cycle_start, -cycle)
                found.append((on, cycle_start, add_months(cycle_start, cycle)))
        month = add_months(month, 1)
    return found


def focus_task_forces(cadence: Cadence, period_start: dt.date) -> list[TaskForce]:
    """The quarter's focus task forces (一季一视频推进: about three a quarter): the task forces in their
    order, cut into four runs of at least `focus_count`, so each is reviewed once a year."""
    task_forces = thematic_task_forces(cadence.programme)
    if not task_forces or not cadence.focus_count:
        return []
    size = max(cadence.focus_count, math.ceil(len(task_forces) / QUARTERS_A_YEAR))
    quarter = (period_start.month - 1) // 3
    return task_forces[quarter * size : (quarter + 1) * size]


def occurrences(
    *, programme: Programme, start: dt.date, end: dt.date, with_outstanding: bool = False
) -> list[Occurrence]:
    """The programme's events from `start` up to (not including) `end`, in date order."""
    found = []
    for cadence in Cadence.objects.filter(programme=programme, is_active=True).select_related("programme"):
        dates = _weekly(cadence, start, end) if cadence.frequency == Frequency.WEEKLY else _cyclic(cadence, start, end)
        for on, period_start, period_end in dates:
            occurrence = Occurrence(
                cadence, on, period_start, period_end, on - dt.timedelta(days=cadence.due_days_before)
            )
            if cadence.frequency == Frequency.QUARTERLY:
                occurrence.focus = focus_task_forces(cadence, period_start)
            if with_outstanding:
                occurrence.outstanding = outstanding(occurrence)
            found.append(occurrence)
    return sorted(found, key=lambda o: (o.on, o.cadence.kind))


def outstanding(occurrence: Occurrence) -> dict[str, list[DueItem]]:
    cadence = occurrence.cadence
    return {
        key: PROVIDERS[key].outstanding(
            cadence.programme, occurrence.period_start, occurrence.period_end, occurrence.due_on
        )
        for key in cadence.provides
        if key in PROVIDERS
    }


# The standard cadence of seed 002 五(一) and seed 000 三(一): a programme starts from it and edits it.
STANDARD_CADENCE = [
    {
        "kind": "weekly_meeting",
        "name": _("Weekly meeting of the office"),
        "frequency": Frequency.WEEKLY,
        "weekday": 0,
        "looks_back": True,
    },
    {
        "kind": "monthly_dispatch",
        "name": _("Monthly dispatch meeting"),
        "frequency": Frequency.MONTHLY,
        "day": 10,
        "looks_back": True,
        "due_days_before": 5,
        "provides": ["monthly_reports", "task_reports"],
    },
    {
        "kind": "monthly_thematic",
        "name": _("Monthly thematic reports of the task forces"),
        "frequency": Frequency.MONTHLY,
        "day": 25,
        "looks_back": False,
        "due_days_before": 3,
        "provides": ["thematic_reports"],
    },
    {
        "kind": "quarterly_review",
        "name": _("Quarterly video review"),
        "frequency": Frequency.QUARTERLY,
        "month": 1,
        "day": 15,
        "looks_back": True,
        "focus_count": 3,
    },
    {
        "kind": "half_year_analysis",
        "name": _("Half-year analysis meeting"),
        "frequency": Frequency.HALF_YEARLY,
        "month": 1,
        "day": 20,
        "looks_back": True,
    },
    {
        "kind": "annual_assessment",
        "name": _("Annual assessment"),
        "frequency": Frequency.YEARLY,
        "month": 12,
        "day": 20,
        "looks_back": False,
    },
]
