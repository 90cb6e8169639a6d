"""Reads of commitments, every one through the access module: the lists of those who work with
them, the office's approval queue, and the public's view (published and evaluated ones only)."""

from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest

from tuijin.accounts.models import Role
from tuijin.core import access
from tuijin.core.chinese import search_key
from tuijin.org.models import Programme, Region, TaskForce
from tuijin.projects.models import Notice

from . import rules
from .models import Commitment, CommitmentEvent, CommitmentState
from .services import TERRITORIAL_LEVELS

_RELATED = ("programme", "task_force", "region")
# Owners in the order the programme lists them (industry task forces, pillars, service lines, towns).
OWNER_ORDER = ("owner_kind", "task_force__sort_order", "task_force__name", "region__path", "id")


@dataclass(frozen=True)
class CommitmentFilters:
    year: int | None = None
    owner_kind: str = ""
    state: str = ""
    q: str = ""


def commitment_list(*, user: Any, programme: Programme | None, filters: CommitmentFilters) -> QuerySet[Commitment]:
    qs = access.visible(user, Commitment.objects.select_related(*_RELATED))
    if programme is not None:
        qs = qs.filter(programme=programme)
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.owner_kind:
        qs = qs.filter(owner_kind=filters.owner_kind)
    if filters.state:
        qs = qs.filter(state=filters.state)
    if filters.q:
        qs = qs.filter(search_key__contains=search_key(filters.q))
    return qs


def state_counts(qs: QuerySet[Commitment]) -> dict[str, int]:
    """How many commitments of the (unfiltered by state) list are in each state, every state named."""
    counted = Counter(dict(qs.order_by().values_list("state").annotate(n=Count("id"))))
    return {state: counted.get(state, 0) for state in CommitmentState.values}


def commitment_for_page(*, user: Any, pk: int, request: HttpRequest) -> Commitment:
    return access.get_visible_or_404(request, Commitment.objects.select_related(*_RELATED), pk=pk)


def timeline(*, user: Any, commitment: Commitment) -> QuerySet[CommitmentEvent]:
    return access.visible(user, commitment.events.select_related("user"))


def approval_queue(*, user: Any) -> QuerySet[Commitment]:
    """What waits for the office: submitted commitments it approves, approved ones it publishes."""
    waiting = Commitment.objects.filter(state__in=[CommitmentState.SUBMITTED, CommitmentState.APPROVED])
    # Submitted ones first (“submitted” sorts after “approved”): approving comes before publishing.
    return access.changeable_as(user, waiting.select_related(*_RELATED), rules.OFFICE_ROLES).order_by(
        "-state", "programme", "year", *OWNER_ORDER
    )


def may_review(user: Any) -> bool:
    return access.may_any(user, rules.OFFICE_ROLES)


def may_read(user: Any) -> bool:
    return access.may_any(user, access.policy_for(Commitment).see)


def programmes(*, user: Any) -> QuerySet[Programme]:
    return access.visible(user, Programme.objects.select_related("region"))


@dataclass(frozen=True)
class Owner:
    """A task force or a town the user may draft commitments for, as the create form offers it."""

    key: str  # "tf-<id>" or "rg-<id>"
    name: str
    task_force: TaskForce | None = None
    region: Region | None = None


def owners_for(*, user: Any, programme: Programme) -> list[Owner]:
    """The owners whose commitments this user keeps in the programme: its task force, the task
    forces its department leads, its town; the superuser keeps them all."""
    superuser = getattr(user, "is_superuser", False)
    grants = access.grants_of(user)
    forces = programme.task_forces.order_by("kind", "sort_order", "name")
    if not superuser:
        forces = forces.filter(
            Q(pk__in=[g.task_force_id for g in grants if g.role == Role.TASK_FORCE])
            | Q(lead_unit__in=[g.unit_id for g in grants if g.role == Role.UNIT])
        )
    towns = Region.objects.filter(path__startswith=programme.region.path, level__in=TERRITORIAL_LEVELS)
    if not superuser:
        anchors = [g.region.path for g in grants if g.role == Role.TERRITORY and g.region_id]
        towns = towns.filter(_any_prefix(anchors))
    return [Owner(f"tf-{f.pk}", f.name, task_force=f) for f in forces] + [
        Owner(f"rg-{r.pk}", r.name, region=r) for r in towns.order_by("path")
    ]


def _any_prefix(paths: list[str]) -> Q:
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


# The public (portal) reads: only what the access module's public rule lets through.


def public_programmes() -> QuerySet[Programme]:
    with_commitments = access.public(Commitment.objects.all()).values("programme")
    with_notices = access.public(Notice.objects.all()).values("programme")
    return Programme.objects.filter(Q(pk__in=with_commitments) | Q(pk__in=with_notices)).select_related("region")


def public_years(*, programme: Programme) -> list[int]:
    years = access.public(Commitment.objects.filter(programme=programme)).values_list("year", flat=True)
    return sorted(set(years), reverse=True)


@dataclass
class OwnerGroup:
    name: str
    kind_label: str
    commitments: list[Commitment] = field(default_factory=list)


PUBLIC_OWNERS_PER_PAGE = 20


def public_owners(*, programme: Programme, year: int, owner_kind: str = "") -> list[tuple[str, int | None, int]]:
    """The owners with a public commitment in the year, in the programme's order: what the public
    page pages through (a province has thousands of towns)."""
    qs = access.public(Commitment.objects.filter(programme=programme, year=year))
    if owner_kind:
        qs = qs.filter(owner_kind=owner_kind)
    # The ordering fields depend on the owner alone, so DISTINCT still yields one row per owner.
    owners = qs.order_by(*OWNER_ORDER[:-1]).values_list("owner_kind", "task_force_id", "region_id").distinct()
    return list(dict.fromkeys(owners))


def public_commitments(
    *, programme: Programme, year: int, owners: list[tuple[str, int | None, int]]
) -> list[OwnerGroup]:
    """The year's public commitments of these owners, grouped by owner in the programme's order."""
    if not owners:
        return []
    mine = Q(pk__in=[])
    for _kind, task_force, region in owners:
        mine |= Q(task_force=task_force) if task_force else Q(task_force__isnull=True, region=region)
    qs = access.public(Commitment.objects.filter(mine, programme=programme, year=year).select_related(*_RELATED))
    groups = []
    for _key, items in groupby(qs.order_by(*OWNER_ORDER), key=lambda c: (c.owner_kind, c.task_force_id, c.region_id)):
        items = list(items)
        groups.append(OwnerGroup(items[0].owner_name, items[0].get_owner_kind_display(), items))
    return groups


def public_timeline(*, commitment: Commitment) -> QuerySet[CommitmentEvent]:
    return access.public(commitment.events.all())


def public_notices(*, programme: Programme) -> QuerySet[Notice]:
    return access.public(Notice.objects.filter(programme=programme)).order_by("-period")
