"""The problems' background jobs: automatic escalation of problems past their due date, and the
weekly digest. Both take ids and call services; both are safe to run twice or in two workers."""

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuijin.dispatch.due import DueItem, Text, register_deadline_source
from tuijin.dispatch.jobs import JobSpec, register_job
from tuijin.dispatch.services import deliveries_send
from tuijin.org.models import Programme

from .digest import digest_produce, week_of
from .models import LEVEL_ORDER, Decision, Problem, ProblemLevel, ProblemStatus
from .services import problem_escalate_overdue


def escalate_overdue(*, today: dt.date | None = None) -> dict[str, Any]:
    """Every open problem below the top level that is past its due date goes up one level."""
    today = today or timezone.localdate()
    candidates = Problem.objects.filter(
        status=ProblemStatus.OPEN, due_on__lt=today, level__in=LEVEL_ORDER[:-1]
    ).values_list("pk", flat=True)
    escalated = sum(problem_escalate_overdue(problem_id=pk, today=today) for pk in list(candidates))
    return {"escalated": escalated}


def weekly_digests(*, today: dt.date | None = None) -> dict[str, Any]:
    """Produces last week's digest of every programme that keeps problems, telling each office as
    soon as its digest is stored. A run cut short is finished by the next one."""
    today = today or timezone.localdate()
    week_start = week_of(today) - dt.timedelta(days=7)
    produced, sent = 0, 0
    programmes = Programme.objects.filter(problem_categories__isnull=False).distinct().order_by("pk")
    for programme in programmes:
        _digest, created = digest_produce(programme=programme, week_start=week_start)
        produced += created
        sent += deliveries_send()["sent"]
    return {"week_start": week_start.isoformat(), "produced": produced, "sent": sent}


def problem_deadlines(today: dt.date, horizon_days: int) -> list[DueItem]:
    """Open problems' due dates (at the top level, where they no longer escalate, the owner's leader
    is reminded once it has passed), supervision dates of flagged problems, and consultation measures."""
    start, end = today - dt.timedelta(days=horizon_days), today + dt.timedelta(days=horizon_days)
    items: list[DueItem] = []
    problems = Problem.objects.filter(status=ProblemStatus.OPEN).select_related(
        "project__programme__region", "project__region", "project__task_force", "owner_unit"
    )
    for problem in problems.filter(due_on__range=(start, end)):
        if problem.due_on < today and problem.level != ProblemLevel.LEADING_GROUP:
            continue  # the escalation job moves it up instead
        items.append(_problem_item(problem, f"problem:{problem.pk}:{problem.level}", problem.due_on))
    for problem in problems.filter(flagged=True, flag_due_on__range=(start, end)):
        items.append(_problem_item(problem, f"flag:{problem.pk}", problem.flag_due_on))
    decisions = Decision.objects.filter(
        done_at__isnull=True, due_on__range=(start, end), problem__status=ProblemStatus.OPEN
    ).select_related("problem__project", "owner_unit")
    for decision in decisions:
        items.append(
            DueItem(
                key=f"measure:{decision.pk}",
                label=Text(_("Measure on “%(title)s”"), {"title": decision.problem.title}),
                due_on=decision.due_on,
                programme_id=decision.problem.project.programme_id,
                holder=decision.owner_unit.name,
                units=(decision.owner_unit,),
                url=decision.problem.get_absolute_url(),
            )
        )
    return items


def _problem_item(problem: Problem, key: str, due_on: dt.date) -> DueItem:
    project = problem.project
    return DueItem(
        key=key,
        label=Text(_("Problem “%(title)s” (%(project)s)"), {"title": problem.title, "project": project.name}),
        due_on=due_on,
        programme_id=project.programme_id,
        holder=problem.owner_unit.name,
        units=(problem.owner_unit,),
        task_forces=(project.task_force,) if problem.level == ProblemLevel.TASK_FORCE and project.task_force_id else (),
        territories=(project.region,) if problem.level == ProblemLevel.TOWN else (),
        offices=(project.programme.region,) if problem.level == ProblemLevel.LEADING_GROUP else (),
        url=problem.get_absolute_url(),
    )


def register() -> None:
    register_job(
        JobSpec("escalation", _("Escalate problems past their due date"), escalate_overdue, dt.timedelta(minutes=15))
    )
    register_job(
        JobSpec("weekly_digest", _("Produce the weekly green-channel digest"), weekly_digests, dt.timedelta(hours=1))
    )
    register_deadline_source(problem_deadlines)
