"""Who does which step of a commitment. Seeing and changing it at all is the access module's
business (its policy in POLICIES); the steps split between its owner's people (they draft, submit
and report progress) and the programme office (it returns, approves, publishes and evaluates)."""

from typing import Any

from tuijin.accounts.models import Role
from tuijin.core import access

from .models import Commitment, CommitmentState

# A task force's commitments are kept by its staff and by the department leading it; a town's by
# its territory reporters.
TASK_FORCE_OWNERS = (Role.TASK_FORCE, Role.UNIT)
TERRITORY_OWNERS = (Role.TERRITORY,)
OWNER_ROLES = (*TASK_FORCE_OWNERS, *TERRITORY_OWNERS)
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


def may(user: Any, commitment: Commitment, step: str) -> bool:
    """Whether the user may take this step now: the right person, and the right state for it."""
    if not allowed_in_state(step, commitment.state):
        return False
    return is_owner(user, commitment) if step in OWNER_STEPS else is_office(user, commitment)


def steps_for(user: Any, commitment: Commitment) -> dict[str, bool]:
    owner, office = is_owner(user, commitment), is_office(user, commitment)
    steps = {step: owner and allowed_in_state(step, commitment.state) for step in OWNER_STEPS}
    steps |= {step: office and allowed_in_state(step, commitment.state) for step in OFFICE_STEPS}
    return steps
