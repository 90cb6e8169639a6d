"""State changes of the project library: creating projects, moving them through their lifecycle,
lists and annual plans, and closing a reporting month. Each is one transaction, writes the
project's timeline and leaves history for the audit trail."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tuijin.core import access
from tuijin.core.services import attribute_change

from .models import (
    STAGE_MOVES,
    AnnualPlan,
    EventKind,
    ListMembership,
    Project,
    ProjectEvent,
    ProjectList,
    ReportingMonth,
    Stage,
)


class StageMoveRefused(ValidationError):
    pass


def _today() -> dt.date:
    return timezone.localdate()


@transaction.atomic
def project_create(
    *, user: Any, stage: str = Stage.CONCEIVED, entered_on: dt.date | None = None, reason: str = "", **fields: Any
) -> Project:
    """A project enters the library at the stage it has reached (a project already under
    construction enters as such)."""
    project = Project(stage=stage, entered_on=entered_on or _today(), **fields)
    project.full_clean()
    attribute_change(project, user=user, reason=reason)
    project.save()
    if not access.can_change(user, project):
        raise access.AccessDenied(str(project))
    ProjectEvent.objects.create(
        project=project, kind=EventKind.ENTERED, on=project.entered_on, to_stage=stage, reason=reason, user=_actor(user)
    )
    return project


def _actor(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


@transaction.atomic
def project_move_stage(
    *, user: Any, project: Project, to_stage: str, on: dt.date | None = None, reason: str = ""
) -> Project:
    """Moves a project one allowed step of its lifecycle; exiting needs a reason."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if to_stage not in STAGE_MOVES[project.stage]:
        raise StageMoveRefused(
            _("A project cannot move from “%(from)s” to “%(to)s”.")
            % {"from": Stage(project.stage).label, "to": Stage(to_stage).label}
        )
    on = on or _today()
    if to_stage == Stage.EXITED and not reason.strip():
        raise StageMoveRefused(_("Say why the project leaves the library."))
    previous = project.stage
    project.stage = to_stage
    project.version += 1
    if to_stage == Stage.EXITED:
        project.exited_on, project.exit_reason = on, reason.strip()
    elif to_stage == Stage.CONSTRUCTION and project.actual_start is None:
        project.actual_start = on
    elif to_stage == Stage.OPERATING and project.actual_completion is None:
        project.actual_completion = on
    attribute_change(project, user=user, reason=reason)
    project.save()
    ProjectEvent.objects.create(
        project=project,
        kind=EventKind.EXITED if to_stage == Stage.EXITED else EventKind.STAGE,
        on=on,
        from_stage=previous,
        to_stage=to_stage,
        reason=reason,
        user=_actor(user),
    )
    return project


@transaction.atomic
def list_add(
    *, user: Any, project: Project, project_list: ProjectList, year: int, on: dt.date | None = None, reason: str = ""
) -> ListMembership:
    on = on or _today()
    membership, created = ListMembership.objects.get_or_create(
        project=project, project_list=project_list, year=year, defaults={"added_on": on}
    )
    if not created and membership.removed_on is None:
        return membership
    if not created:
        membership.removed_on = None
        attribute_change(membership, user=user, reason=reason)
        membership.save()
    ProjectEvent.objects.create(
        project=project,
        kind=EventKind.LIST_ADDED,
        on=on,
        project_list=project_list,
        year=year,
        reason=reason,
        user=_actor(user),
    )
    return membership


@transaction.atomic
def list_remove(
    *, user: Any, membership: ListMembership, on: dt.date | None = None, reason: str = ""
) -> ListMembership:
    if membership.removed_on is not None:
        return membership
    membership.removed_on = on or _today()
    attribute_change(membership, user=user, reason=reason)
    membership.save()
    ProjectEvent.objects.create(
        project=membership.project,
        kind=EventKind.LIST_REMOVED,
        on=membership.removed_on,
        project_list=membership.project_list,
        year=membership.year,
        reason=reason,
        user=_actor(user),
    )
    return membership


@transaction.atomic
def annual_plan_set(
    *,
    user: Any,
    project: Project,
    year: int,
    planned_investment: Decimal,
    plans_start: bool = False,
    plans_completion: bool = False,
) -> AnnualPlan:
    plan = AnnualPlan.objects.filter(project=project, year=year).first() or AnnualPlan(project=project, year=year)
    plan.planned_investment = planned_investment
    plan.plans_start = plans_start
    plan.plans_completion = plans_completion
    plan.full_clean()
    attribute_change(plan, user=user)
    plan.save()
    return plan


@transaction.atomic
def month_close(*, user: Any, month: ReportingMonth) -> ReportingMonth:
    """Publishing a month's notice closes its reports; later changes go through audited corrections."""
    if month.closed_at is None:
        month.closed_at = timezone.now()
        attribute_change(month, user=user, reason=_("notice published"))
        month.save()
    return month
