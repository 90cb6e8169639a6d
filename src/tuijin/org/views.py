from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tuijin.core import access
from tuijin.core.http import xlsx_response
from tuijin.core.selectors import record_history
from tuijin.core.uploads import keep_annotated
from tuijin.sheets.engine import WorkbookUnreadable

from . import selectors, sheets
from .forms import OrgImportForm
from .models import Programme, TaskForce
from .services import OrgImportFailed, org_import


@login_required
def programme_list(request: HttpRequest) -> HttpResponse:
    return render(request, "org/programme_list.html", {"programmes": selectors.programme_list(user=request.user)})


@login_required
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    programme = access.get_visible_or_404(
        request, Programme.objects.select_related("region", "leading_group", "office"), pk=pk
    )
    return render(
        request,
        "org/programme_detail.html",
        {
            "programme": programme,
            "blocks": selectors.setup_checklist(user=request.user, programme=programme),
            "may_change": access.can_change(request.user, programme),
            "history": record_history(instance=programme)[:100],
        },
    )


@login_required
def checklist(request: HttpRequest, pk: int) -> HttpResponse:
    programme = access.get_visible_or_404(request, Programme.objects.select_related("region"), pk=pk)
    blocks = selectors.setup_checklist(user=request.user, programme=programme)
    return render(request, "org/checklist.html", {"programme": programme, "blocks": blocks})


@login_required
def org_chart(request: HttpRequest, pk: int) -> HttpResponse:
    programme = access.get_visible_or_404(request, Programme.objects.select_related("leading_group", "office"), pk=pk)
    chart = selectors.org_chart(user=request.user, programme=programme)
    return render(request, "org/org_chart.html", {"programme": programme, "chart": chart})


@login_required
def task_force_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task_force = access.get_visible_or_404(request, selectors.task_forces_with_setup(user=request.user), pk=pk)
    return render(
        request,
        "org/task_force_detail.html",
        {
            "task_force": task_force,
            "may_change": access.can_change(request.user, task_force),
            "history": record_history(instance=task_force)[:100],
        },
    )


@login_required
def org_template(request: HttpRequest) -> HttpResponse:
    return xlsx_response(sheets.template(), _("organisation-template"))


@login_required
def org_export(request: HttpRequest) -> HttpResponse:
    return xlsx_response(sheets.export(user=request.user), _("organisation"))


@login_required
def org_import_view(request: HttpRequest) -> HttpResponse:
    access.deny_unless(request, access.may_create(request.user, TaskForce), "import organisation")
    context: dict = {}
    if request.method == "POST":
        form = OrgImportForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data["workbook"].read()
            try:
                result = org_import(user=request.user, data=data)
            except OrgImportFailed as failed:
                context["errors"] = failed.errors
                context["error_token"] = keep_annotated(user=request.user, data=failed.annotated)
            except WorkbookUnreadable as unreadable:
                form.add_error("workbook", str(unreadable))
            else:
                messages.success(request, _("Imported: %(summary)s.") % {"summary": result.summary()})
                return redirect("org:import")
    else:
        form = OrgImportForm()
    return render(request, "org/import.html", {"form": form, **context})
