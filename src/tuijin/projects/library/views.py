"""The project library's pages: validate, call a selector or a service, render. Every read goes
through the access module; every change re-checks it on the server."""

from functools import cached_property
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuijin.core import access
from tuijin.core.http import xlsx_response
from tuijin.core.records import display_value
from tuijin.core.selectors import record_history
from tuijin.core.services import StaleRecord
from tuijin.core.views import record_form_saved

from .. import services as project_services
from ..models import ORIGINATION_THRESHOLD_WAN, ListMembership, OriginationTarget, Project
from . import selectors, services
from .forms import (
    PROJECT_FIELDS,
    AnnualPlanForm,
    ListAddForm,
    ListRemoveForm,
    OriginationQueryForm,
    ProjectCreateForm,
    ProjectFilterForm,
    ProjectForm,
    StageMoveForm,
)
from .sheets import origination_workbook, project_workbook

PAGE_SIZE = 50
CHARTED_GAPS = 20  # the chart beside the table shows the largest gaps; the table and Excel have every row


class CountedPaginator(Paginator):
    """A paginator told the count the totals query already made, so a page costs one query less."""

    def __init__(self, object_list: Any, per_page: int, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


def _partial(request: HttpRequest, full: str, partial: str) -> str:
    return partial if request.headers.get("HX-Request") == "true" else full


def _filtered(request: HttpRequest) -> tuple[ProjectFilterForm, Any]:
    access.deny_unless(request, selectors.may_see_projects(request.user), "project library")
    form = ProjectFilterForm(request.GET or None, user=request.user)
    return form, selectors.project_list(user=request.user, project_filter=form.project_filter())


def _sort_links(request: HttpRequest, current: str) -> dict[str, dict[str, str]]:
    """Each sortable column's link (ascending first, descending when already ascending) and arrow."""
    links = {}
    for key in selectors.SORTS:
        query = request.GET.copy()
        query.pop("page", None)
        query["sort"] = f"-{key}" if current == key else key
        arrow = "bi-sort-up" if current == key else "bi-sort-down" if current == f"-{key}" else ""
        links[key] = {"query": query.urlencode(), "arrow": arrow}
    return links


@login_required
def project_list(request: HttpRequest) -> HttpResponse:
    form, projects = _filtered(request)
    project_filter = form.project_filter()
    totals = selectors.project_totals(projects)
    rows = selectors.project_rows(projects)
    page = CountedPaginator(rows, PAGE_SIZE, totals.count).get_page(request.GET.get("page"))
    export_query = request.GET.copy()
    export_query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "totals": totals,
        "sort_links": _sort_links(request, project_filter.sort),
        "export_query": export_query.urlencode(),
        "may_create": selectors.may_change_projects(request.user),
        "region_choices": form.fields["region"].widget.choices,
        "sort": project_filter.sort,
    }
    return render(request, _partial(request, "projects/library/list.html", "projects/library/_results.html"), context)


def _filter_description(form: ProjectFilterForm) -> str:
    """The filters in words, for the export's title line."""
    if not (form.is_bound and form.is_valid()):
        return _("All projects")
    parts = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if name == "sort" or value in (None, ""):
            continue
        if hasattr(field, "choices") and not hasattr(field, "queryset"):
            value = dict(field.choices).get(value, value)
        parts.append(f"{field.label}: {value}")
    return "; ".join(parts) or _("All projects")


@login_required
def project_export(request: HttpRequest) -> HttpResponse:
    form, projects = _filtered(request)
    totals = selectors.project_totals(projects)
    data = project_workbook(selectors.project_export_rows(projects), totals, _filter_description(form))
    return xlsx_response(data, _("projects"))


def _project(request: HttpRequest, pk: int) -> Project:
    return access.get_visible_or_404(request, Project.objects.select_related(*DETAIL_RELATED), pk=pk)


def _changeable(request: HttpRequest, pk: int) -> Project:
    return access.get_changeable_or_deny(request, Project.objects.select_related(*DETAIL_RELATED), pk=pk)


DETAIL_RELATED = [
    "programme",
    "region",
    "industry",
    "task_force",
    "owner",
    "responsible_unit",
    "responsible_person",
    "originated_by",
]


def _fields(project: Project) -> list[tuple[str, Any, Any]]:
    """Every field of the project as (label, shown value, raw value) for the details list."""
    names = [*PROJECT_FIELDS, "stage", "entered_on", "exited_on", "exit_reason"]
    shown = {
        "total_investment": f"{project.total_investment:,.2f}",
        "is_new_start": _("New start") if project.is_new_start else _("Continuing"),
    }
    return [
        (Project._meta.get_field(n).verbose_name, shown.get(n, display_value(project, n)), getattr(project, n))
        for n in names
    ]


def _detail_context(request: HttpRequest, project: Project, **forms: Any) -> dict[str, Any]:
    may_change = access.can_change(request.user, project)
    years = selectors.project_years(user=request.user, project=project)
    reports = selectors.project_reports(user=request.user, project=project)
    context = {
        "project": project,
        "fields": _fields(project),
        "timeline": selectors.project_timeline(user=request.user, project=project),
        "years": years,
        "reports": reports,
        "curve": selectors.investment_curve(lines=reports, years=years) if reports else None,
        "history": record_history(instance=project)[:200],
        "may_change": may_change,
    }
    if may_change:
        context |= {
            "move_form": StageMoveForm(project=project) if selectors.allowed_moves(project) else None,
            "list_form": ListAddForm(user=request.user, project=project),
            "remove_form": ListRemoveForm(),
            "plan_form": AnnualPlanForm(),
        }
    return context | forms


@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    return render(request, "projects/library/detail.html", _detail_context(request, project))


def _refused(request: HttpRequest, project: Project, error: Exception, status: int = 400, **forms: Any) -> HttpResponse:
    """The project page again, with what was refused and the form as it was filled in."""
    message = str(error.messages[0]) if isinstance(error, ValidationError) else str(error)
    messages.error(request, message)
    return render(request, "projects/library/detail.html", _detail_context(request, project, **forms), status=status)


@login_required
@require_POST
def project_move(request: HttpRequest, pk: int) -> HttpResponse:
    project = _changeable(request, pk)
    form = StageMoveForm(request.POST, project=project)
    if not form.is_valid():
        return _refused(request, project, ValidationError(_("The stage was not changed.")), move_form=form)
    data = form.cleaned_data
    try:
        services.project_stage_change(
            user=request.user,
            project=project,
            to_stage=data["to_stage"],
            expected_version=data["expected_version"],
            on=data["on"],
            reason=data["reason"],
        )
    except (StaleRecord, project_services.StageMoveRefused) as error:
        return _refused(request, project, error, status=409 if isinstance(error, StaleRecord) else 400)
    messages.success(request, _("The project's stage was changed."))
    return redirect(project.get_absolute_url())


@login_required
@require_POST
def project_list_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = _changeable(request, pk)
    form = ListAddForm(request.POST, user=request.user, project=project)
    if not form.is_valid():
        return _refused(request, project, ValidationError(_("The project was not added to the list.")), list_form=form)
    data = form.cleaned_data
    project_services.list_add(
        user=request.user,
        project=project,
        project_list=data["project_list"],
        year=data["year"],
        on=data["on"],
        reason=data["reason"],
    )
    messages.success(
        request,
        _("The project entered “%(list)s” for %(year)s.") % {"list": data["project_list"], "year": data["year"]},
    )
    return redirect(project.get_absolute_url())


@login_required
@require_POST
def project_list_remove(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    project = _changeable(request, pk)
    membership = access.get_changeable_or_deny(
        request, ListMembership.objects.filter(project=project).select_related("project_list"), pk=membership_pk
    )
    form = ListRemoveForm(request.POST)
    if not form.is_valid():
        return _refused(request, project, ValidationError(_("Say why the project leaves the list.")), remove_form=form)
    project_services.list_remove(
        user=request.user, membership=membership, on=form.cleaned_data["on"], reason=form.cleaned_data["reason"]
    )
    messages.success(
        request,
        _("The project left “%(list)s” for %(year)s.") % {"list": membership.project_list, "year": membership.year},
    )
    return redirect(project.get_absolute_url())


@login_required
@require_POST
def project_plan(request: HttpRequest, pk: int) -> HttpResponse:
    project = _changeable(request, pk)
    form = AnnualPlanForm(request.POST)
    if not form.is_valid():
        return _refused(request, project, ValidationError(_("The annual plan was not saved.")), plan_form=form)
    try:
        services.annual_plan_edit(user=request.user, project=project, **form.cleaned_data)
    except StaleRecord as error:
        return _refused(request, project, error, status=409)
    messages.success(request, _("The annual plan for %(year)s was saved.") % {"year": form.cleaned_data["year"]})
    return redirect(project.get_absolute_url())


@login_required
def project_create(request: HttpRequest) -> HttpResponse:
    access.deny_unless(request, selectors.may_change_projects(request.user), "create project")
    form = ProjectCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            project = project_services.project_create(
                user=request.user,
                stage=form.cleaned_data["stage"],
                entered_on=form.cleaned_data["entered_on"],
                **form.project_fields(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        except access.AccessDenied:
            # Logged here, after the rollback, so that the denial itself is kept.
            access.record_denial(user=request.user, what="create project outside scope", request=request)
            raise
        else:
            messages.success(request, _("The project entered the library."))
            return redirect(project.get_absolute_url())
    return render(request, "projects/library/form.html", {"form": form, "project": None})


@login_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = _changeable(request, pk)
    form = ProjectForm(request.POST or None, instance=project, user=request.user)
    if request.method == "POST" and form.is_valid() and (saved := record_form_saved(request, form, "project")):
        return redirect(saved.get_absolute_url())
    return render(request, "projects/library/form.html", {"form": form, "project": project})


def origination_rule() -> str:
    return _(
        "A project counts for the year it entered the library when its total planned investment is at least "
        "%(threshold)s in 10k CNY (100 million CNY), unless it left the library again before that year "
        "ended. A territory counts the projects located in it or below it; a department counts the projects "
        "it is recorded as having originated. A project may count for a territory and for a department. "
        "The gap is what is still missing to reach the target (0 once it is met); the list is sorted by gap."
    ) % {"threshold": f"{ORIGINATION_THRESHOLD_WAN:,}"}


def _origination(request: HttpRequest) -> tuple[OriginationQueryForm, list[selectors.OriginationRow]]:
    access.deny_unless(request, selectors.may_see_origination(request.user), "origination targets")
    form = OriginationQueryForm(request.GET, user=request.user)
    if not form.is_valid():
        return form, []
    data = form.cleaned_data
    return form, selectors.origination(
        user=request.user, programme=data["programme"], year=data["year"], holder=data["holder"]
    )


@login_required
def origination(request: HttpRequest) -> HttpResponse:
    form, rows = _origination(request)
    charted = rows[:CHARTED_GAPS]
    chart = {
        "names": [r.name for r in charted],
        "target": [r.target_count for r in charted],
        "achieved": [r.achieved for r in charted],
        "labels": {"target": _("Target"), "achieved": _("Achieved")},
    }
    context = {
        "form": form,
        "rows": rows,
        "rule": origination_rule(),
        "chart": chart,
        "charted": len(charted),
        "chart_height": 60 + 26 * len(charted),
        "totals": {
            "target": sum(r.target_count for r in rows),
            "achieved": sum(r.achieved for r in rows),
            "gap": sum(r.gap for r in rows),
        },
    }
    return render(request, "projects/library/origination.html", context)


@login_required
def origination_export(request: HttpRequest) -> HttpResponse:
    form, rows = _origination(request)
    if not form.is_valid():
        return origination(request)
    data = form.cleaned_data
    title = _("Origination of projects of 100 million CNY and more: %(programme)s, %(year)s") % {
        "programme": data["programme"].name,
        "year": data["year"],
    }
    return xlsx_response(origination_workbook(rows, title, origination_rule()), _("origination-%(year)s") % data)


@login_required
def origination_target_projects(request: HttpRequest, pk: int) -> HttpResponse:
    """The projects behind one achieved figure, with the rule that counted them."""
    access.deny_unless(request, selectors.may_see_origination(request.user), "origination targets")
    target = access.get_visible_or_404(
        request, OriginationTarget.objects.select_related("programme__region", "region", "unit"), pk=pk
    )
    if not selectors.target_followed(user=request.user, target=target):
        raise Http404
    projects = selectors.origination_projects(user=request.user, target=target)
    page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"target": target, "page": page, "rule": origination_rule(), "holder": target.region or target.unit}
    return render(request, "projects/library/origination_projects.html", context)
