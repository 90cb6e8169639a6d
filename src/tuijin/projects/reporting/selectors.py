"""Reads of monthly reporting: the month's window, the projects a reporter reports on, derived totals,
missing reports, the office's review lists and corrections made after publication.

Which projects owe a report for a month, and when one is missing or late, is the ranking's definition
(`ranking.figures`: the year's library, unsubmitted, submitted after the window): this module and the
ranking call the same conditions, so that a reminder, the grid and the ranking agree."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from tuijin.accounts.models import Role
from tuijin.core import access
from tuijin.core.money import quantize_wan
from tuijin.core.periods import add_months, month_start
from tuijin.org.models import Programme

from ..models import MonthlyReport, Project, ReportEvent, ReportEventKind, ReportingMonth, ReportStatus
from ..ranking import figures
from .checks import VALUE_FIELDS, Background, Checked, backgrounds, plausibility, report_values

ZERO = Decimal(0)
REPORTER_ROLES = (Role.OFFICE, Role.TERRITORY, Role.TASK_FORCE)


@dataclass(frozen=True)
class MonthWindow:
    """When a month's reports are due, and whether the month is closed (its notice published)."""

    period: dt.date
    opens_on: dt.date
    closes_on: dt.date
    closed_at: dt.datetime | None = None

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    def is_open(self, today: dt.date) -> bool:
        return not self.closed and self.opens_on <= today <= self.closes_on

    def not_yet_open(self, today: dt.date) -> bool:
        return today < self.opens_on

    def is_late(self, today: dt.date) -> bool:
        return not self.closed and today > self.closes_on


def default_window(period: dt.date) -> tuple[dt.date, dt.date]:
    """The 1st to the TUIJIN_REPORTING_WINDOW_DAYS-th of the month after the period."""
    opens = add_months(period, 1)
    return opens, opens + dt.timedelta(days=settings.TUIJIN_REPORTING_WINDOW_DAYS - 1)


def month_window(*, programme: Programme, period: dt.date) -> MonthWindow:
    month = ReportingMonth.objects.filter(programme=programme, period=period).first()
    if month is None:
        return MonthWindow(period, *default_window(period))
    return MonthWindow(period, month.opens_on, month.closes_on, month.closed_at)


def default_period(today: dt.date | None = None) -> dt.date:
    """The month being reported now: last month."""
    return add_months(month_start(today or timezone.localdate()), -1)


def may_report(user: Any) -> bool:
    return access.may_any(user, REPORTER_ROLES)


def may_review(user: Any) -> bool:
    return access.may_any(user, (Role.OFFICE,))


def reporting_programmes(*, user: Any) -> QuerySet[Programme]:
    return access.visible(user, Programme.objects.select_related("region")).order_by("region__path", "-start_year")


# --- which projects report -----------------------------------------------------------------------------


def owing_projects(*, programme: Programme, period: dt.date) -> QuerySet[Project]:
    """The projects that owe a report for the month: the ranking's library of the month."""
    window = figures.window_of(programme=programme, period=period)
    return figures.library(Project.objects.filter(programme=programme), window)


def reportable_projects(*, user: Any, programme: Programme, period: dt.date) -> QuerySet[Project]:
    """The projects owing a report for the month that this user may report on."""
    projects = owing_projects(programme=programme, period=period)
    return access.changeable_parents(user, projects, MonthlyReport, "project")


def may_report_on(*, user: Any, project: Project) -> bool:
    return access.changeable_parents(user, Project.objects.filter(pk=project.pk), MonthlyReport, "project").exists()


def reviewable_projects(*, user: Any) -> QuerySet[Project]:
    """Reports are reviewed (returned, accepted, corrected) by the office over its projects."""
    return access.changeable(user, Project.objects.all())


def may_review_report(*, user: Any, report: MonthlyReport) -> bool:
    return access.can_change(user, report.project)


def missing_reports(*, programme: Programme, period: dt.date) -> QuerySet[Project]:
    """Projects owing a report for the month with none submitted (none, a draft or a returned one): the
    ranking's `unsubmitted` condition on the ranking's library, used by reminders and the due calendar."""
    return owing_projects(programme=programme, period=period).filter(figures.unsubmitted_q())


def is_late(*, report: MonthlyReport) -> bool:
    """Submitted after the window closed: the ranking's deadline (`figures.window_of`) on one report."""
    deadline = figures.window_of(programme=report.project.programme_id, period=report.period).deadline
    return deadline is not None and report.submitted_at is not None and report.submitted_at >= deadline


# --- totals ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Totals:
    """A project's derived totals for a month: the month's own report counts whatever its state (the
    reporter sees what it is about to submit); earlier months count when submitted or accepted, as the
    ranking counts them."""

    before_ytd: Decimal
    before_since_start: Decimal
    month: Decimal

    @property
    def ytd(self) -> Decimal:
        return self.before_ytd + self.month

    @property
    def since_start(self) -> Decimal:
        return self.before_since_start + self.month


def report_totals(*, projects: QuerySet[Project] | list[Project], period: dt.date) -> dict[int, Totals]:
    ids = [p.pk for p in projects] if isinstance(projects, list) else list(projects.values_list("pk", flat=True))
    year_start = dt.date(period.year, 1, 1)
    earlier = (
        MonthlyReport.objects.filter(project_id__in=ids, period__lt=period, status__in=figures.COUNTED)
        .values("project_id")
        .annotate(total=Sum("investment_month"), ytd=Sum("investment_month", filter=Q(period__gte=year_start)))
        .order_by()
    )
    before = {r["project_id"]: (r["ytd"] or ZERO, r["total"] or ZERO) for r in earlier}
    month = dict(
        MonthlyReport.objects.filter(project_id__in=ids, period=period).values_list("project_id", "investment_month")
    )
    return {
        pk: Totals(
            quantize_wan(before.get(pk, (ZERO, ZERO))[0]),
            quantize_wan(before.get(pk, (ZERO, ZERO))[1]),
            month.get(pk, ZERO),
        )
        for pk in ids
    }


# --- the grid -------------------------------------------------------------------------------------------


@dataclass
class GridRow:
    project: Project
    report: MonthlyReport | None
    totals: Totals
    background: Background
    checked: Checked | None

    @property
    def version(self) -> int:
        return self.report.version if self.report else 0

    @property
    def status(self) -> str:
        return self.report.status if self.report else ""

    @property
    def editable(self) -> bool:
        return self.report is None or self.report.status in figures.NOT_SUBMITTED

    def issues_for(self, name: str) -> list:
        return [i for i in self.checked.issues if i.field == name] if self.checked else []


def grid_projects(*, user: Any, programme: Programme, period: dt.date) -> QuerySet[Project]:
    """A reporter's projects for the month in the grid's order (by place, then code)."""
    projects = reportable_projects(user=user, programme=programme, period=period)
    return projects.select_related("region", "task_force").order_by("region__path", "code")


def filled_count(*, projects: QuerySet[Project], period: dt.date) -> int:
    """How many of these projects have a report for the month, of any state."""
    return MonthlyReport.objects.filter(project__in=projects.values("pk"), period=period).count()


def grid_rows(*, projects: Iterable[Project], period: dt.date, today: dt.date | None = None) -> list[GridRow]:
    """The grid's rows for these projects (a page of `grid_projects`): report, totals and warnings."""
    today = today or timezone.localdate()
    projects = list(projects)
    reports = {
        r.project_id: r for r in MonthlyReport.objects.filter(project__in=[p.pk for p in projects], period=period)
    }
    totals = report_totals(projects=projects, period=period)
    found = backgrounds(projects=projects, period=period)
    rows = []
    for project in projects:
        report = reports.get(project.pk)
        checked = plausibility(report_values(report), found[project.pk], period=period, today=today) if report else None
        rows.append(GridRow(project, report, totals[project.pk], found[project.pk], checked))
    return rows


def grid_row(*, period: dt.date, project: Project) -> GridRow:
    return grid_rows(
        projects=Project.objects.filter(pk=project.pk).select_related("region", "task_force"), period=period
    )[0]


# --- review -----------------------------------------------------------------------------------------------


def review_reports(
    *,
    user: Any,
    programme: Programme,
    period: dt.date,
    status: str = "",
    region: Any = None,
    task_force: Any = None,
) -> QuerySet[MonthlyReport]:
    """The month's reports of the office's projects, by region (subtree) or task force and status."""
    reports = MonthlyReport.objects.filter(
        project__programme=programme, period=period, project__in=reviewable_projects(user=user).values("pk")
    )
    if status:
        reports = reports.filter(status=status)
    if region is not None:
        reports = reports.filter(project__region__path__startswith=region.path)
    if task_force is not None:
        reports = reports.filter(project__task_force=task_force)
    return reports.select_related("project__region", "project__task_force", "submitted_by").order_by(
        "project__region__path", "project__code"
    )


@dataclass
class Flagged:
    report: MonthlyReport
    totals: Totals
    checked: Checked


def flagged_reports(*, reports: QuerySet[MonthlyReport], today: dt.date | None = None) -> list[Flagged]:
    """The reports among `reports` with at least one plausibility warning."""
    today = today or timezone.localdate()
    reports = list(reports)
    by_period: dict[dt.date, list[MonthlyReport]] = {}
    for report in reports:
        by_period.setdefault(report.period, []).append(report)
    flagged = []
    for period, group in by_period.items():
        projects = [r.project for r in group]
        found = backgrounds(projects=projects, period=period)
        totals = report_totals(projects=projects, period=period)
        for report in group:
            checked = plausibility(report_values(report), found[report.project_id], period=period, today=today)
            if checked.issues:
                flagged.append(Flagged(report, totals[report.project_id], checked))
    return flagged


def report_events(*, report: MonthlyReport) -> QuerySet[ReportEvent]:
    return report.events.select_related("user").order_by("at", "id")


def value_labels() -> dict[str, str]:
    """The names of a report's values as users read them (corrections list them by field)."""
    return {name: str(MonthlyReport._meta.get_field(name).verbose_name) for name in VALUE_FIELDS}


def corrections(*, programme: Programme, period: dt.date) -> QuerySet[ReportEvent]:
    """Corrections made to the month's reports after its notice was published."""
    return (
        ReportEvent.objects.filter(
            kind=ReportEventKind.CORRECTED, report__project__programme=programme, report__period=period
        )
        .select_related("report__project", "user")
        .order_by("at", "id")
    )


def status_counts(*, reports: QuerySet[MonthlyReport]) -> list[tuple[str, str, int]]:
    """(status, label, number of reports) for every status, in the order of the workflow."""
    counts = dict(reports.order_by().values_list("status").annotate(n=Count("pk")))
    return [(s.value, str(s.label), counts.get(s.value, 0)) for s in ReportStatus]
