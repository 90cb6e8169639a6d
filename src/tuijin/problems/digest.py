"""The green channel's weekly digest (绿色通道, 每周汇总梳理, seed 001 七(一)): the week's new, resolved,
overdue and flagged problems, grouped by category, region and level, with the projects they hold
back; exported to Excel and Word for the special consultation meeting.

The content is a plain snapshot (names, dates, level and status keys); labels are translated when
it is shown or exported, so a produced digest reads the same in a year, in either language."""

import datetime as dt
import io
from collections import Counter
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.shared import Pt

from tuijin.core.money import wan_to_yi
from tuijin.dispatch.messages import Message
from tuijin.dispatch.selectors import recipients_for
from tuijin.dispatch.services import notify
from tuijin.org.models import Programme
from tuijin.sheets.engine import Column, SheetSpec, build_workbook

from .models import LEVEL_ORDER, Problem, ProblemLevel, ProblemStatus, WeeklyDigest

SECTIONS = ("new", "resolved", "overdue", "flagged")
SECTION_LABELS = {
    "new": gettext_lazy("New"),
    "resolved": gettext_lazy("Resolved"),
    "overdue": gettext_lazy("Overdue"),
    "flagged": gettext_lazy("Flagged"),
}


def week_of(day: dt.date) -> dt.date:
    """The Monday a week starts on."""
    return day - dt.timedelta(days=day.weekday())


def _row(problem: Problem) -> dict[str, Any]:
    project = problem.project
    return {
        "id": problem.pk,
        "title": problem.title,
        "project": project.name,
        "project_code": project.code,
        "category": problem.category.name,
        "region": project.region.name,
        "level": problem.level,
        "owner": problem.owner_unit.name,
        "status": problem.status,
        "raised_on": timezone.localdate(problem.raised_at).isoformat(),
        "due_on": problem.due_on.isoformat(),
        "resolved_on": timezone.localdate(problem.resolved_at).isoformat() if problem.resolved_at else "",
        "days_to_resolve": problem.days_to_resolve,
        "flag_leader": problem.flag_leader.name if problem.flag_leader_id else "",
        "flag_due_on": problem.flag_due_on.isoformat() if problem.flag_due_on else "",
    }


def _grouped(sections: dict[str, list[dict]], key: str, order: list[str] | None = None) -> list[dict]:
    counts: dict[str, Counter] = {}
    for section, rows in sections.items():
        for row in rows:
            counts.setdefault(row[key], Counter())[section] += 1
    names = order if order is not None else sorted(counts)
    return [{"name": name, **{s: counts.get(name, Counter())[s] for s in SECTIONS}} for name in names if name in counts]


def digest_build(*, programme: Programme, week_start: dt.date, now: dt.datetime | None = None) -> dict[str, Any]:
    """The digest of one programme's week, as of the week's end (or now, for the week under way)."""
    start = timezone.make_aware(dt.datetime.combine(week_start, dt.time.min))
    end = start + dt.timedelta(days=7)
    as_of = min(now or timezone.now(), end)
    problems = Problem.objects.filter(project__programme=programme).select_related(
        "project__region", "category", "owner_unit", "flag_leader"
    )
    open_now = Q(status=ProblemStatus.OPEN)
    querysets = {
        "new": problems.filter(raised_at__gte=start, raised_at__lt=end),
        "resolved": problems.filter(resolved_at__gte=start, resolved_at__lt=end),
        "overdue": problems.filter(open_now, due_on__lt=timezone.localdate(as_of), raised_at__lt=end),
        "flagged": problems.filter(open_now, flagged=True, flagged_at__lt=end),
    }
    sections = {
        name: [_row(p) for p in qs.order_by("project__region__path", "raised_at", "pk")]
        for name, qs in querysets.items()
    }
    held: dict[int, dict[str, Any]] = {}
    for problem in problems.filter(open_now, raised_at__lt=end).select_related("project__owner").order_by("pk"):
        project = problem.project
        entry = held.setdefault(
            project.pk,
            {
                "code": project.code,
                "name": project.name,
                "region": project.region.name,
                "owner": project.owner.name if project.owner_id else "",
                "investment_yi": str(wan_to_yi(project.total_investment)),
                "problems": [],
            },
        )
        entry["problems"].append(problem.title)
    return {
        "programme": programme.name,
        "week_start": week_start.isoformat(),
        "week_end": (week_start + dt.timedelta(days=6)).isoformat(),
        "as_of": f"{timezone.localtime(as_of):%Y-%m-%d %H:%M}",
        "counts": {name: len(rows) for name, rows in sections.items()},
        "sections": sections,
        "by_category": _grouped(sections, "category"),
        "by_region": _grouped(sections, "region"),
        "by_level": _grouped(sections, "level", LEVEL_ORDER),
        "projects": sorted(held.values(), key=lambda p: (-len(p["problems"]), p["code"])),
    }


def digest_produce(*, programme: Programme, week_start: dt.date) -> tuple[WeeklyDigest, bool]:
    """Stores a closed week's digest once and tells the office it is ready. Safe to run again or
    in two workers at once: the programme row is locked and the week is unique."""
    with transaction.atomic():
        Programme.objects.select_for_update().filter(pk=programme.pk).first()
        existing = WeeklyDigest.objects.filter(programme=programme, week_start=week_start).first()
        if existing is not None:
            return existing, False
        try:
            with transaction.atomic():
                digest = WeeklyDigest.objects.create(
                    programme=programme,
                    week_start=week_start,
                    content=digest_build(programme=programme, week_start=week_start),
                )
        except IntegrityError:  # another worker stored it between our check and our insert
            return WeeklyDigest.objects.get(programme=programme, week_start=week_start), False
        counts = digest.content["counts"]
        notify(
            message=Message(
                what=f"digest:{programme.pk}:{week_start.isoformat()}",
                subject=gettext_lazy("Green channel digest for the week of %(week)s"),
                body=gettext_lazy("New %(new)s, resolved %(resolved)s, overdue %(overdue)s, flagged %(flagged)s."),
                params={"week": week_start.isoformat(), **counts},
                url=reverse("problems:digest_week", args=[programme.pk, week_start.isoformat()]),
            ),
            users=recipients_for(offices=[programme.region]),
            units=[u for u in (programme.office,) if u is not None],
        )
        return digest, True


# Exports --------------------------------------------------------------------------------------------


def _level(key: str) -> str:
    return str(ProblemLevel(key).label) if key in ProblemLevel.values else key


def _status(key: str) -> str:
    return str(ProblemStatus(key).label) if key in ProblemStatus.values else key


def _problem_columns() -> list[Column]:
    return [
        Column("title", _("problem"), width=36),
        Column("project", _("project"), width=28),
        Column("category", _("category"), width=14),
        Column("region", _("region"), width=14),
        Column("level", _("level"), width=10),
        Column("owner", _("owner unit"), width=22),
        Column("raised_on", _("raised on"), width=12),
        Column("due_on", _("due on"), width=12),
        Column("status", _("status"), width=16),
        Column("flag_leader", _("responsible leader"), width=12),
        Column("resolved_on", _("resolved on"), width=12),
        Column("days_to_resolve", _("days to resolve"), width=10),
    ]


def _problem_values(row: dict[str, Any]) -> list[Any]:
    return [
        row["title"],
        row["project"],
        row["category"],
        row["region"],
        _level(row["level"]),
        row["owner"],
        row["raised_on"],
        row["due_on"],
        _status(row["status"]),
        row["flag_leader"],
        row["resolved_on"],
        row["days_to_resolve"],
    ]


def _group_columns(first: str) -> list[Column]:
    return [Column("name", first, width=20), *[Column(s, SECTION_LABELS[s], width=10) for s in SECTIONS]]


def _group_values(rows: list[dict], level_names: bool = False) -> list[list[Any]]:
    return [[_level(r["name"]) if level_names else r["name"], *[r[s] for s in SECTIONS]] for r in rows]


def _tables(content: dict[str, Any]) -> list[tuple[SheetSpec, list[list[Any]]]]:
    """The digest as titled tables, shared by the Excel and the Word export."""
    tables = [
        (SheetSpec(_("By category"), _group_columns(_("category"))), _group_values(content["by_category"])),
        (SheetSpec(_("By region"), _group_columns(_("region"))), _group_values(content["by_region"])),
        (SheetSpec(_("By level"), _group_columns(_("level"))), _group_values(content["by_level"], True)),
    ]
    for section in SECTIONS:
        rows = [_problem_values(r) for r in content["sections"][section]]
        tables.append((SheetSpec(SECTION_LABELS[section], _problem_columns()), rows))
    projects = SheetSpec(
        _("Projects held back"),
        [
            Column("code", _("project code"), width=14),
            Column("name", _("project"), width=28),
            Column("region", _("region"), width=14),
            Column("owner", _("owner enterprise"), width=24),
            Column("investment", _("total investment (100M CNY)"), width=12),
            Column("problems", _("open problems"), width=50),
        ],
    )
    project_rows = [
        [p["code"], p["name"], p["region"], p["owner"], p["investment_yi"], "；".join(p["problems"])]
        for p in content["projects"]
    ]
    tables.append((projects, project_rows))
    return tables


def digest_title(content: dict[str, Any]) -> str:
    return _("%(programme)s green channel weekly digest (%(start)s to %(end)s)") % {
        "programme": content["programme"],
        "start": content["week_start"],
        "end": content["week_end"],
    }


def digest_xlsx(content: dict[str, Any]) -> bytes:
    tables = _tables(content)
    return build_workbook([spec for spec, _rows in tables], {str(spec.name): rows for spec, rows in tables})


def digest_docx(content: dict[str, Any]) -> bytes:
    document = WordDocument()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading(digest_title(content), level=1)
    counts = content["counts"]
    document.add_paragraph(
        _("This week: %(new)s new, %(resolved)s resolved, %(overdue)s overdue, %(flagged)s flagged for supervision.")
        % counts
    )
    for spec, rows in _tables(content):
        document.add_heading(str(spec.name), level=2)
        if not rows:
            document.add_paragraph(_("None."))
            continue
        table = document.add_table(rows=1, cols=len(spec.columns))
        table.style = "Table Grid"
        for cell, column in zip(table.rows[0].cells, spec.columns, strict=True):
            cell.text = str(column.header)
            cell.paragraphs[0].runs[0].bold = True
        for values in rows:
            for cell, value in zip(table.add_row().cells, values, strict=True):
                cell.text = "" if value is None else str(value)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
