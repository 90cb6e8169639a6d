"""Who owns a problem at each level, and who may do what with it. Seeing a problem is the access
module's business (its policy in POLICIES); acting on it depends on the problem's state: its owner
unit's people escalate and resolve, the office flags, the raiser confirms or reopens."""

from typing import Any

from tuijin.accounts.models import Role
from tuijin.core import access
from tuijin.org.models import RegionLevel, Unit, UnitKind
from tuijin.projects.models import Project

from .models import LEVEL_ORDER, Problem, ProblemLevel, ProblemStatus

# Who may raise a problem on a project they see (seed 002: towns report, task forces follow up,
# enterprises ask); the office may do everything.
RAISING_ROLES = (Role.ENTERPRISE, Role.TERRITORY, Role.TASK_FORCE, Role.OFFICE)
TOWN_LEVELS = (RegionLevel.TOWN, RegionLevel.ZONE)
TOWN_UNIT_KINDS = (UnitKind.GOVERNMENT, UnitKind.ZONE_COMMITTEE)


def level_owner(project: Project, level: str) -> Unit | None:
    """The unit that must solve a problem of this project at this level: the town's government (or
    the zone's committee), the task force's lead unit, the programme's leading group (or office)."""
    if level == ProblemLevel.TOWN:
        if project.region.level not in TOWN_LEVELS:
            return None
        return Unit.objects.filter(region=project.region, kind__in=TOWN_UNIT_KINDS).order_by("kind", "pk").first()
    if level == ProblemLevel.TASK_FORCE:
        return project.task_force.lead_unit if project.task_force_id else None
    programme = project.programme
    return programme.leading_group or programme.office


def first_level(project: Project) -> tuple[str, Unit] | None:
    """The lowest level that has an owner for this project: a project not in a town starts at its
    task force, one without a task force at the leading group."""
    return next_level(project, None)


def next_level(project: Project, level: str | None) -> tuple[str, Unit] | None:
    start = 0 if level is None else LEVEL_ORDER.index(level) + 1
    for candidate in LEVEL_ORDER[start:]:
        owner = level_owner(project, candidate)
        if owner is not None:
            return candidate, owner
    return None


def may_raise(user: Any, project: Project) -> bool:
    return access.may_any(user, RAISING_ROLES) and access.can_see(user, project)


def acts_for_unit(user: Any, unit_id: int | None) -> bool:
    if unit_id is None:
        return False
    if getattr(user, "unit_id", None) == unit_id:
        return True
    return any(g.unit_id == unit_id for g in access.grants_of(user) if g.role in (Role.UNIT, Role.ENTERPRISE))


def acts_for_owner(user: Any, problem: Problem) -> bool:
    """Whether the user speaks for the problem's owner at its level: the owner unit's own people,
    the town's territory staff, the task force's staff; the office speaks for every level."""
    if access.can_change(user, problem) or acts_for_unit(user, problem.owner_unit_id):
        return True
    project = problem.project
    for grant in access.grants_of(user):
        town = grant.role == Role.TERRITORY and project.region.path.startswith(grant.region.path)
        task_force = grant.role == Role.TASK_FORCE and grant.task_force_id == project.task_force_id
        if (problem.level == ProblemLevel.TOWN and town) or (problem.level == ProblemLevel.TASK_FORCE and task_force):
            return True
    return False


def is_raiser(user: Any, problem: Problem) -> bool:
    return problem.raised_by_id == getattr(user, "pk", None) or acts_for_unit(user, problem.raised_by_unit_id)


def may_escalate(user: Any, problem: Problem) -> bool:
    return (
        problem.status == ProblemStatus.OPEN
        and next_level(problem.project, problem.level) is not None
        and acts_for_owner(user, problem)
    )


def may_resolve(user: Any, problem: Problem) -> bool:
    return problem.status == ProblemStatus.OPEN and acts_for_owner(user, problem)


def may_flag(user: Any, problem: Problem) -> bool:
    """挂牌督办 is the office's: it flags and ends supervision of open problems in its area."""
    return problem.status != ProblemStatus.CLOSED and access.can_change(user, problem)


def may_confirm(user: Any, problem: Problem) -> bool:
    return problem.status == ProblemStatus.RESOLVED and (is_raiser(user, problem) or access.can_change(user, problem))


def may_comment(user: Any, problem: Problem) -> bool:
    return access.can_see(user, problem) and user.is_authenticated
