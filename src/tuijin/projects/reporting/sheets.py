"""The monthly-report workbook: a template prefilled with the reporter's projects for the month (key
columns locked, the action a dropdown), read back by `imports.reports_import`."""

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tuijin.core.periods import format_period
from tuijin.sheets.engine import Column, SheetSpec, build_workbook

from ..models import MonthlyReport, Project


class Action:
    DRAFT = "draft"
    SUBMIT = "submit"
    CHOICES = ((DRAFT, _("Save as draft")), (SUBMIT, _("Submit")))


REPORT_SHEET = SheetSpec(
    name=_("Monthly reports"),
    columns=[
        Column("code", _("Project code"), required=True, locked=True, width=18),
        Column("name", _("Project name"), locked=True, width=32),
        Column("region", _("Region"), locked=True, width=14),
        Column("period", _("Month"), required=True, locked=True, width=10, note=_("YYYY-MM")),
        Column("investment_month", _("Investment completed this month (10k CNY)"), width=16),
        Column("progress_note", _("Physical progress"), width=30),
        Column("started_on", _("Started on"), width=12, note=_("YYYY-MM-DD, only in the month it started")),
        Column("completed_on", _("Completed on"), width=12, note=_("YYYY-MM-DD, only in the month it was completed")),
        Column("problems", _("Problems"), width=30),
        Column("action", _("Save or submit"), required=True, choices=Action.CHOICES, width=12),
        Column("status", _("Status"), locked=True, width=10),
        Column(
            "version",
            _("Version"),
            locked=True,
            width=8,
            note=_("Keep as it is: a report changed by someone else after the download is refused."),
        ),
    ],
)


def _cell_date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def template_rows(projects: QuerySet[Project], period: dt.date) -> list[list[Any]]:
    reports = {r.project_id: r for r in MonthlyReport.objects.filter(project__in=projects.values("pk"), period=period)}
    month = format_period(period)
    draft_label = str(Action.CHOICES[0][1])
    rows = []
    for project in projects.select_related("region").order_by("region__path", "code"):
        report = reports.get(project.pk)
        rows.append(
            [
                project.code,
                project.name,
                project.region.name,
                month,
                report.investment_month if report else None,
                report.progress_note if report else "",
                _cell_date(report.started_on) if report else "",
                _cell_date(report.completed_on) if report else "",
                report.problems if report else "",
                draft_label,
                report.get_status_display() if report else "",
                report.version if report else 0,
            ]
        )
    return rows


def report_template(*, projects: QuerySet[Project], period: dt.date) -> bytes:
    return build_workbook([REPORT_SHEET], {str(REPORT_SHEET.name): template_rows(projects, period)})
