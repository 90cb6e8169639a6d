"""Every state change of policy tasks: monthly task reports and the cooperating units' parts, the
six steps and the roadmap. Each locks the task, refuses a stale form, checks who acts
(`rules`) and records who and why in the history. Importing documents is in `imports`."""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tuijin.core.periods import month_start
from tuijin.core.services import StaleRecord, attribute_change
from tuijin.org.models import Person, Unit

from . import rules
from .models import Milestone, Task, TaskContribution, TaskReport, TaskState

PLAN_FIELDS = ("task_book", "responsibility", "timetable", "standard", "assessment", "starts_on")


class TaskRefused(ValidationError):
    """The change cannot be made; the message says why in the user's language."""


def _deny_unless(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You may not do this with this task."))


def _lock(task: Task, expected_version: int | None = None) -> Task:
    locked = Task.objects.select_for_update().select_related("document__programme").get(pk=task.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleRecord()
    return locked


def _save(record: Any, *, user: Any, reason: str = "", new: bool = False) -> None:
    if not new:
        record.version += 1
    attribute_change(record, user=user, reason=reason)
    record.save()


def _check_period(period: dt.date) -> dt.date:
    period = month_start(period)
    if period > month_start(timezone.localdate()):
        raise TaskRefused(_("A month that has not begun cannot be reported."))
    return period


def _follow_latest_report(task: Task, *, user: Any) -> None:
    """The task's state follows its latest month's report: 100% is done, anything less is under way."""
    latest = task.reports.order_by("-period").first()
    state = (
        TaskState.NOT_STARTED if latest is None else TaskState.DONE if latest.progress >= 100 else TaskState.IN_PROGRESS
    )
    if task.state != state:
        task.state = state
        _save(task, user=user, reason=_("state follows the monthly report"))


@transaction.atomic
def task_report_submit(
    *,
    user: Any,
    task: Task,
    period: dt.date,
    progress: int,
    done: str,
    problems: str = "",
    next_steps: str = "",
    expected_version: int | None = None,
) -> TaskReport:
    """The lead unit's report for a month (一月一报). Submitting a month again replaces its report and
    keeps the earlier one in the history; a form opened before someone else's submission is refused."""
    task = _lock(task)
    _deny_unless(rules.may_report(user, task))
    period = _check_period(period)
    if not 0 <= progress <= 100:
        raise TaskRefused(_("Progress is a percentage from 0 to 100."))
    if not done.strip():
        raise TaskRefused(_("Say what was done this month."))
    report = TaskReport.objects.select_for_update().filter(task=task, period=period).first()
    is_new = report is None
    if report is None:
        report = TaskReport(task=task, period=period)
    elif expected_version is None or report.version != expected_version:
        raise StaleRecord()
    report.progress, report.done = progress, done.strip()
    report.problems, report.next_steps = problems.strip(), next_steps.strip()
    report.submitted_by, report.submitted_at = user, timezone.now()
    _save(report, user=user, reason=_("monthly task report"), new=is_new)
    _follow_latest_report(task, user=user)
    return report


@transaction.atomic
def task_contribution_submit(
    *, user: Any, task: Task, period: dt.date, unit: Unit, text: str, expected_version: int | None = None
) -> TaskContribution:
    """A cooperating unit's part of the month's report on a task."""
    task = _lock(task)
    _deny_unless(unit.pk in rules.contributing_units(user, task))
    period = _check_period(period)
    if not text.strip():
        raise TaskRefused(_("Say what your unit did this month."))
    contribution = TaskContribution.objects.select_for_update().filter(task=task, period=period, unit=unit).first()
    is_new = contribution is None
    if contribution is None:
        contribution = TaskContribution(task=task, period=period, unit=unit)
    elif expected_version is None or contribution.version != expected_version:
        raise StaleRecord()
    contribution.text, contribution.submitted_by = text.strip(), user
    _save(contribution, user=user, reason=_("cooperating unit's part of the monthly report"), new=is_new)
    return contribution


@transaction.atomic
def task_plan_update(
    *, user: Any, task: Task, expected_version: int, people: list[Person] | None = None, **fields: Any
) -> Task:
    """The six steps: task book, responsibility list (with named people), timetable, standard of done
    and how it is assessed; the roadmap is the milestones."""
    task = _lock(task, expected_version)
    _deny_unless(rules.may_plan(user, task))
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"not plan fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(task, name, value.strip() if isinstance(value, str) else value)
    _save(task, user=user, reason=_("six steps updated"))
    if people is not None:
        task.responsible_people.set(people)
    return task


@transaction.atomic
def milestone_add(*, user: Any, task: Task, title: str, due_on: dt.date) -> Milestone:
    task = _lock(task)
    _deny_unless(rules.may_plan(user, task))
    if not title.strip():
        raise TaskRefused(_("A milestone needs a name."))
    milestone = Milestone(task=task, title=title.strip(), due_on=due_on)
    _save(milestone, user=user, reason=_("roadmap"), new=True)
    return milestone


@transaction.atomic
def milestone_done(*, user: Any, milestone: Milestone, done_on: dt.date | None, expected_version: int) -> Milestone:
    task = _lock(milestone.task)
    _deny_unless(rules.may_plan(user, task))
    milestone = Milestone.objects.select_for_update().get(pk=milestone.pk, task=task)
    if milestone.version != expected_version:
        raise StaleRecord()
    if done_on is not None and done_on > timezone.localdate():
        raise TaskRefused(_("A milestone cannot be done on a day still to come."))
    milestone.done_on = done_on
    _save(milestone, user=user, reason=_("roadmap"))
    return milestone
