"""Reads of documents and tasks, always through the access module: lists, a task's position against
its time-proportional progress, the behind-schedule list, a document's tree with roll-up."""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from tuijin.core import access
from tuijin.core.chinese import script_variants

from .models import Document, Milestone, Task, TaskReport, TaskState, TaskUnit, UnitRole
from .progress import Position, Standing, position


def documents_visible(*, user: Any) -> QuerySet[Document]:
    """Each with the number of its tasks the user sees (a unit sees a document's tasks it has a part in)."""
    seen = access.visible(user, Task.objects.all()).values("pk")
    return (
        access.visible(user, Document.objects.all())
        .select_related("programme", "task_force")
        .defer("text", "outline")
        .annotate(task_count=Count("tasks", filter=Q(tasks__in=seen)))
        .order_by("-issued_on", "title")
    )


def _latest_progress() -> Subquery:
    return Subquery(TaskReport.objects.filter(task=OuterRef("pk")).order_by("-period").values("progress")[:1])


def tasks_visible(
    *, user: Any, document: Document | None = None, unit_id: int | None = None, q: str = ""
) -> QuerySet[Task]:
    """The tasks the user sees, each with `latest_progress`, the progress of its latest report."""
    tasks = access.visible(user, Task.objects.all())
    if document is not None:
        tasks = tasks.filter(document=document)
    if unit_id:
        tasks = tasks.filter(pk__in=TaskUnit.objects.filter(unit_id=unit_id).values("task_id"))
    if q.strip():
        condition = Q()
        for variant in script_variants(q.strip()):
            condition |= Q(title__icontains=variant) | Q(path=variant)
        tasks = tasks.filter(condition)
    return (
        tasks.select_related("document__programme")
        # Lists never show the texts; a document's text and heading tree are the bulk of its row.
        .defer("text", "document__text", "document__outline")
        .annotate(latest_progress=_latest_progress())
        .order_by("document", "position")
    )


@dataclass
class TaskRow:
    task: Task
    position: Position
    leads: list[Any]
    cooperating: list[Any]


def task_rows(tasks: QuerySet[Task], *, as_of: dt.date) -> list[TaskRow]:
    """Each task with where it stands and its units. Milestones and units come in one query each,
    selected by the tasks' own query rather than a list of ids (a province has thousands)."""
    found = list(tasks)
    ids = tasks.order_by().values("pk")
    milestones: dict[int, list[dt.date]] = defaultdict(list)
    for task_id, due_on in Milestone.objects.filter(task__in=ids).values_list("task_id", "due_on"):
        milestones[task_id].append(due_on)
    units: dict[tuple[int, str], list[Any]] = defaultdict(list)
    for assignment in TaskUnit.objects.filter(task__in=ids).select_related("unit").order_by("role", "position"):
        units[assignment.task_id, assignment.role].append(assignment.unit)
    return [
        TaskRow(
            task,
            position(
                done=task.state == TaskState.DONE,
                start=task.start,
                deadline=task.deadline,
                milestones=milestones[task.pk],
                reported=task.latest_progress,
                as_of=as_of,
            ),
            units[task.pk, UnitRole.LEAD],
            units[task.pk, UnitRole.COOPERATING],
        )
        for task in found
    ]


def behind_schedule(*, user: Any, as_of: dt.date) -> list[TaskRow]:
    """Tasks behind their time-proportional progress or past their deadline, the furthest behind first."""
    rows = [
        row
        for row in task_rows(tasks_visible(user=user).exclude(state=TaskState.DONE), as_of=as_of)
        if row.position.standing in (Standing.BEHIND, Standing.OVERDUE)
    ]
    return sorted(rows, key=lambda r: (-(r.position.lag or 0), r.task.document_id, r.task.position))


@dataclass
class Node:
    key: str
    marker: str
    title: str
    rows: list[TaskRow] = field(default_factory=list)
    own: TaskRow | None = None  # the task that is this heading's own item
    children: list["Node"] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    progress_sum: int = 0
    task_count: int = 0

    @property
    def average_progress(self) -> int | None:
        return self.progress_sum // self.task_count if self.task_count else None

    def count_list(self) -> list[tuple[str, str, int]]:
        return [(s.value, s.label, self.counts[s]) for s in Standing if self.counts[s]]


def _node(section: dict[str, Any]) -> Node:
    node = Node(".".join(section["path"]), section["marker"], section["title"])
    node.children = [_node(child) for child in section["children"]]
    return node


def _index(nodes: list[Node], into: dict[str, Node]) -> dict[str, Node]:
    for node in nodes:
        into[node.key] = node
        _index(node.children, into)
    return into


def _roll_up(node: Node) -> None:
    for child in node.children:
        _roll_up(child)
        node.counts += child.counts
        node.progress_sum += child.progress_sum
        node.task_count += child.task_count
    for row in [*node.rows, *([node.own] if node.own else [])]:
        node.counts[row.position.standing] += 1
        node.progress_sum += 100 if row.task.state == TaskState.DONE else row.position.reported or 0
        node.task_count += 1


def document_tree(document: Document, rows: list[TaskRow]) -> Node:
    """The document's headings with its tasks under them and, at each heading, the roll-up of the
    tasks below: how many stand where, and their average reported progress."""
    root = Node("", "", document.title, children=[_node(s) for s in document.outline])
    nodes = _index(root.children, {})
    for row in rows:
        parts = row.task.path.split("#")[0].split(".")
        # A task sits at its own heading, or under the nearest heading above it (a table row).
        for depth in range(len(parts), 0, -1):
            found = nodes.get(".".join(parts[:depth]))
            if found is not None and depth == len(parts) and found.own is None:
                found.own = row
                break
            if found is not None:
                found.rows.append(row)
                break
        else:
            root.rows.append(row)
    _roll_up(root)
    return root
