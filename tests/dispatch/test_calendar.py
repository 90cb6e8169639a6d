"""The cadence as dated events: what each reviews, what must be in and who is missing, and the
quarterly review's focus task forces rotating through the year."""

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tuijin.core.periods import add_months, format_period, month_start
from tuijin.dispatch.calendar import focus_task_forces, occurrences
from tuijin.dispatch.models import Cadence, CadenceKind, ThematicReport
from tuijin.dispatch.services import cadence_standard_create, thematic_report_submit
from tuijin.org.models import TaskForce
from tuijin.projects.models import AnnualPlan, MonthlyReport, ReportStatus

from ..world import World


def _standard(world: World) -> None:
    cadence_standard_create(user=world["office_d"], programme=world["prog_d"])


def _in_library(world: World, *codes: str, years: tuple[int, ...]) -> None:
    """A project owes monthly reports in the years it is in the library (has an annual plan), as the
    ranking counts it (`tuijin.projects.reporting.selectors.missing_reports`)."""
    for code in codes:
        for year in years:
            AnnualPlan.objects.create(project=world[code], year=year, planned_investment=100)


def test_it_unrolls_the_standard_cadence(world: World) -> None:
    _standard(world)
    june = occurrences(programme=world["prog_d"], start=dt.date(2026, 6, 1), end=dt.date(2026, 7, 1))
    by_kind = {}
    for o in june:
        by_kind.setdefault(o.cadence.kind, []).append(o)
    assert [o.on.day for o in by_kind[CadenceKind.WEEKLY_MEETING]] == [1, 8, 15, 22, 29]
    dispatch = by_kind[CadenceKind.MONTHLY_DISPATCH][0]
    assert (dispatch.on, dispatch.period_label, dispatch.due_on) == (
        dt.date(2026, 6, 10),
        "2026-05",
        dt.date(2026, 6, 5),
    )
    assert by_kind[CadenceKind.MONTHLY_THEMATIC][0].period_label == "2026-06"
    assert CadenceKind.QUARTERLY_REVIEW not in by_kind
    july = occurrences(programme=world["prog_d"], start=dt.date(2026, 7, 1), end=dt.date(2026, 8, 1))
    labels = {o.cadence.kind: o.period_label for o in july}
    assert labels[CadenceKind.QUARTERLY_REVIEW] == "2026Q2" and labels[CadenceKind.HALF_YEAR_ANALYSIS] == "2026H1"
    december = occurrences(programme=world["prog_d"], start=dt.date(2026, 12, 1), end=dt.date(2027, 1, 1))
    assert any(o.cadence.kind == CadenceKind.ANNUAL_ASSESSMENT and o.period_label == "2026" for o in december)


def test_it_rotates_quarterly_focus_so_each_task_force_is_reviewed_within_the_year(world: World) -> None:
    _standard(world)
    programme = world["prog_d"]
    for n in range(9):
        TaskForce.objects.create(programme=programme, kind="industry", name=f"产业专班{n}", sort_order=n)
    cadence = Cadence.objects.get(programme=programme, kind=CadenceKind.QUARTERLY_REVIEW)
    quarters = [focus_task_forces(cadence, dt.date(2026, month, 1)) for month in (1, 4, 7, 10)]
    reviewed = [tf.pk for quarter in quarters for tf in quarter]
    industry_and_pillars = TaskForce.objects.filter(programme=programme, kind__in=["industry", "pillar"])
    assert sorted(reviewed) == sorted(industry_and_pillars.values_list("pk", flat=True))  # each once
    assert all(len(q) >= 3 for q in quarters[:3])


def test_it_lists_who_has_not_handed_in(project_world: World) -> None:
    w = project_world
    _standard(w)
    period = dt.date(2026, 5, 1)
    _in_library(w, "P-T1-A", "P-T2-B", years=(2026,))
    MonthlyReport.objects.create(project=w["P-T1-A"], period=period, status=ReportStatus.SUBMITTED)
    thematic_report_submit(user=w["taskforce_d1"], task_force=w["tf_d1"], period=period, title="五月汇报", content="…")
    june = occurrences(programme=w["prog_d"], start=dt.date(2026, 6, 1), end=dt.date(2026, 7, 1), with_outstanding=True)
    dispatch = next(o for o in june if o.cadence.kind == CadenceKind.MONTHLY_DISPATCH)
    missing = [item.key for item in dispatch.outstanding["monthly_reports"]]
    assert missing == [f"report:{w['P-T2-B'].pk}:2026-05"]  # P-T1-A reported; P-D2-C and P-P-D are other programmes
    may_thematic = occurrences(
        programme=w["prog_d"], start=dt.date(2026, 5, 1), end=dt.date(2026, 6, 1), with_outstanding=True
    )
    thematic = next(o for o in may_thematic if o.cadence.kind == CadenceKind.MONTHLY_THEMATIC)
    assert [i.holder for i in thematic.outstanding["thematic_reports"]] == []  # tf_d1 reported; tf_d2 is a service line


def test_it_refuses_a_thematic_report_for_another_task_force(world: World) -> None:
    import pytest

    from tuijin.core.access import AccessDenied

    with pytest.raises(AccessDenied):
        thematic_report_submit(
            user=world["taskforce_d1"], task_force=world["tf_p"], period=dt.date(2026, 5, 1), title="x", content="x"
        )
    assert not ThematicReport.objects.exists()


def test_it_shows_next_months_events_and_this_months_missing_items(project_world: World) -> None:
    w = project_world
    _standard(w)
    last_month = add_months(month_start(timezone.localdate()), -1)
    _in_library(w, "P-T2-B", years=(last_month.year,))
    client = Client()
    client.force_login(w["office_d"])
    page = client.get(reverse("dispatch:calendar")).content.decode()
    this_month = month_start(timezone.localdate())
    next_month = add_months(this_month, 1)
    assert f'data-month="{format_period(this_month)}"' in page and f'data-month="{format_period(next_month)}"' in page
    assert "月调度会" in page and "项目P-T2-B" in page  # the project has no report for last month
    assert client.get(reverse("dispatch:calendar") + "?month=bad").status_code == 404


def test_it_lists_missing_items_only_to_those_who_may_see_them(project_world: World) -> None:
    w = project_world
    _standard(w)
    pages = {}
    for user in ("office_d", "territory_t1"):
        client = Client()
        client.force_login(w[user])
        pages[user] = client.get(reverse("dispatch:calendar") + f"?programme={w['prog_d'].pk}").content.decode()
    assert "项目P-T1-A" in pages["office_d"] and "项目P-T2-B" in pages["office_d"]
    assert "项目P-T1-A" in pages["territory_t1"] and "项目P-T2-B" not in pages["territory_t1"]  # another town's


def test_it_opens_on_the_users_own_programme(project_world: World) -> None:
    w = project_world
    _standard(w)
    cadence_standard_create(user=w["office_p"], programme=w["prog_p"])
    client = Client()
    client.force_login(w["office_d"])  # sees the province's programme too, but works in the district's
    assert client.get(reverse("dispatch:calendar")).context["programme"] == w["prog_d"]
