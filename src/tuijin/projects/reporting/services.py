"""State changes of monthly reports: save a draft, submit, return, accept, and correct after the month is
closed. Each is one transaction, checks the user's scope and the month's window inside it, records a
`ReportEvent` with the values the report had, and leaves field history for the audit trail.

The window: drafts may be saved until the month is closed; a report may be submitted from the day the
window opens; after it closes a report may still be submitted and the office may still accept it, but it
is late (the ranking counts it so). Publishing the month's notice closes the month: from then on only
the office changes a report, through an audited correction."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tuijin.core import access
from tuijin.core.services import StaleRecord, attribute_change
from tuijin.org.models import Programme

from ..models import MonthlyReport, Project, ReportEvent, ReportEventKind, ReportingMonth, ReportStatus
from ..ranking.figures import NOT_SUBMITTED
from .checks import VALUE_FIELDS, Checked, as_json, background_of, plausibility, report_values
from .selectors import default_window, is_late, may_report_on, may_review_report


class ReportRefused(ValidationError):
    """The report cannot change this way now (closed month, window not open, wrong state, bad values)."""


@dataclass
class Saved:
    report: MonthlyReport
    checked: Checked


def _today() -> dt.date:
    return timezone.localdate()


def _actor(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def reporting_month_ensure(*, user: Any, programme: Programme, period: dt.date) -> ReportingMonth:
    """The month's row, opened with the default window by the first report that needs it, so that the
    ranking knows the deadline the reporters were given."""
    month = ReportingMonth.objects.select_for_update().filter(programme=programme, period=period).first()
    if month is None:
        opens, closes = default_window(period)
        month = ReportingMonth(programme=programme, period=period, opens_on=opens, closes_on=closes)
        attribute_change(month, user=user, reason=_("opened by the first report"))
        month.save()
    return month


def _open_month(user: Any, programme: Programme, period: dt.date) -> ReportingMonth:
    month = reporting_month_ensure(user=user, programme=programme, period=period)
    if month.closed_at is not None:
        raise ReportRefused(
            _("The notice for %(period)s is published and its reports are closed; ask the office for a correction.")
            % {"period": f"{period:%Y-%m}"}
        )
    return month


def _require_reporter(user: Any, project: Project) -> None:
    if not may_report_on(user=user, project=project):
        raise access.AccessDenied(str(project))


def _require_reviewer(user: Any, report: MonthlyReport) -> None:
    if not may_review_report(user=user, report=report):
        raise access.AccessDenied(str(report))


def _check_version(report: MonthlyReport, expected_version: int | None) -> None:
    current = report.version if report.pk else 0
    if expected_version is not None and current != expected_version:
        raise StaleRecord()


def _locked(report: MonthlyReport) -> MonthlyReport:
    return MonthlyReport.objects.select_for_update().select_related("project").get(pk=report.pk)


def _event(report: MonthlyReport, kind: str, user: Any, comment: str = "", **extra: Any) -> ReportEvent:
    return ReportEvent.objects.create(
        report=report,
        kind=kind,
        user=_actor(user),
        comment=comment,
        values={**as_json(report_values(report)), **extra},
    )


def _store(report: MonthlyReport, user: Any, reason: str) -> None:
    if report.pk:
        report.version += 1
    attribute_change(report, user=user, reason=reason)
    report.save()


@transaction.atomic
def report_save(
    *,
    user: Any,
    project: Project,
    period: dt.date,
    values: Mapping[str, Any],
    expected_version: int | None,
    today: dt.date | None = None,
) -> Saved:
    """Saves a project's report for the month as a draft (a returned report stays returned until it is
    submitted again). `expected_version` is the version the reporter's row showed (0 for none yet)."""
    _require_reporter(user, project)
    _open_month(user, project.programme, period)
    report = MonthlyReport.objects.select_for_update().filter(project=project, period=period).first() or MonthlyReport(
        project=project, period=period
    )
    _check_version(report, expected_version)
    if report.status not in NOT_SUBMITTED:
        raise ReportRefused(
            _("This report is already %(status)s; it can no longer be edited here.")
            % {"status": report.get_status_display()}
        )
    checked = plausibility(
        values, background_of(project=project, period=period), period=period, today=today or _today()
    )
    if checked.blocking:
        raise ReportRefused([i.message for i in checked.blocking])
    for name in VALUE_FIELDS:
        setattr(report, name, checked.values[name])
    _store(report, user, _("saved"))
    _event(report, ReportEventKind.SAVED, user)
    return Saved(report, checked)


@transaction.atomic
def report_submit(
    *, user: Any, report: MonthlyReport, expected_version: int | None = None, today: dt.date | None = None
) -> MonthlyReport:
    """Hands a draft or returned report to the office. Submitting a report that is already submitted or
    accepted changes nothing (a second click, a retried request)."""
    report = _locked(report)
    _require_reporter(user, report.project)
    if report.status not in NOT_SUBMITTED:
        return report
    _check_version(report, expected_version)
    month = _open_month(user, report.project.programme, report.period)
    today = today or _today()
    if today < month.opens_on:
        raise ReportRefused(
            _("The reporting window for %(period)s opens on %(opens)s.")
            % {"period": f"{report.period:%Y-%m}", "opens": month.opens_on.isoformat()}
        )
    report.status, report.submitted_at, report.submitted_by = ReportStatus.SUBMITTED, timezone.now(), _actor(user)
    # The office's comment on a returned report stays in its `returned` event.
    report.review_comment = ""
    _store(report, user, _("submitted"))
    _event(report, ReportEventKind.SUBMITTED, user, late=is_late(report=report))
    return report


@transaction.atomic
def report_return(
    *, user: Any, report: MonthlyReport, comment: str, expected_version: int | None = None
) -> MonthlyReport:
    """The office sends a submitted report back with what to fix; the report keeps its history."""
    report = _locked(report)
    _require_reviewer(user, report)
    _check_version(report, expected_version)
    _open_month(user, report.project.programme, report.period)
    if not comment.strip():
        raise ReportRefused(_("Say what the reporter should fix."))
    if report.status not in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED):
        raise ReportRefused(_("Only a submitted report can be returned."))
    report.status, report.review_comment = ReportStatus.RETURNED, comment.strip()
    _store(report, user, comment.strip())
    _event(report, ReportEventKind.RETURNED, user, comment.strip())
    return report


@transaction.atomic
def report_accept(*, user: Any, report: MonthlyReport, expected_version: int | None = None) -> MonthlyReport:
    """The office accepts a submitted report, late ones included (the ranking still counts them late).
    Accepting an accepted report changes nothing."""
    report = _locked(report)
    _require_reviewer(user, report)
    if report.status == ReportStatus.ACCEPTED:
        return report
    _check_version(report, expected_version)
    _open_month(user, report.project.programme, report.period)
    if report.status != ReportStatus.SUBMITTED:
        raise ReportRefused(_("Only a submitted report can be accepted."))
    report.status = ReportStatus.ACCEPTED
    _store(report, user, _("accepted"))
    _event(report, ReportEventKind.ACCEPTED, user, late=is_late(report=report))
    return report


@transaction.atomic
def reports_accept(*, user: Any, reports: list[MonthlyReport]) -> int:
    """Accepts many submitted reports at once, all or none; returns how many changed."""
    accepted = 0
    for report in reports:
        before = report.status
        if report_accept(user=user, report=report).status != before:
            accepted += 1
    return accepted


@transaction.atomic
def report_correct(
    *,
    user: Any,
    report: MonthlyReport,
    values: Mapping[str, Any],
    reason: str,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> MonthlyReport:
    """After the month's notice is published, the office corrects a report: who, why, the old and the new
    values go into a `corrected` event, and the report is marked so that the notice shows it."""
    report = _locked(report)
    _require_reviewer(user, report)
    _check_version(report, expected_version)
    month = ReportingMonth.objects.filter(programme=report.project.programme, period=report.period).first()
    if month is None or month.closed_at is None:
        raise ReportRefused(_("The month is not closed yet: return the report to its reporter instead."))
    if not reason.strip():
        raise ReportRefused(_("Say why the report is corrected."))
    checked = plausibility(
        values,
        background_of(project=report.project, period=report.period),
        period=report.period,
        today=today or _today(),
    )
    if checked.blocking:
        raise ReportRefused([i.message for i in checked.blocking])
    old = report_values(report)
    changed = [name for name in VALUE_FIELDS if checked.values[name] != old[name]]
    if not changed:
        raise ReportRefused(_("Nothing was changed."))
    for name in changed:
        setattr(report, name, checked.values[name])
    report.corrected_after_close = True
    _store(report, user, reason.strip())
    ReportEvent.objects.create(
        report=report,
        kind=ReportEventKind.CORRECTED,
        user=_actor(user),
        comment=reason.strip(),
        values={
            "old": as_json({n: old[n] for n in changed}),
            "new": as_json({n: checked.values[n] for n in changed}),
        },
    )
    return report
