"""Pages of policy documents and their tasks: validate, call a service or a selector, render."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuijin.core import access
from tuijin.core.http import docx_response, xlsx_response
from tuijin.core.periods import format_period, parse_period
from tuijin.core.services import StaleRecord
from tuijin.org.models import Programme, Unit

from . import imports, rules, selectors, services
from .division import division_docx, division_xlsx, title_of
from .forms import (
    ConfirmForm,
    ContributionForm,
    MappingForm,
    MilestoneForm,
    PlanForm,
    RowForm,
    TaskFilterForm,
    TaskReportForm,
    UploadForm,
    reporting_period,
)
from .matching import UnitIndex
from .models import Document, DraftState, ImportDraft, Milestone, Task, TaskContribution, TaskReport
from .progress import Standing
from .review import highlight, marks_of

MAX_DRAFTS_LISTED = 20


def _refusal(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


# Documents ------------------------------------------------------------------------------------


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    documents = selectors.documents_visible(user=request.user)
    may_import = access.changeable(request.user, Programme.objects.all()).exists()
    return render(request, "plans/document_list.html", {"documents": documents, "may_import": may_import})


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_visible_or_404(request, Document.objects.select_related("programme", "task_force"), pk=pk)
    rows = selectors.task_rows(
        selectors.tasks_visible(user=request.user, document=document), as_of=timezone.localdate()
    )
    tree = selectors.document_tree(document, rows)
    return render(request, "plans/document_detail.html", {"document": document, "tree": tree, "rows": rows})


@login_required
def division_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    document = access.get_visible_or_404(request, Document.objects.all(), pk=pk)
    rows = selectors.task_rows(
        selectors.tasks_visible(user=request.user, document=document), as_of=timezone.localdate()
    )
    if fmt == "docx":
        return docx_response(division_docx(document, rows), title_of(document))
    return xlsx_response(division_xlsx(document, rows), title_of(document))


# Import and review ----------------------------------------------------------------------------


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    access.deny_unless(request, form.fields["programme"].queryset.exists(), "import documents")
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            draft = imports.import_draft_create(
                user=request.user,
                programme=form.cleaned_data["programme"],
                task_force=form.cleaned_data["task_force"],
                kind=form.cleaned_data["kind"],
                file_name=upload.name,
                data=upload.read(),
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect(draft)
    drafts = access.visible(request.user, ImportDraft.objects.filter(state=DraftState.OPEN)).select_related(
        "programme", "created_by"
    )[:MAX_DRAFTS_LISTED]
    return render(request, "plans/import_upload.html", {"form": form, "drafts": drafts})


def _draft(request: HttpRequest, pk: int) -> ImportDraft:
    return access.get_visible_or_404(request, ImportDraft.objects.select_related("programme__region"), pk=pk)


def _review_context(request: HttpRequest, draft: ImportDraft) -> dict[str, Any]:
    index = UnitIndex(draft.programme)
    resolutions = imports.resolve_names(draft, index)
    known = {r.name: r for r in resolutions}
    return {
        "draft": draft,
        "text": highlight(draft.text, marks_of(draft.data)),
        "rows": draft.data["rows"],
        "resolutions": resolutions,
        "matched": [r for r in resolutions if r.matched],
        "known": known,
        "unknown_count": sum(1 for r in resolutions if r.unit is None and not r.create),
        "existing": imports.existing_document(draft),
        "mapping_form": MappingForm(draft=draft),
        "confirm_form": ConfirmForm(initial={"version": draft.version}),
    }


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    draft = _draft(request, pk)
    return render(request, "plans/review.html", _review_context(request, draft))


def _row(draft: ImportDraft, key: str) -> dict[str, Any]:
    for row in draft.data["rows"]:
        if row["key"] == key:
            return row
    raise imports.ImportRefused(_("That row is not in this import."))


@login_required
def review_row(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """One row of the task table: shown, edited (htmx GET ?edit=1) or saved (POST)."""
    draft = _draft(request, pk)
    row = _row(draft, key)
    if request.method == "POST":
        form = RowForm(request.POST)
        if form.is_valid():
            try:
                row = imports.import_draft_row_update(user=request.user, draft=draft, key=key, **form.cleaned_data)
            except (ValidationError, PermissionDenied) as error:
                form.add_error(None, _refusal(error))
            else:
                draft.refresh_from_db()
                context = _review_context(request, draft)
                return render(request, "plans/_review_row_saved.html", {**context, "row": row})
        return render(request, "plans/_review_row_form.html", {"draft": draft, "row": row, "form": form})
    if request.GET.get("edit"):
        form = RowForm(
            initial={
                "title": row["title"],
                "lead": "、".join(row["lead"]),
                "cooperating": "、".join(row["cooperating"]),
                "deadline_text": row["deadline_text"],
            }
        )
        return render(request, "plans/_review_row_form.html", {"draft": draft, "row": row, "form": form})
    context = _review_context(request, draft)
    return render(request, "plans/_review_row.html", {**context, "row": row})


@login_required
@require_POST
def review_map(request: HttpRequest, pk: int) -> HttpResponse:
    draft = _draft(request, pk)
    form = MappingForm(request.POST, draft=draft)
    if form.is_valid():
        try:
            imports.import_draft_map_unit(
                user=request.user,
                draft=draft,
                name=form.cleaned_data["name"],
                unit=form.cleaned_data["unit"],
                create=form.cleaned_data["create"],
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, _refusal(error))
    else:
        messages.error(request, _("Choose a unit, or tick “create it”."))
    return redirect(f"{draft.get_absolute_url()}#units")


@login_required
@require_POST
def review_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    draft = _draft(request, pk)
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The confirmation is incomplete; reload the page."))
        return redirect(draft)
    try:
        result = imports.import_confirm(user=request.user, draft=draft, expected_version=form.cleaned_data["version"])
    except StaleRecord:
        messages.error(request, _("The review was changed after you opened it. Check it again, then confirm."))
        return redirect(draft)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _refusal(error))
        return redirect(draft)
    messages.success(
        request,
        _("Imported: %(created)s tasks created, %(updated)s updated, %(kept)s earlier ones kept.")
        % {"created": result.created, "updated": result.updated, "kept": result.kept},
    )
    if result.new_units:
        messages.info(request, _("New units created: %(names)s") % {"names": "、".join(result.new_units)})
    return redirect(result.document)


# Tasks ----------------------------------------------------------------------------------------


@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    form = TaskFilterForm(request.GET or None, documents=selectors.documents_visible(user=request.user))
    data = form.cleaned_data if form.is_valid() else {}
    standing = request.GET.get("standing", "")
    tasks = selectors.tasks_visible(user=request.user, q=data.get("q", ""), document=data.get("document"))
    rows = selectors.task_rows(tasks, as_of=timezone.localdate())
    if standing in Standing.values:
        rows = [row for row in rows if row.position.standing == standing]
    return render(
        request,
        "plans/task_list.html",
        {"rows": rows, "form": form, "standings": Standing.choices, "standing": standing},
    )


@login_required
def behind_list(request: HttpRequest) -> HttpResponse:
    rows = selectors.behind_schedule(user=request.user, as_of=timezone.localdate())
    return render(request, "plans/behind_list.html", {"rows": rows})


def _task(request: HttpRequest, pk: int) -> Task:
    return access.get_visible_or_404(request, Task.objects.select_related("document__programme"), pk=pk)


def _period_of(request: HttpRequest) -> Any:
    try:
        return parse_period(request.GET.get("period", ""))
    except ValueError:
        return reporting_period()


def _task_context(request: HttpRequest, task: Task, **forms: Any) -> dict[str, Any]:
    user = request.user
    period = _period_of(request)
    row = selectors.task_rows(selectors.tasks_visible(user=user).filter(pk=task.pk), as_of=timezone.localdate())[0]
    report = TaskReport.objects.filter(task=task, period=period).first()
    contribution_units = rules.contributing_units(user, task)
    contribution = (
        TaskContribution.objects.filter(task=task, period=period, unit_id__in=contribution_units).first()
        if contribution_units
        else None
    )
    may_report, may_plan = rules.may_report(user, task), rules.may_plan(user, task)
    if may_report and "report_form" not in forms:
        forms["report_form"] = TaskReportForm(
            initial={
                "period": format_period(period),
                "progress": report.progress if report else row.position.reported,
                "done": report.done if report else "",
                "problems": report.problems if report else "",
                "next_steps": report.next_steps if report else "",
                "version": report.version if report else None,
            }
        )
    if contribution_units and "contribution_form" not in forms:
        forms["contribution_form"] = _contribution_form(
            None,
            contribution_units,
            initial={
                "period": format_period(period),
                "unit": contribution_units[0],
                "text": contribution.text if contribution else "",
                "version": contribution.version if contribution else None,
            },
        )
    if may_plan and "milestone_form" not in forms:
        forms["milestone_form"] = MilestoneForm()
    return {
        "task": task,
        "row": row,
        "period": format_period(period),
        "reports": task.reports.select_related("submitted_by"),
        "contributions": task.contributions.select_related("unit").order_by("-period", "unit__name"),
        "milestones": task.milestones.all(),
        "people": task.responsible_people.select_related("unit"),
        "may_report": may_report,
        "may_plan": may_plan,
        "today": timezone.localdate(),
        **forms,
    }


def _contribution_form(data: Any, unit_ids: list[int], **kwargs: Any) -> ContributionForm:
    form = ContributionForm(data, **kwargs)
    form.fields["unit"].choices = [(u.pk, u.name) for u in Unit.objects.filter(pk__in=unit_ids)]
    return form


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    return render(request, "plans/task_detail.html", _task_context(request, task))


@login_required
@require_POST
def task_report(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    access.deny_unless(request, rules.may_report(request.user, task), f"report on task {task.pk}")
    form = TaskReportForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.task_report_submit(
                user=request.user,
                task=task,
                period=data["period"],
                progress=data["progress"],
                done=data["done"],
                problems=data["problems"],
                next_steps=data["next_steps"],
                expected_version=data["version"],
            )
        except StaleRecord as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_error(None, _refusal(error))
        else:
            messages.success(
                request, _("The task report for %(period)s is in.") % {"period": format_period(data["period"])}
            )
            return redirect(f"{task.get_absolute_url()}?period={format_period(data['period'])}")
    return render(request, "plans/task_detail.html", _task_context(request, task, report_form=form), status=400)


@login_required
@require_POST
def task_contribute(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    units = rules.contributing_units(request.user, task)
    access.deny_unless(request, bool(units), f"contribute to task {task.pk}")
    form = _contribution_form(request.POST, units)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.task_contribution_submit(
                user=request.user,
                task=task,
                period=data["period"],
                unit=Unit.objects.get(pk=data["unit"]),
                text=data["text"],
                expected_version=data["version"],
            )
        except StaleRecord as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_error(None, _refusal(error))
        else:
            messages.success(request, _("Your unit's part of the report is in."))
            return redirect(f"{task.get_absolute_url()}?period={format_period(data['period'])}")
    return render(request, "plans/task_detail.html", _task_context(request, task, contribution_form=form), status=400)


@login_required
def task_plan(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    access.deny_unless(request, rules.may_plan(request.user, task), f"plan task {task.pk}")
    unit_ids = list(task.assignments.values_list("unit_id", flat=True))
    initial = {name: getattr(task, name) for name in services.PLAN_FIELDS}
    initial |= {"version": task.version, "people": list(task.responsible_people.all())}
    form = PlanForm(request.POST or None, unit_ids=unit_ids, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version, people = data.pop("version"), list(data.pop("people"))
        try:
            services.task_plan_update(user=request.user, task=task, expected_version=version, people=people, **data)
        except StaleRecord as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The six steps are saved."))
            return redirect(task)
    return render(request, "plans/task_plan.html", {"task": task, "form": form})


@login_required
@require_POST
def milestone_add(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    access.deny_unless(request, rules.may_plan(request.user, task), f"plan task {task.pk}")
    form = MilestoneForm(request.POST)
    if form.is_valid():
        try:
            services.milestone_add(user=request.user, task=task, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, _refusal(error))
    else:
        messages.error(request, _("A milestone needs a name and a date."))
    return redirect(task)


@login_required
@require_POST
def milestone_done(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = get_object_or_404(Milestone, pk=pk)
    task = _task(request, milestone.task_id)
    access.deny_unless(request, rules.may_plan(request.user, task), f"plan task {task.pk}")
    try:
        services.milestone_done(
            user=request.user,
            milestone=milestone,
            done_on=timezone.localdate(),
            expected_version=int(request.POST.get("version", "0") or 0),
        )
    except (StaleRecord, ValidationError) as error:
        messages.error(request, _refusal(error))
    return redirect(task)
