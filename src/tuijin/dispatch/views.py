import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuijin.core import access
from tuijin.core.periods import add_months, format_period, month_start, parse_period
from tuijin.core.selectors import record_history
from tuijin.org.models import Programme
from tuijin.org.selectors import home_programme

from . import selectors, services
from .calendar import occurrences, outstanding
from .forms import ThematicReportForm
from .jobs import JOBS
from .models import ThematicReport

PAGE_SIZE = 50


@login_required
def calendar(request: HttpRequest) -> HttpResponse:
    """Two months of a programme's cadence: the month asked for (by default the current one), with
    what is still missing for its events so far, and the month after it."""
    programmes = list(selectors.calendar_programmes(user=request.user))
    access.deny_unless(request, bool(programmes), "dispatch calendar")
    chosen = request.GET.get("programme")
    programme = next((p for p in programmes if str(p.pk) == chosen), None) or home_programme(
        user=request.user, programmes=selectors.calendar_programmes(user=request.user)
    )
    today = timezone.localdate()
    try:
        first = parse_period(request.GET["month"]) if request.GET.get("month") else month_start(today)
    except ValueError:
        raise Http404 from None
    months = []
    for offset in (0, 1):
        start = add_months(first, offset)
        events = occurrences(programme=programme, start=start, end=add_months(start, 1))
        for event in events:
            # What is missing matters for events whose items are due by now; later ones are ahead.
            if event.due_on <= today + dt.timedelta(days=7):
                event.outstanding = {
                    kind: selectors.in_sight(user=request.user, items=items)
                    for kind, items in outstanding(event).items()
                }
        months.append({"start": start, "events": events})
    return render(
        request,
        "dispatch/calendar.html",
        {
            "programme": programme,
            "programmes": programmes,
            "months": months,
            "today": today,
            "previous": format_period(add_months(first, -1)),
            "next": format_period(add_months(first, 1)),
        },
    )


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    unread_only = request.GET.get("unread") == "1"
    page = Paginator(selectors.inbox(user=request.user, unread_only=unread_only), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "dispatch/inbox.html",
        {"page": page, "unread_only": unread_only, "unread": selectors.unread_count(user=request.user)},
    )


@login_required
@require_POST
def inbox_read(request: HttpRequest) -> HttpResponse:
    ids = [int(i) for i in request.POST.getlist("id") if i.isdigit()] or None
    services.notification_read(user=request.user, notification_ids=ids)
    return redirect("dispatch:inbox")


@login_required
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    """Marks one's own notification read and follows its link."""
    notification = selectors.inbox(user=request.user).filter(pk=pk).first()
    if notification is None:
        raise Http404
    services.notification_read(user=request.user, notification_ids=[pk])
    return redirect(notification.url or "dispatch:inbox")


@login_required
def jobs(request: HttpRequest) -> HttpResponse:
    access.deny_unless(request, selectors.may_see_jobs(request.user), "background jobs")
    name = request.GET.get("name", "")
    page = Paginator(selectors.job_runs(user=request.user, name=name), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "dispatch/jobs.html",
        {
            "page": page,
            "jobs": JOBS.values(),
            "labels": {spec.name: spec.label for spec in JOBS.values()},
            "name": name,
            "failed_sends": selectors.deliveries(user=request.user, status="failed")[:20],
        },
    )


@login_required
def thematic_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.thematic_reports(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    may_submit = selectors.thematic_task_forces_for(user=request.user).exists()
    return render(request, "dispatch/thematic_list.html", {"page": page, "may_submit": may_submit})


@login_required
def thematic_submit(request: HttpRequest) -> HttpResponse:
    task_forces = selectors.thematic_task_forces_for(user=request.user)
    access.deny_unless(request, task_forces.exists(), "hand in a thematic report")
    initial = {
        "task_force": request.GET.get("task_force"),
        "period": request.GET.get("period") or format_period(month_start(timezone.localdate())),
    }
    form = ThematicReportForm(request.POST or None, task_forces=task_forces, initial=initial)
    if request.method == "POST" and form.is_valid():
        report = services.thematic_report_submit(user=request.user, **form.cleaned_data)
        messages.success(request, _("The thematic report for %(period)s was handed in.") % {"period": report.period})
        return redirect(report)
    return render(request, "dispatch/thematic_form.html", {"form": form})


@login_required
def thematic_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_visible_or_404(
        request, ThematicReport.objects.select_related("task_force__programme", "submitted_by"), pk=pk
    )
    return render(
        request,
        "dispatch/thematic_detail.html",
        {"report": report, "history": record_history(instance=report)[:50]},
    )


@login_required
@require_POST
def cadence_standard(request: HttpRequest, programme: int) -> HttpResponse:
    found = access.get_changeable_or_deny(request, Programme.objects.all(), pk=programme)
    added = services.cadence_standard_create(user=request.user, programme=found)
    messages.success(request, _("%(count)s events of the standard cadence were added.") % {"count": added})
    return redirect(f"{reverse('dispatch:calendar')}?programme={found.pk}")
