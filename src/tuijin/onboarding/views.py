"""Onboarding pages: upload an office's own workbook, confirm its column mapping, preview, import.
Views validate and render; the services act."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuijin.core import access
from tuijin.core.services import StaleRecord
from tuijin.core.uploads import keep_annotated

from . import selectors, services
from .forms import ConfirmForm, MappingForm, UploadForm
from .models import ImportJob, ImportStatus

JOBS_SHOWN = 50


def _job(request: HttpRequest, pk: int) -> ImportJob:
    access.deny_unless(request, selectors.may_import(request.user), "onboarding")
    return access.get_changeable_or_deny(request, ImportJob.objects.select_related("programme"), pk=pk)


@login_required
def onboarding_home(request: HttpRequest) -> HttpResponse:
    access.deny_unless(request, selectors.may_import(request.user), "onboarding")
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["workbook"]
        try:
            job = services.upload_receive(
                user=request.user,
                programme=form.cleaned_data["programme"],
                file_name=upload.name,
                data=upload.read(),
                period=form.cleaned_data["period"],
            )
        except ValidationError as invalid:
            form.add_error("workbook", invalid)
        else:
            if selectors.needs_mapping(job, selectors.layouts_of(job)):
                return redirect("onboarding:mapping", job.pk)
            messages.info(request, _("This layout was mapped before: the remembered mapping is used."))
            return redirect("onboarding:preview", job.pk)
    jobs = selectors.import_jobs(user=request.user)[:JOBS_SHOWN]
    return render(request, "onboarding/home.html", {"form": form, "jobs": jobs})


@login_required
def mapping_view(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    screens, period = selectors.mapping_screen(job)
    form = MappingForm(request.POST or None, screens=screens, period=period, initial={"version": job.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.mapping_confirm(
                user=request.user,
                job=job,
                expected_version=form.cleaned_data["version"],
                mappings=form.mappings(),
                period=form.cleaned_data["period"],
            )
        except (ValidationError, StaleRecord) as refused:
            form.add_error(None, refused.messages if isinstance(refused, ValidationError) else str(refused))
        else:
            return redirect("onboarding:preview", job.pk)
    return render(request, "onboarding/mapping.html", {"job": job, "form": form})


def _preview(request: HttpRequest, job: ImportJob, refused: services.ImportRefused | None = None) -> HttpResponse:
    try:
        plan = selectors.import_plan(job)
    except ValueError:
        return redirect("onboarding:mapping", job.pk)
    errors = refused.errors if refused else plan.errors
    annotated = refused.annotated if refused else (services.annotated_workbook(job, errors) if errors else None)
    context = {
        "job": job,
        "plan": plan,
        "errors": errors,
        "refusal": refused.refusal if refused else plan.refusal,
        "error_token": keep_annotated(user=request.user, data=annotated) if annotated else None,
        "form": ConfirmForm(initial={"version": job.version}),
    }
    return render(request, "onboarding/preview.html", context, status=422 if refused else 200)


@login_required
def preview_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _preview(request, _job(request, pk))


@login_required
@require_POST
def confirm_view(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        return redirect("onboarding:preview", job.pk)
    try:
        job = services.import_start(user=request.user, job=job, expected_version=form.cleaned_data["version"])
    except services.ImportRefused as refused:
        return _preview(request, job, refused)
    except (services.AlreadyImported, StaleRecord) as stale:
        messages.error(request, stale.messages[0] if isinstance(stale, ValidationError) else str(stale))
        return redirect("onboarding:home")
    if job.status == ImportStatus.QUEUED:
        messages.info(request, _("This upload is being imported in the background; you will be told when it is in."))
        return redirect("onboarding:home")
    messages.success(
        request,
        _("Imported %(file)s: %(created)s projects created, %(updated)s updated, %(reports)s monthly reports.")
        % {"file": job.file_name, "created": job.created, "updated": job.updated, "reports": job.reports},
    )
    return redirect("onboarding:home")
