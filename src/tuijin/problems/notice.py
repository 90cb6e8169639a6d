"""Flagged problems in the monthly notice (挂牌督办 problems appear in notices until resolved). The
ranking branch's notice builder calls `notice_section` and writes it with `notice_section_docx`
(Word) or `notice_section_rows` (Excel, through the sheets engine)."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tuijin.core.periods import add_months, format_period
from tuijin.org.models import Programme
from tuijin.sheets.engine import Column, SheetSpec

from .models import Problem, ProblemLevel


def flagged_for_notice(*, programme: Programme, period: dt.date) -> QuerySet[Problem]:
    """Problems flagged by the end of the month and not resolved by then (a reopened problem is
    unresolved again), in the order the notice lists them."""
    end = timezone.make_aware(dt.datetime.combine(add_months(period, 1), dt.time.min))
    return (
        Problem.objects.filter(project__programme=programme, flagged=True, flagged_at__lt=end)
        .filter(Q(resolved_at__isnull=True) | Q(resolved_at__gte=end))
        .select_related("project__region", "owner_unit", "flag_leader")
        .order_by("flag_due_on", "pk")
    )


@dataclass(frozen=True)
class NoticeSection:
    title: str
    intro: str
    spec: SheetSpec
    rows: list[list[Any]]


def notice_section(*, programme: Programme, period: dt.date) -> NoticeSection:
    month_end = add_months(period, 1) - dt.timedelta(days=1)
    problems = list(flagged_for_notice(programme=programme, period=period))
    overdue = sum(1 for p in problems if p.flag_due_on < month_end)
    spec = SheetSpec(
        _("Flagged problems"),
        [
            Column("title", _("problem"), width=36),
            Column("project", _("project"), width=28),
            Column("region", _("region"), width=14),
            Column("owner", _("owner unit"), width=22),
            Column("level", _("level"), width=10),
            Column("leader", _("responsible leader"), width=12),
            Column("due", _("supervision due on"), width=12),
            Column("state", _("state"), width=12),
        ],
    )
    rows = [
        [
            p.title,
            p.project.name,
            p.project.region.name,
            p.owner_unit.name,
            str(ProblemLevel(p.level).label),
            p.flag_leader.name if p.flag_leader_id else "",
            p.flag_due_on.isoformat(),
            _("Overdue") if p.flag_due_on < month_end else _("In time"),
        ]
        for p in problems
    ]
    intro = _(
        "At the end of %(period)s, %(count)s problems were under supervision, %(overdue)s of them past their date."
    ) % {"period": format_period(period), "count": len(problems), "overdue": overdue}
    return NoticeSection(_("Problems flagged for supervision"), intro, spec, rows)


def notice_section_rows(section: NoticeSection) -> tuple[SheetSpec, list[list[Any]]]:
    """The section as a sheet for `tuijin.sheets.engine.build_workbook`."""
    return section.spec, section.rows


def notice_section_docx(document: Any, section: NoticeSection) -> None:
    """Appends the section to a python-docx document: a heading, the summary line and the table."""
    document.add_heading(section.title, level=2)
    document.add_paragraph(section.intro)
    if not section.rows:
        return
    table = document.add_table(rows=1, cols=len(section.spec.columns))
    table.style = "Table Grid"
    for cell, column in zip(table.rows[0].cells, section.spec.columns, strict=True):
        cell.text = str(column.header)
    for values in section.rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = str(value)
