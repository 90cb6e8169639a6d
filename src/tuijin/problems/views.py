import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuijin.core import access
from tuijin.core.http import docx_response, xlsx_response
from tuijin.core.selectors import record_history
from tuijin.core.services import StaleRecord
from tuijin.org.models import Programme

from . import digest as digests
from . import forms, selectors, services
from .models import Consultation, Decision, Problem

PAGE_SIZE = 30


@login_required
def problem_list(request: HttpRequest) -> HttpResponse:
    form = forms.ProblemFilterForm(request.GET or None, user=request.user)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.ProblemFilters(
        status=data.get("status") or "",
        level=data.get("level") or "",
        category=data["category"].pk if data.get("category") else None,
        flagged=bool(data.get("flagged")),
        overdue=bool(data.get("overdue")),
        q=data.get("q") or "",
    )
    page = Paginator(selectors.problem_list(user=request.user, filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "problems/problem_list.html",
        {
            "form": form,
            "page": page,
            "today": timezone.localdate(),
            "may_raise": selectors.raisable_projects(user=request.user).exists(),
        },
    )


@login_required
def problem_raise(request: HttpRequest) -> HttpResponse:
    projects = selectors.raisable_projects(user=request.user)
    access.deny_unless(request, projects.exists(), "raise a problem")
    if request.method == "POST":
        form = forms.RaiseForm(request.POST, request.FILES, projects=projects)
        if form.is_valid():
            data = form.cleaned_data
            try:
                problem = services.problem_raise(
                    user=request.user,
                    project=data["project"],
                    category=data["category"],
                    title=data["title"],
                    description=data["description"],
                    request=data["request"],
                    files=data["attachments"],
                )
            except services.ProblemRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(
                    request,
                    _("The problem was raised and sent to %(owner)s, due %(due)s.")
                    % {"owner": problem.owner_unit, "due": problem.due_on},
                )
                return redirect(problem)
    else:
        form = forms.RaiseForm(initial={"project": request.GET.get("project")}, projects=projects)
    return render(request, "problems/problem_raise.html", {"form": form})


def _detail(request: HttpRequest, problem: Problem, status: int = 200, **bound: Any) -> HttpResponse:
    """The problem page with its action forms; a failed action re-renders it with its form bound."""
    version = {"expected_version": problem.version}
    programme = problem.project.programme
    context = {
        "problem": problem,
        "events": selectors.problem_timeline(user=request.user, problem=problem),
        "attachments": problem.attachments.all(),
        "decisions": problem.decisions.select_related("consultation", "owner_unit"),
        "actions": selectors.problem_actions(user=request.user, problem=problem),
        "today": timezone.localdate(),
        "history": record_history(instance=problem)[:100],
        "comment_form": forms.CommentForm(),
        "escalate_form": forms.EscalateForm(initial=version),
        "resolve_form": forms.ResolveForm(initial=version),
        "flag_form": forms.FlagForm(initial=version, user=request.user, programme=programme),
        "unflag_form": forms.NoteForm(initial=version),
        "confirm_form": forms.NoteForm(initial=version),
        "reopen_form": forms.ReopenForm(initial=version),
        **bound,
    }
    return render(request, "problems/problem_detail.html", context, status=status)


@login_required
def problem_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, selectors.problem_for_page(user=request.user, pk=pk, request=request))


def _act(
    request: HttpRequest,
    pk: int,
    form_name: str,
    make_form: Callable[..., Any],
    act: Callable[[Problem, dict[str, Any]], Any],
    done: str,
) -> HttpResponse:
    """Runs one action from the problem page: validate, call the service, or show why not."""
    problem = selectors.problem_for_page(user=request.user, pk=pk, request=request)
    form = make_form(request, problem)
    if form.is_valid():
        try:
            act(problem, form.cleaned_data)
        except StaleRecord as stale:
            form.add_error(None, str(stale))
        except services.ProblemRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, done)
            return redirect(problem)
    problem.refresh_from_db()
    return _detail(request, problem, status=400, **{form_name: form})


@login_required
@require_POST
def problem_comment(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "comment_form",
        lambda r, p: forms.CommentForm(r.POST, r.FILES),
        lambda p, d: services.problem_comment(user=request.user, problem=p, text=d["text"], files=d["attachments"]),
        _("Your comment was added."),
    )


@login_required
@require_POST
def problem_escalate(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "escalate_form",
        lambda r, p: forms.EscalateForm(r.POST),
        lambda p, d: services.problem_escalate(
            user=request.user, problem=p, reason=d["reason"], expected_version=d["expected_version"]
        ),
        _("The problem went up one level."),
    )


@login_required
@require_POST
def problem_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "resolve_form",
        lambda r, p: forms.ResolveForm(r.POST),
        lambda p, d: services.problem_resolve(
            user=request.user, problem=p, measures=d["measures"], expected_version=d["expected_version"]
        ),
        _("Recorded as resolved; the raiser is asked to confirm."),
    )


@login_required
@require_POST
def problem_flag(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "flag_form",
        lambda r, p: forms.FlagForm(r.POST, user=r.user, programme=p.project.programme),
        lambda p, d: services.problem_flag(
            user=request.user,
            problem=p,
            leader=d["leader"],
            due_on=d["due_on"],
            note=d["note"],
            expected_version=d["expected_version"],
        ),
        _("The problem is flagged for supervision."),
    )


@login_required
@require_POST
def problem_unflag(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "unflag_form",
        lambda r, p: forms.NoteForm(r.POST),
        lambda p, d: services.problem_unflag(
            user=request.user, problem=p, note=d["note"], expected_version=d["expected_version"]
        ),
        _("Supervision of the problem ended."),
    )


@login_required
@require_POST
def problem_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "confirm_form",
        lambda r, p: forms.NoteForm(r.POST),
        lambda p, d: services.problem_confirm(
            user=request.user, problem=p, note=d["note"], expected_version=d["expected_version"]
        ),
        _("Confirmed: the problem is closed."),
    )


@login_required
@require_POST
def problem_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "reopen_form",
        lambda r, p: forms.ReopenForm(r.POST),
        lambda p, d: services.problem_reopen(
            user=request.user, problem=p, reason=d["reason"], expected_version=d["expected_version"]
        ),
        _("The problem was reopened and sent back to its owner."),
    )


@login_required
def attachment_download(request: HttpRequest, pk: int, attachment_id: int) -> FileResponse:
    problem = selectors.problem_for_page(user=request.user, pk=pk, request=request)
    attachment = problem.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


@login_required
def flagged_board(request: HttpRequest) -> HttpResponse:
    problems = selectors.flagged_board(user=request.user)
    return render(request, "problems/flagged_board.html", {"problems": problems, "today": timezone.localdate()})


# The weekly digest ---------------------------------------------------------------------------------


@login_required
def digest_index(request: HttpRequest) -> HttpResponse:
    """Opens the digest of the week under way for the first programme the user may read."""
    programmes = selectors.digest_programmes(user=request.user)
    access.deny_unless(request, bool(programmes), "weekly digest")
    week = digests.week_of(timezone.localdate())
    return redirect("problems:digest_week", programme=programmes[0].pk, week=week.isoformat())


def _digest(request: HttpRequest, programme: int, week: str) -> tuple[Programme, dt.date, dict[str, Any], bool]:
    try:
        week_start = digests.week_of(dt.date.fromisoformat(week))
    except ValueError:
        raise Http404 from None
    found = access.get_visible_or_404(request, Programme.objects.select_related("region"), pk=programme)
    result = selectors.digest_for(user=request.user, programme=found, week_start=week_start)
    access.deny_unless(request, result is not None, "weekly digest")
    content, stored = result
    return found, week_start, content, stored


@login_required
def digest_week(request: HttpRequest, programme: int, week: str) -> HttpResponse:
    found, week_start, content, stored = _digest(request, programme, week)
    return render(
        request,
        "problems/digest.html",
        {
            "programme": found,
            "programmes": selectors.digest_programmes(user=request.user),
            "content": content,
            "stored": stored,
            "title": digests.digest_title(content),
            "previous": (week_start - dt.timedelta(days=7)).isoformat(),
            "next": (week_start + dt.timedelta(days=7)).isoformat(),
            "produced": selectors.produced_digests(user=request.user, programme=found)[:12],
            "sections": [(key, digests.SECTION_LABELS[key], content["sections"][key]) for key in digests.SECTIONS],
        },
    )


@login_required
def digest_xlsx(request: HttpRequest, programme: int, week: str) -> HttpResponse:
    _found, _week, content, _stored = _digest(request, programme, week)
    return xlsx_response(digests.digest_xlsx(content), digests.digest_title(content))


@login_required
def digest_docx(request: HttpRequest, programme: int, week: str) -> HttpResponse:
    _found, _week, content, _stored = _digest(request, programme, week)
    return docx_response(digests.digest_docx(content), digests.digest_title(content))


# Consultations -------------------------------------------------------------------------------------


def _consultation_programmes(request: HttpRequest) -> Any:
    return access.changeable(request.user, Programme.objects.filter(problem_categories__isnull=False).distinct())


@login_required
def consultation_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.consultation_list(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "problems/consultation_list.html",
        {"page": page, "may_create": access.may_create(request.user, Consultation)},
    )


@login_required
def consultation_create(request: HttpRequest) -> HttpResponse:
    access.deny_unless(request, access.may_create(request.user, Consultation), "record a consultation")
    programmes = _consultation_programmes(request)
    form = forms.ConsultationForm(
        request.POST or None, programmes=programmes, initial={"held_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        consultation = services.consultation_record(user=request.user, **form.cleaned_data)
        messages.success(request, _("The consultation was recorded; now add its decisions."))
        return redirect(consultation)
    return render(request, "problems/consultation_form.html", {"form": form})


def _consultation_page(request: HttpRequest, consultation: Consultation, form: Any, status: int = 200) -> HttpResponse:
    return render(
        request,
        "problems/consultation_detail.html",
        {
            "consultation": consultation,
            "decisions": selectors.consultation_decisions(user=request.user, consultation=consultation),
            "form": form,
            "may_change": access.can_change(request.user, consultation),
            "history": record_history(instance=consultation)[:50],
        },
        status=status,
    )


def _decision_form(request: HttpRequest, consultation: Consultation, data: Any = None) -> forms.DecisionForm:
    problems = selectors.open_problems_of(user=request.user, programme=consultation.programme)
    return forms.DecisionForm(
        data,
        user=request.user,
        problems=problems,
        programme=consultation.programme,
        initial={"problem": request.GET.get("problem")},
    )


@login_required
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = access.get_visible_or_404(request, Consultation.objects.select_related("programme__region"), pk=pk)
    return _consultation_page(request, consultation, _decision_form(request, consultation))


@login_required
@require_POST
def decision_add(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = access.get_changeable_or_deny(
        request, Consultation.objects.select_related("programme__region"), pk=pk
    )
    form = _decision_form(request, consultation, request.POST)
    if form.is_valid():
        try:
            services.decision_add(user=request.user, consultation=consultation, **form.cleaned_data)
        except services.ProblemRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The decision was added and its owner told."))
            return redirect(consultation)
    return _consultation_page(request, consultation, form, status=400)


@login_required
@require_POST
def decision_done(request: HttpRequest, pk: int) -> HttpResponse:
    decision = access.get_visible_or_404(request, Decision.objects.select_related("problem"), pk=pk)
    services.decision_complete(user=request.user, decision=decision)
    messages.success(request, _("The measure is marked as carried out."))
    return redirect(reverse("problems:detail", args=[decision.problem_id]))


@login_required
@require_POST
def defaults_ensure(request: HttpRequest, programme: int) -> HttpResponse:
    found = access.get_changeable_or_deny(request, Programme.objects.all(), pk=programme)
    added = services.problem_defaults_ensure(user=request.user, programme=found)
    messages.success(request, _("%(count)s standard settings were added.") % {"count": added})
    return redirect(reverse("records:list", args=["problemcategory"]))
