"""From blocks to a :class:`Decomposition`: which items are tasks, and what each says.

A task is an item that carries work:

* a row of a task table (序号 / 任务 / 牵头单位 …);
* a numbered item with no numbered items under it (a leaf), below the top level;
* a top-level item only when it is written as an item (一、加强领导。各地要…), when
  its body assigns the work (names a lead unit), or when the document has no
  deeper numbering; a top-level heading over a body only groups;
* an unnumbered paragraph under a heading, when each such paragraph names its units;
* never an item under 总体要求, 指导思想, 基本原则, 主要目标 … (the preamble
  sections), never an appendix's list of attachment names.

Sub-items that belong to one sentence stay in their item's task: those run into
the item's own paragraph (（三）…。一是…；二是…), and a list on separate lines whose
items end in ；，、 (（1）…；⏎（2）…。).  An item that names no unit inherits those
its heading names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .deadlines import find_deadline, parse_deadline_cell
from .metadata import extract_metadata
from .model import Decomposition, Section, Target, Task
from .outline import Node, build_outline
from .reader import Block, blocks_from_text, read_blocks
from .tables import Row
from .targets import find_targets
from .text import EMPTY, Passage, passage
from .units import (
    UnitSpans,
    bracket_groups,
    cell_units,
    find_units,
    names,
    role_prefix_end,
    split_spans,
)

_PREAMBLE = re.compile(
    r"(?:总体要求|指导思想|基本原则|工作原则|推进原则|主要原则|指导原则|总体思路|基本思路|工作思路|"
    r"总体目标|主要目标|工作目标|发展目标|目标要求|总则|附则|适用范围|实施范围|编制依据|工作依据|"
    r"重要意义|目的意义|背景|基本情况|发展现状|现状|存在问题|面临形势|发展基础|[和与及、]|\s)+"
)
_LIST_STYLES = frozenset(("paren_num", "num_paren", "circled", "shi", "ordinal"))
_CLAUSE_BREAKS = frozenset(";,、")
_TITLE_END = frozenset("。;:")
_TITLE_TRIM = " \t\n,、。;:"
# Columns that have their own field in a task (or, for 任务, open its text).
_ROW_COLUMNS_ELSEWHERE = frozenset(("number", "task", "lead", "cooperating", "deadline"))
_ROLE_WORDS = re.compile(r"牵头|负责|配合|责任单位|责任部门")


def decompose_text(text: str) -> Decomposition:
    """Decompose a policy document given as plain text."""
    return decompose_blocks(blocks_from_text(text))


def decompose_file(path: str | Path) -> Decomposition:
    """Decompose a .txt or .docx policy document."""
    return decompose_blocks(read_blocks(path))


def decompose_blocks(blocks: list[Block]) -> Decomposition:
    outline = build_outline(blocks)
    metadata = extract_metadata(outline.header, outline.closing)
    reading = _Reading(outline.root, metadata.issued_on)
    return Decomposition(
        title=metadata.title,
        doc_number=metadata.doc_number,
        issuer=metadata.issuer,
        issued_on=metadata.issued_on,
        sections=tuple(reading.section(child) for child in outline.root.children),
        tasks=tuple(reading.task(node) for node in reading.task_nodes),
    )


def _walk(node: Node) -> Iterator[Node]:
    for child in node.children:
        yield child
        yield from _walk(child)


def _items(node: Node) -> list[Node]:
    return [child for child in node.children if not child.inline]


def _is_enumeration(node: Node) -> bool:
    """（1）…；（2）…；（3）…。 each on its own line: one sentence, so one task with its parent.

    Items run together in one paragraph (一是…；二是…。) are the writer's own split.
    """
    items = _items(node)
    return (
        len(items) >= 2
        and all(item.style in _LIST_STYLES and not item.run_in and not _items(item) for item in items)
        and all(item.passage.view.rstrip()[-1:] in _CLAUSE_BREAKS for item in items[:-1])
    )


class _Reading:
    """One document's tree, and what has been worked out about its items."""

    def __init__(self, root: Node, issued_on: date | None) -> None:
        self.issued_on = issued_on
        self._titles: dict[tuple[str, str], Passage] = {}
        nodes = list(_walk(root))
        self.flat = not any(node.kind == "item" and not node.inline and node.depth >= 2 for node in nodes)
        self.task_nodes = [node for node in nodes if self._is_task(node)]
        self._tasks = set(self.task_nodes)

    def title(self, piece: Passage) -> Passage:
        # Sections, tasks and the preamble test ask for the same titles.
        key = (piece.text, piece.view)
        if key not in self._titles:
            self._titles[key] = title_of(piece)
        return self._titles[key]

    def _is_task(self, node: Node) -> bool:
        if node.kind == "row":
            return True
        if node.kind != "item" or node.inline:
            return False
        if self._is_preamble(node) or any(self._is_preamble(a) for a in node.ancestors()):
            return False
        if node.parent is not None and _is_enumeration(node.parent):
            return False
        if _items(node) and not _is_enumeration(node):
            return False
        if not node.passage.view.strip():
            return False
        if node.depth == 1 and not self.flat:
            # A heading over a body groups, unless the body itself assigns the work.
            return not node.bare_heading or bool(find_units(node.passage.view, opening=False))
        return True

    def _is_preamble(self, node: Node) -> bool:
        title = self.title(node.passage).view
        return bool(title) and _PREAMBLE.fullmatch(title) is not None

    def task(self, node: Node) -> Task:
        if node.row is not None:
            return self._row_task(node)
        piece = _task_passage(node)
        spans = find_units(piece.view)
        units = _Units.of(piece, spans) if spans else _inherited_units(node)
        return Task(
            path=node.path,
            title=self.title(piece).text,
            text=piece.text,
            lead_units=units.lead,
            cooperating_units=units.cooperating,
            deadline=find_deadline(piece, self.issued_on),
            targets=find_targets(piece),
        )

    def _row_task(self, node: Node) -> Task:
        row = node.row
        assert row is not None
        tasks = row.cells_of("task")
        text = _row_text(row)
        lead: list[str] = []
        cooperating: list[str] = []
        for cell in row.cells_of("lead"):
            found = _Units.of(cell, cell_units(cell.view))
            lead += found.lead
            cooperating += found.cooperating
        for cell in row.cells_of("cooperating"):
            cooperating += names(cell, tuple(split_spans(cell.view, 0, len(cell.view))))
        deadline_cell = row.cell("deadline")
        deadline = (
            parse_deadline_cell(deadline_cell, self.issued_on)
            if deadline_cell.view.strip()
            else find_deadline(text, self.issued_on)
        )
        targets: tuple[Target, ...] = ()
        for cell in [*row.cells_of("target"), text]:
            targets += find_targets(cell)
        return Task(
            path=node.path,
            title=self.title(tasks[0] if tasks else EMPTY).text,
            text=text.text,
            lead_units=_distinct(lead),
            cooperating_units=_distinct(cooperating),
            deadline=deadline,
            targets=targets,
        )

    def section(self, node: Node) -> Section:
        piece = node.passage.strip()
        if node.row is not None:
            tasks = node.row.cells_of("task")
            piece = _row_text(node.row)
            heading = self.title(tasks[0]).text if tasks else ""
        else:
            heading = self.title(piece).text
        return Section(
            path=node.path,
            label=node.label,
            marker=node.marker,
            title=heading,
            text=piece.text,
            is_task=node in self._tasks,
            children=tuple(self.section(child) for child in node.children),
        )


def _task_passage(node: Node) -> Passage:
    piece = node.passage.strip()
    if _is_enumeration(node):
        for item in _items(node):
            piece = piece + Passage("\n", "\n") + passage(item.marker) + item.passage.strip()
    return piece


def title_of(piece: Passage) -> Passage:
    """The opening clause: up to the first 。 ； or ： outside brackets, minus unit notes."""
    piece = piece[role_prefix_end(piece.view) :]
    view = piece.view
    depth, end = 0, len(view)
    for index, char in enumerate(view):
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif depth == 0 and (char in _TITLE_END or char == "\n"):
            end = index
            break
    title = piece[:end]
    groups = bracket_groups(title.view)
    if groups and groups[-1][1] == len(title.view.rstrip()) - 1:
        start, stop = groups[-1]
        if _ROLE_WORDS.search(title.view, start, stop):
            title = title[: start - 1]
    return _trim(title)


def _trim(piece: Passage) -> Passage:
    start, end = 0, len(piece.view)
    while start < end and piece.view[start] in _TITLE_TRIM:
        start += 1
    while end > start and piece.view[end - 1] in _TITLE_TRIM:
        end -= 1
    return piece[start:end]


def _inherited_units(node: Node) -> _Units:
    for ancestor in node.ancestors():
        piece = ancestor.passage
        found = find_units(piece.view, opening=False)
        if found:
            return _Units.of(piece, found)
    return _Units()


@dataclass(frozen=True)
class _Units:
    """Unit names (original script) for a task."""

    lead: tuple[str, ...] = ()
    cooperating: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.lead or self.cooperating)

    @classmethod
    def of(cls, piece: Passage, spans: UnitSpans) -> _Units:
        return cls(names(piece, spans.lead), names(piece, spans.cooperating))


def _row_text(row: Row) -> Passage:
    """The task cells, then any other column (leaders, notes) as 表头：内容."""
    pieces = list(row.cells_of("task"))
    for index, role in enumerate(row.roles):
        cell = row.cells.get(index, EMPTY)
        if cell.view.strip() and role not in _ROW_COLUMNS_ELSEWHERE:
            label = row.headers[index] + "："
            pieces.append(Passage(label, label) + cell)
    text = EMPTY
    for piece in pieces:
        text = piece if not text.view else text + Passage("\n", "\n") + piece
    return text


def _distinct(names_: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names_))
