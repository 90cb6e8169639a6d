"""Reading a monthly-report workbook back: all or nothing.

Every row is checked the way the grid checks it (scope, the month, `checks.plausibility`, the row's
version, the report's state); one bad cell and nothing is imported and the workbook comes back marked.
A good workbook is written in one transaction with bulk statements, since a province office uploads
tens of thousands of rows at once:

- new reports, their history rows (user, time, the file as the change reason, as django-simple-history
  writes them) and their events are written by `core.db.TableWriter` (COPY on PostgreSQL: the ORM's
  bulk_create compiles every value of every row and costs ten times the database's own work at this
  size); changed reports go through django-simple-history's `bulk_update_with_history`; so each report's
  history shows the import like any other change;
- each report gets its `saved` or `submitted` event with its values, in bulk;
- the audit log gets ONE `imported` entry for the month naming the file and the counts, instead of one
  entry per row (bulk history rows send no per-row signal): a reader of the audit log sees who imported
  what and when, and follows it to the reports' own histories for the values.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from tuijin.core.audit import write_entry
from tuijin.core.chinese import to_simplified
from tuijin.core.db import TableWriter, among
from tuijin.core.models import AuditAction
from tuijin.core.periods import format_period, month_start, parse_period
from tuijin.org.models import Programme
from tuijin.sheets.engine import CellError, SheetRow, annotate, read_sheets

from ..models import MonthlyReport, ReportEvent, ReportEventKind, ReportStatus
from ..ranking import figures
from .checks import VALUE_FIELDS, as_json, backgrounds, plausibility
from .selectors import reportable_projects
from .services import reporting_month_ensure
from .sheets import REPORT_SHEET, Action

BATCH = 1000
UPDATED_FIELDS = [*VALUE_FIELDS, "status", "submitted_at", "submitted_by", "review_comment", "version", "updated_at"]


class ReportImportFailed(Exception):
    def __init__(self, errors: list[CellError], annotated: bytes) -> None:
        super().__init__(_("The workbook has %(count)s errors; nothing was imported.") % {"count": len(errors)})
        self.errors = errors
        self.annotated = annotated


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    submitted: int = 0
    unchanged: int = 0
    warnings: list[CellError] = field(default_factory=list)

    def summary(self) -> str:
        return _("%(created)s new reports, %(updated)s updated, %(submitted)s submitted, %(unchanged)s unchanged") % {
            "created": self.created,
            "updated": self.updated,
            "submitted": self.submitted,
            "unchanged": self.unchanged,
        }


def read_rows(data: bytes) -> tuple[list[SheetRow], list[CellError]]:
    """The workbook's report rows (raises `WorkbookUnreadable` for what is not a workbook)."""
    for _spec, rows, errors in read_sheets(data, [REPORT_SHEET]):
        return rows, errors
    return [], [
        CellError(
            str(REPORT_SHEET.name), 1, "A", _("The workbook has no sheet “%(name)s”.") % {"name": REPORT_SHEET.name}
        )
    ]


def _action_labels() -> dict[str, str]:
    labels = {}
    for language in ("zh-hans", "en"):
        with translation.override(language):
            for key, label in Action.CHOICES:
                labels[to_simplified(str(label)).strip().lower()] = key
    return labels | {key: key for key, _label in Action.CHOICES}


def _code(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value).strip()


def _period(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return month_start(value if not isinstance(value, dt.datetime) else value.date())
    try:
        return parse_period(str(value or ""))
    except ValueError:
        return None


def _version(value: Any) -> int | None:
    if value is None or value == "":
        return 0
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


@dataclass
class _Plan:
    """What a valid workbook will write."""

    # New reports as rows keyed by column (20,000 model instances cost seconds); changed ones as reports.
    new: list[dict[str, Any]] = field(default_factory=list)
    changed: list[MonthlyReport] = field(default_factory=list)
    # (report or new row, event kind, late)
    events: list[tuple[Any, str, bool]] = field(default_factory=list)


def reports_import(
    *, user: Any, programme: Programme, period: dt.date, data: bytes, filename: str = "", today: dt.date | None = None
) -> ImportResult:
    rows, errors = read_rows(data)
    with transaction.atomic():
        result, plan, errors = _check(user, programme, period, rows, errors, today or timezone.localdate())
        if errors:
            # Raised inside the transaction: the month's row, if this import opened it, goes too.
            raise ReportImportFailed(errors, annotate(data, errors))
        _write(user, programme, period, plan, result, filename)
    return result


def _check(
    user: Any, programme: Programme, period: dt.date, rows: list[SheetRow], errors: list[CellError], today: dt.date
) -> tuple[ImportResult, _Plan, list[CellError]]:
    errors = list(errors)
    result, plan = ImportResult(), _Plan()
    month = reporting_month_ensure(user=user, programme=programme, period=period)
    if month.closed_at is not None:
        sheet = rows[0].sheet if rows else str(REPORT_SHEET.name)
        message = _("The notice for %(period)s is published and its reports are closed.") % {
            "period": format_period(period)
        }
        return result, plan, [CellError(sheet, 1, "A", message)]
    # The user's projects for the month, all of them: cheaper than naming thousands of codes to the
    # database; rows (not model instances) since only these columns are read.
    reportable = reportable_projects(user=user, programme=programme, period=period)
    projects = {
        p.code: p
        for p in reportable.values_list(
            "pk", "code", "total_investment", "approved_on", "actual_start", named=True
        ).order_by()
    }
    codes = {_code(row.values.get("code")) for row in rows}
    named = [projects[code] for code in codes if code in projects]
    wanted = [p.pk for p in named]
    existing = {
        r.project_id: r for r in MonthlyReport.objects.filter(project_id__in=among(wanted), period=period).order_by()
    }
    found = backgrounds(projects=named, period=period)
    labels = _action_labels()
    deadline = figures.window_of(programme=programme, period=period).deadline
    now = timezone.now()
    seen: set[str] = set()
    for row in rows:
        code = _code(row.values.get("code"))
        project = projects.get(code)
        if project is None:
            errors.append(
                row.error("code", _("Project %(code)s is not one you report on this month.") % {"code": code})
            )
            continue
        if code in seen:
            errors.append(row.error("code", _("Project %(code)s appears twice.") % {"code": code}))
            continue
        seen.add(code)
        if _period(row.values.get("period")) != period:
            errors.append(
                row.error("period", _("This workbook is for %(period)s.") % {"period": format_period(period)})
            )
        action = labels.get(to_simplified(str(row.values.get("action") or "")).strip().lower())
        if action is None:
            errors.append(row.error("action", _("Choose “Save as draft” or “Submit”.")))
            continue
        if action == Action.SUBMIT and today < month.opens_on:
            errors.append(
                row.error(
                    "action", _("The reporting window opens on %(opens)s.") % {"opens": month.opens_on.isoformat()}
                )
            )
        checked = plausibility(row.values, found[project.pk], period=period, today=today)
        errors += [row.error(issue.field, issue.message) for issue in checked.blocking]
        result.warnings += [row.error(issue.field, issue.message) for issue in checked.warnings]
        report = existing.get(project.pk)
        if _version(row.values.get("version")) != (report.version if report else 0):
            errors.append(
                row.error("version", _("This report was changed after the workbook was downloaded; download it again."))
            )
            continue
        _plan_row(row, report, project, period, action, checked.values, user, now, deadline, plan, result, errors)
    return result, plan, errors


def _plan_row(
    row: SheetRow,
    report: MonthlyReport | None,
    project: Any,
    period: dt.date,
    action: str,
    values: dict[str, Any],
    user: Any,
    now: dt.datetime,
    deadline: dt.datetime | None,
    plan: _Plan,
    result: ImportResult,
    errors: list[CellError],
) -> None:
    if report is None and action == Action.DRAFT and not any(values[name] for name in VALUE_FIELDS):
        return  # a row left as the template gave it: no report yet, none made
    same = report is not None and all(getattr(report, name) == values[name] for name in VALUE_FIELDS)
    if report is not None and report.status not in figures.NOT_SUBMITTED:
        # Submitting the same values again changes nothing; a submitted report takes new values only
        # when they are submitted (a new version of it); an accepted one is the office's to return.
        if same:
            result.unchanged += 1
            return
        if report.status == ReportStatus.ACCEPTED or action != Action.SUBMIT:
            errors.append(
                row.error(
                    "investment_month",
                    _("This report is already %(status)s; it can no longer be changed here.")
                    % {"status": report.get_status_display()},
                )
            )
            return
    if report is not None and same and action == Action.DRAFT:
        result.unchanged += 1
        return
    submit = action == Action.SUBMIT
    late = deadline is not None and submit and now >= deadline
    kind = ReportEventKind.SUBMITTED if submit else ReportEventKind.SAVED
    result.submitted += submit
    if report is None:
        new = _new_row() | values | {"project_id": project.pk, "period": period, "created_at": now, "updated_at": now}
        if submit:
            new |= {"status": ReportStatus.SUBMITTED, "submitted_at": now, "submitted_by_id": user.pk}
        plan.new.append(new)
        plan.events.append((new, kind, late))
        result.created += 1
        return
    for name in VALUE_FIELDS:
        setattr(report, name, values[name])
    report.version += 1
    report.updated_at = now
    if submit:
        report.status, report.submitted_at, report.submitted_by = ReportStatus.SUBMITTED, now, user
        report.review_comment = ""
    plan.changed.append(report)
    plan.events.append((report, kind, late))
    result.updated += 1


def _new_row() -> dict[str, Any]:
    """A new report's columns with their defaults (version 1, a draft)."""
    return {f.attname: f.get_default() for f in MonthlyReport._meta.concrete_fields} | {"version": 1}


def _insert(model: type[models.Model], rows: list[dict[str, Any]]) -> None:
    """Inserts rows keyed by column attname (the auto primary key left out)."""
    names = [f.attname for f in model._meta.concrete_fields if not isinstance(f, models.AutoField)]
    TableWriter(model, names).write([row[name] for name in names] for row in rows)


def _insert_new(plan: _Plan, actor: Any, reason: str, now: dt.datetime) -> None:
    """The new reports, then (with the keys the database gave them) their history rows."""
    _insert(MonthlyReport, plan.new)
    keys = dict(
        MonthlyReport.objects.filter(
            project_id__in=among(r["project_id"] for r in plan.new), period=plan.new[0]["period"]
        )
        .values_list("project_id", "pk")
        .order_by()
    )
    for row in plan.new:
        row["id"] = keys[row["project_id"]]
    history = MonthlyReport.history.model
    own = [f.attname for f in history._meta.concrete_fields if f.attname in plan.new[0]]
    stamp = {
        "history_date": now,
        "history_change_reason": reason,
        "history_type": "+",
        "history_user_id": actor.pk if actor else None,
    }
    _insert(history, [{name: row[name] for name in own} | stamp for row in plan.new])


def _event_row(target: Any, kind: str, late: bool, actor: Any, reason: str, now: dt.datetime) -> dict[str, Any]:
    get = target.get if isinstance(target, dict) else lambda name: getattr(target, name)
    return {
        "report_id": get("id"),
        "kind": kind,
        "at": now,
        "user_id": actor.pk if actor else None,
        "comment": reason,
        "values": as_json({name: get(name) for name in VALUE_FIELDS}) | ({"late": late} if kind == "submitted" else {}),
    }


def _write(user: Any, programme: Programme, period: dt.date, plan: _Plan, result: ImportResult, filename: str) -> None:
    reason = _("Excel import %(file)s") % {"file": filename}
    actor = user if getattr(user, "is_authenticated", False) else None
    now = timezone.now()
    if plan.new:
        _insert_new(plan, actor, reason, now)
    if plan.changed:
        bulk_update_with_history(
            plan.changed,
            MonthlyReport,
            UPDATED_FIELDS,
            batch_size=BATCH,
            default_user=actor,
            default_change_reason=reason,
        )
    _insert(ReportEvent, [_event_row(*event, actor, reason, now) for event in plan.events])
    month = reporting_month_ensure(user=user, programme=programme, period=period)
    write_entry(
        action=AuditAction.IMPORT,
        user=actor,
        instance=month,
        changes=[{"field": "reports", "new": result.summary()}],
        reason=reason,
    )
