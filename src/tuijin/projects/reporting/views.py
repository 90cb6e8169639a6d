"""Monthly reporting pages: the reporter's grid (htmx row saves), the Excel round trip, the office's
review and flagged lists, and a report's page with its history and the correction form. Views validate
and call services; scope is decided by the selectors and re-checked by the services."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuijin.core import access
from tuijin.core.http import xlsx_response
from tuijin.core.periods import format_period
from tuijin.core.services import StaleRecord
from tuijin.core.uploads import keep_annotated
from tuijin.sheets.engine import WorkbookUnreadable

from ..models import MonthlyReport, Project, ReportStatus
from . import selectors, services
from .checks import VALUE_FIELDS
from .forms import CorrectionForm, MonthForm, ReturnForm, ReviewForm, UploadForm
from .imports import ReportImportFailed, reports_import
from .sheets import report_template

GRID_PAGE = 200  # rows a reporter fills on one page; a town's or a task force's month is one or two pages


def _month_form(request: HttpRequest, form_class: type[MonthForm] = MonthForm) -> MonthForm | None:
    form = form_class(request.GET if request.method == "GET" else request.POST, user=request.user)
    return form if form.is_valid() else None


def _grid_url(form: MonthForm) -> str:
    return f"{reverse('projects:report_grid')}?{form.params()}"


def _refusal(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


# --- the reporter's grid --------------------------------------------------------------------------------


@login_required
def report_grid(request: HttpRequest) -> HttpResponse:
    access.deny_unless(request, selectors.may_report(request.user), "monthly reports")
    form = MonthForm(request.GET, user=request.user)
    context: dict[str, Any] = {"form": form}
    if form.is_valid():
        programme, period = form.cleaned_data["programme"], form.cleaned_data["period"]
        projects = selectors.grid_projects(user=request.user, programme=programme, period=period)
        page = Paginator(projects, GRID_PAGE).get_page(request.GET.get("page"))
        rows = selectors.grid_rows(projects=page.object_list, period=period)
        window = selectors.month_window(programme=programme, period=period)
        context |= {
            "programme": programme,
            "period": period,
            "rows": rows,
            "page": page,
            "window": window,
            "today": timezone.localdate(),
            "params": form.params(),
            "upload_form": UploadForm(),
            "import_errors": request.session.pop("report_import_errors", []),
            "error_token": request.GET.get("errors", ""),
            "unsaved": page.paginator.count - selectors.filled_count(projects=projects, period=period),
            "total_month": sum((r.totals.month for r in rows), start=0),
            "total_ytd": sum((r.totals.ytd for r in rows), start=0),
        }
    return render(request, "projects/reporting/grid.html", context)


@login_required
@require_POST
def report_row_save(request: HttpRequest, project_pk: int) -> HttpResponse:
    """One row of the grid, saved by htmx: answers the row's status cell, and its version and warnings
    out of band (the reporter's focus stays where it is)."""
    form = _month_form(request)
    if form is None:
        return HttpResponse(_("Choose a programme and a month."), status=400)
    programme, period = form.cleaned_data["programme"], form.cleaned_data["period"]
    project = access.get_visible_or_404(request, Project.objects.filter(programme=programme), pk=project_pk)
    prefix = f"r{project.pk}-"
    values = {name: request.POST.get(prefix + name, "") for name in VALUE_FIELDS}
    try:
        expected = int(request.POST.get(prefix + "version", ""))
    except ValueError:
        expected = -1
    state, message = "saved", ""
    try:
        services.report_save(
            user=request.user, project=project, period=period, values=values, expected_version=expected
        )
    except StaleRecord as stale:
        state, message = "stale", str(stale)
    except services.ReportRefused as refused:
        state, message = "refused", _refusal(refused)
    row = selectors.grid_row(period=period, project=project)
    if state == "saved" and row.checked and row.checked.warnings:
        state = "warning"
    return render(
        request,
        "projects/reporting/_row_status.html",
        {"row": row, "state": state, "message": message, "oob": True},
    )


@login_required
@require_POST
def report_submit_all(request: HttpRequest) -> HttpResponse:
    access.deny_unless(request, selectors.may_report(request.user), "submit monthly reports")
    form = _month_form(request)
    if form is None:
        messages.error(request, _("Choose a programme and a month."))
        return redirect("projects:report_grid")
    programme, period = form.cleaned_data["programme"], form.cleaned_data["period"]
    projects = selectors.reportable_projects(user=request.user, programme=programme, period=period)
    drafts = MonthlyReport.objects.filter(
        project__in=projects.values("pk"), period=period, status__in=selectors.figures.NOT_SUBMITTED
    )
    submitted = 0
    try:
        for report in drafts:
            services.report_submit(user=request.user, report=report)
            submitted += 1
    except services.ReportRefused as refused:
        messages.error(request, _refusal(refused))
    else:
        messages.success(request, _("%(count)s reports submitted.") % {"count": submitted})
    return redirect(_grid_url(form))


# --- the Excel round trip ----------------------------------------------------------------------------------


@login_required
def report_template_download(request: HttpRequest) -> HttpResponse:
    access.deny_unless(request, selectors.may_report(request.user), "monthly report template")
    form = _month_form(request)
    if form is None:
        return redirect("projects:report_grid")
    programme, period = form.cleaned_data["programme"], form.cleaned_data["period"]
    projects = selectors.reportable_projects(user=request.user, programme=programme, period=period)
    stem = _("monthly-reports-%(period)s") % {"period": format_period(period)}
    return xlsx_response(report_template(projects=projects, period=period), stem)


@login_required
@require_POST
def report_upload(request: HttpRequest) -> HttpResponse:
    access.deny_unless(request, selectors.may_report(request.user), "upload monthly reports")
    form = _month_form(request)
    upload = UploadForm(request.POST, request.FILES)
    if form is None or not upload.is_valid():
        for errors in (upload.errors if form is not None else {"": [_("Choose a programme and a month.")]}).values():
            for error in errors:
                messages.error(request, error)
        return redirect(_grid_url(form) if form is not None else reverse("projects:report_grid"))
    workbook = upload.cleaned_data["workbook"]
    try:
        result = reports_import(
            user=request.user,
            programme=form.cleaned_data["programme"],
            period=form.cleaned_data["period"],
            data=workbook.read(),
            filename=workbook.name,
        )
    except ReportImportFailed as failed:
        token = keep_annotated(user=request.user, data=failed.annotated)
        request.session["report_import_errors"] = [e.as_text() for e in failed.errors[:50]]
        messages.error(request, str(failed))
        return redirect(f"{_grid_url(form)}&errors={token}")
    except WorkbookUnreadable as unreadable:
        messages.error(request, str(unreadable))
    else:
        messages.success(request, _("Imported: %(summary)s.") % {"summary": result.summary()})
        if result.warnings:
            messages.warning(
                request, _("%(count)s values look implausible; check the warnings.") % {"count": len(result.warnings)}
            )
    return redirect(_grid_url(form))


# --- the office's review ------------------------------------------------------------------------------------


def _review_form(request: HttpRequest) -> ReviewForm:
    access.deny_unless(request, selectors.may_review(request.user), "review monthly reports")
    return ReviewForm(request.GET, user=request.user)


def _reports_of(request: HttpRequest, form: ReviewForm) -> Any:
    data = form.cleaned_data
    return selectors.review_reports(
        user=request.user,
        programme=data["programme"],
        period=data["period"],
        status=data.get("status") or "",
        region=data.get("region"),
        task_force=data.get("task_force"),
    )


@login_required
def report_review(request: HttpRequest) -> HttpResponse:
    form = _review_form(request)
    context: dict[str, Any] = {"form": form}
    if form.is_valid():
        reports = _reports_of(request, form)
        flagged = {f.report.pk: f for f in selectors.flagged_reports(reports=reports)}
        period, programme = form.cleaned_data["period"], form.cleaned_data["programme"]
        context |= {
            "reports": reports,
            "late": {r.pk for r in reports if selectors.is_late(report=r)},
            "flagged": flagged,
            "counts": selectors.status_counts(
                reports=selectors.review_reports(user=request.user, programme=programme, period=period)
            ),
            "window": selectors.month_window(programme=programme, period=period),
            "params": form.params(),
            "missing": selectors.missing_reports(programme=programme, period=period)
            .filter(pk__in=selectors.reviewable_projects(user=request.user).values("pk"))
            .count(),
        }
    return render(request, "projects/reporting/review.html", context)


@login_required
def report_flagged(request: HttpRequest) -> HttpResponse:
    form = _review_form(request)
    context: dict[str, Any] = {"form": form}
    if form.is_valid():
        context |= {"flagged": selectors.flagged_reports(reports=_reports_of(request, form)), "params": form.params()}
    return render(request, "projects/reporting/flagged.html", context)


def _back(request: HttpRequest, report: MonthlyReport) -> str:
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return target
    return reverse("projects:report_detail", args=[report.pk])


def _reviewable(request: HttpRequest, pk: int) -> MonthlyReport:
    report = access.get_visible_or_404(request, MonthlyReport.objects.select_related("project"), pk=pk)
    if not selectors.may_review_report(user=request.user, report=report):
        access.deny_unless(request, False, f"review report {pk}")
    return report


@login_required
@require_POST
def report_return_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = _reviewable(request, pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what the reporter should fix."))
        return redirect(_back(request, report))
    try:
        services.report_return(
            user=request.user,
            report=report,
            comment=form.cleaned_data["comment"],
            expected_version=form.cleaned_data["version"],
        )
    except (StaleRecord, services.ReportRefused) as refused:
        messages.error(request, _refusal(refused))
    else:
        messages.success(request, _("Returned to the reporter: %(project)s.") % {"project": report.project.name})
    return redirect(_back(request, report))


@login_required
@require_POST
def report_accept_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = _reviewable(request, pk)
    try:
        expected = int(request.POST.get("version", ""))
    except ValueError:
        expected = -1
    try:
        services.report_accept(user=request.user, report=report, expected_version=expected)
    except (StaleRecord, services.ReportRefused) as refused:
        messages.error(request, _refusal(refused))
    else:
        messages.success(request, _("Accepted: %(project)s.") % {"project": report.project.name})
    return redirect(_back(request, report))


@login_required
@require_POST
def report_accept_many(request: HttpRequest) -> HttpResponse:
    access.deny_unless(request, selectors.may_review(request.user), "accept monthly reports")
    ids = [int(pk) for pk in request.POST.getlist("report") if pk.isdigit()]
    reports = list(
        access.visible(
            request.user, MonthlyReport.objects.filter(pk__in=ids, status=ReportStatus.SUBMITTED)
        ).select_related("project")
    )
    try:
        count = services.reports_accept(user=request.user, reports=reports)
    except (services.ReportRefused, access.AccessDenied) as refused:
        messages.error(request, _refusal(refused))
    else:
        messages.success(request, _("%(count)s reports accepted.") % {"count": count})
    target = request.POST.get("next", "")
    return redirect(
        target if target.startswith("/") and not target.startswith("//") else reverse("projects:report_review")
    )


# --- one report ----------------------------------------------------------------------------------------------


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_visible_or_404(
        request, MonthlyReport.objects.select_related("project__region", "project__programme", "submitted_by"), pk=pk
    )
    window = selectors.month_window(programme=report.project.programme, period=report.period)
    reviewer = selectors.may_review_report(user=request.user, report=report)
    initial = {name: getattr(report, name) or "" for name in VALUE_FIELDS} | {"version": report.version}
    totals = selectors.report_totals(projects=[report.project], period=report.period)[report.project_id]
    flagged = selectors.flagged_reports(reports=MonthlyReport.objects.filter(pk=report.pk).select_related("project"))
    return render(
        request,
        "projects/reporting/detail.html",
        {
            "report": report,
            "window": window,
            "totals": totals,
            "issues": flagged[0].checked.issues if flagged else [],
            "late": selectors.is_late(report=report),
            "events": selectors.report_events(report=report),
            "labels": selectors.value_labels(),
            "reviewer": reviewer,
            "return_form": ReturnForm(initial={"version": report.version}),
            "correction_form": CorrectionForm(initial=initial) if reviewer and window.closed else None,
        },
    )


@login_required
@require_POST
def report_correct_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = _reviewable(request, pk)
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the report is corrected."))
        return redirect("projects:report_detail", pk=report.pk)
    data = form.cleaned_data
    try:
        services.report_correct(
            user=request.user,
            report=report,
            values={name: data[name] for name in VALUE_FIELDS},
            reason=data["reason"],
            expected_version=data["version"],
        )
    except (StaleRecord, services.ReportRefused) as refused:
        messages.error(request, _refusal(refused))
    else:
        messages.success(request, _("Corrected. The published notice shows the correction."))
    return redirect("projects:report_detail", pk=report.pk)
