"""Flagged problems in the monthly notice (挂牌督办 problems appear in notices until resolved): a
section registered with the notice builder, which writes it to Word and Excel like its own."""

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tuijin.core.periods import add_months, format_period
from tuijin.org.models import Programme
from tuijin.projects.ranking.notices.content import Column, Kind, NoticeContext, Section, Table

from .models import Problem, ProblemLevel


def flagged_for_notice(*, programme: Programme, period: dt.date) -> QuerySet[Problem]:
    """Problems flagged by the end of the month and not resolved by then (a reopened problem is
    unresolved again), in the order the notice lists them."""
    end = timezone.make_aware(dt.datetime.combine(add_months(period, 1), dt.time.min))
    return (
        Problem.objects.filter(project__programme=programme, flagged=True, flagged_at__lt=end)
        .filter(Q(resolved_at__isnull=True) | Q(resolved_at__gte=end))
        .select_related("project__region", "owner_unit", "flag_leader")
        .order_by("flag_due_on", "pk")
    )


def flagged_section(context: NoticeContext) -> Section | None:
    """The notice's section on flagged problems of the projects under the notice's region; none when
    nothing is under supervision at the month's end."""
    month_end = add_months(context.period, 1) - dt.timedelta(days=1)
    problems = list(
        flagged_for_notice(programme=context.programme, period=context.period).filter(
            project__region__path__startswith=context.parent.path
        )
    )
    if not problems:
        return None
    overdue = sum(1 for p in problems if p.flag_due_on < month_end)
    rows = [
        [
            p.title,
            p.project.name,
            p.project.region.name,
            p.owner_unit.name,
            str(ProblemLevel(p.level).label),
            p.flag_leader.name if p.flag_leader_id else "",
            p.flag_due_on,
            _("Overdue") if p.flag_due_on < month_end else _("In time"),
        ]
        for p in problems
    ]
    columns = [
        Column(_("problem")),
        Column(_("project")),
        Column(_("region")),
        Column(_("owner unit")),
        Column(_("level")),
        Column(_("responsible leader")),
        Column(_("supervision due on"), Kind.DATE),
        Column(_("state")),
    ]
    intro = _(
        "At the end of %(period)s, %(count)s problems were under supervision, %(overdue)s of them past their date."
    ) % {"period": format_period(context.period), "count": len(problems), "overdue": overdue}
    table = Table(_("Problems flagged for supervision"), columns, rows, sheet=_("Flagged problems"))
    return Section("flagged_problems", _("Problems flagged for supervision"), [intro], [table])
