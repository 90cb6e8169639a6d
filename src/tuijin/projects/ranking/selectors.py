"""Reads of rankings, lights and the dashboard, scoped through the access module.

`user=None` is the command line (`manage.py ranking`), which runs with the operator's full access
like `manage.py shell`; pages always pass the signed-in user."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tuijin.accounts.models import Role
from tuijin.core import access
from tuijin.core.periods import add_months, month_start
from tuijin.org.models import Programme, Region, TaskForce, Unit

from ..models import (
    EventKind,
    MonthlyReport,
    Notice,
    NoticeStatus,
    Project,
    ProjectEvent,
    RankingRule,
    ReportingMonth,
    Stage,
)
from . import figures
from .figures import Dimensions, Tally, Window
from .lights import Light, behind_by_completion, with_lights
from .models import BoardExemption, ScoreAdjustment
from .rules import By, RuleConfig, Sequence
from .standings import Exemption, Member, Row, place_on_boards, rank_rows, row_of

RANKING_ROLES = (Role.OFFICE, Role.LEADER)


class Figure:
    """The figures of a ranking row that link to the projects behind them."""

    LIBRARY = "library"  # annual plan and investment completed: every project in the year's library
    PLANNED = "planned"
    STARTED = "started"
    NOT_STARTED = "not_started"
    MISSING = "missing"
    ALL = (LIBRARY, PLANNED, STARTED, NOT_STARTED, MISSING)
    # Behind schedule: planned to start by the month's end and not started; at least the yellow
    # threshold behind time-proportional progress.
    OVERDUE = "overdue"
    BEHIND = "behind"
    FAR_BEHIND = "far_behind"  # more than the red threshold behind: what the notice lists


def may_rank(user: Any) -> bool:
    return access.may_any(user, RANKING_ROLES)


def _scoped(user: Any | None, qs: QuerySet) -> QuerySet:
    return qs if user is None else access.visible(user, qs)


def ranking_programmes(*, user: Any) -> QuerySet[Programme]:
    if not may_rank(user):
        return Programme.objects.none()
    return access.visible(user, Programme.objects.select_related("region")).order_by("region__path", "-start_year")


def _anchor_paths(user: Any) -> list[str]:
    if getattr(user, "is_superuser", False):
        return [""]
    return [
        grant.anchor_region.path
        for grant in access.grants_of(user)
        if grant.role in RANKING_ROLES and grant.anchor_region is not None
    ]


def default_parent(*, user: Any, programme: Programme) -> Region:
    """The programme's region, or the user's own region when it lies inside it (a district office
    ranks the towns of its district within the province's programme)."""
    inside = [p for p in _anchor_paths(user) if p.startswith(programme.region.path)]
    if inside and min(inside, key=len) != programme.region.path:
        return Region.objects.get(path=min(inside, key=len))
    return programme.region


def parent_allowed(*, user: Any, programme: Programme, region: Region) -> bool:
    """Within the programme's region, and within what the user ranks (no partial figures of a region
    the user sees only part of)."""
    return region.path.startswith(programme.region.path) and any(region.path.startswith(p) for p in _anchor_paths(user))


def default_period(*, programme: Programme) -> dt.date:
    """The latest month the programme opened for reporting, or else last month."""
    today = timezone.localdate()
    latest = (
        ReportingMonth.objects.filter(programme=programme, period__lte=today)
        .order_by("-period")
        .values_list("period", flat=True)
        .first()
    )
    return latest or add_months(month_start(today), -1)


# --- rules ------------------------------------------------------------------------------------------


def rule_versions(*, user: Any, programme: Programme, year: int) -> QuerySet[RankingRule]:
    return access.visible(user, RankingRule.objects.filter(programme=programme, year=year)).order_by("-number")


def rule_current(*, programme: Programme, year: int) -> RankingRule | None:
    return RankingRule.objects.filter(programme=programme, year=year).order_by("-number").first()


def rule_previous(*, rule: RankingRule) -> RankingRule | None:
    return (
        RankingRule.objects.filter(programme=rule.programme_id, year=rule.year, number__lt=rule.number)
        .order_by("-number")
        .first()
    )


def config_of(rule: RankingRule | None) -> RuleConfig:
    return RuleConfig.from_json(rule.config) if rule else RuleConfig()


# --- rankings ---------------------------------------------------------------------------------------


@dataclass
class Table:
    sequence: Sequence
    rows: list[Row]
    # Projects in the ranking's area that no member of this sequence holds (the parent region's own
    # projects, projects without a task force): counted in the totals, not ranked.
    others: Row


@dataclass
class Ranking:
    programme: Programme
    parent: Region
    window: Window
    rule: RankingRule | None
    config: RuleConfig
    totals: Row
    tables: list[Table]

    def table(self, key: str) -> Table | None:
        return next((t for t in self.tables if t.sequence.key == key), None)


def ranking(
    *,
    user: Any | None,
    programme: Programme,
    period: dt.date,
    parent: Region | None = None,
    rule: RankingRule | None = None,
    config: RuleConfig | None = None,
) -> Ranking:
    """Every sequence of the rule for a month, and the totals, from two grouped queries.
    `config` overrides the rule's settings (the command line's single sequence, a rule's preview)."""
    window = figures.window_of(programme=programme, period=period)
    parent = parent or programme.region
    config = config or config_of(rule)
    dims = Dimensions(parent.path, tuple(sorted({s.by for s in config.sequences})))
    found = figures.cells(
        projects=_scoped(user, Project.objects.filter(programme=programme)),
        reports=_scoped(user, MonthlyReport.objects.filter(project__programme=programme)),
        config=config,
        window=window,
        dims=dims,
    )
    totals = row_of(Member("", _("Total")), Tally.total(found.values()), config, window)
    marks = _recorded_marks(programme, period)
    tables = [_table(sequence, found, dims, parent, programme, config, window, marks) for sequence in config.sequences]
    return Ranking(programme, parent, window, rule, config, totals, tables)


@dataclass
class _Marks:
    exemptions: dict[tuple[str, str], Exemption]
    adjustments: dict[tuple[str, str], Decimal]


def _recorded_marks(programme: Programme, period: dt.date) -> _Marks:
    exemptions = {
        (e.sequence, e.member): Exemption(e.reason, e.get_reason_display(), e.note)
        for e in BoardExemption.objects.filter(programme=programme, period=period)
    }
    adjustments = {
        (a["sequence"], a["member"]): a["points"]
        for a in ScoreAdjustment.objects.filter(programme=programme, period=period)
        .values("sequence", "member")
        .annotate(points=Sum("points"))
        .order_by()
    }
    return _Marks(exemptions, adjustments)


def _table(
    sequence: Sequence,
    found: figures.Cells,
    dims: Dimensions,
    parent: Region,
    programme: Programme,
    config: RuleConfig,
    window: Window,
    marks: _Marks,
) -> Table:
    index = dims.names.index(sequence.by)
    by_member: dict[str, Tally] = defaultdict(Tally)
    for key, tally in found.items():
        by_member[key[index]].add(tally)
    members = sequence_members(sequence, parent=parent, programme=programme, keys=set(by_member) - {""})
    rows = [
        row_of(
            member,
            by_member.get(member.key, Tally()),
            config,
            window,
            marks.adjustments.get((sequence.key, member.key), Decimal(0)),
        )
        for member in members
    ]
    rank_rows(rows)
    exemptions = {m: e for (s, m), e in marks.exemptions.items() if s == sequence.key}
    place_on_boards(rows, config, window, exemptions)
    held = {m.key for m in members}
    others = Tally.total(t for k, t in by_member.items() if k not in held)
    return Table(sequence, rows, row_of(Member("", _("Others (not ranked)")), others, config, window))


def sequence_members(sequence: Sequence, *, parent: Region, programme: Programme, keys: set[str]) -> list[Member]:
    """Who a sequence ranks: the parent's child regions (of the sequence's levels), even those without a
    project; the programme's task forces and the responsible units holding projects in the library
    (`keys`), of the sequence's kinds (service lines hold none and would only add empty rows)."""
    if sequence.by == By.REGION:
        regions = Region.objects.filter(parent=parent)
        if sequence.levels:
            regions = regions.filter(level__in=sequence.levels)
        return [Member(r.code, r.name) for r in regions.order_by("path")]
    if sequence.by == By.TASK_FORCE:
        task_forces = TaskForce.objects.filter(programme=programme, pk__in=[int(k) for k in keys])
        if sequence.kinds:
            task_forces = task_forces.filter(kind__in=sequence.kinds)
        return [Member(str(t.pk), t.name) for t in task_forces]
    units = Unit.objects.filter(pk__in=[int(k) for k in keys])
    if sequence.kinds:
        units = units.filter(kind__in=sequence.kinds)
    return [Member(str(u.pk), u.name) for u in units.order_by("kind", "name")]


# --- the projects behind a figure -------------------------------------------------------------------


def member_q(sequence: Sequence, *, parent: Region, member: str) -> Q:
    if sequence.by == By.REGION:
        return Q(region__path__startswith=f"{parent.path}{member}/")
    field = "task_force_id" if sequence.by == By.TASK_FORCE else "responsible_unit_id"
    return Q(**{field: int(member)})


def figure_q(figure: str, config: RuleConfig, window: Window) -> Q:
    planned = figures.planned_q(config, window)
    return {
        Figure.LIBRARY: Q(),
        Figure.PLANNED: planned,
        Figure.STARTED: planned & figures.started_q(config, window),
        Figure.NOT_STARTED: planned & ~figures.started_q(config, window),
        Figure.OVERDUE: planned & ~figures.started_q(config, window) & Q(planned_start__lte=window.month_end),
        Figure.BEHIND: Q(),  # on the aggregated investment, after the lights (`behind_by_completion`)
        Figure.FAR_BEHIND: Q(),
        Figure.MISSING: figures.missing_q(config, window),
    }[figure]


def ranking_projects(
    *,
    user: Any | None,
    programme: Programme,
    period: dt.date,
    parent: Region,
    config: RuleConfig,
    figure: str,
    sequence: Sequence | None = None,
    member: str = "",
) -> QuerySet[Project]:
    """The projects behind one figure of a ranking row (or of the totals, without a sequence), with
    their plan, investment completed and light; the same conditions as the figure's aggregate."""
    window = figures.window_of(programme=programme, period=period)
    projects = figures.library(_scoped(user, Project.objects.filter(programme=programme)), window).filter(
        Dimensions(parent.path).within(), figure_q(figure, config, window)
    )
    if sequence is not None:
        projects = projects.filter(member_q(sequence, parent=parent, member=member))
    lit = with_lights(projects, window, config.lights).select_related("region", "task_force")
    if figure in (Figure.BEHIND, Figure.FAR_BEHIND):
        return behind_by_completion(lit, window, config.lights, far=figure == Figure.FAR_BEHIND)
    if figure == Figure.OVERDUE:
        return lit.order_by("planned_start", "code")
    return lit.order_by("region__path", "code")


# --- the month at a glance (dashboard and notice) -----------------------------------------------------


def _library(user: Any | None, programme: Programme, window: Window, parent: Region) -> QuerySet[Project]:
    projects = _scoped(user, Project.objects.filter(programme=programme))
    return figures.library(projects, window).filter(Dimensions(parent.path).within())


@dataclass(frozen=True)
class StageCount:
    stage: str
    label: str
    count: int


FUNNEL_STAGES = [s for s in Stage if s != Stage.EXITED]


def stage_funnel(*, user: Any | None, programme: Programme, period: dt.date, parent: Region) -> list[StageCount]:
    """The year's library by the stage each project had reached at the month's end."""
    window = figures.window_of(programme=programme, period=period)
    counts = dict(
        figures.with_stage_then(_library(user, programme, window, parent), window)
        .values_list("stage_then")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return [StageCount(s.value, str(s.label), counts.get(s.value, 0)) for s in FUNNEL_STAGES]


@dataclass(frozen=True)
class TrendPoint:
    period: dt.date
    completed: Decimal  # in the month
    cumulative: Decimal  # from January
    rate: Fraction | None  # cumulative ÷ annual plan
    time_progress: Fraction


def completion_trend(
    *, user: Any | None, programme: Programme, period: dt.date, parent: Region, annual_plan: Decimal
) -> list[TrendPoint]:
    """Investment completed month by month from January, against the annual plan of the month's library."""
    window = figures.window_of(programme=programme, period=period)
    reports = _scoped(user, MonthlyReport.objects.filter(project__programme=programme))
    by_month = figures.monthly_completed(reports, window, Dimensions(parent.path))
    points, cumulative = [], Decimal(0)
    for month in range(1, window.months_elapsed + 1):
        when = dt.date(window.year, month, 1)
        cumulative += by_month.get(when, Decimal(0))
        rate = Fraction(cumulative) / Fraction(annual_plan) if annual_plan else None
        points.append(TrendPoint(when, by_month.get(when, Decimal(0)), cumulative, rate, Fraction(month, 12)))
    return points


def light_counts(
    *, user: Any | None, programme: Programme, period: dt.date, parent: Region, config: RuleConfig
) -> dict[str, int]:
    window = figures.window_of(programme=programme, period=period)
    # Only the key is selected: SQLite groups a project's aggregate by every selected column.
    lit = with_lights(_library(user, programme, window, parent).only("pk"), window, config.lights)
    return lit.aggregate(**{light.value: Count("pk", filter=Q(light=light.value)) for light in Light})


@dataclass
class Behind:
    """Projects behind schedule: planned to start by the month's end but not started; and projects at
    least the yellow threshold (far: more than the red threshold) behind time-proportional progress,
    the furthest behind first."""

    overdue: QuerySet[Project]
    by_completion: QuerySet[Project]


def behind_schedule(
    *, user: Any | None, programme: Programme, period: dt.date, parent: Region, config: RuleConfig, far: bool = False
) -> Behind:
    where = {"user": user, "programme": programme, "period": period, "parent": parent, "config": config}
    return Behind(
        overdue=ranking_projects(**where, figure=Figure.OVERDUE),
        by_completion=ranking_projects(**where, figure=Figure.FAR_BEHIND if far else Figure.BEHIND),
    )


@dataclass
class Movements:
    entered: QuerySet[ProjectEvent]
    exited: QuerySet[ProjectEvent]


def library_movements(*, user: Any | None, programme: Programme, period: dt.date, parent: Region) -> Movements:
    """Projects that entered or left the library during the month."""
    window = figures.window_of(programme=programme, period=period)
    projects = _scoped(user, Project.objects.filter(programme=programme)).filter(Dimensions(parent.path).within())
    events = (
        ProjectEvent.objects.filter(project__in=projects.values("pk"), on__gte=window.period, on__lte=window.month_end)
        .select_related("project__region", "project__task_force")
        .order_by("on", "project__code")
    )
    return Movements(entered=events.filter(kind=EventKind.ENTERED), exited=events.filter(kind=EventKind.EXITED))


# --- notices ----------------------------------------------------------------------------------------


def notice_list(*, user: Any, programme: Programme | None = None) -> QuerySet[Notice]:
    """Published notices for everyone who sees the programme; drafts only for those who may change them."""
    notices = access.visible(user, Notice.objects.select_related("programme", "rule", "published_by"))
    if programme is not None:
        notices = notices.filter(programme=programme)
    drafts = access.changeable(user, Notice.objects.filter(status=NoticeStatus.DRAFT)).values("pk")
    return notices.filter(Q(status=NoticeStatus.PUBLISHED) | Q(pk__in=drafts)).order_by("programme", "-period")


# --- a rule's effect ----------------------------------------------------------------------------------


@dataclass
class Change:
    name: str
    before: Row | None
    after: Row | None

    @property
    def moved(self) -> bool:
        if self.before is None or self.after is None:
            return True
        fields = ("start_rank", "completion_rank", "score_rank", "board")
        return any(getattr(self.before, f) != getattr(self.after, f) for f in fields)


@dataclass
class Comparison:
    """One sequence ranked under two rules, member by member."""

    key: str
    title: str
    changes: list[Change]

    def _rows(self) -> list[Row]:
        return [r for c in self.changes for r in (c.before, c.after) if r is not None]

    @property
    def scored(self) -> bool:
        return any(r.score is not None for r in self._rows())

    @property
    def boarded(self) -> bool:
        return any(r.board or r.spared for r in self._rows())


def compare(*, before: Ranking, after: Ranking) -> list[Comparison]:
    """Each sequence of either rule, its members side by side under the earlier and the later rule."""
    comparisons = []
    keys = [t.sequence.key for t in after.tables] + [t.sequence.key for t in before.tables]
    for key in dict.fromkeys(keys):
        old, new = before.table(key), after.table(key)
        old_rows = {r.key: r for r in old.rows} if old else {}
        new_rows = {r.key: r for r in new.rows} if new else {}
        names = {r.key: r.name for r in [*old_rows.values(), *new_rows.values()]}
        changes = [Change(names[m], old_rows.get(m), new_rows.get(m)) for m in dict.fromkeys([*new_rows, *old_rows])]
        comparisons.append(Comparison(key, (new or old).sequence.title, changes))
    return comparisons


def may_edit_rules(*, user: Any, programme: Programme) -> bool:
    return access.can_change(user, programme)


def ranked_members(*, config: RuleConfig, programme: Programme, parent: Region) -> list[tuple[Sequence, Member]]:
    """Every member of every sequence of the rule (task forces and units: those holding a project of the
    programme)."""
    projects = Project.objects.filter(programme=programme)
    keys = {
        by: {str(pk) for pk in projects.exclude(**{field: None}).values_list(field, flat=True).distinct()}
        for by, field in ((By.TASK_FORCE, "task_force_id"), (By.UNIT, "responsible_unit_id"))
    }
    return [
        (sequence, member)
        for sequence in config.sequences
        for member in sequence_members(sequence, parent=parent, programme=programme, keys=keys.get(sequence.by, set()))
    ]


@dataclass
class MonthMarks:
    exemptions: QuerySet[BoardExemption]
    adjustments: QuerySet[ScoreAdjustment]


def recorded_marks(*, user: Any, programme: Programme, period: dt.date) -> MonthMarks:
    where = {"programme": programme, "period": period}
    return MonthMarks(
        exemptions=access.visible(user, BoardExemption.objects.filter(**where)).select_related("recorded_by"),
        adjustments=access.visible(user, ScoreAdjustment.objects.filter(**where)).select_related("recorded_by"),
    )
