"""Commitment pages: the list per programme and year, a commitment with its timeline and the forms
of its next steps, the office's approval queue and the Excel export. Views validate and call the
services; who may do what is decided there and in `rules`."""

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tuijin.core import access
from tuijin.core.http import xlsx_response
from tuijin.core.selectors import record_history
from tuijin.core.services import StaleRecord
from tuijin.org.models import Programme
from tuijin.org.selectors import home_programme

from . import forms, rules, selectors, services
from .models import Commitment, CommitmentState
from .sheets import commitments_workbook

PAGE_SIZE = 50


def _programme_and_filters(
    request: HttpRequest,
) -> tuple[forms.CommitmentFilterForm, Programme | None, selectors.CommitmentFilters]:
    """The filters as asked, the user's own programme and the current year where none is asked."""
    programmes = selectors.programmes(user=request.user)
    default = home_programme(user=request.user, programmes=programmes)
    asked = {"programme": default.pk if default else "", "year": timezone.localdate().year}
    asked |= {key: value for key, value in request.GET.items() if value}
    form = forms.CommitmentFilterForm(asked, programmes=programmes)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.CommitmentFilters(
        year=data.get("year") or timezone.localdate().year,
        owner_kind=data.get("owner_kind") or "",
        state=data.get("state") or "",
        q=data.get("q") or "",
    )
    return form, data.get("programme") or default, filters


@login_required
def commitment_list(request: HttpRequest) -> HttpResponse:
    access.deny_unless(request, selectors.may_read(request.user), "commitments")
    form, programme, filters = _programme_and_filters(request)
    context: dict[str, Any] = {"form": form, "programme": programme, "filters": filters}
    if programme is not None:
        every_state = selectors.commitment_list(
            user=request.user, programme=programme, filters=replace(filters, state="")
        )
        commitments = selectors.commitment_list(user=request.user, programme=programme, filters=filters)
        counts = selectors.state_counts(every_state)
        context |= {
            "counts": [(state, label, counts[state]) for state, label in CommitmentState.choices],
            "page": Paginator(commitments, PAGE_SIZE).get_page(request.GET.get("page")),
            "may_create": bool(selectors.owners_for(user=request.user, programme=programme)),
            "may_review": selectors.may_review(request.user),
            "export_query": request.GET.urlencode(),
        }
    return render(request, "plans/commitments/list.html", context)


@login_required
def commitment_export(request: HttpRequest) -> HttpResponse:
    access.deny_unless(request, selectors.may_read(request.user), "commitments")
    _form, programme, filters = _programme_and_filters(request)
    if programme is None:
        return redirect("commitments:list")
    commitments = selectors.commitment_list(user=request.user, programme=programme, filters=filters)
    data = commitments_workbook(
        programme=programme, year=filters.year, commitments=commitments.order_by(*selectors.OWNER_ORDER)
    )
    return xlsx_response(data, _("commitments-%(year)s") % {"year": filters.year})


@login_required
def commitment_create(request: HttpRequest) -> HttpResponse:
    programme = access.get_visible_or_404(
        request, selectors.programmes(user=request.user), pk=request.GET.get("programme") or 0
    )
    owners = selectors.owners_for(user=request.user, programme=programme)
    access.deny_unless(request, bool(owners), "draft a commitment")
    form = forms.CommitmentForm(request.POST or None, owners=owners)
    if request.method == "POST" and form.is_valid():
        owner = form.chosen_owner()
        try:
            commitment = services.commitment_create(
                user=request.user,
                programme=programme,
                year=form.cleaned_data["year"],
                task_force=owner.task_force,
                region=owner.region,
                **form.content(),
            )
        except services.CommitmentRefused as refused:
            form.add_error(None, refused.messages[0])
        else:
            messages.success(request, _("The commitment is saved as a draft. Submit it when it is ready."))
            return redirect(commitment)
    return render(
        request,
        "plans/commitments/form.html",
        {"form": form, "programme": programme},
        status=400 if form.errors else 200,
    )


def _detail(request: HttpRequest, commitment: Commitment, status: int = 200, **bound: Any) -> HttpResponse:
    version = {"expected_version": commitment.version}
    context = {
        "commitment": commitment,
        "events": selectors.timeline(user=request.user, commitment=commitment),
        "steps": rules.steps_for(request.user, commitment),
        "history": record_history(instance=commitment)[:50],
        "submit_form": forms.VersionedForm(initial=version),
        "return_form": forms.ReturnForm(initial=version),
        "approve_form": forms.NoteForm(initial=version),
        "publish_form": forms.VersionedForm(initial=version),
        "progress_form": forms.ProgressForm(initial={**version, "progress": commitment.progress}),
        "evaluate_form": forms.EvaluateForm(initial=version),
        **bound,
    }
    return render(request, "plans/commitments/detail.html", context, status=status)


@login_required
def commitment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, selectors.commitment_for_page(user=request.user, pk=pk, request=request))


@login_required
def commitment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = selectors.commitment_for_page(user=request.user, pk=pk, request=request)
    access.deny_unless(request, rules.is_owner(request.user, commitment), "edit a commitment")
    if not rules.allowed_in_state("edit", commitment.state):
        messages.error(request, _("Only a draft or a returned commitment can be edited."))
        return redirect(commitment)
    initial = {name: getattr(commitment, name) for name in services.CONTENT_FIELDS}
    form = forms.CommitmentForm(request.POST or None, initial={**initial, "expected_version": commitment.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.commitment_edit(
                user=request.user,
                commitment=commitment,
                expected_version=form.cleaned_data["expected_version"],
                **form.content(),
            )
        except (StaleRecord, services.CommitmentRefused) as refused:
            form.add_error(None, str(refused) if isinstance(refused, StaleRecord) else refused.messages[0])
        else:
            messages.success(request, _("The commitment is saved."))
            return redirect(commitment)
    return render(
        request,
        "plans/commitments/form.html",
        {"form": form, "programme": commitment.programme, "commitment": commitment},
        status=400 if form.errors else 200,
    )


# Each step: its form (whose fields are the service's arguments), the service, and what the user is told.
STEPS: dict[str, tuple[type[forms.VersionedForm], Callable[..., Commitment], Any]] = {
    "submit": (forms.VersionedForm, services.commitment_submit, gettext_lazy("Submitted to the programme office.")),
    "return": (forms.ReturnForm, services.commitment_return, gettext_lazy("Returned to its owner.")),
    "approve": (forms.NoteForm, services.commitment_approve, gettext_lazy("Approved. Publish it to show it.")),
    "publish": (forms.VersionedForm, services.commitment_publish, gettext_lazy("Published: the public page shows it.")),
    "progress": (forms.ProgressForm, services.commitment_progress_report, gettext_lazy("Progress reported.")),
    "evaluate": (forms.EvaluateForm, services.commitment_evaluate, gettext_lazy("Evaluated. The score is public.")),
}


@login_required
@require_POST
def commitment_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """Runs one step from the commitment page: validate, call the service, or show why not."""
    commitment = selectors.commitment_for_page(user=request.user, pk=pk, request=request)
    form_class, act, done = STEPS[step]
    form = form_class(request.POST)
    if form.is_valid():
        try:
            act(user=request.user, commitment=commitment, **form.cleaned_data)
        except (StaleRecord, services.CommitmentRefused) as refused:
            # Said at the top of the page: the step's form may no longer be shown in this state.
            messages.error(request, str(refused) if isinstance(refused, StaleRecord) else refused.messages[0])
        else:
            messages.success(request, done)
            return redirect(commitment)
    commitment.refresh_from_db()
    return _detail(request, commitment, status=400, **{f"{step}_form": form})


@login_required
def approval_queue(request: HttpRequest) -> HttpResponse:
    access.deny_unless(request, selectors.may_review(request.user), "commitment approval queue")
    return render(request, "plans/commitments/queue.html", {"commitments": selectors.approval_queue(user=request.user)})
