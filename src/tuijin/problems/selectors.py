"""Reads of problems, always scoped by the user through the access module."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from tuijin.core import access
from tuijin.core.chinese import search_key
from tuijin.org.models import Programme
from tuijin.projects.models import Project

from . import rules
from .digest import digest_build
from .models import (
    Consultation,
    Decision,
    Problem,
    ProblemCategory,
    ProblemEvent,
    ProblemStatus,
    WeeklyDigest,
)


@dataclass(frozen=True)
class ProblemFilters:
    status: str = ""
    level: str = ""
    category: int | None = None
    programme: int | None = None
    flagged: bool = False
    overdue: bool = False
    q: str = ""


def problem_list(*, user: Any, filters: ProblemFilters | None = None) -> QuerySet[Problem]:
    filters = filters or ProblemFilters()
    qs = access.visible(user, Problem.objects.all()).select_related(
        "project__region", "category", "owner_unit", "flag_leader"
    )
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.level:
        qs = qs.filter(level=filters.level)
    if filters.category:
        qs = qs.filter(category_id=filters.category)
    if filters.programme:
        qs = qs.filter(project__programme_id=filters.programme)
    if filters.flagged:
        qs = qs.filter(flagged=True)
    if filters.overdue:
        qs = qs.filter(status=ProblemStatus.OPEN, due_on__lt=timezone.localdate())
    if filters.q.strip():
        key = search_key(filters.q)
        qs = qs.filter(Q(search_key__contains=key) | Q(project__search_key__contains=key))
    return qs


def problem_for_page(*, user: Any, pk: int, request: Any) -> Problem:
    return access.get_visible_or_404(
        request,
        Problem.objects.select_related(
            "project__programme__region",
            "project__region",
            "project__task_force",
            "category",
            "owner_unit",
            "flag_leader",
            "raised_by",
            "raised_by_unit",
        ),
        pk=pk,
    )


def problem_timeline(*, user: Any, problem: Problem) -> QuerySet[ProblemEvent]:
    return access.visible(user, problem.events.all()).select_related("user", "owner_unit")


@dataclass(frozen=True)
class Actions:
    escalate: bool
    resolve: bool
    flag: bool
    confirm: bool
    comment: bool


def problem_actions(*, user: Any, problem: Problem) -> Actions:
    return Actions(
        escalate=rules.may_escalate(user, problem),
        resolve=rules.may_resolve(user, problem),
        flag=rules.may_flag(user, problem),
        confirm=rules.may_confirm(user, problem),
        comment=rules.may_comment(user, problem),
    )


def project_problems(*, user: Any, project: Project) -> QuerySet[Problem]:
    """The project page's panel: the project's problems the user may see, open ones first."""
    return (
        access.visible(user, Problem.objects.filter(project=project))
        .select_related("category", "owner_unit")
        .order_by("status", "-raised_at")
    )


def raisable_projects(*, user: Any) -> QuerySet[Project]:
    """Projects the user may raise problems on (enterprises: only their own)."""
    if not access.may_any(user, rules.RAISING_ROLES):
        return Project.objects.none()
    return access.visible(user, Project.objects.exclude(stage="exited")).select_related("programme")


def categories_for(*, project: Project) -> QuerySet[ProblemCategory]:
    """The raise form's choices: the categories of the project's programme (enterprises see none of
    the programme's records otherwise; these are the form's options, not records shown)."""
    return ProblemCategory.objects.filter(programme_id=project.programme_id, is_active=True)


def flagged_board(*, user: Any, programme: int | None = None) -> QuerySet[Problem]:
    """Flagged problems still under supervision: overdue supervision first, then by date."""
    qs = problem_list(user=user, filters=ProblemFilters(flagged=True, programme=programme)).exclude(
        status=ProblemStatus.CLOSED
    )
    return qs.order_by("flag_due_on", "pk")


def programmes_with_problems(*, user: Any) -> QuerySet[Programme]:
    return access.visible(user, Programme.objects.filter(problem_categories__isnull=False).distinct())


def digest_programmes(*, user: Any) -> list[Programme]:
    return [p for p in programmes_with_problems(user=user) if access.covers_region(user, WeeklyDigest, p.region)]


def digest_for(*, user: Any, programme: Programme, week_start: dt.date) -> tuple[dict[str, Any], bool] | None:
    """A week's digest: the stored one if produced, else built now (the week under way). None when
    the user may not read the programme's digests."""
    if not access.covers_region(user, WeeklyDigest, programme.region):
        return None
    stored = access.visible(user, WeeklyDigest.objects.filter(programme=programme, week_start=week_start)).first()
    if stored is not None:
        return stored.content, True
    return digest_build(programme=programme, week_start=week_start), False


def produced_digests(*, user: Any, programme: Programme) -> QuerySet[WeeklyDigest]:
    return access.visible(user, WeeklyDigest.objects.filter(programme=programme)).defer("content")


def consultation_list(*, user: Any) -> QuerySet[Consultation]:
    # Django does not apply Meta.ordering to a grouped query (the Count), and the list is paginated.
    return (
        access.visible(user, Consultation.objects.select_related("programme"))
        .annotate(decision_count=Count("decisions"))
        .order_by("-held_on", "-id")
    )


def consultation_decisions(*, user: Any, consultation: Consultation) -> QuerySet[Decision]:
    return access.visible(user, consultation.decisions.all()).select_related("problem", "owner_unit")


def open_problems_of(*, user: Any, programme: Programme) -> QuerySet[Problem]:
    """The problems a consultation may decide on: the programme's unsolved ones the user sees."""
    return problem_list(user=user, filters=ProblemFilters(programme=programme.pk)).exclude(status=ProblemStatus.CLOSED)
