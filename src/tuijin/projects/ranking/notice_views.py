"""Monthly notices: the list with their history, generating a draft, the draft's effect beside the
previous rule, recording exemptions and score adjustments, publishing, and the files."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuijin.core import access
from tuijin.core.http import docx_response, xlsx_response
from tuijin.core.periods import format_period
from tuijin.core.selectors import record_history
from tuijin.core.services import StaleRecord

from ..models import Notice, NoticeStatus
from ..reporting.selectors import corrections, value_labels
from . import selectors, services
from .forms import AdjustmentForm, ExemptionForm, Query, RankingQueryForm
from .models import BoardExemption, ScoreAdjustment
from .notices.services import NoticeRefused, files_intact, notice_generate, notice_publish
from .rules import describe
from .sheets import rule_title


@login_required
def notice_list(request: HttpRequest) -> HttpResponse:
    access.deny_unless(request, access.may_any(request.user, access.policy_for(Notice).see), "notices")
    form = RankingQueryForm(request.GET, user=request.user) if selectors.may_rank(request.user) else None
    query = form.query() if form is not None and form.is_valid() else None
    notices = selectors.notice_list(user=request.user)
    return render(
        request,
        "projects/ranking/notice_list.html",
        {
            "form": form,
            "query": query,
            "notices": notices,
            "may_generate": query is not None and access.can_change(request.user, query.programme),
        },
    )


@login_required
@require_POST
def notice_generate_view(request: HttpRequest) -> HttpResponse:
    form = RankingQueryForm(request.POST, user=request.user)
    access.deny_unless(request, selectors.may_rank(request.user), "generate notice")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("projects:notice_list")
    query = form.query()
    try:
        notice = notice_generate(user=request.user, programme=query.programme, period=query.period)
    except NoticeRefused as refused:
        messages.error(request, refused.messages[0])
        return redirect("projects:notice_list")
    messages.success(request, _("The draft notice was generated from today's figures."))
    return redirect(notice)


def _notice(request: HttpRequest, pk: int) -> Notice:
    notice = access.get_visible_or_404(request, selectors.notice_list(user=request.user), pk=pk)
    return notice


def _query_of(notice: Notice) -> Query:
    return Query(notice.programme, notice.period, notice.programme.region)


@login_required
def notice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _notice(request, pk)
    may_change = access.can_change(request.user, notice)
    context: dict[str, Any] = {
        "notice": notice,
        "may_change": may_change,
        "intact": files_intact(notice),
        "rule_title": rule_title(notice.rule),
        "rule_sentences": describe(selectors.config_of(notice.rule)),
        "history": record_history(instance=notice),
        "corrections": corrections(programme=notice.programme, period=notice.period)
        if notice.status == NoticeStatus.PUBLISHED
        else [],
        "value_labels": value_labels(),
    }
    if notice.status == NoticeStatus.DRAFT and may_change:
        context |= _draft_context(request, notice)
    return render(request, "projects/ranking/notice_detail.html", context)


def _draft_context(request: HttpRequest, notice: Notice) -> dict[str, Any]:
    """The draft's rule beside the previous version (live figures), and the month's recorded marks."""
    query = _query_of(notice)
    where = {"user": request.user, "programme": notice.programme, "period": notice.period, "parent": query.parent}
    current = selectors.rule_current(programme=notice.programme, year=notice.period.year)
    previous = selectors.rule_previous(rule=notice.rule) if notice.rule else None
    config = selectors.config_of(notice.rule)
    context: dict[str, Any] = {
        "newer_rule": current if current and notice.rule and current.number > notice.rule.number else None,
        "previous_title": rule_title(previous) if previous else "",
        "exemption_form": ExemptionForm(config=config, query=query) if config.boards else None,
        "adjustment_form": AdjustmentForm(config=config, query=query) if config.scoring else None,
        "marks": selectors.recorded_marks(user=request.user, programme=notice.programme, period=notice.period),
        "regenerate_params": query.params(),
    }
    if previous is not None:
        context["comparisons"] = selectors.compare(
            before=selectors.ranking(**where, rule=previous), after=selectors.ranking(**where, rule=notice.rule)
        )
    return context


@login_required
@require_POST
def notice_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    notice = access.get_changeable_or_deny(request, Notice.objects.all(), pk=pk)
    try:
        expected = int(request.POST.get("version", ""))
    except ValueError:
        expected = -1
    try:
        notice_publish(user=request.user, notice=notice, expected_version=expected)
    except (StaleRecord, NoticeRefused) as refused:
        messages.error(request, str(refused) if isinstance(refused, StaleRecord) else refused.messages[0])
    else:
        messages.success(
            request, _("The notice is published. Its files are frozen and the month's reports are closed.")
        )
    return redirect(notice)


@login_required
def notice_file(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    notice = _notice(request, pk)
    field = {"docx": notice.docx, "xlsx": notice.xlsx}.get(kind)
    if not field:
        raise Http404(_("This file does not exist."))
    with field.open("rb") as stored:
        data = stored.read()
    stem = _("notice-%(period)s") % {"period": format_period(notice.period)}
    return docx_response(data, stem) if kind == "docx" else xlsx_response(data, stem)


@login_required
@require_POST
def notice_mark(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """Records a board exemption or a score adjustment for the draft's month."""
    notice = access.get_changeable_or_deny(request, Notice.objects.filter(status=NoticeStatus.DRAFT), pk=pk)
    config = selectors.config_of(notice.rule)
    form_class = {"exemption": ExemptionForm, "adjustment": AdjustmentForm}.get(kind)
    # Exemptions belong to a rule with boards, adjustments to a rule with scores.
    if form_class is None or not (config.boards if kind == "exemption" else config.scoring):
        raise Http404(_("This list does not exist."))
    form = form_class(request.POST, config=config, query=_query_of(notice))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(notice)
    data = form.cleaned_data
    where = {
        "user": request.user,
        "programme": notice.programme,
        "period": notice.period,
        "sequence": data["sequence"].key,
        "member": data["member"].key,
        "member_name": data["member"].name,
        "note": data["note"],
    }
    if kind == "exemption":
        services.board_exemption_record(**where, reason=data["reason"])
    else:
        services.score_adjustment_record(**where, points=data["points"])
    messages.success(request, _("Recorded. Generate the draft again to include it in the files."))
    return redirect(f"{reverse('projects:notice_detail', args=[notice.pk])}#marks")


@login_required
@require_POST
def notice_mark_withdraw(request: HttpRequest, pk: int, kind: str, mark: int) -> HttpResponse:
    """Withdraws one of the draft month's exemptions or adjustments, with why."""
    notice = access.get_changeable_or_deny(request, Notice.objects.filter(status=NoticeStatus.DRAFT), pk=pk)
    model = {"exemption": BoardExemption, "adjustment": ScoreAdjustment}.get(kind)
    if model is None:
        raise Http404(_("This list does not exist."))
    marks = model.objects.filter(programme=notice.programme, period=notice.period)
    try:
        services.ranked_mark_withdraw(
            user=request.user,
            mark=access.get_changeable_or_deny(request, marks, pk=mark),
            reason=request.POST.get("reason", ""),
        )
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    else:
        messages.success(request, _("Withdrawn. Generate the draft again to leave it out of the files."))
    return redirect(f"{reverse('projects:notice_detail', args=[notice.pk])}#marks")
