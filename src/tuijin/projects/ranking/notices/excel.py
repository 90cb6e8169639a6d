"""The notice as an Excel workbook: the notice's text on the first sheet, every table on a sheet of
its own with all its rows (Word shows the first ones), and each chart as a native Excel chart."""

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference

from tuijin.core.money import WAN_PER_YI
from tuijin.sheets.engine import Column, SheetSpec, build_workbook

from ..sheets import sheet_name
from .content import Chart, Kind, NoticeContent, Table, heading_number

FORMATS = {
    Kind.RATE: "0.0%",
    Kind.POINTS: "+0.0;-0.0;0.0",
    Kind.SCORE: "0.0",
    Kind.YI: "#,##0.00",
    Kind.WAN: "#,##0.00",
    Kind.DATE: "yyyy-mm-dd",
}
WIDTHS = {Kind.TEXT: 24, Kind.DATE: 12}


def cell_value(value: Any, kind: str) -> Any:
    """Numbers stay numbers (rates as exact fractions shown as percentages); money in 100M CNY columns
    is divided exactly."""
    if value is None:
        return None
    if kind in (Kind.RATE, Kind.POINTS, Kind.SCORE):
        return float(value)
    if kind == Kind.YI:
        return Decimal(value) / WAN_PER_YI
    return value


def listed_note(table: Table) -> str:
    return _("%(shown)s of %(count)s are listed, the furthest behind first; the platform lists them all.") % {
        "shown": len(table.rows),
        "count": table.count,
    }


def build_xlsx(content: NoticeContent) -> bytes:
    taken: set[str] = set()
    text_sheet = sheet_name(_("Notice"), taken)
    specs = [SheetSpec(text_sheet, [Column("text", content.issuer, width=120)], title=content.title)]
    rows: dict[str, list[list[Any]]] = {text_sheet: [[content.opening]]}
    charts: list[tuple[str, Chart]] = []
    for number, section in enumerate(content.sections, start=1):
        rows[text_sheet].append([f"{heading_number(number)}{section.heading}"])
        rows[text_sheet] += [[text] for text in section.paragraphs]
        for table in section.tables:
            name = sheet_name(table.sheet or table.title, taken)
            columns = [
                Column(f"c{i}", c.header, width=WIDTHS.get(c.kind, 14), number_format=FORMATS.get(c.kind, ""))
                for i, c in enumerate(table.columns)
            ]
            title = table.title if len(table.rows) == table.count else f"{table.title}: {listed_note(table)}"
            specs.append(SheetSpec(name, columns, title=title))
            rows[name] = [
                [cell_value(v, c.kind) for v, c in zip(values, table.columns, strict=True)] for values in table.rows
            ]
        for chart in section.charts:
            charts_made = len(charts) + 1
            name = sheet_name(_("Chart %(number)s") % {"number": charts_made}, taken)
            series = [*chart.bars, *([(chart.line[0], [chart.line[1]] * len(chart.categories))] if chart.line else [])]
            columns = [Column("category", "", width=20)] + [
                Column(f"s{i}", title, width=14, number_format="0.0%") for i, (title, _v) in enumerate(series)
            ]
            specs.append(SheetSpec(name, columns, title=chart.title))
            rows[name] = [
                [category, *[values[i] for _t, values in series]] for i, category in enumerate(chart.categories)
            ]
            charts.append((name, chart))
    return build_workbook(specs, rows, finish=lambda workbook: _add_charts(workbook, charts))


def _add_charts(workbook: Workbook, charts: list[tuple[str, Chart]]) -> None:
    """Each chart sheet holds its figures from row 3 (title, then headers); the chart sits beside them."""
    for name, chart in charts:
        sheet = workbook[name]
        last = 2 + len(chart.categories)
        bars = BarChart()
        bars.type, bars.title, bars.height, bars.width = "col", chart.title, 9, 18
        bars.y_axis.number_format = "0%"
        bars.add_data(
            Reference(sheet, min_col=2, max_col=1 + len(chart.bars), min_row=2, max_row=last), titles_from_data=True
        )
        bars.set_categories(Reference(sheet, min_col=1, min_row=3, max_row=last))
        if chart.line:
            line = LineChart()
            column = 2 + len(chart.bars)
            line.add_data(
                Reference(sheet, min_col=column, max_col=column, min_row=2, max_row=last), titles_from_data=True
            )
            bars += line
        sheet.add_chart(bars, f"{chr(ord('A') + len(chart.bars) + 3)}3")
