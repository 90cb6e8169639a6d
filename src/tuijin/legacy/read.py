"""Reading a workbook into memory with python-calamine (xlsx, xlsm, xls, ods)."""

from __future__ import annotations

import io
import os
from typing import BinaryIO

import python_calamine
from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from .model import MergedRange, Sheet, Workbook

Source = str | os.PathLike[str] | bytes | BinaryIO


class UnreadableWorkbook(ValueError):
    """The file is not a workbook calamine can open; the message is for the office."""


def read_workbook(source: Source) -> Workbook:
    """Every visible worksheet with its cells and merged blocks.

    Hidden sheets are left out: offices hide last month's copy or lookup lists there,
    not the projects they report.
    """
    book = _open(source)
    sheets = []
    for meta in book.sheets_metadata:
        if meta.typ != SheetTypeEnum.WorkSheet or meta.visible != SheetVisibleEnum.Visible:
            continue
        sheet = book.get_sheet_by_name(meta.name)
        merges = tuple(
            MergedRange(first_row, first_col, last_row, last_col)
            for (first_row, first_col), (last_row, last_col) in sheet.merged_cell_ranges or ()
        )
        sheets.append(Sheet(meta.name, sheet.to_python(skip_empty_area=False), merges))
    return Workbook(tuple(sheets))


def _open(source: Source) -> CalamineWorkbook:
    try:
        if isinstance(source, bytes):
            return CalamineWorkbook.from_filelike(io.BytesIO(source))
        if isinstance(source, str | os.PathLike):
            return CalamineWorkbook.from_path(os.fspath(source))
        return CalamineWorkbook.from_filelike(source)
    except (
        python_calamine.CalamineError,
        python_calamine.ZipError,
        python_calamine.XmlError,
    ) as exc:
        raise UnreadableWorkbook("无法读取该文件，请上传 Excel 工作簿（.xlsx 或 .xls）") from exc
