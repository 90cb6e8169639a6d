"""State changes of onboarding: receiving an office's workbook, confirming its column mapping, and
importing it all or nothing. Projects and annual plans go through `tuijin.projects.services`;
monthly figures go through `report_import`, the one place onboarding writes monthly reports."""

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuijin import legacy
from tuijin.core import access
from tuijin.core.services import StaleRecord, attribute_change, record_save
from tuijin.dispatch.messages import Message
from tuijin.dispatch.services import notify
from tuijin.org.models import Programme
from tuijin.projects import services as projects
from tuijin.projects.models import AnnualPlan, MonthlyReport, Project, ReportEvent, ReportEventKind, ReportStatus, Stage
from tuijin.sheets.engine import CellError, annotate

from . import selectors
from .forms import ProjectRevisionForm
from .models import ImportJob, ImportStatus, LayoutMapping
from .selectors import ImportPlan, PlannedRow

REFUSAL_LINES = 50  # the first errors of a refused background import, kept on the job for its preview


class ImportRefused(Exception):
    """The workbook has bad cells (or cannot be imported at all): nothing was imported."""

    def __init__(self, errors: list[CellError], annotated: bytes | None, refusal: str = "") -> None:
        super().__init__(refusal or _("Nothing was imported."))
        self.errors = errors
        self.annotated = annotated
        self.refusal = refusal


class AlreadyImported(ValidationError):
    pass


@transaction.atomic
def upload_receive(
    *, user: Any, programme: Programme, file_name: str, data: bytes, period: dt.date | None = None
) -> ImportJob:
    """Keeps an office's workbook for the mapping and preview steps, once the reader finds a list of
    projects in it."""
    if not selectors.importable_programmes(user).filter(pk=programme.pk).exists():
        raise access.AccessDenied(str(programme))
    try:
        workbook = legacy.read_workbook(data)
    except legacy.UnreadableWorkbook:
        raise ValidationError(_("This file cannot be read: upload an Excel workbook (.xlsx or .xls).")) from None
    layouts = legacy.detect(workbook)
    if not layouts:
        raise ValidationError(_("No sheet of this workbook holds a list of projects (a column of project names)."))
    # The month the title says, so the list of uploads shows it before the import; the mapping
    # screen may still correct it.
    period = period or next((_month(layout.period) for layout in layouts if layout.period), None)
    job = ImportJob(programme=programme, user=user, file_name=file_name[:255], period=period)
    job.file.save(file_name, ContentFile(data), save=False)
    attribute_change(job, user=user, reason=_("workbook uploaded"))
    job.save()
    return job


def _checked(job: ImportJob, expected_version: int) -> ImportJob:
    """The job locked for a change; refused when it was imported or changed since the page was opened."""
    current = ImportJob.objects.select_for_update().get(pk=job.pk)
    if current.status == ImportStatus.IMPORTED:
        raise AlreadyImported(
            _("This upload was already imported on %(when)s. Upload the workbook again to import it again.")
            % {"when": timezone.localtime(current.imported_at).strftime("%Y-%m-%d %H:%M")}
        )
    if current.status == ImportStatus.QUEUED:
        raise AlreadyImported(_("This upload is being imported in the background; you will be told when it is in."))
    if current.version != expected_version:
        raise StaleRecord()
    return current


@transaction.atomic
def mapping_confirm(
    *,
    user: Any,
    job: ImportJob,
    expected_version: int,
    mappings: Mapping[str, Mapping[int, str]],
    period: dt.date | None,
) -> ImportJob:
    """Remembers the confirmed mapping of each layout by its header signature, for this programme."""
    job = _checked(job, expected_version)
    layouts = {layout.signature: layout for layout in selectors.layouts_of(job)}
    for signature, columns in mappings.items():
        layout = layouts[signature]
        if "name" not in columns.values():
            raise ValidationError(_("Sheet %(sheet)s: choose the column of project names.") % {"sheet": layout.sheet})
        unknown = set(columns.values()) - set(legacy.FIELDS)
        if unknown:
            raise ValidationError(_("Unknown field: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
        mapping = LayoutMapping.objects.filter(programme=job.programme, signature=signature).first()
        mapping = mapping or LayoutMapping(programme=job.programme, signature=signature)
        if mapping.pk:
            mapping.version += 1
        mapping.sheet = layout.sheet[:100]
        mapping.columns = {str(index): field for index, field in columns.items()}
        mapping.headers = [column.header for column in layout.columns]
        mapping.confirmed_by = user
        attribute_change(mapping, user=user, reason=_("mapping confirmed"))
        mapping.save()
    job.period = period or job.period
    job.version += 1
    attribute_change(job, user=user, reason=_("mapping confirmed"))
    job.save()
    return job


@transaction.atomic
def import_confirm(*, user: Any, job: ImportJob, expected_version: int) -> ImportJob:
    """Imports the upload as the preview showed it, all or nothing, now. A workbook with any bad cell
    imports nothing and comes back annotated; a second confirm of the same upload is refused."""
    job = _checked(job, expected_version)
    return _import(user, job, _plan_of(user, job))


@transaction.atomic
def import_start(*, user: Any, job: ImportJob, expected_version: int) -> ImportJob:
    """What the confirm button does. A workbook the size of a monthly table imports at once; a bigger
    one (a first day's ledger of thousands of projects takes minutes, longer than a page can wait) is
    checked the same way now and queued for `queued_imports_run`, which tells the user when it is in."""
    job = _checked(job, expected_version)
    plan = _plan_of(user, job)
    if len(plan.rows) <= settings.TUIJIN_IMPORT_INLINE_ROWS:
        return _import(user, job, plan)
    job.status, job.confirmed_by, job.refusal = ImportStatus.QUEUED, user, ""
    job.version += 1
    attribute_change(job, user=user, reason=_("queued for import"))
    job.save()
    return job


def queued_imports_run() -> dict[str, int]:
    """The background job: imports the queued uploads one at a time, oldest first. Each is one
    transaction holding its job row, so a second worker passes it by; a refused workbook imports
    nothing, goes back to awaiting confirmation with the reasons, and its user is told either way."""
    imported = refused = 0
    while True:
        with transaction.atomic():
            job = (
                ImportJob.objects.select_for_update(skip_locked=True)
                .filter(status=ImportStatus.QUEUED)
                .order_by("pk")
                .first()
            )
            if job is None:
                return {"imported": imported, "refused": refused}
            # The reasons a refusal keeps are written in the language of the one who will read them.
            with translation.override(job.confirmed_by.language or settings.LANGUAGE_CODE):
                try:
                    with transaction.atomic():
                        _import(job.confirmed_by, job, _plan_of(job.confirmed_by, job))
                except (ImportRefused, access.AccessDenied) as refusal:
                    _refused(job, refusal)
                    refused += 1
                else:
                    imported += 1
            _tell_finished(job)


def _plan_of(user: Any, job: ImportJob) -> ImportPlan:
    if not access.can_change(user, job.programme):
        raise access.AccessDenied(str(job.programme))
    plan = selectors.import_plan(job)
    if not plan.ok:
        raise ImportRefused(plan.errors, annotated_workbook(job, plan.errors) if plan.errors else None, plan.refusal)
    return plan


def _import(user: Any, job: ImportJob, plan: ImportPlan) -> ImportJob:
    reason = _("imported from %(file)s") % {"file": job.file_name}
    created = updated = reports = 0
    errors: list[CellError] = []
    for number, planned in enumerate(plan.rows, 1):
        try:
            with transaction.atomic():
                _import_row(user, job, plan, planned, number, reason)
        except ValidationError as invalid:
            # What the library refuses (a negative amount, a name too long) is the row's fault:
            # the workbook comes back marked like any bad cell, and nothing is kept.
            row = planned.row
            errors.append(CellError(row.sheet, row.row, planned.name_column, "; ".join(invalid.messages), row.name))
            continue
        if planned.project is None:
            created += 1
        else:
            updated += 1
        reports += planned.investment_month is not None
    if errors:
        raise ImportRefused(errors, annotated_workbook(job, errors))
    job.status = ImportStatus.IMPORTED
    job.imported_at = timezone.now()
    job.period = plan.period
    job.created, job.updated, job.reports, job.skipped = created, updated, reports, len(plan.skipped)
    job.refusal = ""
    job.version += 1
    attribute_change(job, user=user, reason=reason)
    job.save()
    return job


def _refused(job: ImportJob, refusal: Exception) -> None:
    errors = getattr(refusal, "errors", [])
    if isinstance(refusal, access.AccessDenied):
        first = _("%(user)s may no longer import into %(programme)s.") % {
            "user": job.confirmed_by,
            "programme": job.programme,
        }
    elif errors:
        first = _("The workbook has %(count)s errors.") % {"count": len(errors)}
    else:
        first = str(refusal)
    lines = [first]
    lines += [f"{error.sheet}!{error.column}{error.row}: {error.message}" for error in errors[:REFUSAL_LINES]]
    job.status, job.refusal = ImportStatus.UPLOADED, "\n".join(lines)
    job.version += 1
    attribute_change(job, user=job.confirmed_by, reason=_("nothing was imported"))
    job.save()


def _tell_finished(job: ImportJob) -> None:
    if job.status == ImportStatus.IMPORTED:
        subject = gettext_lazy(
            "Imported %(file)s: %(created)s projects created, %(updated)s updated, %(reports)s monthly reports."
        )
        params = {"file": job.file_name, "created": job.created, "updated": job.updated, "reports": job.reports}
        url = reverse("onboarding:home")
    else:
        subject = gettext_lazy("%(file)s was not imported; nothing was written. The preview says why.")
        params = {"file": job.file_name}
        url = reverse("onboarding:preview", args=[job.pk])
    message = Message(what=f"onboarding.import:{job.pk}:{job.version}", subject=subject, params=params, url=url)
    notify(message=message, users=[job.confirmed_by])


def _import_row(user: Any, job: ImportJob, plan: ImportPlan, planned: PlannedRow, number: int, reason: str) -> None:
    if planned.project is None:
        project = _project_create(user, job, planned, number, reason)
    else:
        project = _project_update(user, planned, reason)
    if planned.row.annual_plan is not None:
        _annual_plan(user, project, plan.period.year, planned.row.annual_plan)
    if planned.investment_month is not None:
        report_import(user=user, job=job, project=project, period=plan.period, row=planned.row,
                      investment_month=planned.investment_month)  # fmt: skip


def annotated_workbook(job: ImportJob, errors: list[CellError]) -> bytes | None:
    """The office's own workbook with each bad cell marked; an old .xls cannot be written back."""
    if job.file_name.lower().endswith(".xls"):
        return None
    with job.file.open("rb") as upload:
        return annotate(upload.read(), errors)


def _month(text: str | None) -> dt.date | None:
    return dt.date(int(text[:4]), int(text[5:7]), 1) if text else None


_STARTED = {Stage.CONSTRUCTION, Stage.OPERATING, Stage.FULL_OUTPUT}
_COMPLETED = {Stage.OPERATING, Stage.FULL_OUTPUT}


def _project_create(user: Any, job: ImportJob, planned: PlannedRow, number: int, reason: str) -> Project:
    row, stage = planned.row, planned.stage or Stage.CONCEIVED
    start, completion = _month(row.start), _month(row.completion)
    return projects.project_create(
        user=user,
        stage=stage,
        reason=reason,
        programme=job.programme,
        # A workbook without codes still needs one per project; the office can replace it later.
        code=row.code or f"IMP-{job.pk}-{number:05d}",
        name=row.name[:200],
        content=row.content or "",
        region=planned.region,
        responsible_unit=planned.unit,
        total_investment=row.total_investment or Decimal(0),
        actual_start=start if stage in _STARTED else None,
        planned_start=None if stage in _STARTED else start,
        actual_completion=completion if stage in _COMPLETED else None,
        planned_completion=None if stage in _COMPLETED else completion,
    )


def _project_update(user: Any, planned: PlannedRow, reason: str) -> Project:
    """What the sheet says that the library does not yet: total investment and responsible unit,
    through the same save as any form; then the stage, one lifecycle step at a time."""
    project = Project.objects.get(pk=planned.project.pk)
    row = planned.row
    changes: dict[str, Any] = {}
    if row.total_investment is not None and row.total_investment != project.total_investment:
        changes["total_investment"] = row.total_investment
    if planned.unit is not None and planned.unit.pk != project.responsible_unit_id:
        changes["responsible_unit"] = planned.unit.pk
    if changes:
        data = {
            "total_investment": project.total_investment,
            "responsible_unit": project.responsible_unit_id,
            **changes,
        }
        form = ProjectRevisionForm(data, instance=project)
        if not form.is_valid():
            raise ValidationError(form.errors.as_text())
        project = record_save(user=user, form=form, expected_version=project.version, reason=reason)
    if planned.stage:
        for step in selectors.stage_path(project.stage, planned.stage):
            project = projects.project_move_stage(user=user, project=project, to_stage=step, reason=reason)
    return project


def _annual_plan(user: Any, project: Project, year: int, amount: Decimal) -> AnnualPlan:
    # The plan's start and completion flags are the office's own settings: the sheet does not say them.
    existing = AnnualPlan.objects.filter(project=project, year=year).first()
    return projects.annual_plan_set(
        user=user,
        project=project,
        year=year,
        planned_investment=amount,
        plans_start=existing.plans_start if existing else False,
        plans_completion=existing.plans_completion if existing else False,
    )


@transaction.atomic
def report_import(
    *,
    user: Any,
    job: ImportJob,
    project: Project,
    period: dt.date,
    row: legacy.Row,
    investment_month: Decimal,
) -> MonthlyReport:
    """The single place onboarding writes monthly reports: the office's own figures, accepted as
    they stand, with an event that says they were imported and from which upload.

    Kept apart so it can be routed through the reporting services once they exist."""
    report = MonthlyReport.objects.filter(project=project, period=period).first()
    if report is None:
        report = MonthlyReport(project=project, period=period)
    else:
        report.version += 1
    report.investment_month = investment_month
    report.progress_note = row.progress_note or report.progress_note
    report.problems = row.problems or report.problems
    report.status = ReportStatus.ACCEPTED
    report.submitted_at = report.submitted_at or timezone.now()
    report.submitted_by = report.submitted_by or user
    report.full_clean()
    comment = _("imported from %(file)s") % {"file": job.file_name}
    attribute_change(report, user=user, reason=comment)
    report.save()
    ReportEvent.objects.create(
        report=report,
        kind=ReportEventKind.ACCEPTED,
        user=user,
        comment=comment,
        values={
            "imported": True,
            "import_job": job.pk,
            "sheet": row.sheet,
            "row": row.row,
            "investment_month": str(investment_month),
            "investment_ytd": None if row.investment_ytd is None else str(row.investment_ytd),
        },
    )
    return report
