"""Monthly reports of one project over the calendar's months, as rows for the table writer.

A project reports in the months of the years it is in the annual plan, from the month it entered
the library until it exits. Investment follows the S-curve of its construction with the seasons
and some noise; before it starts it reports its preparation at zero. Earlier months are accepted
(a few never reported); the latest month is in every state on the day the data describe. A few
plausibility problems are planted on purpose: a month far above pace, a project whose reports add
up to more than its total."""

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from tuijin.core.periods import add_months
from tuijin.projects.models import ReportEventKind, ReportStatus

from . import vocabulary as words
from .lifecycle import SEASON, Lifecycle, s_curve, share_between

REPORT_COLUMNS = [
    "project",
    "period",
    "investment_month",
    "progress_note",
    "started_on",
    "completed_on",
    "problems",
    "status",
    "submitted_at",
    "review_comment",
]
EVENT_COLUMNS = ["report", "kind", "at", "comment", "values"]

# The latest month on the day the data describe; None: not reported at all.
LATEST_STATUSES: dict[str | None, int] = {
    ReportStatus.ACCEPTED: 52,
    ReportStatus.SUBMITTED: 22,
    ReportStatus.RETURNED: 7,
    ReportStatus.DRAFT: 8,
    None: 11,
}
MISSING_EARLIER = 0.015  # months that were never reported
LATE_SHARE = 0.12  # reports submitted after the window closed
PROBLEM_SHARE = 0.06
SPIKE_SHARE = 0.003  # a month 8–15 times the project's pace
OVER_TOTAL_EVERY = 500  # one project in this many reports more than its total
CAP = 0.97  # otherwise reports stop short of the total


@dataclass(frozen=True)
class PendingEvents:
    """What happened to a latest-month report, written once the report has its id."""

    project_id: int
    status: str
    submitted_at: dt.datetime
    values: dict[str, str]
    comment: str


def _moment(day: dt.date, rng: random.Random, not_after: dt.datetime) -> dt.datetime:
    at = dt.datetime.combine(day, dt.time(rng.randint(8, 17), rng.randint(0, 59)), timezone.get_current_timezone())
    return min(at, not_after)


def _progress(life: Lifecycle, period: dt.date, rng: random.Random) -> str:
    if life.actual_start is None or life.actual_start >= add_months(period, 1):
        return rng.choice(words.PRE_START_NOTES)
    if life.actual_completion is not None and life.actual_completion < period:
        return "项目已竣工投产"
    span = max((life.curve_end - life.actual_start).days, 1)
    done = s_curve((add_months(period, 1) - life.actual_start).days / span)
    return rng.choice(next(notes for limit, notes in words.PROGRESS_NOTES if done < limit))


def _within(day: dt.date | None, period: dt.date) -> dt.date | None:
    return day if day is not None and period <= day < add_months(period, 1) else None


def reporting_periods(life: Lifecycle, periods: list[dt.date], plan_years: set[int]) -> list[dt.date]:
    return [
        period
        for period in periods
        if period.year in plan_years
        and life.entered_on < add_months(period, 1)
        and (life.exited_on is None or life.exited_on >= period)
    ]


def report_rows(
    rng: random.Random,
    *,
    project_id: int,
    total: Decimal,
    life: Lifecycle,
    periods: list[dt.date],
    latest: dt.date,
    as_of: dt.datetime,
    spike: bool = False,
    over_total: bool = False,
    latest_status: str | None = "",
) -> tuple[list[tuple], PendingEvents | None]:
    """The project's report rows over `periods` (the months it reports, oldest first), and what
    happened to its report of the `latest` month (the calendar's) if it has one. `spike` and
    `over_total` plant a plausibility problem in its last month; `latest_status` fixes the latest
    month's status ("" draws it, None leaves the month unreported)."""
    rows, pending, running = [], None, 0.0
    last = periods[-1] if periods else None
    total_f = float(total)
    for period in periods:
        amount = 0.0
        if life.actual_start is not None:
            share = share_between(life.actual_start, life.curve_end, period, add_months(period, 1))
            amount = total_f * share * SEASON[period.month] * rng.lognormvariate(0, 0.35)
            amount = max(0.0, min(amount, total_f * CAP - running))
            planted_spike = spike and period == last
            if amount > 0 and (rng.random() < SPIKE_SHARE or planted_spike):  # far above pace, within the total
                amount = min(amount * rng.uniform(8, 15), total_f * CAP - running)
            elif over_total and period == last and running > 0:
                amount = total_f - running + total_f * rng.uniform(0.1, 0.3)
        running += amount
        if period == latest:
            status = rng.choices(list(LATEST_STATUSES), weights=list(LATEST_STATUSES.values()))[0]
            if latest_status != "":
                status = latest_status
        else:
            status = None if rng.random() < MISSING_EARLIER else ReportStatus.ACCEPTED
        if status is None:
            continue
        submitted_at = None
        if status != ReportStatus.DRAFT:
            delay = rng.randint(5, 19) if rng.random() < LATE_SHARE else rng.randint(0, 4)
            submitted_at = _moment(add_months(period, 1) + dt.timedelta(days=delay), rng, as_of)
        comment = rng.choice(words.RETURN_COMMENTS) if status == ReportStatus.RETURNED else ""
        note = _progress(life, period, rng)
        problems = rng.choice(words.PROBLEMS) if rng.random() < PROBLEM_SHARE else ""
        investment = Decimal(f"{amount:.2f}")
        rows.append(
            (
                project_id,
                period,
                investment,
                note,
                _within(life.actual_start, period),
                _within(life.actual_completion, period),
                problems,
                status,
                submitted_at,
                comment,
            )
        )
        if period == latest and submitted_at is not None:
            values = {"investment_month": str(investment), "progress_note": note, "problems": problems}
            pending = PendingEvents(project_id, status, submitted_at, values, comment)
    return rows, pending


def event_rows(rng: random.Random, report_id: int, pending: PendingEvents, as_of: dt.datetime) -> list[tuple]:
    """A submitted report's submission, and the office's answer if it gave one."""
    rows = [(report_id, ReportEventKind.SUBMITTED, pending.submitted_at, "", pending.values)]
    answer = {ReportStatus.ACCEPTED: ReportEventKind.ACCEPTED, ReportStatus.RETURNED: ReportEventKind.RETURNED}
    if pending.status in answer:
        at = min(pending.submitted_at + dt.timedelta(hours=rng.uniform(2, 72)), as_of)
        rows.append((report_id, answer[pending.status], at, pending.comment, {}))
    return rows
