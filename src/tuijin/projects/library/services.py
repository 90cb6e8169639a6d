"""The lifecycle changes made from the library's pages: the project services of `projects.services`,
each first refusing a form opened before someone else's change (the record's `version`) and a user
who may not change the project."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F

from tuijin.core import access
from tuijin.core.services import StaleRecord

from .. import services
from ..models import AnnualPlan, Project


def _lock_current(project: Project, *, user: Any, expected_version: int | None) -> Project:
    current = Project.objects.select_for_update().get(pk=project.pk)
    if not access.can_change(user, current):
        raise access.AccessDenied(str(current))
    if expected_version is not None and current.version != expected_version:
        raise StaleRecord()
    return current


@transaction.atomic
def project_stage_change(
    *, user: Any, project: Project, to_stage: str, expected_version: int, on: dt.date | None = None, reason: str = ""
) -> Project:
    """A stage move from the project page; refused when the project changed since the form opened."""
    current = _lock_current(project, user=user, expected_version=expected_version)
    return services.project_move_stage(user=user, project=current, to_stage=to_stage, on=on, reason=reason)


@transaction.atomic
def annual_plan_edit(
    *,
    user: Any,
    project: Project,
    year: int,
    expected_version: int | None,
    planned_investment: Decimal,
    plans_start: bool,
    plans_completion: bool,
) -> AnnualPlan:
    """Sets a year's plan; refused when the plan was saved by someone else since the form opened
    (a form for a year without a plan refuses a plan created meanwhile)."""
    _lock_current(project, user=user, expected_version=None)
    existing = AnnualPlan.objects.select_for_update().filter(project=project, year=year).first()
    if existing is not None:
        if existing.version != expected_version:
            raise StaleRecord()
        # The saved plan carries the next version; annual_plan_set reads the row afresh.
        AnnualPlan.objects.filter(pk=existing.pk).update(version=F("version") + 1)
    elif expected_version is not None:
        raise StaleRecord()
    return services.annual_plan_set(
        user=user,
        project=project,
        year=year,
        planned_investment=planned_investment,
        plans_start=plans_start,
        plans_completion=plans_completion,
    )
