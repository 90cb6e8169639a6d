"""Rows are matched to the library's projects by code, else by name in either script; matched
projects are updated through the project services, and the year to date becomes the month's figure."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

from tuijin.onboarding import selectors
from tuijin.projects import services as projects
from tuijin.projects.models import EventKind, MonthlyReport, Project, ProjectEvent, Stage

from ..legacy import test_ledger, test_traditional
from ..legacy.books import SheetSpec, write_book
from ..projects.conftest import make_project
from ..world import World
from .conftest import import_book, upload


def traditional_book(tmp_path: Path) -> Path:
    return write_book(tmp_path / "t.xlsx", {test_traditional.SHEET: SheetSpec(test_traditional.ROWS, ["A1:J1"])})


def test_it_matches_a_traditional_script_name_to_a_simplified_project(office: World, tmp_path: Path) -> None:
    park = make_project(office, "D-001", region="T1", stage=Stage.CONCEIVED, total="1000")
    Project.objects.filter(pk=park.pk).update(name="某某产业园(一期)")
    plan = selectors.import_plan(upload(office, traditional_book(tmp_path)))
    matched = {p.row.name: (p.action, p.matched_by, p.project) for p in plan.rows}
    assert matched["某某產業園（一期）"][:2] == ("update", "name")
    assert matched["某某產業園（一期）"][2].pk == park.pk
    assert matched["某某大橋"][0] == "create"

    job = import_book(office, tmp_path / "t.xlsx")
    assert (job.created, job.updated) == (4, 1)
    park.refresh_from_db()
    assert park.name == "某某产业园(一期)"  # the library keeps its own name
    assert (park.total_investment, park.stage) == (Decimal(55000), Stage.CONSTRUCTION)
    # From 谋划 to 在建 one lifecycle step at a time, each on the timeline.
    moves = ProjectEvent.objects.filter(project=park, kind=EventKind.STAGE).values_list("to_stage", flat=True)
    assert list(moves) == [Stage.RESERVE, Stage.PREPARING, Stage.CONSTRUCTION]
    assert "t.xlsx" in park.history.first().history_change_reason


def test_it_matches_by_code_before_name(office: World, tmp_path: Path) -> None:
    rows = [["某某市2023年重大项目库台账"], ["计量单位：万元"], *test_ledger.HEADER, *test_ledger.BODY]
    path = write_book(tmp_path / "ledger.xlsx", {test_ledger.SHEET: SheetSpec(rows, test_ledger.MERGES)})
    coded = make_project(office, "2023-370000-04-01-000001", region="D", stage=Stage.OPERATING)
    named = make_project(office, "D-002", region="D", stage=Stage.CONSTRUCTION)
    Project.objects.filter(pk=named.pk).update(name="某某医院新院区")
    plan = selectors.import_plan(upload(office, path))
    by_name = {p.row.name: p for p in plan.rows}
    assert (by_name["某某新能源汽车零部件产业园"].matched_by, by_name["某某新能源汽车零部件产业园"].project) == (
        "code",
        coded,
    )
    assert by_name["某某医院新院区"].matched_by == "name"
    # The sheet says 续建 (under construction) for a project the library has in operation: kept.
    assert by_name["某某新能源汽车零部件产业园"].stage is None
    assert by_name["某某新能源汽车零部件产业园"].notes

    import_book(office, path)
    coded.refresh_from_db()
    assert (coded.stage, coded.total_investment) == (Stage.OPERATING, Decimal(250000))
    assert Project.objects.filter(name="某某医院新院区").count() == 1


def test_it_refuses_a_code_of_another_programme(office: World, tmp_path: Path) -> None:
    rows = [["某某市2023年重大项目库台账"], ["计量单位：万元"], *test_ledger.HEADER, *test_ledger.BODY]
    path = write_book(tmp_path / "ledger.xlsx", {test_ledger.SHEET: SheetSpec(rows, test_ledger.MERGES)})
    make_project(office, "2023-370000-04-01-000001", region="D2", programme="prog_d2", task_force="tf_x")
    plan = selectors.import_plan(upload(office, path))
    assert [(e.row, e.column) for e in plan.errors] == [(6, "B")]


def test_it_takes_the_month_from_the_year_to_date_less_earlier_months(office: World, tmp_path: Path) -> None:
    rows = [["某某市2023年重大项目库台账"], ["计量单位：万元"], *test_ledger.HEADER, *test_ledger.BODY]
    path = write_book(tmp_path / "ledger.xlsx", {test_ledger.SHEET: SheetSpec(rows, test_ledger.MERGES)})
    park = make_project(office, "2023-370000-04-01-000001", region="D")
    for month, amount in [(8, "30000"), (9, "10000.5")]:
        MonthlyReport.objects.create(
            project=park, period=dt.date(2023, month, 1), investment_month=Decimal(amount), status="accepted"
        )
    import_book(office, path)
    # 1-10月累计 45000.5 less August and September's 40000.5.
    assert MonthlyReport.objects.get(project=park, period=dt.date(2023, 10, 1)).investment_month == Decimal(5000)


def test_it_refuses_a_year_to_date_below_what_earlier_months_reported(office: World, tmp_path: Path) -> None:
    rows = [["某某市2023年重大项目库台账"], ["计量单位：万元"], *test_ledger.HEADER, *test_ledger.BODY]
    path = write_book(tmp_path / "ledger.xlsx", {test_ledger.SHEET: SheetSpec(rows, test_ledger.MERGES)})
    park = make_project(office, "2023-370000-04-01-000001", region="D")
    MonthlyReport.objects.create(
        project=park, period=dt.date(2023, 9, 1), investment_month=Decimal(50000), status="accepted"
    )
    plan = selectors.import_plan(upload(office, path))
    assert [(e.row, e.column) for e in plan.errors] == [(6, "M")]


def test_it_moves_nothing_for_a_project_whose_stage_the_sheet_repeats(office: World, tmp_path: Path) -> None:
    park = make_project(office, "D-001", region="T1", stage=Stage.CONSTRUCTION)
    projects.annual_plan_set(
        user=office["office_d"], project=park, year=2023, planned_investment=Decimal(1), plans_start=True
    )
    Project.objects.filter(pk=park.pk).update(name="某某产业园（一期）")
    import_book(office, traditional_book(tmp_path))
    park.refresh_from_db()
    assert not ProjectEvent.objects.filter(project=park, kind=EventKind.STAGE).exists()
    plan = park.annual_plans.get(year=2023)
    assert (plan.planned_investment, plan.plans_start) == (Decimal(20000), True)  # the office's flag is kept
