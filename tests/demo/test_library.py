"""The demo's project library: both programmes at their scale, over their places and task forces,
with lists, plans, targets and timelines that agree with the stages; each demo user sees its part."""

from collections import Counter

import pytest
from django.db.models import Count, Max

from tuijin.accounts.models import User
from tuijin.core import access
from tuijin.demo.generator.projects import Calendar
from tuijin.demo.projects import FLAGSHIPS, NO_PROJECTS
from tuijin.org.models import Programme, Region, RegionLevel, TaskForce, TaskForceKind, Unit, UnitKind
from tuijin.projects.models import (
    AnnualPlan,
    EventKind,
    ListMembership,
    OriginationTarget,
    Project,
    ProjectEvent,
    ProjectList,
    Stage,
)

pytestmark = pytest.mark.django_db


def _programme(name: str) -> Programme:
    return Programme.objects.get(name__startswith=name)


def _visible(username: str):
    return access.visible(User.objects.get(username=username), Project.objects.all())


def test_it_loads_each_programme_at_its_scale_in_every_stage(demo: Calendar) -> None:
    for name, low, high in (("东川省", 1500, 2000), ("青山区", 150, 250)):
        projects = Project.objects.filter(programme=_programme(name))
        assert low <= projects.count() <= high, name
        assert set(projects.values_list("stage", flat=True)) == set(Stage.values), name


def test_it_spreads_the_provinces_projects_over_every_county_and_industry_task_force(demo: Calendar) -> None:
    province = _programme("东川省")
    projects = Project.objects.filter(programme=province)
    # 青山区, the one county the demo divides, has them in its towns and zones.
    places = Region.objects.filter(level=RegionLevel.COUNTY).exclude(name="青山区") | Region.objects.filter(
        parent__name="青山区"
    )
    assert set(projects.values_list("region", flat=True)) == set(places.values_list("pk", flat=True))
    task_forces = TaskForce.objects.filter(programme=province, kind=TaskForceKind.INDUSTRY)
    assert set(projects.values_list("task_force", flat=True)) == set(task_forces.values_list("pk", flat=True))


def test_it_places_the_districts_projects_in_its_towns_and_zones_with_its_flagships(demo: Calendar) -> None:
    district = _programme("青山区")
    projects = Project.objects.filter(programme=district)
    towns = Region.objects.filter(parent=district.region, level__in=[RegionLevel.TOWN, RegionLevel.ZONE])
    assert set(projects.values_list("region", flat=True)) == set(towns.values_list("pk", flat=True))
    names = list(projects.values_list("name", flat=True))
    assert {row[0] for row in FLAGSHIPS} <= set(names)
    assert len(set(names)) == len(names)  # a name given again became a later phase


def test_it_gives_generated_enterprises_names_of_their_projects_industry(demo: Calendar) -> None:
    wood = Project.objects.filter(programme=_programme("青山区"), task_force__name="木业产业专班")
    owners = set(wood.values_list("owner__name", flat=True))
    assert owners
    assert all(any(word in name for word in ("木", "家居", "板材", "林产", "青山木业")) for name in owners), owners


def test_it_keeps_exited_projects_with_their_reason_and_timeline(demo: Calendar) -> None:
    exited = Project.objects.filter(stage=Stage.EXITED)
    assert exited.exists()
    assert not exited.filter(exit_reason="").exists()
    assert not exited.filter(exited_on__isnull=True).exists()
    with_event = ProjectEvent.objects.filter(kind=EventKind.EXITED, project__in=exited).values("project").distinct()
    assert with_event.count() == exited.count()


def test_it_ends_every_projects_timeline_at_its_stage(demo: Calendar) -> None:
    stage_kinds = [EventKind.ENTERED, EventKind.STAGE, EventKind.EXITED]
    latest = {}
    for project_id, to_stage in (
        ProjectEvent.objects.filter(kind__in=stage_kinds)
        .order_by("project", "on", "pk")
        .values_list("project", "to_stage")
    ):
        latest[project_id] = to_stage
    stages = dict(Project.objects.values_list("pk", "stage"))
    assert latest == stages


def test_it_dates_projects_as_their_stages_say(demo: Calendar) -> None:
    not_started = Project.objects.filter(stage__in=[Stage.CONCEIVED, Stage.RESERVE, Stage.PREPARING])
    assert not not_started.filter(actual_start__isnull=False).exists()
    assert not Project.objects.filter(stage=Stage.CONSTRUCTION, actual_start__isnull=True).exists()
    done = Project.objects.filter(stage__in=[Stage.OPERATING, Stage.FULL_OUTPUT])
    assert not done.filter(actual_completion__isnull=True).exists()
    assert not Project.objects.filter(actual_start__gt=demo.as_of).exists()
    assert Project.objects.aggregate(last=Max("entered_on"))["last"] <= demo.as_of


def test_it_lists_projects_for_each_year_and_plans_both_years(demo: Calendar) -> None:
    for programme in Programme.objects.all():
        for project_list in ProjectList.objects.filter(programme=programme):
            years = set(ListMembership.objects.filter(project_list=project_list).values_list("year", flat=True))
            # The district leaders' contact list is this year's only.
            assert years == ({demo.last_month.year} if "包挂" in project_list.name else set(demo.years)), project_list
        plans = AnnualPlan.objects.filter(project__programme=programme)
        assert set(plans.values_list("year", flat=True)) == set(demo.years)


def test_it_sets_origination_targets_for_each_territory_and_department(demo: Calendar) -> None:
    assert not Project.objects.filter(responsible_unit__name__in=NO_PROJECTS).exists()
    province = _programme("东川省")
    for year in demo.years:
        targets = OriginationTarget.objects.filter(programme=province, year=year)
        cities = Region.objects.filter(parent=province.region)
        assert set(targets.exclude(region=None).values_list("region", flat=True)) == set(
            cities.values_list("pk", flat=True)
        )
        # Units the demo's document imports create later (a cooperating unit nobody had entered)
        # were not there when the year's targets were set.
        library_loaded = Project.objects.order_by("created_at").values_list("created_at", flat=True).first()
        departments = Unit.objects.filter(
            region=province.region, kind=UnitKind.DEPARTMENT, created_at__lte=library_loaded
        ).exclude(name__in=NO_PROJECTS)
        assert set(targets.exclude(unit=None).values_list("unit", flat=True)) == set(
            departments.values_list("pk", flat=True)
        )


def test_it_records_this_weeks_moves_and_list_entries_through_the_services(demo: Calendar) -> None:
    office = User.objects.get(username="district_office")
    moved = ProjectEvent.objects.filter(user=office, kind__in=[EventKind.STAGE, EventKind.EXITED])
    assert Counter(moved.values_list("to_stage", flat=True)) == {
        Stage.CONSTRUCTION: 1,
        Stage.PREPARING: 1,
        Stage.EXITED: 1,
    }
    started = moved.get(to_stage=Stage.CONSTRUCTION)
    assert started.project.actual_start == started.on
    assert started.project.history.filter(history_user=office).exists()
    entries = ProjectEvent.objects.filter(user=office, kind=EventKind.LIST_ADDED)
    assert (
        entries.count()
        == Project.objects.filter(name__in=[r[0] for r in FLAGSHIPS]).exclude(stage=Stage.EXITED).count()
    )


def test_the_territory_user_sees_its_towns_projects_only(demo: Calendar) -> None:
    town = Region.objects.get(name="柳青街道")
    seen = _visible("territory")
    assert seen.filter(programme__name__startswith="青山区").exists()
    assert not seen.exclude(region__path__startswith=town.path).exists()


def test_the_task_force_user_sees_its_task_forces_projects_only(demo: Calendar) -> None:
    seen = _visible("taskforce")
    assert seen.count() >= 10
    assert set(seen.values_list("task_force__name", "programme__name")) == {
        ("机械制造专班", "青山区新旧动能转换工作推进方案")
    }


def test_the_enterprise_user_sees_the_projects_its_company_owns(demo: Calendar) -> None:
    seen = _visible("enterprise")
    assert seen.filter(programme__name__startswith="青山区").count() >= 2
    assert set(seen.values_list("owner__name", flat=True)) == {"临川重工机械有限公司"}


def test_the_unit_user_sees_the_projects_its_department_answers_for(demo: Calendar) -> None:
    seen = _visible("unit")
    assert seen.count() >= 3
    assert set(seen.values_list("responsible_unit__name", flat=True)) == {"区财政局"}


def test_the_offices_see_their_programmes_library(demo: Calendar) -> None:
    assert _visible("office").count() == Project.objects.count()
    district = _visible("district_office")
    assert district.count() == Project.objects.filter(region__path__startswith=_programme("青山区").region.path).count()
    assert district.aggregate(n=Count("programme", distinct=True))["n"] == 2  # the province's projects there too
