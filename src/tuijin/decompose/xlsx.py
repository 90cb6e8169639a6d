"""The task-division table as an Excel workbook: 序号 任务 牵头单位 配合单位 完成时限 目标."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .model import Decomposition, Task

HEADERS = ("序号", "任务", "牵头单位", "配合单位", "完成时限", "目标")
_WIDTHS = (8, 70, 28, 28, 16, 36)
# Spreadsheet programs run a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """Text that a spreadsheet will show rather than evaluate."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def task_row(index: int, task: Task) -> tuple[str, ...]:
    deadline = task.deadline.text if task.deadline else ""
    targets = "；".join(target.text for target in task.targets)
    return (
        str(index),
        task.text,
        "、".join(task.lead_units),
        "、".join(task.cooperating_units),
        deadline,
        targets,
    )


def write_xlsx(decomposition: Decomposition, path: str | Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "任务分工"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, task in enumerate(decomposition.tasks, start=1):
        sheet.append([safe_cell(value) for value in task_row(index, task)])
    for column, width in zip("ABCDEF", _WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    workbook.save(path)
