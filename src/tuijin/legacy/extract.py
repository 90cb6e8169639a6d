"""Turning the body of each detected sheet into project rows, skips and cell errors."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from .layout import apply_overrides, check_period, detect, detect_sheet
from .model import (
    MONEY_FIELDS,
    MONTH_FIELDS,
    CellError,
    CellValue,
    Extraction,
    Field,
    Overrides,
    Row,
    Sheet,
    SheetLayout,
    Skip,
    StageWord,
    Workbook,
    column_letter,
)
from .read import Source, read_workbook
from .rows import Verdict, read_body
from .text import cell_text, clean_text, is_blank
from .values import NEW_BUILD, BadValue, parse_money, parse_month, seq_text, stage_of

# Investment figures that show work has begun, for telling a 新建 row's stage.
_DONE_FIELDS: tuple[Field, ...] = ("investment_month", "investment_ytd", "investment_since_start")
# A merged block in the body holds one value for all its rows (one 责任单位 for three
# projects): text and dates are shared. Money is not, or a package total would be
# counted once per project.
_SHARED_FIELDS = frozenset(
    {"code", "content", "region", "owner", "responsible_unit", "responsible_person"}
    | {"start", "completion", "stage", "progress_note", "problems", "industry", "remark"}
)


def extract_file(source: Source, period: str | None = None, overrides: Overrides | None = None) -> Extraction:
    """Read, detect and extract in one go: what the command line and a dry run need."""
    workbook = read_workbook(source)
    return extract(workbook, detect(workbook, period), period, overrides)


def extract(
    workbook: Workbook,
    layouts: Sequence[SheetLayout],
    period: str | None = None,
    overrides: Overrides | None = None,
) -> Extraction:
    """The project rows of the sheets laid out by `layouts`, as the user confirmed them.

    `period` ("YYYY-MM") re-reads the layouts for that month where they were detected
    for another; `overrides` are confirmed mappings by signature. When any cell is bad,
    `errors` lists them all and `rows` is empty: an import is all or nothing.
    """
    check_period(period)
    rows: list[Row] = []
    skipped: list[Skip] = []
    errors: list[CellError] = []
    for detected in layouts:
        sheet = workbook.sheet(detected.sheet)
        layout = detected
        if period and period != detected.period:
            layout = detect_sheet(sheet, period) or detected
        layout = apply_overrides(layout, overrides)
        _extract_sheet(sheet, layout, rows, skipped, errors)
    return Extraction(() if errors else tuple(rows), tuple(skipped), tuple(errors))


def _extract_sheet(
    sheet: Sheet,
    layout: SheetLayout,
    rows: list[Row],
    skipped: list[Skip],
    errors: list[CellError],
) -> None:
    if layout.column_for("name") is None:
        raise ValueError(f"工作表「{sheet.name}」没有指定项目名称列")
    year = int(layout.period[:4]) if layout.period else None
    readers = [
        (column.index, column.field, _reader(column.field, column.unit, year))
        for column in layout.columns
        if column.field not in ("ignore", "name")  # the row's verdict has the name
    ]
    shared = _shared_cells(sheet, layout)
    for verdict in read_body(sheet.cells, layout):
        if verdict.reason:
            skipped.append(Skip(sheet.name, verdict.row + 1, verdict.reason, verdict.text))
            continue
        line = sheet.cells[verdict.row]
        values: dict[str, object] = {}
        for col, field, read in readers:
            value = line[col] if col < len(line) else None
            if shared:
                value = shared.get((verdict.row, col), value)
            try:
                values[field] = read(value)
            except BadValue as bad:
                errors.append(
                    CellError(
                        sheet.name,
                        verdict.row + 1,
                        column_letter(col),
                        cell_text(value),
                        bad.message,
                        field,
                    )
                )
        rows.append(_row(sheet.name, verdict, values, layout.stage))


def _row(sheet: str, verdict: Verdict, values: dict[str, object], sheet_stage: StageWord | None) -> Row:
    stage = values.pop("stage", None) or verdict.stage or sheet_stage
    if stage == NEW_BUILD:
        started = any(values.get(field) for field in _DONE_FIELDS)
        stage = "construction" if started else "preparing"
    group = verdict.heading.text if verdict.heading else None
    return Row(
        sheet=sheet,
        row=verdict.row + 1,
        name=verdict.name or "",
        stage=stage,  # type: ignore[arg-type]
        group=group or None,
        **values,  # type: ignore[arg-type]
    )


def _reader(field: Field, unit: Decimal, year: int | None) -> Callable[[CellValue], object]:
    if field in MONEY_FIELDS:
        return lambda value: parse_money(value, unit)
    if field in MONTH_FIELDS:
        return lambda value: parse_month(value, year)
    if field == "stage":
        return lambda value: None if is_blank(value) else stage_of(cell_text(value))
    if field == "seq":
        return seq_text
    return clean_text


def _shared_cells(sheet: Sheet, layout: SheetLayout) -> dict[tuple[int, int], CellValue]:
    """The value each body cell shows through a vertical merge in a shared-text column."""
    columns = {column.index for column in layout.columns if column.field in _SHARED_FIELDS}
    shared: dict[tuple[int, int], CellValue] = {}
    for merge in sheet.merges:
        if merge.first_row < layout.data_start - 1 or merge.first_col not in columns:
            continue
        value = sheet.value(merge.first_row, merge.first_col)
        for r in range(merge.first_row + 1, merge.last_row + 1):
            shared[(r, merge.first_col)] = value
    return shared
