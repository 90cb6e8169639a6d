"""Monthly task reports as due items of the dispatch calendar and its reminders (一月一报): every task
under way in the month owes its lead units a report for it, due when the month's reporting window
closes (or by the cadence's own date where the programme keeps no window)."""

import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tuijin.core.periods import add_months, format_period
from tuijin.dispatch.due import DueItem, DueProvider, Text, register_provider
from tuijin.org.models import Programme
from tuijin.projects.models import ReportingMonth

from .models import Task, TaskReport, UnitRole

PROVIDER_KEY = "task_reports"
DONE = 100  # per cent: a report at 100% marks its task done


def missing_task_reports(*, programme: Programme, period: dt.date) -> list[Task]:
    """Tasks that owe a report for the month: not reported done before it, begun by its end, none
    handed in for it."""
    month_end = add_months(period, 1) - dt.timedelta(days=1)
    return list(
        Task.objects.filter(document__programme=programme)
        .exclude(pk__in=TaskReport.objects.filter(period__lt=period, progress__gte=DONE).values("task_id"))
        .exclude(pk__in=TaskReport.objects.filter(period=period).values("task_id"))
        .filter(Q(starts_on__lte=month_end) | Q(starts_on__isnull=True, document__issued_on__lte=month_end))
        .select_related("document")
        .prefetch_related("assignments__unit")
        .order_by("document", "position")
    )


def _task_reports(programme: Programme, start: dt.date, end: dt.date, due_on: dt.date) -> list[DueItem]:
    period = add_months(end, -1)
    window = ReportingMonth.objects.filter(programme=programme, period=period).first()
    due_on = window.closes_on if window else due_on
    items = []
    for task in missing_task_reports(programme=programme, period=period):
        leads = tuple(a.unit for a in task.assignments.all() if a.role == UnitRole.LEAD)
        items.append(
            DueItem(
                key=f"task_report:{task.pk}:{format_period(period)}",
                label=Text(
                    _("%(task)s: task report for %(period)s"),
                    {"task": task.title[:60], "period": format_period(period)},
                ),
                due_on=due_on,
                programme_id=programme.pk,
                holder="、".join(unit.name for unit in leads) or task.document.title,
                units=leads,
                url=task.get_absolute_url() + f"?period={format_period(period)}",
            )
        )
    return items


def register() -> None:
    register_provider(DueProvider(PROVIDER_KEY, _("Monthly task reports"), _task_reports))
