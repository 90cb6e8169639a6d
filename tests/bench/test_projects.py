"""The generator's projects at a small scale: the distributions the benchmarks rely on hold, and the
rows agree with each other the way the application expects (stages with dates, reports with plans)."""

import datetime as dt
import re
import statistics
from collections import Counter, defaultdict
from decimal import Decimal
from itertools import pairwise

import pytest
from django.db.models import Count, F, Max, Min, Sum

from tuijin.core.chinese import search_key
from tuijin.core.periods import add_months
from tuijin.demo.generator.lifecycle import STAGE_SHARES
from tuijin.demo.generator.projects import PROVINCE_LISTS, check_code
from tuijin.org.models import Region, Unit, UnitKind
from tuijin.projects.models import (
    AnnualPlan,
    EventKind,
    ListMembership,
    MonthlyReport,
    OriginationTarget,
    Project,
    ProjectEvent,
    RankingRule,
    ReportEvent,
    ReportEventKind,
    ReportingMonth,
    ReportStatus,
    Stage,
)

from .conftest import PROJECTS, Province

pytestmark = pytest.mark.django_db
NOT_STARTED = (Stage.CONCEIVED, Stage.RESERVE, Stage.PREPARING)
CODE = re.compile(r"^(\d{4})-(\d{6})-(\d{2})-0[123]-\d{6}$")


def test_it_loads_the_projects_asked_for_into_the_programme(province: Province) -> None:
    assert Project.objects.filter(programme=province.org.programme).count() == PROJECTS
    assert province.counts["projects.Project"] == PROJECTS


def test_it_spreads_stages_as_the_shares_say(province: Province) -> None:
    counts = Counter(Project.objects.values_list("stage", flat=True))
    whole = sum(STAGE_SHARES.values())
    for stage, share in STAGE_SHARES.items():
        assert abs(counts[stage] / PROJECTS - share / whole) < 0.035, stage


def test_it_gives_projects_not_yet_started_no_actual_dates(province: Province) -> None:
    waiting = Project.objects.filter(stage__in=NOT_STARTED)
    assert waiting.exists()
    assert not waiting.filter(actual_start__isnull=False).exists()
    assert not waiting.filter(actual_completion__isnull=False).exists()


def test_it_dates_projects_under_construction_and_beyond(province: Province) -> None:
    as_of = province.calendar.as_of
    building = Project.objects.filter(stage=Stage.CONSTRUCTION)
    assert not building.filter(actual_start__isnull=True).exists()
    assert not building.filter(actual_start__gt=as_of).exists()
    assert not building.filter(actual_completion__isnull=False).exists()
    done = Project.objects.filter(stage__in=[Stage.OPERATING, Stage.FULL_OUTPUT])
    assert not done.filter(actual_completion__isnull=True).exists()
    assert not done.filter(actual_completion__gt=as_of).exists()
    assert not done.filter(actual_start__gte=F("actual_completion")).exists()
    assert not Project.objects.filter(approved_on__gt=F("actual_start")).exists()


def test_it_exits_some_projects_with_a_reason(province: Province) -> None:
    exited = Project.objects.filter(stage=Stage.EXITED)
    assert exited.count() > PROJECTS * 0.02
    assert not exited.filter(exited_on__isnull=True).exists()
    assert not exited.filter(exit_reason="").exists()
    assert not Project.objects.exclude(stage=Stage.EXITED).filter(exited_on__isnull=False).exists()


def test_it_makes_investment_heavy_tailed(province: Province) -> None:
    totals = sorted(float(t) for t in Project.objects.values_list("total_investment", flat=True))
    median = statistics.median(totals)
    between_1_and_10_yi = sum(10000 <= t <= 100000 for t in totals) / len(totals)
    assert 10000 <= median <= 100000
    assert between_1_and_10_yi > 0.6
    assert statistics.mean(totals) > 1.4 * median  # the tail pulls the mean up
    assert totals[-1] > 20 * median
    assert totals[0] >= 3000


def test_it_writes_codes_in_the_national_format(province: Province) -> None:
    rows = Project.objects.values_list("code", "region__path")
    for code, path in rows:
        match = CODE.match(code)
        assert match, code
        assert f"/{match[2]}" in f"/{path}"  # the division is the project's county
    assert len({code for code, _path in rows}) == PROJECTS


def test_it_keeps_the_search_key_save_would_keep(province: Province) -> None:
    for code, name, key in Project.objects.values_list("code", "name", "search_key")[:200]:
        assert key == search_key(f"{code} {name}")


def test_it_places_more_projects_in_the_cities_core_districts(province: Province) -> None:
    by_county = Counter()
    for path in Project.objects.values_list("region__path", flat=True):
        by_county[path.split("/")[2]] += 1
    counties = province.org.counties
    cores = {next(c.code for c in counties if c.parent.pk == city.pk) for city in province.org.cities}
    core_mean = statistics.mean(by_county[code] for code in cores)
    other_mean = statistics.mean(by_county[c.code] for c in counties if c.code not in cores)
    assert core_mean > 2 * other_mean


def test_it_creates_owner_enterprises_with_valid_credit_codes(province: Province) -> None:
    owners = Unit.objects.filter(owned_projects__isnull=False).distinct()
    assert not owners.exclude(kind=UnitKind.ENTERPRISE).exists()
    codes = list(owners.values_list("credit_code", flat=True))
    assert all(len(code) == 18 and code[-1] == check_code(code[:17]) for code in codes)
    shared = Project.objects.values("owner").annotate(n=Count("id")).filter(n__gt=1)
    assert shared.exists()  # some enterprises own several projects
    assert owners.count() > PROJECTS / 3


def test_it_names_projects_the_way_offices_do(province: Province) -> None:
    names = list(Project.objects.values_list("name", flat=True))
    assert all(name.endswith("项目") for name in names)
    assert any(name.startswith("年产") for name in names)
    assert any("产业园" in name for name in names)
    assert any(name.endswith("技术改造项目") for name in names)
    assert any(name.endswith("基地建设项目") for name in names)


def test_it_gives_every_project_an_origin_and_sub_channel(province: Province) -> None:
    assert not Project.objects.filter(origin="").exists()
    assert not Project.objects.filter(origin_detail="").exists()
    assert Project.objects.values("origin").distinct().count() == 5


def test_it_reports_only_approved_projects_from_entry_until_exit(province: Province) -> None:
    assert not MonthlyReport.objects.filter(project__stage__in=[Stage.CONCEIVED, Stage.RESERVE]).exists()
    assert not MonthlyReport.objects.filter(project__approved_on__isnull=True).exists()
    for project_id, entered, exited, first, last in (
        Project.objects.annotate(first=Min("reports__period"), last=Max("reports__period"))
        .filter(first__isnull=False)
        .values_list("pk", "entered_on", "exited_on", "first", "last")
    ):
        assert first >= entered.replace(day=1), project_id
        assert exited is None or last <= exited, project_id


def test_it_reports_nearly_every_month_of_projects_under_construction(province: Province) -> None:
    building = Project.objects.filter(stage=Stage.CONSTRUCTION, actual_start__lt=province.calendar.first_month)
    months = building.annotate(n=Count("reports")).values_list("n", flat=True)
    assert statistics.mean(months) > 22


def test_it_reports_no_investment_before_the_start(province: Province) -> None:
    early = MonthlyReport.objects.filter(project__actual_start__isnull=True, investment_month__gt=0)
    assert not early.exists()


def test_it_follows_the_seasons(province: Province) -> None:
    by_month = defaultdict(Decimal)
    for period, amount in MonthlyReport.objects.values_list("period").annotate(s=Sum("investment_month")):
        by_month[period] = amount
    for year in province.calendar.years:
        winter = by_month[dt.date(year, 1, 1)] + by_month[dt.date(year, 2, 1)]
        assert winter < by_month[dt.date(year, 12, 1)]
        assert by_month[dt.date(year, 2, 1)] < statistics.mean(v for p, v in by_month.items() if p.year == year)


def test_it_accepts_the_earlier_months_and_misses_a_few(province: Province) -> None:
    calendar = province.calendar
    earlier = MonthlyReport.objects.filter(period__lt=calendar.last_month)
    assert not earlier.exclude(status=ReportStatus.ACCEPTED).exists()
    assert not earlier.filter(submitted_at__isnull=True).exists()
    gaps = 0
    for periods in _periods_by_project().values():
        gaps += sum(1 for a, b in pairwise(periods) if add_months(a, 1) != b)
    assert gaps > 0


def _periods_by_project() -> dict[int, list[dt.date]]:
    periods = defaultdict(list)
    for project_id, period in MonthlyReport.objects.order_by("project", "period").values_list("project", "period"):
        periods[project_id].append(period)
    return periods


def test_it_leaves_the_latest_month_in_every_state(province: Province) -> None:
    latest = MonthlyReport.objects.filter(period=province.calendar.last_month)
    states = Counter(latest.values_list("status", flat=True))
    assert set(states) == set(ReportStatus.values)
    assert states[ReportStatus.ACCEPTED] > sum(states.values()) / 3
    assert not latest.filter(status=ReportStatus.RETURNED, review_comment="").exists()
    assert not latest.filter(status=ReportStatus.DRAFT, submitted_at__isnull=False).exists()
    before = set(
        MonthlyReport.objects.filter(period=add_months(province.calendar.last_month, -1)).values_list(
            "project", flat=True
        )
    )
    missing = before - set(latest.values_list("project", flat=True))
    assert len(missing) > len(before) * 0.05


def test_it_records_what_happened_to_the_latest_reports(province: Province) -> None:
    returned = MonthlyReport.objects.filter(period=province.calendar.last_month, status=ReportStatus.RETURNED).first()
    kinds = list(returned.events.order_by("at").values_list("kind", flat=True))
    assert kinds == [ReportEventKind.SUBMITTED, ReportEventKind.RETURNED]
    assert returned.events.last().comment == returned.review_comment
    submitted = returned.events.first()
    assert (submitted.at, submitted.values["investment_month"]) == (
        returned.submitted_at,
        str(returned.investment_month),
    )
    assert not ReportEvent.objects.filter(report__status=ReportStatus.DRAFT).exists()


def test_it_marks_some_reports_late(province: Province) -> None:
    closes = {m.period: m.closes_on for m in ReportingMonth.objects.all()}
    submitted = MonthlyReport.objects.filter(submitted_at__isnull=False).values_list("period", "submitted_at")
    late = sum(1 for period, at in submitted if at.date() > closes[period])
    assert 0.05 < late / len(submitted) < 0.2


def test_it_plants_plausibility_problems(province: Province) -> None:
    over_total = Project.objects.annotate(done=Sum("reports__investment_month")).filter(done__gt=F("total_investment"))
    assert 0 < over_total.count() < PROJECTS * 0.01
    spikes = 0
    for amounts in _amounts_by_project().values():
        paced = [a for a in amounts if a > 0]
        if len(paced) >= 6 and max(paced) > 5 * statistics.median(paced):
            spikes += 1
    assert 0 < spikes < PROJECTS * 0.1


def _amounts_by_project() -> dict[int, list[Decimal]]:
    amounts = defaultdict(list)
    for project_id, amount in MonthlyReport.objects.values_list("project", "investment_month"):
        amounts[project_id].append(amount)
    return amounts


def test_it_opens_each_month_for_reporting_from_the_first_to_the_fifth(province: Province) -> None:
    months = list(ReportingMonth.objects.order_by("period"))
    assert [m.period for m in months] == province.calendar.periods
    for month in months:
        assert (month.opens_on, month.closes_on) == (
            add_months(month.period, 1),
            add_months(month.period, 1).replace(day=5),
        )
    assert [m.period for m in months if m.closed_at is None] == [province.calendar.last_month]


def test_it_sets_a_ranking_rule_for_each_year(province: Province) -> None:
    years = list(RankingRule.objects.order_by("year").values_list("year", "number"))
    assert years == [(year, 1) for year in province.calendar.years]


def test_it_plans_each_year_a_part_of_the_total(province: Province) -> None:
    plans = AnnualPlan.objects.select_related("project")
    assert set(plans.values_list("year", flat=True)) == set(province.calendar.years)
    assert not plans.filter(planned_investment__gt=F("project__total_investment")).exists()
    assert not plans.filter(planned_investment__lte=0).exists()
    for plan in plans.filter(plans_start=True)[:300]:
        assert plan.project.planned_start.year == plan.year
    assert plans.filter(plans_start=True).exists() and plans.filter(plans_completion=True).exists()


def test_it_reports_only_in_planned_years(province: Province) -> None:
    planned = set(AnnualPlan.objects.values_list("project", "year"))
    reported = {(p, period.year) for p, period in MonthlyReport.objects.values_list("project", "period")}
    assert reported <= planned


def test_it_lists_projects_by_year(province: Province) -> None:
    memberships = ListMembership.objects.values_list("project_list__name", "year")
    by_list = Counter(memberships)
    for spec in PROVINCE_LISTS:
        for year in province.calendar.years:
            assert by_list[(spec.name, year)] > 0, (spec.name, year)
    planned = set(AnnualPlan.objects.values_list("project", "year"))
    assert set(ListMembership.objects.values_list("project", "year")) <= planned
    key = ListMembership.objects.filter(project_list__name=PROVINCE_LISTS[0].name).count()
    assert key > 0.8 * len(planned)


def test_it_writes_a_timeline_that_ends_at_the_project_stage(province: Province) -> None:
    entered = Counter(ProjectEvent.objects.filter(kind=EventKind.ENTERED).values_list("project", flat=True))
    assert set(entered.values()) == {1} and len(entered) == PROJECTS
    last_stage = {}
    for project_id, to_stage in (
        ProjectEvent.objects.filter(kind__in=[EventKind.ENTERED, EventKind.STAGE, EventKind.EXITED])
        .order_by("on", "pk")
        .values_list("project", "to_stage")
    ):
        last_stage[project_id] = to_stage
    assert last_stage == dict(Project.objects.values_list("pk", "stage"))
    exits = ProjectEvent.objects.filter(kind=EventKind.EXITED)
    assert exits.count() == Project.objects.filter(stage=Stage.EXITED).count()
    assert not exits.filter(reason="").exists()
    assert ProjectEvent.objects.filter(kind=EventKind.LIST_ADDED).count() == ListMembership.objects.count()


def test_it_sets_origination_targets_for_counties_and_departments(province: Province) -> None:
    org = province.org
    targets = OriginationTarget.objects.filter(programme=org.programme)
    for year in province.calendar.years:
        assert targets.filter(year=year, region__level="county").count() == len(org.counties)
        assert targets.filter(year=year, unit__isnull=False).count() == len(org.departments)
    capital_core = Region.objects.get(code=org.counties[0].code)
    assert targets.get(year=2025, region=capital_core).target_count > statistics.median(
        targets.filter(year=2025, region__isnull=False).values_list("target_count", flat=True)
    )
