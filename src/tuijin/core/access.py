"""Who sees and who may change what. Every list, detail, export, filter and API queryset goes
through `visible` or `changeable`; no view filters by hand.

A model's policy names how its rows hang from the organisation (the lookup to its region, task
force, unit or owning enterprise) and, per role, which scope applies to seeing and to changing.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import reduce
from operator import or_
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from tuijin.accounts.models import Role, RoleGrant

from .audit import record_denial


class Scope(Enum):
    LINEAGE = "lineage"  # the grant's region, everything below it and the regions above it
    SUBTREE = "subtree"  # the grant's region and everything below it
    TASK_FORCE = "task_force"  # rows of the grant's task force
    UNIT = "unit"  # rows held by the grant's unit
    ENTERPRISE = "enterprise"  # rows owned by the grant's enterprise


GOVERNMENT = (Role.OFFICE, Role.LEADER, Role.TASK_FORCE, Role.UNIT, Role.TERRITORY)


@dataclass(frozen=True)
class Policy:
    region: str | None = None
    task_force: str | None = None
    unit: str | None = None
    enterprise: str | None = None
    see: dict[str, Scope] = field(default_factory=dict)
    change: dict[str, Scope] = field(default_factory=dict)
    # Lookups through a many-to-many relation would repeat rows; they are filtered by subquery.
    many: frozenset[str] = frozenset()
    # What anyone, logged in or not, may see (the public portal): the filter its rows pass, and the
    # file fields of those rows the public may download. None: nothing of this kind is public.
    public: dict[str, Any] | None = None
    public_files: frozenset[str] = frozenset()


def _everyone_in_government(scope: Scope) -> dict[str, Scope]:
    return {role: scope for role in GOVERNMENT}


_ORG_STRUCTURE = {"see": _everyone_in_government(Scope.LINEAGE), "change": {Role.OFFICE: Scope.SUBTREE}}
_TASK_FORCE_ITEM = {
    "see": _everyone_in_government(Scope.LINEAGE),
    "change": {Role.OFFICE: Scope.SUBTREE, Role.TASK_FORCE: Scope.TASK_FORCE},
}

_PROJECT_SEE = {
    Role.OFFICE: Scope.SUBTREE,
    Role.LEADER: Scope.SUBTREE,
    Role.TERRITORY: Scope.SUBTREE,
    Role.TASK_FORCE: Scope.TASK_FORCE,
    Role.UNIT: Scope.UNIT,
    Role.ENTERPRISE: Scope.ENTERPRISE,
}
_PROJECT = {
    "task_force": "task_force",
    "unit": "responsible_unit",
    "enterprise": "owner",
    "see": _PROJECT_SEE,
    "change": {Role.OFFICE: Scope.SUBTREE},
}


def _project_item(prefix: str, reporters: bool = False) -> dict:
    """Rows hanging from a project; monthly reports are also written by the project's territory
    and task-force reporters."""
    change = {Role.OFFICE: Scope.SUBTREE}
    if reporters:
        change |= {Role.TERRITORY: Scope.SUBTREE, Role.TASK_FORCE: Scope.TASK_FORCE}
    return {
        "task_force": f"{prefix}task_force",
        "unit": f"{prefix}responsible_unit",
        "enterprise": f"{prefix}owner",
        "see": _PROJECT_SEE,
        "change": change,
    }


def _task_item(prefix: str) -> dict:
    """Rows of a policy task; units are reached through the task's units (lead or cooperating)."""
    return {
        "task_force": f"{prefix}document__task_force",
        "unit": f"{prefix}units",
        "many": frozenset({f"{prefix}units"}),
        "see": {
            Role.OFFICE: Scope.SUBTREE,
            Role.LEADER: Scope.SUBTREE,
            Role.TASK_FORCE: Scope.TASK_FORCE,
            Role.UNIT: Scope.UNIT,
        },
        "change": {Role.OFFICE: Scope.SUBTREE},
    }


POLICIES: dict[str, Policy] = {
    "org.Region": Policy(region="", **_ORG_STRUCTURE),
    "org.Industry": Policy(region="region", **_ORG_STRUCTURE),
    "org.Unit": Policy(
        region="region",
        unit="",
        enterprise="",
        see={**_everyone_in_government(Scope.LINEAGE), Role.ENTERPRISE: Scope.ENTERPRISE},
        change={Role.OFFICE: Scope.SUBTREE},
    ),
    "org.Person": Policy(
        region="unit__region",
        unit="unit",
        enterprise="unit",
        see={**_everyone_in_government(Scope.LINEAGE), Role.ENTERPRISE: Scope.ENTERPRISE},
        change={Role.OFFICE: Scope.SUBTREE, Role.UNIT: Scope.UNIT},
    ),
    "org.Programme": Policy(region="region", **_ORG_STRUCTURE),
    "org.TaskForce": Policy(region="programme__region", task_force="", **_ORG_STRUCTURE),
    "org.ThinkTank": Policy(region="task_force__programme__region", task_force="task_force", **_TASK_FORCE_ITEM),
    "org.Expert": Policy(
        region="think_tank__task_force__programme__region", task_force="think_tank__task_force", **_TASK_FORCE_ITEM
    ),
    "org.Alliance": Policy(region="task_force__programme__region", task_force="task_force", **_TASK_FORCE_ITEM),
    "org.Fund": Policy(region="programme__region", task_force="task_force", **_TASK_FORCE_ITEM),
    "org.Policy": Policy(region="programme__region", task_force="task_force", **_TASK_FORCE_ITEM),
    # Commitments (定诺): a task force's or service line's hang from the programme's region and its
    # task force (the department leading it acts for it); a town's or zone's hang from that region.
    # Published and evaluated ones are public (亮诺, 评诺).
    "plans.Commitment": Policy(
        region="region",
        task_force="task_force",
        unit="task_force__lead_unit",
        see={
            Role.OFFICE: Scope.SUBTREE,
            Role.LEADER: Scope.SUBTREE,
            Role.TERRITORY: Scope.SUBTREE,
            Role.TASK_FORCE: Scope.TASK_FORCE,
            Role.UNIT: Scope.UNIT,
        },
        change={
            Role.OFFICE: Scope.SUBTREE,
            Role.TERRITORY: Scope.SUBTREE,
            Role.TASK_FORCE: Scope.TASK_FORCE,
            Role.UNIT: Scope.UNIT,
        },
        public={"state__in": ["published", "evaluated"]},
    ),
    "plans.CommitmentEvent": Policy(
        region="commitment__region",
        task_force="commitment__task_force",
        unit="commitment__task_force__lead_unit",
        see={
            Role.OFFICE: Scope.SUBTREE,
            Role.LEADER: Scope.SUBTREE,
            Role.TERRITORY: Scope.SUBTREE,
            Role.TASK_FORCE: Scope.TASK_FORCE,
            Role.UNIT: Scope.UNIT,
        },
        change={},
        # What the public reads of a published commitment's life: when it was published, its
        # progress reports and its evaluation; never the drafts, returns or internal comments.
        public={
            "commitment__state__in": ["published", "evaluated"],
            "kind__in": ["published", "progress", "evaluated"],
        },
    ),
    "plans.Document": Policy(region="programme__region", task_force="task_force", **_TASK_FORCE_ITEM),
    # Policy tasks: the office sees its programme's; a task force its documents'; a unit the tasks it
    # leads or cooperates on. Units' actions (lead units report, cooperating units add their part)
    # are decided by tuijin.plans.rules, as owners' actions on problems are.
    "plans.Task": Policy(region="document__programme__region", **_task_item("")),
    "plans.TaskUnit": Policy(region="task__document__programme__region", **_task_item("task__")),
    "plans.Milestone": Policy(region="task__document__programme__region", **_task_item("task__")),
    "plans.TaskReport": Policy(region="task__document__programme__region", **_task_item("task__")),
    "plans.TaskContribution": Policy(region="task__document__programme__region", **_task_item("task__")),
    "plans.ImportDraft": Policy(
        region="programme__region", see={Role.OFFICE: Scope.SUBTREE}, change={Role.OFFICE: Scope.SUBTREE}
    ),
    # The project library: each reporter sees the projects of its area, task force, unit or enterprise.
    "projects.Project": Policy(region="region", **_PROJECT),
    "projects.ListMembership": Policy(region="project__region", **_project_item("project__")),
    "projects.AnnualPlan": Policy(region="project__region", **_project_item("project__")),
    "projects.MonthlyReport": Policy(region="project__region", **_project_item("project__", reporters=True)),
    "projects.ProjectList": Policy(region="programme__region", **_ORG_STRUCTURE),
    "projects.ReportingMonth": Policy(region="programme__region", **_ORG_STRUCTURE),
    "projects.OriginationTarget": Policy(region="programme__region", **_ORG_STRUCTURE),
    "projects.RankingRule": Policy(region="programme__region", **_ORG_STRUCTURE),
    # A published notice is public (the portal lists it); its Word file is the notice as issued.
    "projects.Notice": Policy(
        region="programme__region",
        public={"status": "published"},
        public_files=frozenset({"docx"}),
        **_ORG_STRUCTURE,
    ),
    "projects.BoardExemption": Policy(region="programme__region", **_ORG_STRUCTURE),
    "projects.ScoreAdjustment": Policy(region="programme__region", **_ORG_STRUCTURE),
    # Problems: seen like their project (enterprises see their own projects' problems; a unit sees
    # the problems it owns); owners' actions are decided by tuijin.problems.rules.
    "problems.Problem": Policy(region="project__region", **{**_project_item("project__"), "unit": "owner_unit"}),
    "problems.ProblemEvent": Policy(
        region="problem__project__region", **{**_project_item("problem__project__"), "unit": "problem__owner_unit"}
    ),
    "problems.ProblemCategory": Policy(region="programme__region", **_ORG_STRUCTURE),
    "problems.LevelLimit": Policy(region="programme__region", **_ORG_STRUCTURE),
    "problems.WeeklyDigest": Policy(
        region="programme__region",
        see={Role.OFFICE: Scope.SUBTREE, Role.LEADER: Scope.SUBTREE},
        change={Role.OFFICE: Scope.SUBTREE},
    ),
    "problems.Consultation": Policy(region="programme__region", **_ORG_STRUCTURE),
    "problems.Decision": Policy(region="consultation__programme__region", unit="owner_unit", **_ORG_STRUCTURE),
    # The dispatch cadence and who is told.
    "dispatch.Cadence": Policy(region="programme__region", **_ORG_STRUCTURE),
    "dispatch.ReminderPolicy": Policy(region="programme__region", **_ORG_STRUCTURE),
    "dispatch.ThematicReport": Policy(
        region="task_force__programme__region", task_force="task_force", **_TASK_FORCE_ITEM
    ),
    "dispatch.UnitContact": Policy(
        region="unit__region",
        unit="unit",
        see=_everyone_in_government(Scope.LINEAGE),
        change={Role.OFFICE: Scope.SUBTREE},
    ),
    "dispatch.Webhook": Policy(
        region="unit__region", see={Role.OFFICE: Scope.SUBTREE}, change={Role.OFFICE: Scope.SUBTREE}
    ),
    # Onboarding: the office imports its own workbooks and keeps their mappings.
    "onboarding.LayoutMapping": Policy(
        region="programme__region", see={Role.OFFICE: Scope.SUBTREE}, change={Role.OFFICE: Scope.SUBTREE}
    ),
    "onboarding.ImportJob": Policy(
        region="programme__region", see={Role.OFFICE: Scope.SUBTREE}, change={Role.OFFICE: Scope.SUBTREE}
    ),
    "accounts.RoleGrant": Policy(
        region="user__unit__region",
        see={Role.OFFICE: Scope.SUBTREE},
        change={Role.OFFICE: Scope.SUBTREE},
    ),
}


def policy_for(model: type[models.Model]) -> Policy:
    return POLICIES[model._meta.label]


def grants_of(user: Any) -> list[RoleGrant]:
    """The user's grants, loaded once per user object (one request)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_tuijin_grants", None)
    if cached is None:
        cached = list(
            RoleGrant.objects.filter(user=user).select_related(
                "region", "task_force__programme__region", "unit__region"
            )
        )
        user._tuijin_grants = cached
    return cached


def roles_of(user: Any) -> set[str]:
    return {grant.role for grant in grants_of(user)}


def _join(prefix: str, rest: str) -> str:
    return f"{prefix}__{rest}" if prefix else rest


def _ancestor_paths(path: str) -> list[str]:
    parts = [p for p in path.split("/") if p]
    return ["/".join(parts[:i]) + "/" for i in range(1, len(parts))]


def _scope_q(model: type[models.Model], policy: Policy, scope: Scope, grant: RoleGrant) -> Q | None:
    if scope in (Scope.LINEAGE, Scope.SUBTREE):
        if policy.region is None or grant.anchor_region is None:
            return None
        path = grant.anchor_region.path
        lookup = _join(policy.region, "path")
        q = Q(**{f"{lookup}__startswith": path})
        if scope is Scope.LINEAGE:
            q |= Q(**{f"{lookup}__in": _ancestor_paths(path)})
        return _through_subquery(model, policy, policy.region, q)
    lookup, value = {
        Scope.TASK_FORCE: (policy.task_force, grant.task_force_id),
        Scope.UNIT: (policy.unit, grant.unit_id),
        Scope.ENTERPRISE: (policy.enterprise, grant.unit_id),
    }[scope]
    if lookup is None or value is None:
        return None
    q = Q(**{_join(lookup, "pk") if lookup else "pk": value})
    return _through_subquery(model, policy, lookup, q)


def _through_subquery(model: type[models.Model], policy: Policy, lookup: str, q: Q) -> Q:
    if lookup in policy.many:
        return Q(pk__in=model._default_manager.filter(q).values("pk"))
    return q


def _filter(user: Any, qs: QuerySet, which: str, roles: Iterable[str] | None = None) -> QuerySet:
    if getattr(user, "is_superuser", False) and user.is_active:
        return qs
    policy = policy_for(qs.model)
    rules = getattr(policy, which)
    if roles is not None:
        rules = {role: scope for role, scope in rules.items() if role in set(roles)}
    conditions = [
        q
        for grant in grants_of(user)
        if grant.role in rules and (q := _scope_q(qs.model, policy, rules[grant.role], grant)) is not None
    ]
    if not conditions:
        return qs.none()
    return qs.filter(reduce(or_, conditions))


def visible(user: Any, qs: QuerySet) -> QuerySet:
    return _filter(user, qs, "see")


def users_in_reach(user: Any, qs: QuerySet) -> QuerySet:
    """The people a user may name in a form (a unit's contact, say): those whose unit, or the place
    of one of whose grants, lies in a region the user's own grants reach down from. Users have no
    region of their own, so an office of one county must not be offered the whole province's."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return qs
    conditions = []
    for grant in grants_of(user):
        if grant.role not in GOVERNMENT or grant.anchor_region is None:
            continue
        below = grant.anchor_region.path
        conditions += [
            Q(**{f"{lookup}__path__startswith": below})
            for lookup in (
                "unit__region",
                "grants__region",
                "grants__unit__region",
                "grants__task_force__programme__region",
            )
        ]
    if not conditions:
        return qs.filter(pk=user.pk)
    return qs.filter(pk__in=qs.model._default_manager.filter(reduce(or_, conditions)).values("pk"))


def changeable(user: Any, qs: QuerySet) -> QuerySet:
    return _filter(user, qs, "change")


def public(qs: QuerySet) -> QuerySet:
    """The rows anyone may see without logging in (the portal); none for a model with no public rule."""
    rule = policy_for(qs.model).public
    return qs.none() if rule is None else qs.filter(**rule)


def public_file(obj: models.Model, field_name: str) -> bool:
    """Whether the public may download this file of this record: the record is public, the field is
    one the policy opens, and a file is there."""
    policy = policy_for(type(obj))
    if field_name not in policy.public_files or not getattr(obj, field_name, None):
        return False
    return public(type(obj)._default_manager.filter(pk=obj.pk)).exists()


def changeable_as(user: Any, qs: QuerySet, roles: Iterable[str]) -> QuerySet:
    """The rows the user may change through grants of these roles only: a record's owners and its
    office both change it, but each does different things with it."""
    return _filter(user, qs, "change", roles)


def can_change_as(user: Any, obj: models.Model, roles: Iterable[str]) -> bool:
    return changeable_as(user, type(obj)._default_manager.filter(pk=obj.pk), roles).exists()


def changeable_parents(user: Any, qs: QuerySet, child: type[models.Model], via: str) -> QuerySet:
    """The rows of `qs` under which the user may change `child` rows (hanging from them through
    `via`), before any child exists: the projects a reporter may write monthly reports for."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return qs
    policy = policy_for(child)
    prefix = f"{via}__"

    def strip(lookup: str | None) -> str | None:
        if lookup is None:
            return None
        return lookup[len(prefix) :] if lookup.startswith(prefix) else "" if lookup == via else lookup

    parent_policy = Policy(
        region=strip(policy.region),
        task_force=strip(policy.task_force),
        unit=strip(policy.unit),
        enterprise=strip(policy.enterprise),
        see=policy.see,
        change=policy.change,
    )
    conditions = [
        q
        for grant in grants_of(user)
        if grant.role in parent_policy.change
        and (q := _scope_q(qs.model, parent_policy, parent_policy.change[grant.role], grant)) is not None
    ]
    if not conditions:
        return qs.none()
    return qs.filter(reduce(or_, conditions))


def can_see(user: Any, obj: models.Model) -> bool:
    return visible(user, type(obj)._default_manager.filter(pk=obj.pk)).exists()


def can_change(user: Any, obj: models.Model) -> bool:
    return changeable(user, type(obj)._default_manager.filter(pk=obj.pk)).exists()


def covers_region(user: Any, model: type[models.Model], region: Any) -> bool:
    """Whether rows of `model` hanging from `region` are in the user's see-scope, for a page about a
    place before any row exists (a weekly digest not produced yet). Region scopes only."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    rules = policy_for(model).see
    for grant in grants_of(user):
        scope, anchor = rules.get(grant.role), grant.anchor_region
        if scope not in (Scope.SUBTREE, Scope.LINEAGE) or anchor is None:
            continue
        if region.path.startswith(anchor.path) or (scope is Scope.LINEAGE and anchor.path.startswith(region.path)):
            return True
    return False


def may_create(user: Any, model: type[models.Model]) -> bool:
    """Whether the user holds any role that changes this kind of record (to show a 'new' button);
    the record itself is checked against the scope after it is saved."""
    if getattr(user, "is_superuser", False):
        return True
    return bool(roles_of(user) & set(policy_for(model).change))


def may_any(user: Any, roles: Iterable[str]) -> bool:
    return getattr(user, "is_superuser", False) or bool(roles_of(user) & set(roles))


class AccessDenied(PermissionDenied):
    """Raised when a user may see a record but not change it; Django answers 403."""


def get_visible_or_404(request: HttpRequest, qs: QuerySet, **lookup: Any) -> models.Model:
    try:
        return visible(request.user, qs).get(**lookup)
    except qs.model.DoesNotExist:
        if qs.filter(**lookup).exists():
            record_denial(user=request.user, what=f"see {qs.model._meta.label} {lookup}", request=request)
        raise Http404 from None


def get_changeable_or_deny(request: HttpRequest, qs: QuerySet, **lookup: Any) -> models.Model:
    """404 for what the user may not see; 403 (AccessDenied) for what it sees but may not change."""
    obj = get_visible_or_404(request, qs, **lookup)
    if not can_change(request.user, obj):
        record_denial(user=request.user, what=f"change {qs.model._meta.label} {lookup}", request=request)
        raise AccessDenied(str(obj))
    return obj


def deny_unless(request: HttpRequest, allowed: bool, what: str) -> None:
    """For pages that belong to roles rather than records (the audit log, the import page)."""
    if not allowed:
        record_denial(user=request.user, what=what, request=request)
        raise AccessDenied(what)
