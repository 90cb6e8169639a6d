"""Reads of the project library, every one scoped through the access module: the filtered list and
its totals, a project's timeline, lists, plans and reports, and origination against its targets."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from tuijin.accounts.models import Role
from tuijin.core import access
from tuijin.core.chinese import search_key
from tuijin.org.models import Programme, Region

from ..models import (
    ORIGINATION_THRESHOLD_WAN,
    STAGE_MOVES,
    AnnualPlan,
    ListMembership,
    MonthlyReport,
    OriginationTarget,
    Project,
    ProjectEvent,
    ProjectList,
    ReportStatus,
    Stage,
)

# The sort keys a list may be ordered by (the column header links); the code breaks ties so that
# pages never repeat or skip a row.
SORTS = {
    "code": ("code",),
    "name": ("name", "code"),
    "investment": ("total_investment", "code"),
    "stage": ("stage", "code"),
    "region": ("region__path", "code"),
    "entered": ("entered_on", "code"),
    "start": ("planned_start", "code"),
}
DEFAULT_SORT = "-investment"


@dataclass(frozen=True)
class ProjectFilter:
    """What the list is narrowed to; every field empty means the user's whole library."""

    text: str = ""
    programme: Programme | None = None
    region: Region | None = None
    task_force: Any = None
    industry: Any = None
    stage: str = ""
    project_list: ProjectList | None = None
    year: int | None = None
    new_start: bool | None = None
    origin: str = ""
    min_investment: Decimal | None = None
    max_investment: Decimal | None = None
    sort: str = DEFAULT_SORT


def may_see_projects(user: Any) -> bool:
    return access.may_any(user, access.policy_for(Project).see)


def may_change_projects(user: Any) -> bool:
    return access.may_create(user, Project)


def _in_list(project_filter: ProjectFilter) -> Q:
    memberships = ListMembership.objects.filter(project=OuterRef("pk"), removed_on__isnull=True)
    if project_filter.project_list is not None:
        memberships = memberships.filter(project_list=project_filter.project_list)
    if project_filter.year is not None:
        memberships = memberships.filter(year=project_filter.year)
    return Q(Exists(memberships))


def _conditions(project_filter: ProjectFilter) -> Q:
    f = project_filter
    q = Q()
    if f.text.strip():
        # search_key is the code and name simplified, half-width and lower case: one LIKE finds
        # what was typed in either script.
        q &= Q(search_key__contains=search_key(f.text))
    if f.programme is not None:
        q &= Q(programme=f.programme)
    if f.region is not None:
        q &= Q(region__path__startswith=f.region.path)
    if f.task_force is not None:
        q &= Q(task_force=f.task_force)
    if f.industry is not None:
        q &= Q(industry=f.industry)
    if f.stage:
        q &= Q(stage=f.stage)
    if f.project_list is not None or f.year is not None:
        q &= _in_list(f)
    if f.new_start is not None:
        q &= Q(is_new_start=f.new_start)
    if f.origin:
        q &= Q(origin=f.origin)
    if f.min_investment is not None:
        q &= Q(total_investment__gte=f.min_investment)
    if f.max_investment is not None:
        q &= Q(total_investment__lte=f.max_investment)
    return q


def _ordering(sort: str) -> list[str]:
    descending = sort.startswith("-")
    fields = SORTS.get(sort.lstrip("-")) or SORTS[DEFAULT_SORT.lstrip("-")]
    return [f"-{name}" if descending else name for name in fields]


def project_list(*, user: Any, project_filter: ProjectFilter) -> QuerySet[Project]:
    """The user's projects narrowed by the filter, sorted."""
    qs = access.visible(user, Project.objects.filter(_conditions(project_filter)))
    return qs.order_by(*_ordering(project_filter.sort))


# What a row of the list page shows: loading only these keeps a page of 50 cheap at province scale.
ROW_FIELDS = [
    "code",
    "name",
    "stage",
    "total_investment",
    "planned_start",
    "entered_on",
    "is_new_start",
    "region__name",
    "task_force__name",
]


def project_rows(projects: QuerySet[Project]) -> QuerySet[Project]:
    return projects.select_related("region", "task_force").only(*ROW_FIELDS)


# The export's columns, read as plain values: building 50,000 model instances with their related
# records would cost more than writing the workbook.
EXPORT_FIELDS = [
    "code",
    "name",
    "programme__name",
    "region__name",
    "region__code",
    "industry__name",
    "task_force__name",
    "stage",
    "is_new_start",
    "origin",
    "total_investment",
    "planned_start",
    "planned_completion",
    "actual_start",
    "entered_on",
    "exited_on",
]


def project_export_rows(projects: QuerySet[Project]) -> QuerySet:
    """The filtered projects as tuples in the order of EXPORT_FIELDS."""
    return projects.values_list(*EXPORT_FIELDS)


@dataclass(frozen=True)
class Totals:
    count: int
    investment: Decimal


def project_totals(projects: QuerySet[Project]) -> Totals:
    """Count and total planned investment of the whole filtered set (not only the page shown)."""
    figures = projects.order_by().aggregate(count=Count("pk"), investment=Sum("total_investment"))
    return Totals(figures["count"], figures["investment"] or Decimal(0))


def filter_regions(*, user: Any) -> QuerySet[Region]:
    """Regions a user may narrow the list to: every region it sees (the form accepts any of them)."""
    return access.visible(user, Region.objects.all()).order_by("path")


def region_choices(*, user: Any) -> list[tuple[str, str]]:
    """The regions offered in the list's dropdown: provinces, cities and counties the user sees and
    the regions of its own grants (a town's reporter gets its town); towns are reached by code.
    Indented by depth so that the tree reads in a plain dropdown."""
    anchors = [g.anchor_region.pk for g in access.grants_of(user) if g.anchor_region is not None]
    regions = filter_regions(user=user).filter(Q(level__in=["province", "city", "county"]) | Q(pk__in=anchors))
    return [
        (code, f"{'　' * max(path.count('/') - 1, 0)}{name}")
        for code, name, path in regions.values_list("code", "name", "path")
    ]


def allowed_moves(project: Project) -> list[tuple[str, str]]:
    """The stages a project may move to next, in lifecycle order."""
    return [(value, label) for value, label in Stage.choices if value in STAGE_MOVES[project.stage]]


def project_timeline(*, user: Any, project: Project) -> QuerySet[ProjectEvent]:
    """Entries and exits of the library and its lists and every stage move, newest first. The
    project itself has been fetched through the access module; its events follow it."""
    return project.events.select_related("user", "project_list").order_by("-on", "-id")


@dataclass
class YearOfLists:
    year: int
    memberships: list[ListMembership] = field(default_factory=list)
    plan: AnnualPlan | None = None


def project_years(*, user: Any, project: Project) -> list[YearOfLists]:
    """List memberships and the annual plan of each year, newest year first."""
    years: dict[int, YearOfLists] = {}
    memberships = access.visible(user, ListMembership.objects.filter(project=project)).select_related("project_list")
    for membership in memberships.order_by("-year", "project_list__sort_order", "project_list__name"):
        years.setdefault(membership.year, YearOfLists(membership.year)).memberships.append(membership)
    for plan in access.visible(user, AnnualPlan.objects.filter(project=project)):
        years.setdefault(plan.year, YearOfLists(plan.year)).plan = plan
    return sorted(years.values(), key=lambda y: -y.year)


def project_lists_for(*, user: Any, project: Project) -> QuerySet[ProjectList]:
    """Lists a project may enter: its programme's lists the user sees."""
    return access.visible(user, ProjectList.objects.filter(programme=project.programme))


@dataclass(frozen=True)
class ReportLine:
    report: MonthlyReport
    since_start: Decimal  # counted (submitted or accepted) investment up to this month


COUNTED = (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)


def project_reports(*, user: Any, project: Project) -> list[ReportLine]:
    """The project's monthly reports, newest first, with the investment completed since the start
    derived from the counted reports (never typed)."""
    reports = list(access.visible(user, MonthlyReport.objects.filter(project=project)).order_by("period"))
    lines, running = [], Decimal(0)
    for report in reports:
        if report.status in COUNTED:
            running += report.investment_month
        lines.append(ReportLine(report, running))
    return lines[::-1]


def investment_curve(*, lines: list[ReportLine], years: list[YearOfLists]) -> dict[str, Any]:
    """Completed investment month by month against the annual plans, for the project page's chart."""
    plans = {y.year: float(y.plan.planned_investment) for y in years if y.plan is not None}
    ordered = lines[::-1]
    return {
        "months": [f"{line.report.period:%Y-%m}" for line in ordered],
        "month": [float(line.report.investment_month) for line in ordered],
        "since_start": [float(line.since_start) for line in ordered],
        "plan": [plans.get(line.report.period.year) for line in ordered],
    }


# Origination (seed 004): a project counts for the year it entered the library, when its total
# planned investment is at least 1亿元, unless it left the library again before that year ended (a
# project entered and dropped in the same year was not originated, only tried). A territory's count
# is the projects located in it or below it; a department's is the projects it is named as having
# originated (`originated_by`). A project may count for both a territory and a department.
ORIGINATION_ROLES = (Role.OFFICE, Role.LEADER, Role.TERRITORY)


class Holder:
    TERRITORY = "territory"
    DEPARTMENT = "department"


@dataclass(frozen=True)
class OriginationRow:
    target: OriginationTarget
    name: str
    achieved: int

    @property
    def target_count(self) -> int:
        return self.target.target_count

    @property
    def gap(self) -> int:
        """How many more projects the holder must originate (0 once it has met its target)."""
        return max(self.target.target_count - self.achieved, 0)

    @property
    def share(self) -> float:
        return self.achieved / self.target.target_count if self.target.target_count else 1.0


def may_see_origination(user: Any) -> bool:
    return access.may_any(user, ORIGINATION_ROLES)


def programme_choices(*, user: Any) -> QuerySet[Programme]:
    """The programmes the user sees, for the list's filter and the origination page."""
    return access.visible(user, Programme.objects.select_related("region")).order_by("region__path", "-start_year")


def originated(*, programme: Programme, year: int) -> Q:
    """The projects that count as originated in `year` (the rule above, as one condition)."""
    year_end = dt.date(year, 12, 31)
    return (
        Q(programme=programme)
        & Q(entered_on__year=year)
        & Q(total_investment__gte=ORIGINATION_THRESHOLD_WAN)
        & (Q(exited_on__isnull=True) | Q(exited_on__gt=year_end))
    )


def origination(*, user: Any, programme: Programme, year: int, holder: str) -> list[OriginationRow]:
    """Target, achieved and gap per territory or department, largest gap first. Only targets whose
    projects the user sees in full are shown, so that every count it reads is complete."""
    targets = access.visible(user, OriginationTarget.objects.filter(programme=programme, year=year))
    if not access.covers_region(user, Project, programme.region):
        # A city's reporter sees its own region's targets, not the whole programme's.
        targets = targets.filter(region__isnull=False)
    projects = access.visible(user, Project.objects.filter(originated(programme=programme, year=year)))
    if holder == Holder.TERRITORY:
        rows = _territory_rows(user, targets, projects)
    else:
        rows = _department_rows(user, targets, projects)
    return sorted(rows, key=lambda r: (-r.gap, r.share, r.name))


def _territory_rows(user: Any, targets: QuerySet, projects: QuerySet) -> list[OriginationRow]:
    targets = [
        t
        for t in targets.filter(region__isnull=False).select_related("region")
        if access.covers_region(user, Project, t.region)
    ]
    if not targets:
        return []
    # One query: one conditional count per target's subtree.
    counts = projects.order_by().aggregate(
        **{f"t{t.pk}": Count("pk", filter=Q(region__path__startswith=t.region.path)) for t in targets}
    )
    return [OriginationRow(t, t.region.name, counts[f"t{t.pk}"]) for t in targets]


def _department_rows(user: Any, targets: QuerySet, projects: QuerySet) -> list[OriginationRow]:
    targets = list(targets.filter(unit__isnull=False).select_related("unit"))
    counts: dict[int, int] = defaultdict(int)
    grouped = projects.filter(originated_by__in=[t.unit_id for t in targets]).order_by()
    for unit_id, count in grouped.values_list("originated_by").annotate(n=Count("pk")):
        counts[unit_id] = count
    return [OriginationRow(t, t.unit.name, counts[t.unit_id]) for t in targets]


def origination_projects(*, user: Any, target: OriginationTarget) -> QuerySet[Project]:
    """The projects behind one target's achieved figure (the same condition as the count)."""
    qs = Project.objects.filter(originated(programme=target.programme, year=target.year))
    if target.region_id is not None:
        qs = qs.filter(region__path__startswith=target.region.path)
    else:
        qs = qs.filter(originated_by=target.unit_id)
    return project_rows(access.visible(user, qs).order_by("-total_investment", "code"))


def target_followed(*, user: Any, target: OriginationTarget) -> bool:
    """Whether the user sees every project the target counts (the origination page's own rule)."""
    region = target.region if target.region_id is not None else target.programme.region
    return access.covers_region(user, Project, region)
