"""Plausibility checks on a monthly report: one function (`plausibility`) that the grid, the Excel
upload and the office's review list all call, so that a reporter and the office see the same warnings.

It reads the raw values as they come (form text, workbook cells or a saved report's fields): what
cannot be read (a non-numeric amount, a date that is not a date) blocks the save; everything else is a
warning that the reporter may confirm and the office reviews.

The usual pace of a project is the average of its counted reports (submitted or accepted) of the six
months before; a month is far above it when it is more than PACE_FACTOR times that average and more
than PACE_FLOOR above it (small projects jump from 5 to 20 without anyone needing to look). At least
PACE_MIN_MONTHS earlier months are needed before a pace is known. The average rather than the median:
the database computes it in the same grouped query as the totals, so an upload of 20,000 rows does not
fetch 120,000 earlier months to sort them."""

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from tuijin.core.db import among
from tuijin.core.money import parse_wan, quantize_wan
from tuijin.core.periods import add_months

from ..models import MonthlyReport, Project
from ..ranking.figures import COUNTED

PACE_FACTOR = 3
PACE_FLOOR = Decimal(500)  # 万元
PACE_MONTHS = 6
PACE_MIN_MONTHS = 3
ZERO = Decimal(0)
TEXT_FIELDS = ("progress_note", "problems")
VALUE_FIELDS = ("investment_month", "progress_note", "started_on", "completed_on", "problems")


class Code:
    NOT_A_NUMBER = "not_a_number"
    NOT_A_DATE = "not_a_date"
    NEGATIVE = "negative"
    ABOVE_TOTAL = "above_total"
    ABOVE_PACE = "above_pace"
    START_BEFORE_APPROVAL = "start_before_approval"
    IN_FUTURE = "in_future"
    COMPLETION_WITHOUT_START = "completion_without_start"


@dataclass(frozen=True)
class Issue:
    field: str
    code: str
    message: str
    blocking: bool = False


@dataclass
class Background:
    """What the checks know about a project besides the report itself."""

    total_investment: Decimal
    approved_on: dt.date | None
    # Started before this month: an actual start date, or a start reported in an earlier month.
    started_before: bool = False
    invested_before: Decimal = ZERO  # since start, counted reports of earlier months
    recent_total: Decimal = ZERO  # counted reports of the six months before
    recent_months: int = 0

    @property
    def usual_pace(self) -> Decimal | None:
        if self.recent_months < PACE_MIN_MONTHS:
            return None
        return self.recent_total / self.recent_months


@dataclass
class Checked:
    values: dict[str, Any]
    issues: list[Issue]

    @property
    def blocking(self) -> list[Issue]:
        return [i for i in self.issues if i.blocking]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if not i.blocking]


def backgrounds(*, projects: Iterable[Any], period: dt.date) -> dict[int, Background]:
    """The background of many projects at once: two grouped queries, whatever their number. `projects`
    are projects, or rows with their pk, total_investment, approved_on and actual_start."""
    projects = list(projects)
    ids = [p.pk for p in projects]
    found = {
        p.pk: Background(
            total_investment=p.total_investment,
            approved_on=p.approved_on,
            started_before=p.actual_start is not None and p.actual_start < period,
        )
        for p in projects
    }
    recent = Q(period__gte=add_months(period, -PACE_MONTHS))
    earlier = MonthlyReport.objects.filter(project_id__in=among(ids), period__lt=period, status__in=COUNTED)
    for row in (
        earlier.values("project_id")
        .annotate(
            invested=Sum("investment_month"),
            starts=Count("pk", filter=Q(started_on__isnull=False)),
            recent_total=Sum("investment_month", filter=recent),
            recent_months=Count("pk", filter=recent),
        )
        .order_by()
    ):
        background = found[row["project_id"]]
        background.invested_before = quantize_wan(row["invested"] or ZERO)
        background.started_before = background.started_before or row["starts"] > 0
        background.recent_total = quantize_wan(row["recent_total"] or ZERO)
        background.recent_months = row["recent_months"]
    return found


def background_of(*, project: Project, period: dt.date) -> Background:
    return backgrounds(projects=[project], period=period)[project.pk]


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _DATE.match(str(value).strip())
    if match is None:
        raise ValueError(value)
    return dt.date(int(match[1]), int(match[2]), int(match[3]))


def _amount(value: Any) -> Decimal:
    if value is None or value == "":
        return ZERO
    if isinstance(value, bool):
        raise ValueError(value)
    amount = parse_wan(value)
    if not amount.is_finite():
        raise ValueError(value)
    return quantize_wan(amount)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def plausibility(raw: Mapping[str, Any], background: Background, *, period: dt.date, today: dt.date) -> Checked:
    """The report's values read from `raw`, and every issue with them."""
    issues: list[Issue] = []
    values: dict[str, Any] = {name: _text(raw.get(name)) for name in TEXT_FIELDS}
    try:
        values["investment_month"] = _amount(raw.get("investment_month"))
    except (ValueError, ArithmeticError):
        values["investment_month"] = ZERO
        issues.append(
            Issue("investment_month", Code.NOT_A_NUMBER, _("The investment must be a number in 10k CNY."), True)
        )
    for name in ("started_on", "completed_on"):
        try:
            values[name] = _date(raw.get(name))
        except (ValueError, TypeError):
            values[name] = None
            issues.append(Issue(name, Code.NOT_A_DATE, _("Write the date as YYYY-MM-DD."), True))
    if not any(i.blocking and i.field == "investment_month" for i in issues):
        issues += _investment_issues(values["investment_month"], background)
    issues += _date_issues(values["started_on"], values["completed_on"], background, today)
    return Checked(values, issues)


def _investment_issues(amount: Decimal, background: Background) -> list[Issue]:
    issues = []
    if amount < 0:
        issues.append(Issue("investment_month", Code.NEGATIVE, _("The investment this month is negative.")))
    since_start = background.invested_before + amount
    if since_start > background.total_investment:
        issues.append(
            Issue(
                "investment_month",
                Code.ABOVE_TOTAL,
                _("Investment since the start (%(since)s) would exceed the total planned investment (%(total)s).")
                % {"since": since_start, "total": background.total_investment},
            )
        )
    pace = background.usual_pace
    if pace is not None and amount > pace * PACE_FACTOR and amount - pace > PACE_FLOOR:
        issues.append(
            Issue(
                "investment_month",
                Code.ABOVE_PACE,
                _(
                    "This month is more than %(factor)s times the project's usual pace "
                    "(average %(pace)s of recent months)."
                )
                % {"factor": PACE_FACTOR, "pace": quantize_wan(pace)},
            )
        )
    return issues


def _date_issues(
    started_on: dt.date | None, completed_on: dt.date | None, background: Background, today: dt.date
) -> list[Issue]:
    issues = []
    if started_on is not None and background.approved_on is not None and started_on < background.approved_on:
        issues.append(
            Issue(
                "started_on",
                Code.START_BEFORE_APPROVAL,
                _("The start date is before the project's approval (%(approved)s).")
                % {"approved": background.approved_on.isoformat()},
            )
        )
    for name, day in (("started_on", started_on), ("completed_on", completed_on)):
        if day is not None and day > today:
            issues.append(Issue(name, Code.IN_FUTURE, _("The date is in the future.")))
    if completed_on is not None and started_on is None and not background.started_before:
        issues.append(
            Issue(
                "completed_on",
                Code.COMPLETION_WITHOUT_START,
                _("Completion is reported but the project never started."),
            )
        )
    return issues


def report_values(report: MonthlyReport) -> dict[str, Any]:
    """A saved report's values, as `plausibility` reads them and events record them."""
    return {name: getattr(report, name) for name in VALUE_FIELDS}


def as_json(values: Mapping[str, Any]) -> dict[str, Any]:
    return {
        k: (str(v) if isinstance(v, Decimal) else v.isoformat() if isinstance(v, dt.date) else v)
        for k, v in values.items()
    }
