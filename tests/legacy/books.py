"""Writing office-style workbooks with openpyxl, as an office would, for the reader to read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl


@dataclass
class SheetSpec:
    rows: Sequence[Sequence[Any]]  # from A1 down; None leaves a cell empty
    merges: Sequence[str] = ()
    hidden: bool = False
    first_column: int = 1
    number_formats: dict[str, str] = field(default_factory=dict)


def write_book(path: Path, sheets: dict[str, SheetSpec]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, spec in sheets.items():
        sheet = book.create_sheet(name)
        for r, values in enumerate(spec.rows, 1):
            for c, value in enumerate(values, spec.first_column):
                if value is not None:
                    sheet.cell(r, c, value)
        for merged in spec.merges:
            sheet.merge_cells(merged)
        for cell, number_format in spec.number_formats.items():
            sheet[cell].number_format = number_format
        if spec.hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def json_row(
    sheet: str,
    row: int,
    name: str,
    total: float | None = None,
    plan: float | None = None,
    month: float | None = None,
    ytd: float | None = None,
    unit: str | None = None,
    start: str | None = None,
    stage: str | None = None,
) -> dict[str, Any]:
    """A row of the dry-run JSON, written the short way."""
    return {
        "sheet": sheet,
        "row": row,
        "name": name,
        "total_investment": total,
        "annual_plan": plan,
        "investment_month": month,
        "investment_ytd": ytd,
        "responsible_unit": unit,
        "start": start,
        "stage": stage,
    }


def skip(sheet: str, row: int, reason: str) -> dict[str, Any]:
    return {"sheet": sheet, "row": row, "reason": reason}
