"""Task tables: 序号 / 任务 / 牵头单位 / 配合单位 / 完成时限 columns, found by their headers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .headings import line_marker
from .text import EMPTY, Passage

# Order matters: 牵头区领导 is a leader (a person), not a lead unit.
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"序号|编号|^序$|^No\.?$", re.IGNORECASE)),
    ("leader", re.compile(r"领导|责任人|联系人")),
    ("cooperating", re.compile(r"配合|协办|参与|参加|协助|协同")),
    (
        "lead",
        re.compile(r"牵头|责任单位|责任部门|主责|负责单位|负责部门|承办|主办|责任主体|实施单位"),
    ),
    ("deadline", re.compile(r"时限|时间|进度|期限|节点")),
    ("task", re.compile(r"任务|事项|措施|内容|名称|举措|要点|项目|工作")),
    ("target", re.compile(r"目标|指标|成效|成果")),
)
_JOINED_BY_LIST = frozenset(("leader", "lead", "cooperating"))
_LIST_SEPARATOR = Passage("、", "、")
_LINE_SEPARATOR = Passage("\n", "\n")
_GROUP_STYLES = frozenset(("chapter", "section", "cn", "paren_cn"))


@dataclass
class Row:
    """One task of a table; ``cells`` maps column index → text, ``roles`` column roles."""

    headers: tuple[str, ...]
    roles: tuple[str, ...]
    cells: dict[int, Passage] = field(default_factory=dict)

    def cell(self, role: str) -> Passage:
        for index, cell_role in enumerate(self.roles):
            if cell_role == role and self.cells.get(index, EMPTY).view.strip():
                return self.cells[index]
        return EMPTY

    def cells_of(self, role: str) -> list[Passage]:
        return [
            self.cells[index]
            for index, cell_role in enumerate(self.roles)
            if cell_role == role and self.cells.get(index, EMPTY).view.strip()
        ]

    def extend(self, other: Row) -> None:
        for index, piece in other.cells.items():
            if not piece.view.strip():
                continue
            if not self.cells.get(index, EMPTY).view.strip():
                self.cells[index] = piece
                continue
            role = self.roles[index] if index < len(self.roles) else "other"
            separator = _LIST_SEPARATOR if role in _JOINED_BY_LIST else _LINE_SEPARATOR
            self.cells[index] = self.cells[index] + separator + piece


@dataclass(frozen=True)
class Group:
    """A row spanning the table that groups the rows under it (一、重大改革)."""

    heading: Passage


def role_of(header: str) -> str:
    compact = "".join(header.split())
    for role, pattern in _ROLES:
        if pattern.search(compact):
            return role
    return "other"


def read_table(rows: list[list[Passage]]) -> list[Row | Group] | None:
    """Rows of a task table, or ``None`` when no header names a task or unit column."""
    header_index = _header_index(rows)
    if header_index is None:
        return None
    headers = tuple("".join(cell.text.split()) for cell in rows[header_index])
    roles = tuple(role_of(cell.view) for cell in rows[header_index])
    header_views = [cell.view.strip() for cell in rows[header_index]]
    records: list[Row | Group] = []
    for cells in rows[header_index + 1 :]:
        views = [cell.view.strip() for cell in cells]
        if not any(views) or views[: len(header_views)] == header_views:
            continue
        group = _group(cells, views)
        if group is not None:
            records.append(group)
            continue
        row = Row(headers, roles, {i: cells[i].strip() for i in range(min(len(cells), len(roles)))})
        previous = records[-1] if records else None
        if isinstance(previous, Row) and _continues(row):
            previous.extend(row)
        else:
            records.append(row)
    return records


def _header_index(rows: list[list[Passage]]) -> int | None:
    for index, cells in enumerate(rows[:3]):
        roles = [role_of(cell.view) for cell in cells if cell.view.strip()]
        named = [role for role in roles if role != "other"]
        if len(named) >= 2 and ("task" in named or "lead" in named):
            return index
    return None


def _group(cells: list[Passage], views: list[str]) -> Group | None:
    filled = [i for i, view in enumerate(views) if view]
    distinct = {views[i] for i in filled}
    if len(distinct) != 1:
        return None
    first = cells[filled[0]].strip()
    marker = line_marker(first.view)
    merged = len(filled) >= 2 and len(views) >= 2
    if merged or (marker is not None and marker.style in _GROUP_STYLES):
        return Group(first)
    return None


def _continues(row: Row) -> bool:
    """A row without its own task or number carries on the one above (a second leader)."""
    return not row.cell("task").view.strip() and not row.cell("number").view.strip()
