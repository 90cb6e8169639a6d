"""Ranking pages and the dashboard: validate the query, call the selectors, render. Rankings are for
the programme office and leaders; everyone else reads the published notices."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuijin.core import access
from tuijin.core.http import xlsx_response
from tuijin.core.periods import format_period
from tuijin.org.models import Region

from . import selectors
from .figures import window_of
from .forms import Query, RankingQueryForm
from .rules import By, describe
from .selectors import Figure, Ranking, Table
from .sheets import ranking_workbook, rule_title
from .standings import Row

BEHIND_ON_DASHBOARD = 10


def ranking_query(request: HttpRequest) -> tuple[RankingQueryForm, Query | None]:
    access.deny_unless(request, selectors.may_rank(request.user), "rankings")
    form = RankingQueryForm(request.GET, user=request.user)
    return form, (form.query() if form.is_valid() else None)


def _partial(request: HttpRequest, full: str, partial: str) -> str:
    return partial if request.headers.get("HX-Request") == "true" else full


def figure_links(query: Query, row: Row, sequence_key: str = "") -> dict[str, str]:
    base = reverse("projects:ranking_projects")
    extra = {"sequence": sequence_key, "member": row.key} if sequence_key else {}
    return {figure: f"{base}?{query.params(figure=figure, **extra)}" for figure in Figure.ALL}


def _percent(value: Any) -> float | None:
    return None if value is None else round(float(value) * 100, 2)


def chart_data(table: Table, ranking: Ranking) -> dict[str, Any]:
    rows = table.rows
    return {
        "key": table.sequence.key,
        "names": [r.name for r in rows],
        "start": [_percent(r.start_rate) for r in rows],
        "completion": [_percent(r.completion_rate) for r in rows],
        "time_progress": _percent(ranking.window.time_progress),
    }


def chart_labels() -> dict[str, str]:
    return {
        "start": _("Start rate"),
        "completion": _("Investment completion rate"),
        "time_progress": _("Time-proportional progress"),
        "completed": _("Completed in the month (10k CNY)"),
        "cumulative": _("Completion rate from January"),
        "projects": _("Projects"),
    }


def _ranking_context(request: HttpRequest, query: Query) -> dict[str, Any]:
    rule = selectors.rule_current(programme=query.programme, year=query.period.year)
    result = selectors.ranking(
        user=request.user, programme=query.programme, period=query.period, parent=query.parent, rule=rule
    )
    children = set(Region.objects.filter(parent__parent=query.parent).values_list("parent__code", flat=True))
    tables = [
        {
            "table": table,
            "rows": [(row, figure_links(query, row, table.sequence.key)) for row in table.rows],
            "drills": table.sequence.by == By.REGION,
        }
        for table in result.tables
    ]
    return {
        "ranking": result,
        "query": query,
        "tables": tables,
        "children": children,
        "totals_links": figure_links(query, result.totals),
        "rule_title": rule_title(result.rule),
        "rule_sentences": describe(result.config),
        "breadcrumbs": _breadcrumbs(query),
        "charts": [chart_data(t, result) for t in result.tables],
        "chart_labels": chart_labels(),
    }


def _breadcrumbs(query: Query) -> list[tuple[Region, str]]:
    """From the programme's region down to the ranked parent, each a link to rank its children."""
    top = query.programme.region.path
    regions = Region.objects.filter(path__in=_prefixes(query.parent.path)).filter(path__startswith=top)
    return [(r, query.params(parent=r.code)) for r in regions.order_by("path")]


def _prefixes(path: str) -> list[str]:
    parts = [p for p in path.split("/") if p]
    return ["/".join(parts[:i]) + "/" for i in range(1, len(parts) + 1)]


@login_required
def ranking_page(request: HttpRequest) -> HttpResponse:
    form, query = ranking_query(request)
    context: dict[str, Any] = {"form": form}
    if query is not None:
        context |= _ranking_context(request, query)
    template = _partial(request, "projects/ranking/ranking.html", "projects/ranking/_ranking_results.html")
    return render(request, template, context)


@login_required
def ranking_export(request: HttpRequest) -> HttpResponse:
    _form, query = ranking_query(request)
    if query is None:
        raise Http404(_("Choose a programme and a month."))
    rule = selectors.rule_current(programme=query.programme, year=query.period.year)
    result = selectors.ranking(
        user=request.user, programme=query.programme, period=query.period, parent=query.parent, rule=rule
    )
    stem = _("ranking-%(region)s-%(period)s") % {"region": query.parent.name, "period": format_period(query.period)}
    return xlsx_response(ranking_workbook(result), stem)


FIGURE_TITLES = {
    Figure.LIBRARY: gettext_lazy("Projects in the year's library"),
    Figure.PLANNED: gettext_lazy("Projects planned to start"),
    Figure.STARTED: gettext_lazy("Projects started"),
    Figure.NOT_STARTED: gettext_lazy("Projects planned to start and not started"),
    Figure.OVERDUE: gettext_lazy("Projects planned to start by this month and not started"),
    Figure.BEHIND: gettext_lazy("Projects behind time-proportional progress"),
    Figure.FAR_BEHIND: gettext_lazy("Projects far behind time-proportional progress"),
    Figure.MISSING: gettext_lazy("Projects with a missing or late report"),
}


@login_required
def ranking_projects(request: HttpRequest) -> HttpResponse:
    """The projects behind one figure of a ranking row, with the rule that counted them."""
    _form, query = ranking_query(request)
    figure = request.GET.get("figure", "")
    if query is None or figure not in FIGURE_TITLES:
        raise Http404(_("This list does not exist."))
    rule = selectors.rule_current(programme=query.programme, year=query.period.year)
    config = selectors.config_of(rule)
    sequence = config.sequence(request.GET.get("sequence", "")) if request.GET.get("sequence") else None
    member = request.GET.get("member", "")
    if request.GET.get("sequence") and (sequence is None or not member):
        raise Http404(_("This list does not exist."))
    projects = selectors.ranking_projects(
        user=request.user,
        programme=query.programme,
        period=query.period,
        parent=query.parent,
        config=config,
        figure=figure,
        sequence=sequence,
        member=member,
    )
    page = Paginator(projects, 50).get_page(request.GET.get("page"))
    member_name = _member_name(query, sequence, member) if sequence else query.parent.name
    return render(
        request,
        "projects/ranking/projects.html",
        {
            "query": query,
            "page": page,
            "figure_title": FIGURE_TITLES[figure],
            "member_name": member_name,
            "sequence": sequence,
            "rule_title": rule_title(rule),
            "rule_sentences": describe(config),
            "time_progress": _percent(window_of(programme=query.programme, period=query.period).time_progress),
        },
    )


def _member_name(query: Query, sequence: Any, member: str) -> str:
    members = selectors.sequence_members(sequence, parent=query.parent, programme=query.programme, keys={member})
    found = next((m.name for m in members if m.key == member), None)
    if found is None:
        raise Http404(_("This list does not exist."))
    return found


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    form, query = ranking_query(request)
    context: dict[str, Any] = {"form": form}
    if query is not None:
        context |= _dashboard_context(request, query)
    template = _partial(request, "projects/ranking/dashboard.html", "projects/ranking/_dashboard_results.html")
    return render(request, template, context)


def _dashboard_context(request: HttpRequest, query: Query) -> dict[str, Any]:
    context = _ranking_context(request, query)
    result: Ranking = context["ranking"]
    where = {"user": request.user, "programme": query.programme, "period": query.period, "parent": query.parent}
    funnel = selectors.stage_funnel(**where)
    trend = selectors.completion_trend(**where, annual_plan=result.totals.annual_plan)
    behind = selectors.behind_schedule(**where, config=result.config)
    lights = selectors.light_counts(**where, config=result.config)
    projects_url = reverse("projects:ranking_projects")
    return context | {
        "lights": lights,
        "funnel": funnel,
        "overdue": behind.overdue[:BEHIND_ON_DASHBOARD],
        "overdue_count": behind.overdue.count(),
        "overdue_url": f"{projects_url}?{query.params(figure=Figure.OVERDUE)}",
        "by_completion": behind.by_completion[:BEHIND_ON_DASHBOARD],
        "by_completion_count": behind.by_completion.count(),
        "by_completion_url": f"{projects_url}?{query.params(figure=Figure.BEHIND)}",
        "dashboard_data": {
            "funnel": [{"name": s.label, "value": s.count} for s in funnel],
            "trend": {
                "months": [date_format(p.period, "M") for p in trend],
                "completed": [float(p.completed) for p in trend],
                "cumulative": [_percent(p.rate) for p in trend],
                "time_progress": [_percent(p.time_progress) for p in trend],
            },
        },
    }
