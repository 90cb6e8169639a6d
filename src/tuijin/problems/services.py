"""State changes of problems. Each is one transaction that locks the problem, refuses a stale form,
checks who may act, writes the timeline event, leaves history for the audit trail and tells the
people concerned (their inbox and outside sends are written in the same transaction)."""

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuijin.accounts.models import User
from tuijin.core import access
from tuijin.core.services import StaleRecord, attribute_change
from tuijin.dispatch.messages import Message, literal
from tuijin.dispatch.selectors import recipients_for
from tuijin.dispatch.services import notify
from tuijin.org.models import Person, Programme, Unit
from tuijin.projects.models import Project

from . import rules
from .models import (
    Consultation,
    Decision,
    LevelLimit,
    Problem,
    ProblemAttachment,
    ProblemCategory,
    ProblemEvent,
    ProblemEventKind,
    ProblemLevel,
    ProblemStatus,
)

# The starting data of a programme (seed 001 七(一) names the first three; the office edits them).
STANDARD_CATEGORIES = [
    gettext_lazy("Permits and approvals"),
    gettext_lazy("Land and sea use"),
    gettext_lazy("Energy quota"),
    gettext_lazy("Funding"),
    gettext_lazy("Power and utilities"),
    gettext_lazy("Environment"),
    gettext_lazy("Labour"),
    gettext_lazy("Policy"),
    gettext_lazy("Other"),
]
STANDARD_LEVEL_DAYS = {ProblemLevel.TOWN: 7, ProblemLevel.TASK_FORCE: 15, ProblemLevel.LEADING_GROUP: 30}


class ProblemRefused(ValidationError):
    """The change does not fit the problem's state (e.g. escalating past the leading group)."""


def _deny_unless(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You may not do this with this problem."))


def _lock(problem: Problem, expected_version: int | None) -> Problem:
    locked = (
        Problem.objects.select_for_update().select_related("project__programme", "project__region").get(pk=problem.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise StaleRecord()
    return locked


def _save(problem: Problem, *, user: Any, reason: str = "") -> None:
    problem.version += 1
    attribute_change(problem, user=user, reason=reason)
    problem.save()


def _event(problem: Problem, kind: str, *, user: Any, text: str = "", **fields: Any) -> ProblemEvent:
    return ProblemEvent.objects.create(
        problem=problem,
        kind=kind,
        at=timezone.now(),
        user=user if getattr(user, "is_authenticated", False) else None,
        text=text,
        **fields,
    )


def level_days(programme: Programme, level: str) -> int:
    """A level's time limit; a programme that never set one gets the standard, stored so that the
    office sees it and can change it."""
    limit, _created = LevelLimit.objects.get_or_create(
        programme=programme, level=level, defaults={"days": STANDARD_LEVEL_DAYS[level]}
    )
    return limit.days


def _due_from(today: dt.date, programme: Programme, level: str) -> dt.date:
    return today + dt.timedelta(days=level_days(programme, level))


# Who is told ------------------------------------------------------------------------------------


def owner_people(problem: Problem, level: str | None = None, owner: Unit | None = None) -> list[User]:
    """The people who act for the problem's owner at a level (by default its current one)."""
    level = level or problem.level
    project = problem.project
    return list(
        recipients_for(
            units=[owner or problem.owner_unit],
            task_forces=[project.task_force] if level == ProblemLevel.TASK_FORCE and project.task_force_id else [],
            territories=[project.region] if level == ProblemLevel.TOWN else [],
            offices=[project.programme.region] if level == ProblemLevel.LEADING_GROUP else [],
        )
    )


def raiser_people(problem: Problem) -> list[User]:
    units = [problem.raised_by_unit] if problem.raised_by_unit_id else []
    return [problem.raised_by, *recipients_for(units=units)]


def office_people(problem: Problem) -> list[User]:
    return list(recipients_for(offices=[problem.project.programme.region]))


def _tell(event: ProblemEvent, users: Iterable[User], subject: Any, units: Sequence[Unit] = (), **params: Any) -> None:
    problem = event.problem
    actor = event.user_id
    notify(
        message=Message(
            what=f"problem-event:{event.pk}",
            subject=subject,
            body=literal(event.text),
            params={"title": problem.title, "project": problem.project.name, **params},
            url=problem.get_absolute_url(),
        ),
        # Whoever acted knows already.
        users=[u for u in users if u.pk != actor],
        units=units,
    )


# Set-up -------------------------------------------------------------------------------------------


@transaction.atomic
def problem_defaults_ensure(*, user: Any, programme: Programme) -> int:
    """Gives a programme the standard categories and level time limits it lacks; returns how many
    were added. The office edits them afterwards: they are data, not code."""
    added = 0
    for order, name in enumerate(STANDARD_CATEGORIES, start=1):
        if not ProblemCategory.objects.filter(programme=programme, name=str(name)).exists():
            category = ProblemCategory(programme=programme, name=str(name), sort_order=order)
            attribute_change(category, user=user)
            category.save()
            added += 1
    for level, days in STANDARD_LEVEL_DAYS.items():
        if not LevelLimit.objects.filter(programme=programme, level=level).exists():
            limit = LevelLimit(programme=programme, level=level, days=days)
            attribute_change(limit, user=user)
            limit.save()
            added += 1
    return added


# The life of a problem ----------------------------------------------------------------------------


def attachments_add(*, user: Any, problem: Problem, files: Iterable[UploadedFile]) -> list[ProblemAttachment]:
    return [
        ProblemAttachment.objects.create(problem=problem, file=f, name=f.name[:200], size=f.size, uploaded_by=user)
        for f in files
    ]


@transaction.atomic
def problem_raise(
    *,
    user: Any,
    project: Project,
    category: ProblemCategory,
    title: str,
    description: str,
    request: str,
    files: Iterable[UploadedFile] = (),
) -> Problem:
    """A problem enters at the lowest level that has an owner for its project, due within that
    level's time limit; the owner's people are told."""
    _deny_unless(rules.may_raise(user, project))
    if category.programme_id != project.programme_id or not category.is_active:
        raise ProblemRefused(_("Choose a category of this project's programme."))
    start = rules.first_level(project)
    if start is None:
        raise ProblemRefused(
            _("Nobody can own problems of this project: its programme has no leading group or office.")
        )
    level, owner = start
    now = timezone.now()
    problem = Problem(
        project=project,
        category=category,
        title=title.strip(),
        description=description.strip(),
        request=request.strip(),
        raised_by=user,
        raised_by_unit=getattr(user, "unit", None),
        raised_at=now,
        level=level,
        owner_unit=owner,
        due_on=_due_from(timezone.localdate(), project.programme, level),
    )
    problem.full_clean()
    attribute_change(problem, user=user)
    problem.save()
    attachments_add(user=user, problem=problem, files=files)
    _event(problem, ProblemEventKind.RAISED, user=user, to_level=level, text=problem.request)
    assigned = _event(
        problem, ProblemEventKind.ASSIGNED, user=user, to_level=level, owner_unit=owner, due_on=problem.due_on
    )
    _tell(
        assigned,
        owner_people(problem),
        gettext_lazy("New problem for %(owner)s to solve by %(due)s: %(title)s"),
        units=[owner],
        owner=owner.name,
        due=problem.due_on.isoformat(),
    )
    return problem


@transaction.atomic
def problem_comment(*, user: Any, problem: Problem, text: str, files: Iterable[UploadedFile] = ()) -> ProblemEvent:
    problem = _lock(problem, None)
    _deny_unless(rules.may_comment(user, problem))
    if not text.strip():
        raise ProblemRefused(_("Write a comment."))
    attachments_add(user=user, problem=problem, files=files)
    event = _event(problem, ProblemEventKind.COMMENTED, user=user, text=text.strip())
    _tell(
        event,
        [*owner_people(problem), *raiser_people(problem)],
        gettext_lazy("New comment on the problem “%(title)s”"),
    )
    return event


def _escalate(problem: Problem, *, user: Any, reason: str, automatic: bool) -> ProblemEvent:
    step = rules.next_level(problem.project, problem.level)
    if step is None:
        raise ProblemRefused(_("The leading group is the top level: this problem cannot go higher."))
    level, owner = step
    before = owner_people(problem)
    previous_level, previous_owner = problem.level, problem.owner_unit
    problem.level, problem.owner_unit = level, owner
    problem.due_on = _due_from(timezone.localdate(), problem.project.programme, level)
    _save(problem, user=user, reason=reason)
    event = _event(
        problem,
        ProblemEventKind.ESCALATED,
        user=user,
        text=reason,
        from_level=previous_level,
        to_level=level,
        owner_unit=owner,
        due_on=problem.due_on,
    )
    subject = (
        gettext_lazy("Past its due date, the problem “%(title)s” went up to %(level)s (%(owner)s)")
        if automatic
        else gettext_lazy("The problem “%(title)s” was escalated to %(level)s (%(owner)s)")
    )
    _tell(
        event,
        [*before, *owner_people(problem), *raiser_people(problem), *office_people(problem)],
        subject,
        units=[previous_owner, owner],
        level=ProblemLevel(level).label,
        owner=owner.name,
    )
    return event


@transaction.atomic
def problem_escalate(*, user: Any, problem: Problem, reason: str, expected_version: int | None = None) -> Problem:
    """The owner hands the problem one level up, saying why."""
    problem = _lock(problem, expected_version)
    _deny_unless(rules.may_escalate(user, problem))
    if not reason.strip():
        raise ProblemRefused(_("Say why the problem needs the next level."))
    _escalate(problem, user=user, reason=reason.strip(), automatic=False)
    return problem


def problem_escalate_overdue(*, problem_id: int, today: dt.date) -> bool:
    """Escalates one problem that is past its due date, if it still is once locked (another worker
    may have done it a moment ago). Returns whether it escalated."""
    with transaction.atomic():
        problem = _lock(Problem(pk=problem_id), None)
        if problem.status != ProblemStatus.OPEN or problem.due_on >= today or problem.is_top_level:
            return False
        if rules.next_level(problem.project, problem.level) is None:
            return False
        reason = _("Not solved by %(due)s: escalated automatically.") % {"due": problem.due_on.isoformat()}
        _escalate(problem, user=None, reason=reason, automatic=True)
        return True


@transaction.atomic
def problem_flag(
    *,
    user: Any,
    problem: Problem,
    leader: Person,
    due_on: dt.date,
    note: str = "",
    expected_version: int | None = None,
) -> Problem:
    """挂牌督办: the office names the responsible leader and the date; the problem goes on the board
    and into the monthly notices until it is resolved."""
    problem = _lock(problem, expected_version)
    _deny_unless(rules.may_flag(user, problem))
    if due_on < timezone.localdate():
        raise ProblemRefused(_("The supervision date cannot be in the past."))
    problem.flagged, problem.flag_leader, problem.flag_due_on = True, leader, due_on
    problem.flagged_at = problem.flagged_at or timezone.now()
    _save(problem, user=user, reason=note)
    event = _event(problem, ProblemEventKind.FLAGGED, user=user, text=note, due_on=due_on)
    _tell(
        event,
        [*owner_people(problem), *raiser_people(problem)],
        gettext_lazy("The problem “%(title)s” is flagged for supervision: %(leader)s answers for it by %(due)s"),
        units=[problem.owner_unit],
        leader=leader.name,
        due=due_on.isoformat(),
    )
    return problem


@transaction.atomic
def problem_unflag(*, user: Any, problem: Problem, note: str, expected_version: int | None = None) -> Problem:
    problem = _lock(problem, expected_version)
    _deny_unless(rules.may_flag(user, problem) and problem.flagged)
    problem.flagged, problem.flag_leader, problem.flag_due_on, problem.flagged_at = False, None, None, None
    _save(problem, user=user, reason=note)
    _event(problem, ProblemEventKind.UNFLAGGED, user=user, text=note)
    return problem


@transaction.atomic
def problem_resolve(*, user: Any, problem: Problem, measures: str, expected_version: int | None = None) -> Problem:
    """The owner records what was done; the raiser is asked to confirm."""
    problem = _lock(problem, expected_version)
    _deny_unless(rules.may_resolve(user, problem))
    if not measures.strip():
        raise ProblemRefused(_("Describe the measures that solved the problem."))
    problem.status, problem.measures, problem.resolved_at = ProblemStatus.RESOLVED, measures.strip(), timezone.now()
    _save(problem, user=user)
    event = _event(problem, ProblemEventKind.RESOLVED, user=user, text=problem.measures)
    _tell(
        event,
        [*raiser_people(problem), *office_people(problem)],
        gettext_lazy("The problem “%(title)s” is resolved: please confirm"),
    )
    return problem


@transaction.atomic
def problem_confirm(*, user: Any, problem: Problem, note: str = "", expected_version: int | None = None) -> Problem:
    """The raiser confirms the resolution: the problem is closed (and leaves the supervision board)."""
    problem = _lock(problem, expected_version)
    _deny_unless(rules.may_confirm(user, problem))
    problem.status, problem.closed_at = ProblemStatus.CLOSED, timezone.now()
    _save(problem, user=user, reason=note)
    event = _event(problem, ProblemEventKind.CONFIRMED, user=user, text=note)
    _tell(event, [*owner_people(problem), *office_people(problem)], gettext_lazy("The problem “%(title)s” is closed"))
    return problem


@transaction.atomic
def problem_reopen(*, user: Any, problem: Problem, reason: str, expected_version: int | None = None) -> Problem:
    """The raiser says it is not solved: it goes back to its owner with a fresh time limit."""
    problem = _lock(problem, expected_version)
    _deny_unless(rules.may_confirm(user, problem))
    if not reason.strip():
        raise ProblemRefused(_("Say what is still not solved."))
    problem.status, problem.resolved_at = ProblemStatus.OPEN, None
    problem.due_on = _due_from(timezone.localdate(), problem.project.programme, problem.level)
    _save(problem, user=user, reason=reason)
    event = _event(problem, ProblemEventKind.REOPENED, user=user, text=reason.strip(), due_on=problem.due_on)
    _tell(
        event,
        [*owner_people(problem), *office_people(problem)],
        gettext_lazy("The problem “%(title)s” was reopened: it is not solved yet"),
        units=[problem.owner_unit],
    )
    return problem


# Consultations ------------------------------------------------------------------------------------


@transaction.atomic
def consultation_record(
    *, user: Any, programme: Programme, held_on: dt.date, title: str, attendees: str, notes: str = ""
) -> Consultation:
    consultation = Consultation(
        programme=programme, held_on=held_on, title=title.strip(), attendees=attendees.strip(), notes=notes.strip()
    )
    consultation.full_clean()
    attribute_change(consultation, user=user)
    consultation.save()
    if not access.can_change(user, consultation):
        raise access.AccessDenied(str(consultation))
    return consultation


@transaction.atomic
def decision_add(
    *,
    user: Any,
    consultation: Consultation,
    problem: Problem,
    decision: str,
    measure: str,
    owner_unit: Unit,
    due_on: dt.date,
) -> Decision:
    """A consultation's decision on a problem becomes a measure with an owner and a date; it goes
    on the problem's timeline and the measure's owner is told."""
    _deny_unless(access.can_change(user, consultation) and access.can_see(user, problem))
    if problem.project.programme_id != consultation.programme_id:
        raise ProblemRefused(_("The problem belongs to another programme."))
    item = Decision(
        consultation=consultation,
        problem=problem,
        decision=decision.strip(),
        measure=measure.strip(),
        owner_unit=owner_unit,
        due_on=due_on,
    )
    item.full_clean()
    attribute_change(item, user=user)
    item.save()
    event = _event(
        problem,
        ProblemEventKind.DECIDED,
        user=user,
        text=f"{item.decision}\n{item.measure}",
        owner_unit=owner_unit,
        due_on=due_on,
    )
    _tell(
        event,
        recipients_for(units=[owner_unit]),
        gettext_lazy("A consultation gave %(owner)s a measure on “%(title)s”, due %(due)s"),
        units=[owner_unit],
        owner=owner_unit.name,
        due=due_on.isoformat(),
    )
    return item


@transaction.atomic
def decision_complete(*, user: Any, decision: Decision) -> Decision:
    """The measure's owner (or the office) marks it carried out."""
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    allowed = access.can_change(user, decision) or rules.acts_for_unit(user, decision.owner_unit_id)
    _deny_unless(allowed)
    if decision.done_at is None:
        decision.done_at = timezone.now()
        decision.version += 1
        attribute_change(decision, user=user)
        decision.save()
    return decision
