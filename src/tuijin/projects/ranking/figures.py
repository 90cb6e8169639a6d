"""The figures behind every ranking, light, dashboard and notice, computed by the database.

Each condition of a rule (in the year's library, planned to start, started, missing report) is
written once here as a `Q`, and used both by the grouped aggregates of a ranking and by the
project lists behind each of its figures, so that a figure and its list always agree.

A ranking is two grouped queries whatever the province's size: one over the projects (counts,
annual plan, this month's report, starts) and one over the year's counted monthly reports
(investment completed). Both group by every dimension the rule's sequences need
at once (child region, task force, responsible unit); the sequences are sums of these cells.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    DecimalField,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Left, StrIndex, Substr
from django.utils import timezone

from tuijin.core.money import quantize_wan
from tuijin.core.periods import add_months

from ..models import MONEY, MonthlyReport, Project, ProjectEvent, ReportingMonth, ReportStatus
from .rules import By, RuleConfig, StartBase

# Figures count what reporters submitted and the office accepted; drafts and returned reports do not.
COUNTED = (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)
NOT_SUBMITTED = (ReportStatus.DRAFT, ReportStatus.RETURNED)
ZERO = Decimal(0)
_MONEY = DecimalField(**MONEY)


@dataclass(frozen=True)
class Window:
    """The month a ranking is for, and the end of its reporting window (None when the programme has
    not opened a reporting month for it: then no report can be late)."""

    period: dt.date
    deadline: dt.datetime | None = None

    @property
    def year(self) -> int:
        return self.period.year

    @property
    def year_start(self) -> dt.date:
        return dt.date(self.period.year, 1, 1)

    @property
    def month_end(self) -> dt.date:
        return add_months(self.period, 1) - dt.timedelta(days=1)

    @property
    def months_elapsed(self) -> int:
        return self.period.month

    @property
    def time_progress(self) -> Fraction:
        """时序进度: the share of the year's plan that should be done by the month's end."""
        return Fraction(self.months_elapsed, 12)


def window_of(*, programme: Any, period: dt.date) -> Window:
    month = ReportingMonth.objects.filter(programme=programme, period=period).first()
    if month is None:
        return Window(period)
    day_after = dt.datetime.combine(month.closes_on + dt.timedelta(days=1), dt.time.min)
    return Window(period, timezone.make_aware(day_after))


# --- conditions -------------------------------------------------------------------------------------
# `prefix` is "" on Project and "project__" on MonthlyReport; both querysets carry the year's annual
# plan under the alias `plan` (see `with_plan`).


def with_plan(qs: QuerySet, window: Window, prefix: str = "") -> QuerySet:
    relation = f"{prefix}annual_plans"
    return qs.annotate(plan=FilteredRelation(relation, condition=Q(**{f"{relation}__year": window.year})))


def in_library_q(window: Window, prefix: str = "") -> Q:
    """In the year's list (an annual plan for the year), entered by the month's end and not exited by then."""
    return (
        Q(plan__isnull=False)
        & Q(**{f"{prefix}entered_on__lte": window.month_end})
        & (Q(**{f"{prefix}exited_on__isnull": True}) | Q(**{f"{prefix}exited_on__gt": window.month_end}))
    )


def planned_q(config: RuleConfig, window: Window) -> Q:
    """On a project of `library`: the start-rate denominator."""
    return {
        StartBase.PLANNED: Q(plan__plans_start=True),
        StartBase.PLANNED_BY_MONTH: Q(plan__plans_start=True, planned_start__lte=window.month_end),
        StartBase.NEW_BUILD: Q(is_new_start=True),
        StartBase.IN_IMPLEMENTATION: Q(plan__planned_investment__gt=0),
        StartBase.ALL_LISTED: Q(plan__isnull=False),
    }[StartBase(config.start_base)]


def started_by_date_q(window: Window) -> Q:
    return Q(actual_start__gte=window.year_start, actual_start__lte=window.month_end)


def year_reports(window: Window) -> QuerySet[MonthlyReport]:
    """The counted reports from January to the ranking's month."""
    return MonthlyReport.objects.filter(period__gte=window.year_start, period__lte=window.period, status__in=COUNTED)


# Reported starts and resumptions are tested with `pk IN (the projects of such reports)`: an
# uncorrelated subquery the database hashes once, where a per-project EXISTS would probe every project.


def new_start_q(window: Window) -> Q:
    """On a project: it started this year: an actual start date in the window or, without one, a start
    reported in a counted report of the year."""
    reported = year_reports(window).filter(started_on__gte=window.year_start, started_on__lte=window.month_end)
    return started_by_date_q(window) | Q(actual_start__isnull=True, pk__in=reported.values("project_id"))


def started_q(config: RuleConfig, window: Window) -> Q:
    """On a project: the start-rate numerator's condition (before intersecting with `planned_q`): a new
    start, or, for the start and resumption rate (开复工率), a continuing project that started before the
    year and reports investment this year."""
    started = new_start_q(window)
    if config.count_resumed:
        invested = year_reports(window).filter(investment_month__gt=0).values("project_id")
        started |= Q(is_new_start=False, actual_start__lt=window.year_start, pk__in=invested)
    return started


def with_this_report(qs: QuerySet, window: Window) -> QuerySet:
    return qs.annotate(this_report=FilteredRelation("reports", condition=Q(reports__period=window.period)))


def unsubmitted_q() -> Q:
    return Q(this_report__isnull=True) | Q(this_report__status__in=NOT_SUBMITTED)


def late_q(window: Window) -> Q:
    if window.deadline is None:
        return Q(pk__in=[])
    return Q(this_report__status__in=COUNTED, this_report__submitted_at__gte=window.deadline)


def missing_q(config: RuleConfig, window: Window) -> Q:
    return unsubmitted_q() | late_q(window) if config.late_counts_as_missing else unsubmitted_q()


def library(projects: QuerySet[Project], window: Window) -> QuerySet[Project]:
    """The year's library as the ranking sees it, with `plan` and `this_report` joined."""
    return with_this_report(with_plan(projects, window), window).filter(in_library_q(window))


# --- grouped figures ----------------------------------------------------------------------------------


@dataclass
class Tally:
    """Additive figures of a group of projects: cells add up to sequences and sequences to totals."""

    projects: int = 0
    planned: int = 0
    started: int = 0
    annual_plan: Decimal = ZERO
    completed: Decimal = ZERO
    unsubmitted: int = 0
    late: int = 0
    new_starts: int = 0
    continuing: int = 0
    band_points: Decimal = ZERO

    def add(self, other: "Tally") -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @classmethod
    def total(cls, tallies: Iterable["Tally"]) -> "Tally":
        total = cls()
        for tally in tallies:
            total.add(tally)
        return total


@dataclass(frozen=True)
class Dimensions:
    """How projects are grouped: by the child of `parent_path` they lie in, by task force, by unit."""

    parent_path: str
    names: tuple[str, ...] = field(default=(By.REGION, By.TASK_FORCE))

    def expressions(self, prefix: str = "") -> dict[str, Any]:
        path = f"{prefix}region__path"
        rest = Substr(F(path), len(self.parent_path) + 1)
        child = Case(
            When(**{path: self.parent_path}, then=Value("")),
            default=Left(rest, StrIndex(rest, Value("/")) - 1),
            output_field=CharField(),
        )
        available = {
            By.REGION: child,
            By.TASK_FORCE: F(f"{prefix}task_force_id"),
            By.UNIT: F(f"{prefix}responsible_unit_id"),
        }
        return {f"dim_{name}": available[name] for name in self.names}

    def within(self, prefix: str = "") -> Q:
        return Q(**{f"{prefix}region__path__startswith": self.parent_path})


Cells = dict[tuple, Tally]


def cells(
    *,
    projects: QuerySet[Project],
    reports: QuerySet[MonthlyReport],
    config: RuleConfig,
    window: Window,
    dims: Dimensions,
) -> Cells:
    """The tallies of every combination of the dimensions, from the two grouped queries.
    `projects` and `reports` are already limited to the programme and the reader's scope."""
    found: Cells = {}
    for row in _project_figures(projects, config, window, dims):
        found.setdefault(_key(row, dims), Tally()).add(
            Tally(
                projects=row["projects"],
                planned=row["planned"],
                started=row["started"],
                annual_plan=_cents(row["annual_plan"]),
                unsubmitted=row["unsubmitted"],
                late=row["late"],
                new_starts=row["new_starts"],
                continuing=row["continuing"],
                band_points=row["band_points"] or ZERO,
            )
        )
    for row in _report_figures(reports, window, dims):
        found.setdefault(_key(row, dims), Tally()).add(Tally(completed=_cents(row["completed"])))
    return found


def _cents(amount: Decimal | None) -> Decimal:
    """Money to the cent of 10k CNY it is kept in: SQLite sums decimals in floating point and hands
    back 15 significant digits (17095098.9599999 for 17095098.96)."""
    return ZERO if amount is None else quantize_wan(amount)


def _key(row: dict[str, Any], dims: Dimensions) -> tuple:
    return tuple("" if row[f"dim_{name}"] is None else str(row[f"dim_{name}"]) for name in dims.names)


def _project_figures(projects: QuerySet, config: RuleConfig, window: Window, dims: Dimensions) -> QuerySet:
    planned = planned_q(config, window)
    scoring = config.scoring
    bands = (
        [When(total_investment__gte=b.min_investment, then=Value(b.points)) for b in scoring.bands] if scoring else []
    )
    expressions = dims.expressions()
    return (
        library(projects, window)
        .filter(dims.within())
        .annotate(**expressions)
        .values(*expressions)
        .annotate(
            projects=Count("pk"),
            planned=Count("pk", filter=planned),
            started=Count("pk", filter=planned & started_q(config, window)),
            annual_plan=Sum("plan__planned_investment"),
            unsubmitted=Count("pk", filter=unsubmitted_q()),
            late=Count("pk", filter=late_q(window)),
            new_starts=Count("pk", filter=Q(is_new_start=True) & new_start_q(window)),
            continuing=Count("pk", filter=Q(is_new_start=False)),
            band_points=Sum(Case(*bands, default=Value(ZERO), output_field=_MONEY)) if bands else Value(ZERO),
        )
        .order_by()
    )


def _report_figures(reports: QuerySet, window: Window, dims: Dimensions) -> QuerySet:
    prefix = "project__"
    expressions = dims.expressions(prefix)
    return (
        with_plan(reports, window, prefix)
        .filter(in_library_q(window, prefix), dims.within(prefix))
        .filter(period__gte=window.year_start, period__lte=window.period, status__in=COUNTED)
        .annotate(**expressions)
        .values(*expressions)
        .annotate(completed=Sum("investment_month"))
        .order_by()
    )


def completed_ytd() -> Coalesce:
    """On a project of `with_year_reports(library(...))`: investment completed from January to the month,
    an aggregate over the joined reports (grouped by project, which PostgreSQL does by its key)."""
    return Coalesce(Sum("year_report__investment_month"), Value(ZERO), output_field=_MONEY)


def with_year_reports(qs: QuerySet[Project], window: Window) -> QuerySet[Project]:
    return qs.annotate(
        year_report=FilteredRelation(
            "reports",
            condition=Q(
                reports__period__gte=window.year_start,
                reports__period__lte=window.period,
                reports__status__in=COUNTED,
            ),
        )
    )


def with_stage_then(qs: QuerySet[Project], window: Window) -> QuerySet[Project]:
    """`stage_then`: the stage a project had reached at the month's end, from its timeline (the stage
    it entered with, then each move); its current stage when the timeline holds nothing."""
    moves = (
        ProjectEvent.objects.filter(project=OuterRef("pk"), on__lte=window.month_end)
        .exclude(to_stage="")
        .order_by("-on", "-id")
        .values("to_stage")[:1]
    )
    return qs.annotate(stage_then=Coalesce(Subquery(moves), F("stage")))


def monthly_completed(reports: QuerySet[MonthlyReport], window: Window, dims: Dimensions) -> dict[dt.date, Decimal]:
    """Investment completed in each month from January, by the projects of the month's library."""
    prefix = "project__"
    rows = (
        with_plan(reports, window, prefix)
        .filter(in_library_q(window, prefix), dims.within(prefix))
        .filter(period__gte=window.year_start, period__lte=window.period, status__in=COUNTED)
        .values("period")
        .annotate(completed=Sum("investment_month"))
        .order_by()
    )
    return {row["period"]: _cents(row["completed"]) for row in rows}
