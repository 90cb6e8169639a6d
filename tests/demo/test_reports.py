"""The demo's monthly reports: every month from January of last year accepted, last month in every
state, reports agreeing with the projects' stages, and the values the office's checks must flag."""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

import pytest
from django.db.models import Sum

from tuijin.core.periods import add_months, month_start
from tuijin.demo.generator.projects import Calendar
from tuijin.org.models import Programme
from tuijin.projects.models import MonthlyReport, Project, ReportingMonth, ReportStatus, Stage

pytestmark = pytest.mark.django_db


def test_it_reports_from_january_of_last_year_to_last_month(demo: Calendar) -> None:
    assert demo.first_month == dt.date(demo.last_month.year - 1, 1, 1)
    assert demo.last_month == add_months(month_start(demo.as_of), -1)
    periods = set(MonthlyReport.objects.values_list("period", flat=True))
    assert periods == set(demo.periods)


def test_it_opens_each_months_window_on_the_first_five_days_of_the_next(demo: Calendar) -> None:
    for programme in Programme.objects.all():
        months = ReportingMonth.objects.filter(programme=programme).order_by("period")
        assert [m.period for m in months] == demo.periods
        for month in months:
            assert (month.opens_on, month.closes_on) == (
                add_months(month.period, 1),
                add_months(month.period, 1).replace(day=5),
            )
        # Last month's window has closed but its notice is a draft: the month is still open.
        assert months.last().closed_at is None


def test_it_accepted_every_earlier_month(demo: Calendar) -> None:
    earlier = MonthlyReport.objects.filter(period__lt=demo.last_month)
    assert earlier.exists()
    assert set(earlier.values_list("status", flat=True)) == {ReportStatus.ACCEPTED}


def test_it_holds_last_month_in_every_state_in_each_programme(demo: Calendar) -> None:
    for programme in Programme.objects.all():
        latest = MonthlyReport.objects.filter(project__programme=programme, period=demo.last_month)
        assert set(latest.values_list("status", flat=True)) == set(ReportStatus.values), programme
        returned = latest.filter(status=ReportStatus.RETURNED)
        assert not returned.filter(review_comment="").exists()
        assert not latest.filter(status=ReportStatus.DRAFT, submitted_at__isnull=False).exists()
        # Missing: projects that reported the month before and are still building have no report.
        before = MonthlyReport.objects.filter(
            project__programme=programme, period=add_months(demo.last_month, -1), project__stage=Stage.CONSTRUCTION
        ).values_list("project", flat=True)
        assert set(before) - set(latest.values_list("project", flat=True)), programme


def test_it_reports_no_investment_before_a_project_started(demo: Calendar) -> None:
    reports = MonthlyReport.objects.filter(investment_month__gt=0)
    assert reports.exists()
    assert not reports.filter(project__actual_start__isnull=True).exists()
    starts = dict(Project.objects.exclude(actual_start=None).values_list("pk", "actual_start"))
    for project_id, period in reports.values_list("project", "period"):
        assert period >= month_start(starts[project_id])


def test_it_reports_the_start_and_completion_in_their_months(demo: Calendar) -> None:
    started = MonthlyReport.objects.exclude(started_on=None).select_related("project")
    completed = MonthlyReport.objects.exclude(completed_on=None).select_related("project")
    assert started.exists() and completed.exists()
    for report in started:
        assert report.started_on == report.project.actual_start
        assert month_start(report.started_on) == report.period
    for report in completed:
        assert report.completed_on == report.project.actual_completion
        assert month_start(report.completed_on) == report.period
    # A project that started within the months reported says so in that month's report, if it reported.
    reported = set(MonthlyReport.objects.values_list("project", "period"))
    for project in Project.objects.filter(
        actual_start__gte=demo.first_month, actual_start__lt=add_months(demo.last_month, 1)
    ):
        if (project.pk, month_start(project.actual_start)) in reported:
            assert started.filter(project=project).exists(), project


def test_it_plants_a_month_far_above_its_projects_pace(demo: Calendar) -> None:
    project = Project.objects.get(name="枣园镇果蔬精深加工及冷链仓储项目")
    reports = MonthlyReport.objects.filter(project=project).order_by("period")
    latest = reports.get(period=demo.last_month)
    assert latest.status == ReportStatus.SUBMITTED
    earlier = [r.investment_month for r in reports if r.period < demo.last_month and r.investment_month > 0]
    assert earlier
    assert latest.investment_month > 4 * sum(earlier) / len(earlier)


def test_it_plants_reports_adding_up_to_more_than_the_total(demo: Calendar) -> None:
    totals = defaultdict(Decimal)
    for project_id, amount in MonthlyReport.objects.values_list("project", "investment_month"):
        totals[project_id] += amount
    over = [pk for pk, total in Project.objects.values_list("pk", "total_investment") if totals[pk] > total]
    flagship = Project.objects.get(name="柳青街道智慧健康养老服务中心项目")
    assert flagship.pk in over
    assert flagship.reports.get(period=demo.last_month).status == ReportStatus.SUBMITTED
    assert 1 < len(over) < 20  # a few, for the checks to find among the many
    assert MonthlyReport.objects.aggregate(s=Sum("investment_month"))["s"] > 0
