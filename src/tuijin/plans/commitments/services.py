"""Every step of a commitment's life. Each is one transaction: it locks the commitment, refuses a
stale form (the version the user saw) and a step its state or the user's role does not allow, saves
with history (who and why), and writes the step to the commitment's timeline."""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuijin.core import access
from tuijin.core.services import StaleRecord, attribute_change
from tuijin.decompose.targets import find_targets
from tuijin.decompose.text import passage
from tuijin.dispatch.messages import Message, literal
from tuijin.dispatch.services import notify
from tuijin.org.models import Programme, Region, RegionLevel, TaskForce

from . import rules
from .models import Commitment, CommitmentEvent, CommitmentEventKind, CommitmentState, OwnerKind

TERRITORIAL_LEVELS = (RegionLevel.TOWN, RegionLevel.ZONE)
# The fields an owner writes while the commitment is a draft or returned.
CONTENT_FIELDS = ("title", "target", "target_value", "target_unit", "target_comparator", "measures", "responsible")


class CommitmentRefused(ValidationError):
    """The step does not fit the commitment (its state, the owner, the year, the score)."""


def _lock(commitment: Commitment, expected_version: int | None) -> Commitment:
    locked = Commitment.objects.select_for_update().get(pk=commitment.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleRecord()
    return locked


def _require(user: Any, commitment: Commitment, step: str) -> None:
    """The right person first (403), then the right state (a message saying why not)."""
    owner_step = step in rules.OWNER_STEPS
    if not (rules.is_owner(user, commitment) if owner_step else rules.is_office(user, commitment)):
        raise access.AccessDenied(str(commitment))
    if not rules.allowed_in_state(step, commitment.state):
        raise CommitmentRefused(
            _("A commitment that is “%(state)s” cannot be changed this way.")
            % {"state": commitment.get_state_display()}
        )


def _save(commitment: Commitment, *, user: Any, reason: str = "") -> None:
    commitment.version += 1
    commitment.full_clean()
    attribute_change(commitment, user=user, reason=reason)
    commitment.save()


def _event(commitment: Commitment, kind: str, *, user: Any, text: str = "", **fields: Any) -> CommitmentEvent:
    """Writes the step on the timeline and tells who needs to know, in the step's transaction."""
    event = CommitmentEvent.objects.create(
        commitment=commitment,
        kind=kind,
        at=timezone.now(),
        user=user if getattr(user, "is_authenticated", False) else None,
        text=text,
        **fields,
    )
    _tell(event)
    return event


# What each step tells whom: the office when a commitment waits for it, the keepers when it moved.
_TOLD = {
    CommitmentEventKind.SUBMITTED: (rules.reviewers, gettext_lazy("“%(title)s” (%(owner)s) waits for your approval")),
    CommitmentEventKind.RETURNED: (rules.keepers, gettext_lazy("The commitment “%(title)s” was returned")),
    CommitmentEventKind.PUBLISHED: (rules.keepers, gettext_lazy("The commitment “%(title)s” is published")),
    CommitmentEventKind.EVALUATED: (rules.keepers, gettext_lazy("The commitment “%(title)s” is evaluated")),
}


def _tell(event: CommitmentEvent) -> None:
    told = _TOLD.get(event.kind)
    if told is None:
        return
    whom, subject = told
    commitment = event.commitment
    notify(
        message=Message(
            what=f"commitment-event:{event.pk}",
            subject=subject,
            # The body is formatted with the params too: a typed “8.1%” must stay text.
            body=literal(event.text),
            params={"title": commitment.title, "owner": commitment.owner_name},
            url=commitment.get_absolute_url(),
        ),
        # Whoever acted knows already.
        users=[user for user in whom(commitment) if user.pk != event.user_id],
    )


def _prefill_target(commitment: Commitment) -> None:
    """Reads the quantity out of the target's text (“新增规上企业10家以上” → ≥ 10 家) when the owner
    gave none, with the same reader that decomposes policy documents."""
    if commitment.target_value is not None:
        return
    found = find_targets(passage(commitment.target))
    if found:
        first = found[0]
        commitment.target_value = Decimal(str(first.value))
        commitment.target_unit = commitment.target_unit or first.unit
        commitment.target_comparator = commitment.target_comparator or first.comparator


def _owner_kind(task_force: TaskForce | None) -> str:
    if task_force is None:
        return OwnerKind.TERRITORY
    return {"industry": OwnerKind.INDUSTRY, "pillar": OwnerKind.PILLAR}.get(task_force.kind, OwnerKind.SERVICE_LINE)


def _place(programme: Programme, task_force: TaskForce | None, region: Region | None) -> Region:
    """The region the commitment hangs from, after checking the owner belongs to the programme."""
    if (task_force is None) == (region is None):
        raise CommitmentRefused(_("A commitment belongs to one task force, service line or town."))
    if task_force is not None:
        if task_force.programme_id != programme.pk:
            raise CommitmentRefused(_("This task force is not part of the programme."))
        return programme.region
    if region.level not in TERRITORIAL_LEVELS or not region.path.startswith(programme.region.path):
        raise CommitmentRefused(_("Only a town or zone within the programme's region commits as a territorial unit."))
    return region


def _check_year(programme: Programme, year: int) -> None:
    if not programme.start_year <= year <= programme.end_year:
        raise CommitmentRefused(
            _("The programme runs from %(first)s to %(last)s.")
            % {"first": programme.start_year, "last": programme.end_year}
        )


@transaction.atomic
def commitment_create(
    *,
    user: Any,
    programme: Programme,
    year: int,
    title: str,
    target: str,
    measures: str,
    responsible: str,
    task_force: TaskForce | None = None,
    region: Region | None = None,
    target_value: Decimal | None = None,
    target_unit: str = "",
    target_comparator: str = "",
) -> Commitment:
    """定诺: the owner drafts a commitment for the year."""
    _check_year(programme, year)
    commitment = Commitment(
        programme=programme,
        year=year,
        task_force=task_force,
        region=_place(programme, task_force, region),
        owner_kind=_owner_kind(task_force),
        title=title.strip(),
        target=target.strip(),
        target_value=target_value,
        target_unit=target_unit.strip(),
        target_comparator=target_comparator,
        measures=measures.strip(),
        responsible=responsible.strip(),
    )
    _prefill_target(commitment)
    commitment.full_clean()
    attribute_change(commitment, user=user)
    commitment.save()
    # Checked once the row exists, inside the transaction: a draft for someone else's owner is undone.
    if not rules.is_owner(user, commitment):
        raise access.AccessDenied(str(commitment))
    _event(commitment, CommitmentEventKind.CREATED, user=user)
    return commitment


@transaction.atomic
def commitment_edit(*, user: Any, commitment: Commitment, expected_version: int | None, **content: Any) -> Commitment:
    """The owner changes a draft or a returned commitment (title, target, measures, responsible)."""
    commitment = _lock(commitment, expected_version)
    _require(user, commitment, "edit")
    unknown = set(content) - set(CONTENT_FIELDS)
    if unknown:
        raise TypeError(f"not content fields: {sorted(unknown)}")
    text_changed = content.get("target", commitment.target).strip() != commitment.target
    for name, value in content.items():
        setattr(commitment, name, value.strip() if isinstance(value, str) else value)
    if text_changed and content.get("target_value") is None:
        commitment.target_value, commitment.target_unit, commitment.target_comparator = None, "", ""
    _prefill_target(commitment)
    _save(commitment, user=user)
    _event(commitment, CommitmentEventKind.EDITED, user=user)
    return commitment


@transaction.atomic
def commitment_submit(*, user: Any, commitment: Commitment, expected_version: int | None) -> Commitment:
    """The owner hands the commitment to the office for approval."""
    commitment = _lock(commitment, expected_version)
    _require(user, commitment, "submit")
    commitment.state = CommitmentState.SUBMITTED
    _save(commitment, user=user)
    _event(commitment, CommitmentEventKind.SUBMITTED, user=user)
    return commitment


@transaction.atomic
def commitment_return(*, user: Any, commitment: Commitment, comment: str, expected_version: int | None) -> Commitment:
    """The office sends a submitted commitment back to its owner, saying what to change."""
    commitment = _lock(commitment, expected_version)
    _require(user, commitment, "return")
    if not comment.strip():
        raise CommitmentRefused(_("Say what the owner should change."))
    commitment.state = CommitmentState.RETURNED
    _save(commitment, user=user, reason=comment.strip())
    _event(commitment, CommitmentEventKind.RETURNED, user=user, text=comment.strip())
    return commitment


@transaction.atomic
def commitment_approve(
    *, user: Any, commitment: Commitment, expected_version: int | None, note: str = ""
) -> Commitment:
    """The office accepts the commitment as the owner's target for the year."""
    commitment = _lock(commitment, expected_version)
    _require(user, commitment, "approve")
    commitment.state = CommitmentState.APPROVED
    _save(commitment, user=user, reason=note.strip())
    _event(commitment, CommitmentEventKind.APPROVED, user=user, text=note.strip())
    return commitment


@transaction.atomic
def commitment_publish(*, user: Any, commitment: Commitment, expected_version: int | None) -> Commitment:
    """亮诺: the office makes the commitment public; the portal shows it from now on."""
    commitment = _lock(commitment, expected_version)
    _require(user, commitment, "publish")
    commitment.state = CommitmentState.PUBLISHED
    commitment.published_at = timezone.now()
    _save(commitment, user=user)
    _event(commitment, CommitmentEventKind.PUBLISHED, user=user)
    return commitment


@transaction.atomic
def commitment_progress_report(
    *, user: Any, commitment: Commitment, progress: int, narrative: str, expected_version: int | None
) -> Commitment:
    """践诺: the owner reports how far the commitment has come (a percentage and what was done)."""
    commitment = _lock(commitment, expected_version)
    _require(user, commitment, "progress")
    if not 0 <= progress <= 100:
        raise CommitmentRefused(_("Progress is a percentage from 0 to 100."))
    if not narrative.strip():
        raise CommitmentRefused(_("Say what was done."))
    commitment.progress, commitment.progress_note = progress, narrative.strip()
    _save(commitment, user=user)
    _event(commitment, CommitmentEventKind.PROGRESS, user=user, text=narrative.strip(), progress=progress)
    return commitment


@transaction.atomic
def commitment_evaluate(
    *, user: Any, commitment: Commitment, score: Decimal, comment: str, expected_version: int | None
) -> Commitment:
    """评诺: the office scores the year's result (0–100) and says why; the score is public."""
    commitment = _lock(commitment, expected_version)
    _require(user, commitment, "evaluate")
    if not Decimal(0) <= score <= Decimal(100):
        raise CommitmentRefused(_("A score is from 0 to 100."))
    if not comment.strip():
        raise CommitmentRefused(_("Say why the commitment earns this score."))
    commitment.state = CommitmentState.EVALUATED
    commitment.score, commitment.evaluation = score, comment.strip()
    _save(commitment, user=user, reason=comment.strip())
    _event(commitment, CommitmentEventKind.EVALUATED, user=user, text=comment.strip(), score=score)
    return commitment
