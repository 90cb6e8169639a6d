"""Detecting a sheet's layout: header block, proposed fields, money unit, period, signature."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from .fields import Proposal, propose, settle
from .headers import HeaderBlock, find_header
from .model import FIELDS, Column, Field, Overrides, Sheet, SheetLayout, Workbook
from .text import cell_text, fold, is_blank
from .values import WAN, money_unit_in, stage_named, stage_stated

_PERIOD = re.compile(
    r"(?P<year>(?:19|20)\d{2})年(?:\d{1,2}[-至])?(?P<month>\d{1,2})月"
    r"|(?P<y>(?:19|20)\d{2})\.(?P<m>\d{1,2})(?!\d)"
)
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_MONTH = re.compile(r"(?<!\d)(\d{1,2})月")
_NOT_A_TITLE = re.compile(r"^附件|^附表|单位:|^\(?[万亿]?元\)?$|填报|填表|制表|报送")
_FILLED_IN = re.compile(r"填报|填表|制表|报送|日期|时间")
_MONTH_SPAN = re.compile(r"(?<!\d)\d{1,2}[-至](\d{1,2})月")
_UNIT_CELL = re.compile(r"单位:(.+)|^单位(.+)")
_UNIT_LINE = re.compile(r"单位:(.+)|^单位(.+)|\((亿元|万元|元)\)$|^(万元|亿元)$")
_UNIT_NOTE = re.compile(r"单位[为是:](亿元|万元|千元|元)")
_NOTE_ROWS = 15
_PAREN = re.compile(r"\(([^()]*)\)")
_MONTH_NUMBERS = re.compile(r"\d+|[一二三四五六七八九十]+(?=月)")
_SNIFF_ROWS = 200


def detect(workbook: Workbook, period: str | None = None) -> list[SheetLayout]:
    """The layout of every sheet that holds a project table; other sheets are left out.

    `period` ("YYYY-MM") is the month being reported; without it each sheet's title
    (or sheet name, or its "1-N月" headers with a year) says it, when it does.
    """
    check_period(period)
    return [layout for sheet in workbook.sheets if (layout := detect_sheet(sheet, period))]


def detect_sheet(sheet: Sheet, period: str | None = None) -> SheetLayout | None:
    block = find_header(sheet)
    if block is None:
        return None
    above = _texts_above(sheet, block.top)
    title = next((text for text in above if not _NOT_A_TITLE.search(fold(text))), None)
    period = period or _period(above, sheet.name, block.paths)
    proposals = [
        _decide_by_cells(sheet, block, index, proposal)
        for index, proposal in enumerate(propose(path) for path in block.paths)
    ]
    settled = settle(_progress_as_stage(sheet, block, proposals), period)
    if not any(proposal.field == "name" for proposal in settled):
        return None  # a summary by county or a notes sheet: not a list of projects
    sheet_unit = _sheet_unit(sheet, block)
    columns = tuple(
        Column(
            index=index,
            header="/".join(path),
            field=proposal.field,
            confidence=proposal.confidence,
            unit=_column_unit(path) or sheet_unit,
        )
        for index, (path, proposal) in enumerate(zip(block.paths, settled, strict=True))
    )
    folded_title = fold(title) if title else ""
    return SheetLayout(
        sheet=sheet.name,
        header_rows=(block.top + 1, block.bottom + 1),
        data_start=block.data_start + 1,
        columns=columns,
        money_unit=sheet_unit,
        period=period,
        title=title,
        signature=signature_of(block.paths),
        stage=stage_stated(fold(sheet.name)) or stage_stated(folded_title),
    )


def signature_of(paths: Sequence[Sequence[str]]) -> str:
    """A stable hash of the header texts with month and year numbers taken out.

    Next month's sheet of the same layout ("1-11月累计" for "1-10月累计") hashes the same,
    so a mapping confirmed once is found again.
    """
    canonical = "\x1f".join("/".join(_MONTH_NUMBERS.sub("", part) for part in path) for path in paths)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def apply_overrides(layout: SheetLayout, overrides: Overrides | None) -> SheetLayout:
    """The layout with the user's confirmed mapping for its signature, if there is one.

    A field the user gives to a column is taken away from any column proposed for it.
    """
    mapping: Mapping[int, Field] = (overrides or {}).get(layout.signature, {})
    if not mapping:
        return layout
    unknown = set(mapping.values()) - set(FIELDS)
    if unknown:
        raise ValueError(f"未知字段：{', '.join(sorted(unknown))}")
    chosen = {field for field in mapping.values() if field != "ignore"}
    columns = tuple(
        replace(column, field=mapping[column.index], confidence=1.0)
        if column.index in mapping
        else replace(column, field="ignore", confidence=0.0)
        if column.field in chosen
        else column
        for column in layout.columns
    )
    return replace(layout, columns=columns)


def check_period(period: str | None) -> None:
    if period is not None and not re.fullmatch(r"(19|20)\d{2}-(0[1-9]|1[0-2])", period):
        raise ValueError(f"报告期应为 YYYY-MM：{period}")


def _texts_above(sheet: Sheet, top: int) -> list[str]:
    """The non-empty texts of the rows above the header, row by row."""
    texts: list[str] = []
    for line in sheet.cells[:top]:
        texts.extend(cell_text(value).strip() for value in line if not is_blank(value))
    return texts


def _period(above: list[str], sheet_name: str, paths: Sequence[Sequence[str]]) -> str | None:
    """The month a sheet reports on, from its title, else its name, else its headers.

    Dates of filling in ("填报日期：2023年11月5日") are not the period: they come after it.
    """
    titles = [text for text in map(fold, above) if not _FILLED_IN.search(text)]
    name = fold(sheet_name)
    for text in [*titles, name]:
        found = _PERIOD.search(text)
        if found:
            year, month = int(found["year"] or found["y"]), int(found["month"] or found["m"])
            if 1 <= month <= 12:
                return f"{year}-{month:02d}"
    headers = ["".join(path) for path in paths]
    for text in headers:  # "2023年1-10月完成"
        found = _PERIOD.search(text)
        if found and found["year"] and 1 <= int(found["month"]) <= 12:
            return f"{found['year']}-{int(found['month']):02d}"
    months = [int(m) for text in [*titles, name] for m in _MONTH.findall(text) if 1 <= int(m) <= 12] or [
        int(m) for text in headers for m in _MONTH_SPAN.findall(text) if 1 <= int(m) <= 12
    ]
    years = [int(y) for text in [*titles, name] for y in _YEAR.findall(text)]
    # Headers may name other years too ("2024年计划"): they tell the year only alone.
    header_years = {int(y) for text in headers for y in _YEAR.findall(text)}
    if not years and len(header_years) == 1:
        years = list(header_years)
    if years and months:
        return f"{max(years)}-{max(months):02d}"
    return None


def _sheet_unit(sheet: Sheet, block: HeaderBlock) -> Decimal:
    """The unit line's money unit. Above the header a title's "(亿元)" says it too; in the
    header only a "单位：" cell does, as "总投资(亿元)" speaks for its own column alone.
    Failing those, a note under the table may say it ("注：金额单位为亿元")."""
    top = [
        (line, _UNIT_LINE if r < block.top else _UNIT_CELL) for r, line in enumerate(sheet.cells[: block.bottom + 1])
    ]
    notes = [(line, _UNIT_NOTE) for line in sheet.cells[-_NOTE_ROWS:]]
    for line, pattern in [*top, *notes]:
        for value in line:
            if isinstance(value, str):
                found = pattern.search(fold(value))
                unit = found and money_unit_in(next(g for g in found.groups() if g))
                if unit:
                    return unit
    return WAN


def _column_unit(path: Sequence[str]) -> Decimal | None:
    for part in reversed(path):
        for inside in _PAREN.findall(part):
            unit = money_unit_in(inside)
            if unit:
                return unit
        if part.endswith(("万元", "亿元")):
            return money_unit_in(part[-2:])
    return None


def _sample(sheet: Sheet, block: HeaderBlock, index: int) -> list[str]:
    return [
        cell_text(sheet.value(r, index)).strip()
        for r in range(block.data_start, min(sheet.height, block.data_start + _SNIFF_ROWS))
        if not is_blank(sheet.value(r, index))
    ]


def _decide_by_cells(sheet: Sheet, block: HeaderBlock, index: int, proposal: Proposal) -> Proposal:
    """A 类别 or 类型 column holds stages or industries: its cells tell which."""
    if not proposal.ambiguous:
        return proposal
    values = _sample(sheet, block, index)
    staged = sum(1 for value in values if stage_named(value))
    if values and staged * 2 >= len(values):
        return Proposal("stage", 0.9)
    leaf = block.paths[index][-1]
    return Proposal("industry", 0.5) if re.search("类别|类型", leaf) else Proposal("ignore", 0.0)


def _progress_as_stage(sheet: Sheet, block: HeaderBlock, proposals: list[Proposal]) -> list[Proposal]:
    """Where no column is the stage, a 进展 column that holds only stage words ("在建",
    "竣工") is the stage: it says no more than that."""
    if any(proposal.field == "stage" for proposal in proposals):
        return proposals
    decided = list(proposals)
    for index, proposal in enumerate(proposals):
        if proposal.field != "progress_note":
            continue
        values = _sample(sheet, block, index)
        words = sum(1 for value in values if stage_named(value))
        if values and words * 10 >= len(values) * 6:
            decided[index] = Proposal("stage", 0.7)
            break
    return decided
