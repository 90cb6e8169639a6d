"""Reads of the organisation, always scoped by the user through the access module."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuijin.core import access
from tuijin.plans.models import DocumentKind

from .models import Programme, TaskForce, TaskForceKind

# The set-up checklist: “6个1” for industry task forces, “3个1” for pillars; service lines only
# need their responsible department (seed 002).
CHECKLIST_ITEMS: dict[str, list[tuple[str, Any]]] = {
    TaskForceKind.INDUSTRY: [
        ("official", _("Lead official")),
        ("task_force", _("Task force")),
        ("plan", _("Sector plan")),
        ("think_tank", _("Think tank")),
        ("alliance", _("Alliance")),
        ("fund", _("Fund")),
    ],
    TaskForceKind.PILLAR: [
        ("official", _("Lead official")),
        ("task_force", _("Task force")),
        ("policy_set", _("Policy set")),
    ],
    TaskForceKind.SERVICE_LINE: [
        ("task_force", _("Responsible department")),
    ],
}


@dataclass
class ChecklistCell:
    key: str
    present: bool
    url: str
    detail: str = ""  # the full description, shown on hover
    label: str = ""  # what the cell shows

    def __post_init__(self) -> None:
        self.label = self.label or self.detail


@dataclass
class ChecklistRow:
    task_force: TaskForce
    cells: list[ChecklistCell]

    @property
    def present_count(self) -> int:
        return sum(c.present for c in self.cells)

    @property
    def complete(self) -> bool:
        return all(c.present for c in self.cells)


@dataclass
class ChecklistBlock:
    kind: str
    label: str
    items: list[tuple[str, Any]]
    rows: list[ChecklistRow]

    def totals(self) -> list[int]:
        return [sum(row.cells[i].present for row in self.rows) for i in range(len(self.items))]

    @property
    def present_count(self) -> int:
        return sum(row.present_count for row in self.rows)

    @property
    def cell_count(self) -> int:
        return len(self.rows) * len(self.items)

    @property
    def complete_rows(self) -> int:
        return sum(row.complete for row in self.rows)


def programme_list(*, user: Any) -> QuerySet[Programme]:
    return access.visible(user, Programme.objects.select_related("region")).annotate(
        task_force_count=Count("task_forces")
    )


def task_forces_with_setup(*, user: Any, programme: Programme | None = None) -> QuerySet[TaskForce]:
    qs = TaskForce.objects.all() if programme is None else TaskForce.objects.filter(programme=programme)
    return (
        access.visible(user, qs)
        .select_related("programme", "lead_unit", "industry", "contact")
        .prefetch_related(
            "lead_officials", "member_units", "think_tanks__experts", "alliances", "funds", "policies", "documents"
        )
        .annotate(member_count=Count("member_units", distinct=True))
    )


def _cell(user: Any, task_force: TaskForce, key: str) -> ChecklistCell:
    def first_or_new(items: list, record_key: str, detail: str = "") -> ChecklistCell:
        if items:
            url = (
                items[0].get_absolute_url()
                if len(items) == 1
                else (reverse("records:list", args=[record_key]) + f"?task_force={task_force.pk}")
            )
            names = "、".join(str(i) for i in items)
            return ChecklistCell(key, True, url, detail or names, label=names)
        url = task_force.get_absolute_url()
        if access.can_change(user, task_force) or access.may_create(user, type(task_force)):
            url = (
                reverse("records:create", args=[record_key])
                + f"?task_force={task_force.pk}&programme={task_force.programme_id}"
            )
        return ChecklistCell(key, False, url)

    if key == "official":
        officials = list(task_force.lead_officials.all())
        return ChecklistCell(key, bool(officials), task_force.get_absolute_url(), "、".join(p.name for p in officials))
    if key == "task_force":
        lead = str(task_force.lead_unit or "")
        detail = lead
        if task_force.member_count:
            detail += str(_(" + %(count)s member units") % {"count": task_force.member_count})
        return ChecklistCell(
            key, task_force.lead_unit_id is not None, task_force.get_absolute_url(), detail, label=lead
        )
    if key == "plan":
        plans = [d for d in task_force.documents.all() if d.kind == DocumentKind.PLAN]
        return first_or_new(plans, "document")
    if key == "think_tank":
        tanks = list(task_force.think_tanks.all())
        chiefs = [e.name for t in tanks for e in t.experts.all() if e.is_chief]
        detail = "、".join(str(t) for t in tanks) + (f"（{_('chief expert')}：{'、'.join(chiefs)}）" if chiefs else "")
        return first_or_new(tanks, "thinktank", detail)
    if key == "alliance":
        return first_or_new(list(task_force.alliances.all()), "alliance")
    if key == "fund":
        return first_or_new(list(task_force.funds.all()), "fund")
    if key == "policy_set":
        return first_or_new(list(task_force.policies.all()), "policy")
    raise ValueError(key)


def setup_checklist(*, user: Any, programme: Programme) -> list[ChecklistBlock]:
    task_forces = list(task_forces_with_setup(user=user, programme=programme))
    blocks = []
    for kind, label in TaskForceKind.choices:
        items = CHECKLIST_ITEMS[kind]
        rows = [
            ChecklistRow(tf, [_cell(user, tf, key) for key, _label in items]) for tf in task_forces if tf.kind == kind
        ]
        if rows:
            blocks.append(ChecklistBlock(kind, label, items, rows))
    return blocks


def org_chart(*, user: Any, programme: Programme) -> dict[str, Any]:
    """The programme as a tree for ECharts: leading group → office → task forces → units."""
    task_forces = (
        access.visible(user, TaskForce.objects.filter(programme=programme))
        .select_related("lead_unit")
        .prefetch_related("member_units", "lead_officials")
    )
    groups = []
    for kind, label in TaskForceKind.choices:
        children = []
        for tf in task_forces:
            if tf.kind != kind:
                continue
            units = []
            if tf.lead_unit:
                units.append({"name": f"★ {tf.lead_unit}", "kind": "lead_unit"})
            units += [{"name": str(u), "kind": "member_unit"} for u in tf.member_units.all() if u.pk != tf.lead_unit_id]
            officials = "、".join(p.name for p in tf.lead_officials.all())
            children.append(
                {
                    "name": tf.name,
                    "kind": "task_force",
                    "officials": officials,
                    "url": tf.get_absolute_url(),
                    "children": units,
                }
            )
        if children:
            groups.append({"name": f"{label}（{len(children)}）", "kind": "group", "children": children})
    office = {"name": str(programme.office or _("Programme office")), "kind": "office", "children": groups}
    return {"name": str(programme.leading_group or programme.name), "kind": "leading_group", "children": [office]}


def checklist_gaps(*, user: Any, programme: Programme) -> int:
    return sum(block.cell_count - block.present_count for block in setup_checklist(user=user, programme=programme))


def home_programme(*, user: Any, programmes: QuerySet[Programme]) -> Programme | None:
    """The programme closest to the user's place: its task force's, else the one of the nearest
    region above its grant's region (a town reporter works in its district's programme)."""
    grants = access.grants_of(user)
    for grant in grants:
        if grant.task_force_id and programmes.filter(pk=grant.task_force.programme_id).exists():
            return grant.task_force.programme
    anchors = [g.anchor_region.path for g in grants if g.anchor_region is not None]
    candidates = [p for p in programmes if any(a.startswith(p.region.path) for a in anchors)]
    if candidates:
        return max(candidates, key=lambda p: len(p.region.path))
    return programmes.first()
