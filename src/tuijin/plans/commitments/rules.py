"""Who does which step of a commitment. Seeing and changing it at all is the access module's
business (its policy in POLICIES); the steps split between its owner's people (they draft, submit
and report progress) and the programme office (it returns, approves, publishes and evaluates)."""

from typing import Any

from django.db.models import Q

from tuijin.accounts.models import Role, User
from tuijin.core import access

from .models import Commitment, CommitmentState

# A task force's commitments are kept by its staff and by the department leading it; a town's by
# its territory reporters.
TASK_FORCE_OWNERS = (Role.TASK_FORCE, Role.UNIT)
TERRITORY_OWNERS = (Role.TERRITORY,)
OFFICE_ROLES = (Role.OFFICE,)

# Which step may follow which state: the state machine of 定诺、亮诺、践诺、评诺.
OWNER_STEPS = {
    "edit": (CommitmentState.DRAFT, CommitmentState.RETURNED),
    "submit": (CommitmentState.DRAFT, CommitmentState.RETURNED),
    "progress": (CommitmentState.PUBLISHED,),
}
OFFICE_STEPS = {
    "return": (CommitmentState.SUBMITTED,),
    "approve": (CommitmentState.SUBMITTED,),
    "publish": (CommitmentState.APPROVED,),
    "evaluate": (CommitmentState.PUBLISHED,),
}


def is_owner(user: Any, commitment: Commitment) -> bool:
    roles = TASK_FORCE_OWNERS if commitment.task_force_id else TERRITORY_OWNERS
    return access.can_change_as(user, commitment, roles)


def is_office(user: Any, commitment: Commitment) -> bool:
    return access.can_change_as(user, commitment, OFFICE_ROLES)


def allowed_in_state(step: str, state: str) -> bool:
    return state in {**OWNER_STEPS, **OFFICE_STEPS}[step]


def steps_for(user: Any, commitment: Commitment) -> dict[str, bool]:
    owner, office = is_owner(user, commitment), is_office(user, commitment)
    steps = {step: owner and allowed_in_state(step, commitment.state) for step in OWNER_STEPS}
    steps |= {step: office and allowed_in_state(step, commitment.state) for step in OFFICE_STEPS}
    return steps


def _regions_up_to(path: str) -> list[str]:
    parts = [p for p in path.split("/") if p]
    return ["/".join(parts[:i]) + "/" for i in range(1, len(parts) + 1)]


def keepers(commitment: Commitment) -> list[User]:
    """Who keeps the commitment, to be told when the office acts on it: the grants that could cover
    it, each confirmed by the access module."""
    if commitment.task_force_id:
        near = Q(grants__role=Role.TASK_FORCE, grants__task_force=commitment.task_force_id)
        near |= Q(grants__role=Role.UNIT, grants__unit=commitment.task_force.lead_unit_id)
    else:
        near = Q(grants__role=Role.TERRITORY, grants__region__path__in=_regions_up_to(commitment.region.path))
    candidates = User.objects.filter(near, is_active=True).distinct()
    return [user for user in candidates if is_owner(user, commitment)]


def reviewers(commitment: Commitment) -> list[User]:
    """The office of the commitment's programme, to be told when a commitment waits for it."""
    candidates = User.objects.filter(
        grants__role=Role.OFFICE, grants__region=commitment.programme.region_id, is_active=True
    ).distinct()
    return [user for user in candidates if is_office(user, commitment)]
