"""The report's state machine: draft → submitted → returned → fixed → resubmitted → accepted; idempotent
resubmission; scope; the window; correction after the month is closed, and the notice showing it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from tuijin.core.access import AccessDenied
from tuijin.core.models import AuditEntry
from tuijin.core.services import StaleRecord
from tuijin.projects.models import MonthlyReport, ReportEvent, ReportEventKind, ReportingMonth, ReportStatus
from tuijin.projects.reporting import selectors, services
from tuijin.projects.reporting.services import ReportRefused
from tuijin.projects.services import month_close

from ...world import World
from .conftest import values


def _save(w: World, code: str = "P-T1-A", user: str = "territory_t1", version: int = 0, **more: object):
    return services.report_save(
        user=w[user], project=w[code], period=w["period"], values=values(**more), expected_version=version
    ).report


def _kinds(report: MonthlyReport) -> list[str]:
    return list(report.events.order_by("at", "id").values_list("kind", flat=True))


def test_it_walks_a_report_through_return_fix_resubmit_and_accept(month: World) -> None:
    w = month
    report = _save(w)
    report = services.report_submit(user=w["territory_t1"], report=report)
    assert report.status == ReportStatus.SUBMITTED and report.submitted_by == w["territory_t1"]
    report = services.report_return(user=w["office_d"], report=report, comment="投资额偏低，请核实")
    assert report.status == ReportStatus.RETURNED and report.review_comment == "投资额偏低，请核实"
    report = _save(w, version=report.version, amount="180")
    assert report.status == ReportStatus.RETURNED  # saving a fix keeps it returned until it is submitted
    report = services.report_submit(user=w["territory_t1"], report=report)
    report = services.report_accept(user=w["office_d"], report=report)
    assert report.status == ReportStatus.ACCEPTED and report.investment_month == Decimal("180")
    assert _kinds(report) == ["saved", "submitted", "returned", "saved", "submitted", "accepted"]
    returned = report.events.get(kind=ReportEventKind.RETURNED)
    assert returned.comment == "投资额偏低，请核实" and returned.values["investment_month"] == "100.00"
    assert returned.user == w["office_d"]


def test_resubmitting_a_submitted_report_changes_nothing(month: World) -> None:
    w = month
    report = services.report_submit(user=w["territory_t1"], report=_save(w))
    again = services.report_submit(user=w["territory_t1"], report=report)
    assert again.version == report.version and again.submitted_at == report.submitted_at
    assert _kinds(again) == ["saved", "submitted"]


def test_accepting_twice_changes_nothing(month: World) -> None:
    w = month
    report = services.report_submit(user=w["territory_t1"], report=_save(w))
    first = services.report_accept(user=w["office_d"], report=report)
    second = services.report_accept(user=w["office_d"], report=first)
    assert second.version == first.version and _kinds(second).count("accepted") == 1


def test_a_submitted_report_cannot_be_edited_in_place(month: World) -> None:
    w = month
    report = services.report_submit(user=w["territory_t1"], report=_save(w))
    with pytest.raises(ReportRefused):
        _save(w, version=report.version, amount="5")


def test_a_stale_row_is_refused(month: World) -> None:
    w = month
    report = _save(w)
    _save(w, version=report.version, amount="120")
    with pytest.raises(StaleRecord):
        _save(w, version=report.version, amount="130")  # opened before the second save
    with pytest.raises(StaleRecord):
        _save(w, code="P-T2-B", user="office_d", version=3)
    assert MonthlyReport.objects.get(pk=report.pk).investment_month == Decimal("120")


def test_a_report_outside_the_scope_is_refused(month: World) -> None:
    w = month
    with pytest.raises(AccessDenied):
        _save(w, code="P-T2-B")  # town T2 is not the T1 reporter's
    with pytest.raises(AccessDenied):
        _save(w, user="outsider")
    report = _save(w)
    services.report_submit(user=w["territory_t1"], report=report)
    with pytest.raises(AccessDenied):
        services.report_accept(user=w["territory_t1"], report=report)  # reporters do not review
    with pytest.raises(AccessDenied):
        services.report_return(user=w["taskforce_d1"], report=report, comment="x")
    assert not MonthlyReport.objects.filter(project=w["P-T2-B"]).exists()


def test_the_task_force_reporter_reports_its_task_forces_projects(month: World) -> None:
    w = month
    assert _save(w, user="taskforce_d1").project == w["P-T1-A"]
    with pytest.raises(AccessDenied):
        _save(w, code="P-T2-B", user="taskforce_d1")


def test_returning_needs_a_comment(month: World) -> None:
    w = month
    report = services.report_submit(user=w["territory_t1"], report=_save(w))
    with pytest.raises(ReportRefused):
        services.report_return(user=w["office_d"], report=report, comment="  ")


def test_submitting_before_the_window_opens_is_refused(month: World) -> None:
    w = month
    report = _save(w)
    opens = w["month"].opens_on
    with pytest.raises(ReportRefused, match="开启"):
        services.report_submit(user=w["territory_t1"], report=report, today=opens - dt.timedelta(days=1))
    assert MonthlyReport.objects.get(pk=report.pk).status == ReportStatus.DRAFT


def test_a_report_submitted_after_the_window_is_late_and_may_still_be_accepted(month: World) -> None:
    w = month
    today = timezone.localdate()
    ReportingMonth.objects.filter(pk=w["month"].pk).update(
        opens_on=today - dt.timedelta(days=10), closes_on=today - dt.timedelta(days=5)
    )
    report = services.report_submit(user=w["territory_t1"], report=_save(w))
    assert selectors.is_late(report=report)
    assert report.events.get(kind=ReportEventKind.SUBMITTED).values["late"] is True
    accepted = services.report_accept(user=w["office_d"], report=report)
    assert accepted.status == ReportStatus.ACCEPTED
    assert accepted.events.get(kind=ReportEventKind.ACCEPTED).values["late"] is True


def test_the_first_report_opens_the_month_with_the_default_window(project_world: World) -> None:
    w = project_world
    period = dt.date(2026, 3, 1)
    from tuijin.projects.models import AnnualPlan

    AnnualPlan.objects.create(project=w["P-T1-A"], year=2026, planned_investment=100)
    services.report_save(
        user=w["territory_t1"], project=w["P-T1-A"], period=period, values=values(), expected_version=0
    )
    month = ReportingMonth.objects.get(programme=w["prog_d"], period=period)
    assert (month.opens_on, month.closes_on) == (dt.date(2026, 4, 1), dt.date(2026, 4, 5))


def test_a_closed_month_refuses_everything_but_a_correction(month: World) -> None:
    w = month
    report = services.report_submit(user=w["territory_t1"], report=_save(w))
    report = services.report_accept(user=w["office_d"], report=report)
    month_close(user=w["office_d"], month=w["month"])
    with pytest.raises(ReportRefused, match="已关账"):
        _save(w, code="P-T2-B", user="office_d")
    with pytest.raises(ReportRefused):
        services.report_return(user=w["office_d"], report=report, comment="晚了")
    with pytest.raises(AccessDenied):
        services.report_correct(user=w["territory_t1"], report=report, values=values("90"), reason="x")
    with pytest.raises(ReportRefused):
        services.report_correct(user=w["office_d"], report=report, values=values("90"), reason=" ")
    corrected = services.report_correct(user=w["office_d"], report=report, values=values("90"), reason="统计口径调整")
    assert corrected.corrected_after_close and corrected.investment_month == Decimal("90")
    event = corrected.events.get(kind=ReportEventKind.CORRECTED)
    assert event.user == w["office_d"] and event.comment == "统计口径调整"
    assert event.values == {"old": {"investment_month": "100.00"}, "new": {"investment_month": "90.00"}}
    assert AuditEntry.objects.filter(model="projects.MonthlyReport", object_id=str(report.pk), reason="统计口径调整")
    assert list(selectors.corrections(programme=w["prog_d"], period=w["period"])) == [event]


def test_a_correction_before_the_month_is_closed_is_refused(month: World) -> None:
    w = month
    report = services.report_submit(user=w["territory_t1"], report=_save(w))
    with pytest.raises(ReportRefused, match="尚未关账"):
        services.report_correct(user=w["office_d"], report=report, values=values("90"), reason="x")


def test_bulk_accept_accepts_all_submitted(month: World) -> None:
    w = month
    one = services.report_submit(user=w["territory_t1"], report=_save(w))
    two = services.report_submit(user=w["office_d"], report=_save(w, code="P-T2-B", user="office_d"))
    assert services.reports_accept(user=w["office_d"], reports=[one, two]) == 2
    assert set(MonthlyReport.objects.values_list("status", flat=True)) == {ReportStatus.ACCEPTED}


def test_totals_are_derived_from_the_months(month: World) -> None:
    w = month
    period = w["period"]
    from tuijin.core.periods import add_months

    earlier = add_months(period, -1)
    MonthlyReport.objects.create(
        project=w["P-T1-A"], period=earlier, investment_month=Decimal("40"), status=ReportStatus.ACCEPTED
    )
    MonthlyReport.objects.create(
        project=w["P-T1-A"],
        period=add_months(period, -14),
        investment_month=Decimal("7"),
        status=ReportStatus.SUBMITTED,
    )
    MonthlyReport.objects.create(
        project=w["P-T1-A"], period=add_months(period, -2), investment_month=Decimal("1000"), status=ReportStatus.DRAFT
    )
    _save(w, amount="100")
    totals = selectors.report_totals(projects=[w["P-T1-A"]], period=period)[w["P-T1-A"].pk]
    in_year = Decimal("40") if earlier.year == period.year else Decimal(0)
    assert totals.ytd == in_year + Decimal("100")
    assert totals.since_start == Decimal("147")


def test_missing_reports_are_the_rankings_unsubmitted_ones(month: World) -> None:
    w = month
    from tuijin.projects.ranking import selectors as ranking
    from tuijin.projects.ranking.rules import RuleConfig

    services.report_submit(user=w["territory_t1"], report=_save(w))
    _save(w, code="P-T2-B", user="office_d")  # a draft is still missing
    missing = selectors.missing_reports(programme=w["prog_d"], period=w["period"])
    assert list(missing.values_list("code", flat=True)) == ["P-T2-B"]
    result = ranking.ranking(user=None, programme=w["prog_d"], period=w["period"], config=RuleConfig())
    assert result.totals.missing_reports == 1
    assert not ReportEvent.objects.filter(kind=ReportEventKind.CORRECTED).exists()
