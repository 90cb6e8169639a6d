"""Reads of the dispatch app: who acts for a unit, a task force or a place (so they are told), a
user's inbox, the job runs and the outside sends."""

from collections import defaultdict
from typing import Any

from django.db.models import Q, QuerySet

from tuijin.accounts.models import Role, User
from tuijin.core import access
from tuijin.org.models import Programme, Region, TaskForce, Unit

from .due import DueItem
from .models import ContactKind, Delivery, Job, Notification, ThematicReport

JOB_ROLES = (Role.OFFICE,)


def recipients_for(
    *,
    units: list[Unit] | tuple[Unit, ...] = (),
    task_forces: list[TaskForce] | tuple[TaskForce, ...] = (),
    territories: list[Region] | tuple[Region, ...] = (),
    offices: list[Region] | tuple[Region, ...] = (),
) -> QuerySet[User]:
    """Active users who act for any of these: a unit's own people (their unit, a unit or enterprise
    role on it, its contacts), a task force's staff, a place's territory reporters, and the office
    of a region (the programme office acts for the leading group)."""
    condition = Q(pk__in=[])
    unit_ids = [u.pk for u in units if u is not None]
    if unit_ids:
        condition |= (
            Q(unit__in=unit_ids)
            | Q(grants__unit__in=unit_ids)
            | Q(unit_contacts__unit__in=unit_ids, unit_contacts__kind=ContactKind.CONTACT)
        )
    task_force_ids = [t.pk for t in task_forces if t is not None]
    if task_force_ids:
        condition |= Q(grants__role=Role.TASK_FORCE, grants__task_force__in=task_force_ids)
    region_ids = [r.pk for r in territories if r is not None]
    if region_ids:
        condition |= Q(grants__role=Role.TERRITORY, grants__region__in=region_ids)
    office_ids = [r.pk for r in offices if r is not None]
    if office_ids:
        condition |= Q(grants__role=Role.OFFICE, grants__region__in=office_ids)
    return User.objects.filter(condition, is_active=True).distinct()


def leaders_of(*, units: list[Unit] | tuple[Unit, ...]) -> QuerySet[User]:
    """The leaders a unit named for escalated reminders (its contacts of kind leader)."""
    return User.objects.filter(
        unit_contacts__unit__in=[u.pk for u in units if u is not None],
        unit_contacts__kind=ContactKind.LEADER,
        is_active=True,
    ).distinct()


def inbox(*, user: Any, unread_only: bool = False) -> QuerySet[Notification]:
    """A user's own notifications: nobody reads another's inbox, whatever their role."""
    qs = Notification.objects.filter(recipient=user) if getattr(user, "is_authenticated", False) else None
    if qs is None:
        return Notification.objects.none()
    return qs.filter(read_at__isnull=True) if unread_only else qs


def unread_count(*, user: Any) -> int:
    return inbox(user=user, unread_only=True).count()


def may_see_jobs(user: Any) -> bool:
    return access.may_any(user, JOB_ROLES)


def job_runs(*, user: Any, name: str = "") -> QuerySet[Job]:
    if not may_see_jobs(user):
        return Job.objects.none()
    qs = Job.objects.all()
    return qs.filter(name=name) if name else qs


def deliveries(*, user: Any, status: str = "") -> QuerySet[Delivery]:
    """Outside sends, for the office to see what went out and what failed."""
    if not may_see_jobs(user):
        return Delivery.objects.none()
    qs = Delivery.objects.select_related("webhook")
    return qs.filter(status=status) if status else qs


def calendar_programmes(*, user: Any) -> QuerySet[Programme]:
    """Programmes whose cadence the user may see (those that have one)."""
    return access.visible(user, Programme.objects.filter(cadences__isnull=False).distinct()).select_related("region")


def thematic_reports(*, user: Any) -> QuerySet[ThematicReport]:
    return access.visible(user, ThematicReport.objects.select_related("task_force__programme", "submitted_by"))


def thematic_task_forces_for(*, user: Any) -> QuerySet[TaskForce]:
    """Task forces whose thematic reports the user may hand in: its own task force's, and the office's
    of its area (the service checks the saved report against the scope again)."""
    own = [g.task_force_id for g in access.grants_of(user) if g.role == Role.TASK_FORCE]
    offices = access.changeable(user, TaskForce.objects.all()).values("pk")
    return TaskForce.objects.filter(Q(pk__in=own) | Q(pk__in=offices)).select_related("programme")


def in_sight(*, user: Any, items: list[DueItem]) -> list[DueItem]:
    """The outstanding items a user may see listed by name: a programme's calendar is shared by
    offices at several levels, but a district office sees only its own district's projects. One
    query per kind of record."""
    by_model: dict[type, set[int]] = defaultdict(set)
    for item in items:
        if item.subject is not None:
            by_model[type(item.subject)].add(item.subject.pk)
    seen = {
        model: set(access.visible(user, model._default_manager.filter(pk__in=pks)).values_list("pk", flat=True))
        for model, pks in by_model.items()
    }
    return [i for i in items if i.subject is None or i.subject.pk in seen[type(i.subject)]]
