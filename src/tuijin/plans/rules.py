"""Who acts on a task. Seeing it is decided by the access module; acting here: the lead units
report monthly and keep the six steps up to date, cooperating units add their part to the month's
report, and the programme office may do all of it for them."""

from typing import Any

from tuijin.accounts.models import Role
from tuijin.core import access

from .models import Task, UnitRole


def _units_of(user: Any) -> set[int]:
    return {grant.unit_id for grant in access.grants_of(user) if grant.role == Role.UNIT and grant.unit_id}


def _roles_in(user: Any, task: Task) -> set[str]:
    units = _units_of(user)
    if not units:
        return set()
    return set(task.assignments.filter(unit_id__in=units).values_list("role", flat=True))


def is_office_for(user: Any, task: Task) -> bool:
    return access.can_change(user, task)


def may_report(user: Any, task: Task) -> bool:
    return is_office_for(user, task) or UnitRole.LEAD in _roles_in(user, task)


def may_contribute(user: Any, task: Task) -> bool:
    return UnitRole.COOPERATING in _roles_in(user, task)


def contributing_units(user: Any, task: Task) -> list[int]:
    """The user's units that cooperate on the task (a user usually holds one)."""
    units = _units_of(user)
    return list(task.assignments.filter(unit_id__in=units, role=UnitRole.COOPERATING).values_list("unit_id", flat=True))


def may_plan(user: Any, task: Task) -> bool:
    """The six steps and the roadmap: the office, and the lead units who write the task book."""
    return may_report(user, task)
