"""The Excel engine every import and export goes through.

Templates carry dropdown validation and header notes; reading finds columns by their header in
either language, so a reordered sheet still reads; errors go back into the user's own workbook,
each bad cell filled and explained, with a sheet listing them all.
"""

import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from python_calamine import CalamineWorkbook

ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
LISTS_SHEET = "_lists"
DROPDOWN_SPARE_ROWS = 5000  # empty rows below the last one that still offer the dropdowns
# A cell whose text starts like a formula is stored as text so that Excel never evaluates it.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    key: str
    header: Promise | str
    required: bool = False
    choices: Sequence[tuple[str, Promise | str]] | None = None
    width: int = 16
    note: Promise | str = ""
    locked: bool = False
    number_format: str = ""  # for exports: "0.0%" shows a fraction as a percentage, the value stays exact


@dataclass(frozen=True)
class SheetSpec:
    name: Promise | str
    columns: Sequence[Column]
    title: Promise | str = ""

    def headers(self) -> list[str]:
        return [str(c.header) for c in self.columns]


@dataclass(frozen=True)
class CellError:
    sheet: str
    row: int
    column: str
    message: str
    value: Any = None

    def as_text(self) -> str:
        return _("Sheet %(sheet)s, row %(row)s, column %(column)s: %(message)s") % {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class SheetRow:
    sheet: str
    number: int  # as Excel shows it, 1-based
    values: dict[str, Any]
    letters: dict[str, str] = field(default_factory=dict)

    def error(self, key: str, message: str) -> CellError:
        return CellError(self.sheet, self.number, self.letters.get(key, "A"), message, self.values.get(key))


class WorkbookUnreadable(Exception):
    pass


def _write_value(cell: Any, value: Any) -> None:
    if isinstance(value, Promise):
        value = str(value)
    cell.value = value
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        cell.data_type = "s"


def _choice_labels(column: Column) -> list[str]:
    return [str(label) for _value, label in column.choices or ()]


def build_workbook(
    specs: Sequence[SheetSpec],
    rows: dict[str, Iterable[Sequence[Any]]] | None = None,
    finish: Callable[[Workbook], None] | None = None,
) -> bytes:
    """A template (no rows) or an export (rows per sheet name) with headers, notes and dropdowns;
    `finish` may add what the engine does not write (a notice's charts) before the workbook is saved."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    lists = workbook.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    list_column = 0
    for spec in specs:
        sheet = workbook.create_sheet(str(spec.name))
        dropdowns: list[tuple[int, DataValidation]] = []
        header_row = 1
        if spec.title:
            sheet.cell(1, 1, str(spec.title)).font = Font(bold=True, size=13)
            header_row = 2
        for index, column in enumerate(spec.columns, start=1):
            cell = sheet.cell(header_row, index)
            _write_value(cell, f"{column.header}{' *' if column.required else ''}")
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            if column.note:
                cell.comment = Comment(str(column.note), "Tuijin")
            sheet.column_dimensions[get_column_letter(index)].width = column.width
            if column.choices:
                list_column += 1
                letter = get_column_letter(list_column)
                for offset, label in enumerate(_choice_labels(column), start=1):
                    lists.cell(offset, list_column, label)
                ref = f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${len(column.choices)}"
                validation = DataValidation(type="list", formula1=ref, allow_blank=not column.required)
                validation.error = _("Choose a value from the list.")
                validation.errorTitle = _("Not in the list")
                validation.showErrorMessage = True
                sheet.add_data_validation(validation)
                dropdowns.append((index, validation))
        sheet.freeze_panes = f"A{header_row + 1}"
        locked = [c.locked for c in spec.columns]
        for row_values in (rows or {}).get(str(spec.name), ()):
            sheet.append(list(row_values))
        # The dropdowns reach past the last row, for rows a user adds: a province's template holds 20,000.
        last = max(sheet.max_row, header_row) + DROPDOWN_SPARE_ROWS
        for index, validation in dropdowns:
            letter = get_column_letter(index)
            validation.add(f"{letter}{header_row + 1}:{letter}{last}")
        _apply_number_formats(sheet, spec, header_row)
        if any(locked):
            _protect_locked_columns(sheet, spec, header_row)
        for row in sheet.iter_rows(min_row=header_row + 1):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_STARTS):
                    cell.data_type = "s"
    if finish is not None:
        finish(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _apply_number_formats(sheet: Any, spec: SheetSpec, header_row: int) -> None:
    for index, column in enumerate(spec.columns, start=1):
        if column.number_format:
            for (cell,) in sheet.iter_rows(min_row=header_row + 1, min_col=index, max_col=index):
                cell.number_format = column.number_format


def _protect_locked_columns(sheet: Any, spec: SheetSpec, header_row: int) -> None:
    """Key columns are locked so that a reporter cannot retarget a row; the rest stay editable."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.autoFilter = False
    for row in sheet.iter_rows(min_row=header_row + 1, max_row=max(sheet.max_row, header_row + 1)):
        for column, cell in zip(spec.columns, row, strict=False):
            cell.protection = Protection(locked=column.locked)
            if column.locked:
                cell.fill = LOCKED_FILL


def _header_aliases(column: Column) -> set[str]:
    """A column is found by its header in either UI language, or by its key."""
    labels = {column.key.lower()}
    for language in ("zh-hans", "en"):
        with translation.override(language):
            labels.add(_normalise_header(str(column.header)))
    return labels


def _normalise_header(text: Any) -> str:
    return str(text or "").replace("*", "").replace(" ", "").replace("\n", "").strip().lower()


def read_sheets(data: bytes, specs: Sequence[SheetSpec]) -> Iterator[tuple[SheetSpec, list[SheetRow], list[CellError]]]:
    """Rows of each sheet of the spec present in the workbook, keyed by column key."""
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as error:  # calamine raises its own error types for every broken format
        raise WorkbookUnreadable(_("The file is not an Excel workbook (.xlsx) that can be read.")) from error
    names = {name.strip(): name for name in workbook.sheet_names}
    for spec in specs:
        sheet_name = _find_sheet(names, spec)
        if sheet_name is None:
            continue
        grid = workbook.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
        yield spec, *_rows_of(sheet_name, grid, spec)


def _find_sheet(names: dict[str, str], spec: SheetSpec) -> str | None:
    for language in ("zh-hans", "en"):
        with translation.override(language):
            if str(spec.name) in names:
                return names[str(spec.name)]
    return None


def _rows_of(sheet_name: str, grid: list[list[Any]], spec: SheetSpec) -> tuple[list[SheetRow], list[CellError]]:
    header = _find_header(grid, spec)
    if header is None:
        return [], [CellError(sheet_name, 1, "A", _("No header row with the template's column names was found."))]
    header_index, found = header
    missing = [c for c in spec.columns if c.required and c.key not in found]
    if missing:
        return [], [
            CellError(sheet_name, header_index + 1, "A", _("Column “%(header)s” is missing.") % {"header": c.header})
            for c in missing
        ]
    letters = {key: get_column_letter(index + 1) for key, index in found.items()}
    rows = []
    # The hot loop of every import (20,000 rows × a dozen columns): plain loops, no per-cell calls.
    columns = list(found.items())
    for offset, raw in enumerate(grid[header_index + 1 :], start=header_index + 2):
        width, values, empty = len(raw), {}, True
        for key, index in columns:
            value = raw[index] if index < width else None
            if isinstance(value, str):
                value = value.strip() or None
            values[key] = value
            empty = empty and value is None
        if not empty:
            rows.append(SheetRow(sheet_name, offset, values, letters))
    return rows, []


def _find_header(grid: list[list[Any]], spec: SheetSpec) -> tuple[int, dict[str, int]] | None:
    """The first of the top rows naming at least the required columns, with where each column is."""
    aliases = {column.key: _header_aliases(column) for column in spec.columns}
    required = max(1, len([c for c in spec.columns if c.required]))
    for index, row in enumerate(grid[:10]):
        found = {
            key: position
            for position, text in enumerate(row)
            for key, names in aliases.items()
            if _normalise_header(text) in names
        }
        if len(found) >= required:
            return index, found
    return None


def annotate(data: bytes, errors: Sequence[CellError]) -> bytes:
    """The user's workbook back, each bad cell filled and explained, plus a sheet listing every error."""
    workbook = load_workbook(io.BytesIO(data))
    for error in errors:
        if error.sheet not in workbook.sheetnames:
            continue
        cell = workbook[error.sheet][f"{error.column}{error.row}"]
        cell.fill = ERROR_FILL
        previous = cell.comment.text + "\n" if cell.comment else ""
        cell.comment = Comment(previous + error.message, "Tuijin", width=300, height=120)
    summary_name = _("Errors")
    if summary_name in workbook.sheetnames:
        del workbook[summary_name]
    summary = workbook.create_sheet(summary_name, 0)
    summary.append([_("Sheet"), _("Row"), _("Column"), _("Value"), _("Problem")])
    for cell in summary[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for error in errors:
        summary.append(
            [error.sheet, error.row, error.column, "" if error.value is None else str(error.value), error.message]
        )
        for cell in summary[summary.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_STARTS):
                cell.data_type = "s"
    for letter, width in zip("ABCDE", (14, 8, 8, 24, 60), strict=True):
        summary.column_dimensions[letter].width = width
    workbook.active = 0
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
