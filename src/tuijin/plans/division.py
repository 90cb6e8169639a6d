"""The task-division table (任务分工方案) of a document, as offices circulate it: 序号 / 任务 /
牵头单位 / 配合单位 / 完成时限, grouped under the document's top-level headings, in Excel (through
the sheets engine) and in Word (landscape). Written in Chinese whoever exports it, like the notices."""

import io
from dataclasses import dataclass
from typing import Any

import docx
from django.utils import translation
from django.utils.translation import gettext as _
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from tuijin.sheets.engine import Column, SheetSpec, build_workbook

from .models import Document
from .selectors import TaskRow

TITLE_FONT = "方正小标宋简体"
TABLE_FONT = "宋体"
HEADING_FONT = "黑体"
WIDTHS_CM = (1.4, 11.5, 4.5, 5.5, 3.3)  # fills a landscape A4 between 2.5 cm margins


@dataclass(frozen=True)
class Line:
    heading: str  # a top-level heading opens a group; empty on task lines
    number: str = ""
    task: str = ""
    leads: str = ""
    cooperating: str = ""
    deadline: str = ""


def division_lines(document: Document, rows: list[TaskRow]) -> list[Line]:
    headings = {section["path"][0]: f"{section['marker']}{section['title']}" for section in document.outline}
    lines: list[Line] = []
    current = None
    for number, row in enumerate(rows, start=1):
        top = row.task.path.split(".")[0]
        if top != current and top in headings:
            lines.append(Line(heading=headings[top]))
        current = top
        lines.append(
            Line(
                heading="",
                number=str(number),
                task=row.task.title,
                leads="、".join(unit.name for unit in row.leads),
                cooperating="、".join(unit.name for unit in row.cooperating),
                deadline=row.task.deadline_text,
            )
        )
    return lines


def title_of(document: Document) -> str:
    with translation.override("zh-hans"):
        return _("%(title)s: task division") % {"title": document.title}


def _spec(document: Document) -> SheetSpec:
    return SheetSpec(
        name=_("Task division"),
        title=title_of(document),
        columns=[
            Column("number", _("No."), width=6),
            Column("task", _("Task"), width=60),
            Column("leads", _("Lead units"), width=24),
            Column("cooperating", _("Cooperating units"), width=30),
            Column("deadline", _("Deadline"), width=16),
        ],
    )


def division_xlsx(document: Document, rows: list[TaskRow]) -> bytes:
    with translation.override("zh-hans"):
        spec = _spec(document)
        values = [
            (line.heading,) if line.heading else (line.number, line.task, line.leads, line.cooperating, line.deadline)
            for line in division_lines(document, rows)
        ]
        return build_workbook([spec], {str(spec.name): values})


def _font(run: Any, name: str, size: float, bold: bool = False) -> None:
    run.font.name, run.font.size, run.font.bold = name, Pt(size), bold
    run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _cell(cell: Any, text: str, *, bold: bool = False, font: str = TABLE_FONT, center: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(paragraph.add_run(text), font, 11, bold)


def division_docx(document: Document, rows: list[TaskRow]) -> bytes:
    with translation.override("zh-hans"):
        word = docx.Document()
        section = word.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.5))
        title = word.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(title.add_run(title_of(document)), TITLE_FONT, 20)
        if document.doc_number:
            number = word.add_paragraph()
            number.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(number.add_run(document.doc_number), TABLE_FONT, 12)
        headers = [str(column.header) for column in _spec(document).columns]
        table = word.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            _cell(cell, header, bold=True, font=HEADING_FONT, center=True)
        for line in division_lines(document, rows):
            cells = table.add_row().cells
            if line.heading:
                merged = cells[0].merge(cells[-1])
                _cell(merged, line.heading, bold=True, font=HEADING_FONT)
                continue
            for index, text in enumerate((line.number, line.task, line.leads, line.cooperating, line.deadline)):
                _cell(cells[index], text, center=index in (0, 4))
        for row in table.rows:
            for cell, width in zip(row.cells, WIDTHS_CM, strict=False):
                cell.width = Cm(width)
        buffer = io.BytesIO()
        word.save(buffer)
        return buffer.getvalue()
