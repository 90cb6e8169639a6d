"""Traffic lights per project, computed by the database for a whole library at once.

Behind = (months elapsed ÷ 12 − completed ÷ annual plan) × 100 percentage points. Multiplied out by
12 × plan, the comparisons have whole-number coefficients, so they are exact in decimal arithmetic:
    behind > R   ⇔   1200 × completed < plan × (100 × months − 12 × R)."""

import datetime as dt

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    ExpressionWrapper,
    F,
    FloatField,
    Q,
    QuerySet,
    TextChoices,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from tuijin.core.periods import add_months

from ..models import MonthlyReport, Project
from .figures import COUNTED, Window, completed_ytd, with_year_reports
from .rules import Lights


class Light(TextChoices):
    GREEN = "green", _("On track")
    YELLOW = "yellow", _("Behind")
    RED = "red", _("Far behind")


def overdue_cutoff(window: Window, lights: Lights) -> dt.date:
    """A planned start on or before this day passed `overdue_months` months ago by the month's end."""
    return add_months(window.period, 1 - lights.overdue_months) - dt.timedelta(days=1)


def not_started_q(window: Window) -> Q:
    """No start by the month's end: no actual start date by then and no counted report of one."""
    reported = MonthlyReport.objects.filter(
        status__in=COUNTED, period__lte=window.period, started_on__lte=window.month_end
    ).values("project_id")
    return (Q(actual_start__isnull=True) | Q(actual_start__gt=window.month_end)) & ~Q(pk__in=reported)


def _behind_more_than(points: int, window: Window) -> Q:
    factor = 100 * window.months_elapsed - 12 * points
    return Q(plan_amount__gt=0) & Q(done_1200__lt=F("plan_amount") * factor)


def _behind_at_least(points: int, window: Window) -> Q:
    factor = 100 * window.months_elapsed - 12 * points
    return Q(plan_amount__gt=0) & Q(done_1200__lte=F("plan_amount") * factor)


def with_lights(library: QuerySet[Project], window: Window, lights: Lights) -> QuerySet[Project]:
    """Projects of `figures.library(...)` with their plan (`plan_amount`), investment completed this year
    (`done`), whether their start is overdue (`start_overdue`) and their light."""
    overdue = Q(planned_start__lte=overdue_cutoff(window, lights)) & not_started_q(window)
    return (
        with_year_reports(library, window)
        .annotate(plan_amount=F("plan__planned_investment"), done=completed_ytd())
        .annotate(
            done_1200=F("done") * 1200,
            start_overdue=ExpressionWrapper(overdue, output_field=BooleanField()),
        )
        .annotate(
            light=Case(
                When(start_overdue=True, then=Value(Light.RED)),
                When(_behind_more_than(lights.red_points, window), then=Value(Light.RED)),
                When(_behind_at_least(lights.yellow_points, window), then=Value(Light.YELLOW)),
                default=Value(Light.GREEN),
                output_field=CharField(),
            )
        )
    )


def behind_by_completion(
    projects: QuerySet[Project], window: Window, lights: Lights, *, far: bool = False
) -> QuerySet[Project]:
    """Projects at least `yellow_points` behind time-proportional progress (far: more than `red_points`),
    the furthest behind first."""
    behind = _behind_more_than(lights.red_points, window) if far else _behind_at_least(lights.yellow_points, window)
    # Ordering only: as floats, because SQLite divides whole-number decimals as integers.
    share = Cast("done", FloatField()) / Cast("plan_amount", FloatField())
    return projects.filter(behind).order_by(share, "code")
