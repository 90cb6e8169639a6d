"""What the reader works with and hands back: workbooks, layouts, rows, skips and cell errors.

Everything here is a frozen value, so the Django side can keep a layout between the
mapping screen and the import without worrying that the reader changes it underneath.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, get_args

CellValue = str | float | int | bool | dt.datetime | dt.date | dt.time | dt.timedelta | None

Stage = Literal["conceived", "reserve", "preparing", "construction", "operating", "full_output", "exited"]
STAGES: tuple[Stage, ...] = get_args(Stage)
# What a sheet may say of a stage: a stage, or 新建 and its kin, which need the row's
# figures to tell whether the work has started (see values.py).
StageWord = Stage | Literal["new_build"]

Field = Literal[
    "seq",
    "code",
    "name",
    "content",
    "region",
    "owner",
    "responsible_unit",
    "responsible_person",
    "total_investment",
    "annual_plan",
    "investment_month",
    "investment_ytd",
    "investment_since_start",
    "start",
    "completion",
    "stage",
    "progress_note",
    "problems",
    "industry",
    "remark",
    "ignore",
]
FIELDS: tuple[Field, ...] = get_args(Field)
# What the mapping screen calls each field.
FIELD_LABELS: dict[Field, str] = {
    "seq": "序号",
    "code": "项目代码",
    "name": "项目名称",
    "content": "建设内容",
    "region": "建设地点",
    "owner": "项目单位",
    "responsible_unit": "责任单位",
    "responsible_person": "责任人",
    "total_investment": "总投资",
    "annual_plan": "年度计划投资",
    "investment_month": "本月完成投资",
    "investment_ytd": "本年累计完成投资",
    "investment_since_start": "开工累计完成投资",
    "start": "开工时间",
    "completion": "竣工时间",
    "stage": "项目阶段",
    "progress_note": "形象进度",
    "problems": "存在问题",
    "industry": "所属产业",
    "remark": "备注",
    "ignore": "不导入",
}
MONEY_FIELDS: frozenset[Field] = frozenset(
    {
        "total_investment",
        "annual_plan",
        "investment_month",
        "investment_ytd",
        "investment_since_start",
    }
)
MONTH_FIELDS: frozenset[Field] = frozenset({"start", "completion"})

# A mapping the user confirmed, by layout signature: column index (0-based) -> field.
Overrides = Mapping[str, Mapping[int, Field]]


def column_letter(index: int) -> str:
    """Excel's name for a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class MergedRange:
    """A merged block, 0-based and inclusive on both ends."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int


@dataclass(frozen=True)
class Sheet:
    name: str
    cells: list[list[CellValue]]  # cells[r][c], 0-based; Excel shows row r + 1
    merges: tuple[MergedRange, ...] = ()

    @property
    def height(self) -> int:
        return len(self.cells)

    def value(self, row: int, col: int) -> CellValue:
        if row >= len(self.cells):
            return None
        line = self.cells[row]
        return line[col] if col < len(line) else None


@dataclass(frozen=True)
class Workbook:
    sheets: tuple[Sheet, ...]

    def sheet(self, name: str) -> Sheet:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(name)


@dataclass(frozen=True)
class Column:
    index: int  # 0-based
    header: str  # normalised header path, parents first: "投资完成情况/本月"
    field: Field
    confidence: float  # 1.0 for a textbook header, lower for guesses the user should check
    unit: Decimal  # multiplier from this column's money unit to 万元

    @property
    def letter(self) -> str:
        return column_letter(self.index)


@dataclass(frozen=True)
class SheetLayout:
    sheet: str
    header_rows: tuple[int, int]  # first and last header row, 1-based inclusive
    data_start: int  # 1-based row of the first row below the header block
    columns: tuple[Column, ...]
    money_unit: Decimal  # the sheet's unit line as a multiplier to 万元 (1 when it says none)
    period: str | None  # "YYYY-MM", given by the caller or read from the title
    title: str | None
    signature: str
    stage: StageWord | None  # what the sheet name or title says of every row, if anything

    def column_for(self, field: Field) -> Column | None:
        for column in self.columns:
            if column.field == field:
                return column
        return None


@dataclass(frozen=True)
class Row:
    """One project row, normalised: money in 万元, months as "YYYY-MM"."""

    sheet: str
    row: int  # 1-based, as Excel shows it
    name: str
    seq: str | None = None
    code: str | None = None
    content: str | None = None
    region: str | None = None
    owner: str | None = None
    responsible_unit: str | None = None
    responsible_person: str | None = None
    total_investment: Decimal | None = None
    annual_plan: Decimal | None = None
    investment_month: Decimal | None = None
    investment_ytd: Decimal | None = None
    investment_since_start: Decimal | None = None
    start: str | None = None
    completion: str | None = None
    stage: Stage | None = None
    progress_note: str | None = None
    problems: str | None = None
    industry: str | None = None
    remark: str | None = None
    group: str | None = None  # the heading of the group the row sits under, numbering removed


@dataclass(frozen=True)
class Skip:
    sheet: str
    row: int  # 1-based
    reason: str  # in Chinese: 合计行, 小计行, 分组行, 空行, 备注行, 签名行, 重复表头, 无项目名称
    text: str  # what the row says, for the preview


@dataclass(frozen=True)
class CellError:
    sheet: str
    row: int  # 1-based
    column: str  # Excel letter
    value: str  # the cell as written
    message: str  # in Chinese, for the annotated workbook
    field: Field


@dataclass(frozen=True)
class Extraction:
    """What a workbook holds. When any cell is bad nothing is importable, so `rows` is empty."""

    rows: tuple[Row, ...]
    skipped: tuple[Skip, ...]
    errors: tuple[CellError, ...]

    @property
    def ok(self) -> bool:
        return not self.errors
