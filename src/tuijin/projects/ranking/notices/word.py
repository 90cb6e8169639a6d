"""The notice as a Word document laid out the way an office circulates one (after GB/T 9704): the
issuer in red over a red rule, the title, numbered sections in 黑体, body text in 仿宋, tables in 宋体,
native charts, and the issuer and date at the end."""

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import docx
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from tuijin.projects.templatetags.ranking_tags import points, rate, score

from .content import Column, Kind, NoticeContent, Section, Table, heading_number, yi
from .word_chart import add_chart

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
TABLE_FONT = "宋体"
RED = RGBColor(0xC0, 0x00, 0x00)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERS = {Kind.INT, Kind.WAN, Kind.YI, Kind.RATE, Kind.POINTS, Kind.SCORE}


def cell_text(value: Any, kind: str) -> str:
    """A value as the notice prints it; the same formatting as the pages and the sentences."""
    if value is None or value == "":
        return "—" if kind != Kind.TEXT else ""
    if kind == Kind.RATE:
        return rate(value)
    if kind == Kind.POINTS:
        return points(value)
    if kind == Kind.SCORE:
        return score(value)
    if kind == Kind.YI:
        return yi(Decimal(value))
    if kind == Kind.WAN:
        return f"{Decimal(value):,.2f}"
    if kind == Kind.DATE and isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _font(target: Any, name: str, size: float | None = None, bold: bool | None = None) -> None:
    """Sets a run's or a style's font for Latin and East Asian text alike."""
    target.font.name = name
    if size is not None:
        target.font.size = Pt(size)
    if bold is not None:
        target.font.bold = bold
    target.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _paragraph(
    document: Any,
    text: str,
    *,
    font: str = BODY_FONT,
    size: float = 16,
    bold: bool = False,
    align: int | None = None,
    indent: bool = True,
) -> Any:
    paragraph = document.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)
    run = paragraph.add_run(text)
    _font(run, font, size, bold)
    return paragraph


def _setup(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    normal = document.styles["Normal"]
    _font(normal, BODY_FONT, 16)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Pt(28)
    normal.paragraph_format.space_after = Pt(0)


def _red_rule(paragraph: Any) -> None:
    borders = f'<w:pBdr xmlns:w="{W}"><w:bottom w:val="single" w:sz="18" w:space="6" w:color="C00000"/></w:pBdr>'
    paragraph._p.get_or_add_pPr().append(parse_xml(borders))


def _table(document: Any, table: Table) -> None:
    _paragraph(document, table.title, font=SUBHEADING_FONT, bold=True)
    rows = table.rows if table.word_limit is None else table.rows[: table.word_limit]
    grid = document.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    # Wide tables (a ranking has a dozen columns) use 小五 so that they fit the portrait page.
    size = 9 if len(table.columns) > 8 else 10.5
    for cell, column in zip(grid.rows[0].cells, table.columns, strict=True):
        _cell(cell, column.header, column, size, header=True)
    for values in rows:
        for cell, column, value in zip(grid.add_row().cells, table.columns, values, strict=True):
            _cell(cell, cell_text(value, column.kind), column, size)
    if not table.rows:
        _paragraph(document, _("None."), size=12)
    elif len(rows) < table.count:
        _paragraph(document, listed_note(len(rows), table), size=12)


def listed_note(shown: int, table: Table) -> str:
    if len(table.rows) == table.count:
        return _("%(shown)s of %(count)s are listed; the Excel workbook of this notice lists them all.") % {
            "shown": shown,
            "count": table.count,
        }
    return _(
        "%(shown)s of %(count)s are listed; the Excel workbook lists the first %(excel)s, and the platform lists "
        "them all."
    ) % {"shown": shown, "count": table.count, "excel": len(table.rows)}


def _cell(cell: Any, text: str, column: Column, size: float, header: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    paragraph.alignment = (
        WD_ALIGN_PARAGRAPH.CENTER if header else WD_ALIGN_PARAGRAPH.RIGHT if column.kind in NUMBERS else None
    )
    run = paragraph.add_run(text)
    _font(run, TABLE_FONT, size, header)
    if header:
        shading = f'<w:shd xmlns:w="{W}" w:val="clear" w:fill="D9E2F3"/>'
        cell._tc.get_or_add_tcPr().append(parse_xml(shading))


def _section(document: Any, number: int, section: Section, charts: list[int]) -> None:
    _paragraph(document, f"{heading_number(number)}{section.heading}", font=HEADING_FONT)
    for text in section.paragraphs:
        _paragraph(document, text)
    for table in section.tables:
        _table(document, table)
    for chart in section.charts:
        charts[0] += 1
        add_chart(document, chart, charts[0])


def build_docx(content: NoticeContent) -> bytes:
    document = docx.Document()
    _setup(document)
    issuer = _paragraph(
        document, content.issuer, font=TITLE_FONT, size=26, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False
    )
    issuer.runs[0].font.color.rgb = RED
    _red_rule(issuer)
    _paragraph(document, "", indent=False)
    _paragraph(document, content.title, font=TITLE_FONT, size=22, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    _paragraph(document, "", indent=False)
    _paragraph(document, content.opening)
    charts = [0]
    for number, section in enumerate(content.sections, start=1):
        _section(document, number, section, charts)
    _paragraph(document, "", indent=False)
    _paragraph(document, content.issuer, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    _paragraph(document, date_format(content.date, "DATE_FORMAT"), align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
