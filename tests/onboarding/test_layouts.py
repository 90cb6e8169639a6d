"""Office workbooks in six layouts, built by tests/legacy's writers, imported end to end: the right
projects, annual plans and monthly reports in the library, and the right rows skipped."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

from django.utils import translation

from tuijin.onboarding import selectors
from tuijin.onboarding.models import ImportStatus
from tuijin.projects.models import AnnualPlan, MonthlyReport, Project, ReportEvent, ReportStatus, Stage

from ..legacy import test_ledger, test_sections, test_traditional, test_values_table
from ..legacy.books import SheetSpec, write_book
from ..legacy.test_areas import write_areas
from ..legacy.test_dispatch import write_dispatch
from ..world import World
from .conftest import import_book, upload


def projects_of(world: World) -> dict[str, Project]:
    return {project.name: project for project in Project.objects.filter(programme=world["prog_d"])}


def plan_of(project: Project, year: int) -> Decimal | None:
    plan = AnnualPlan.objects.filter(project=project, year=year).first()
    return plan.planned_investment if plan else None


def month_of(project: Project, period: dt.date) -> Decimal | None:
    report = MonthlyReport.objects.filter(project=project, period=period).first()
    return report.investment_month if report else None


def skipped_of(job_plan: selectors.ImportPlan) -> list[tuple[str, int, str]]:
    return [(s.sheet, s.row, s.reason) for s in job_plan.skipped]


def test_it_imports_a_dispatch_table_in_100m_with_groups_totals_and_footnotes(office: World, tmp_path: Path) -> None:
    job = upload(office, write_dispatch(tmp_path / "调度表.xlsx"))
    with translation.override("en"):
        skipped = skipped_of(selectors.import_plan(job))
    assert skipped == [
        ("调度表", 5, "Total row"),
        ("调度表", 6, "Group or section row"),
        ("调度表", 9, "Subtotal row"),
        ("调度表", 11, "Group or section row"),
        ("调度表", 14, "Row without content"),
        ("调度表", 15, "Group or section row"),
        ("调度表", 17, "Footnote row"),
        ("调度表", 18, "Footnote row"),
        ("调度表", 19, "Signature row"),
    ]
    job = import_book(office, tmp_path / "调度表.xlsx")
    assert (job.status, job.created, job.updated, job.reports, job.skipped) == (ImportStatus.IMPORTED, 4, 0, 3, 9)
    assert job.period == dt.date(2023, 10, 1)
    projects = projects_of(office)
    assert set(projects) == {"年产10万吨新材料项目", "某某产业园标准厂房", "某某大道", "某某路延伸工程"}
    material = projects["年产10万吨新材料项目"]
    assert material.total_investment == Decimal(125000)  # 12.5亿元 as text
    assert material.responsible_unit == office["市工信局"]
    assert material.stage == Stage.CONSTRUCTION  # no stage column; investment reported
    assert plan_of(material, 2023) == Decimal(50000)
    assert month_of(material, dt.date(2023, 10, 1)) == Decimal(5000)
    assert projects["某某产业园标准厂房"].total_investment == Decimal(80000)  # "4●" row
    assert month_of(projects["某某产业园标准厂房"], dt.date(2023, 10, 1)) == Decimal(3000)
    road = projects["某某大道"]
    assert road.total_investment == 0 and road.stage == Stage.CONCEIVED  # "/" and "—"
    assert month_of(road, dt.date(2023, 10, 1)) is None
    assert projects["某某产业园标准厂房"].responsible_unit == office["某县政府"]
    report = MonthlyReport.objects.get(project=material, period=dt.date(2023, 10, 1))
    assert report.status == ReportStatus.ACCEPTED
    event = ReportEvent.objects.get(report=report)
    assert event.values["imported"] is True and event.values["import_job"] == job.pk


def test_it_imports_a_ledger_with_three_merged_header_rows_dates_and_stage_words(office: World, tmp_path: Path) -> None:
    rows = [["某某市2023年重大项目库台账"], ["计量单位：万元"], *test_ledger.HEADER, *test_ledger.BODY]
    path = write_book(tmp_path / "台账.xlsx", {test_ledger.SHEET: SheetSpec(rows, test_ledger.MERGES)})
    job = import_book(office, path)
    assert (job.created, job.skipped, job.period) == (6, 2, dt.date(2023, 10, 1))
    projects = projects_of(office)
    park = projects["某某新能源汽车零部件产业园"]  # ★ dropped
    assert park.code == "2023-370000-04-01-000001"
    assert (park.total_investment, park.stage, park.actual_start) == (
        Decimal(250000),
        Stage.CONSTRUCTION,
        dt.date(2022, 1, 1),
    )
    assert plan_of(park, 2023) == Decimal(60000)
    # Only the year to date is given: with no earlier month in Tuijin it is all October's.
    assert month_of(park, dt.date(2023, 10, 1)) == Decimal("45000.5")
    road = projects["某某大道快速化改造工程"]
    assert (road.stage, road.actual_start) == (Stage.CONSTRUCTION, dt.date(2023, 3, 1))
    assert projects["某某医院新院区"].stage == Stage.OPERATING
    assert projects["某某医院新院区"].actual_start == dt.date(2009, 1, 1)
    assert projects["某某国际物流园"].stage == Stage.CONCEIVED  # 在谈
    assert (projects["某某实验学校"].stage, projects["某某实验学校"].planned_start) == (Stage.PREPARING, None)
    assert projects["某某第二水厂"].stage == Stage.FULL_OUTPUT
    assert projects["某某医院新院区"].code.startswith(f"IMP-{job.pk}-")


def test_it_imports_a_table_in_traditional_script(office: World, tmp_path: Path) -> None:
    path = write_book(tmp_path / "t.xlsx", {test_traditional.SHEET: SheetSpec(test_traditional.ROWS, ["A1:J1"])})
    job = import_book(office, path)
    assert (job.created, job.reports, job.skipped) == (5, 4, 3)
    projects = projects_of(office)
    park = projects["某某產業園（一期）"]
    assert (park.total_investment, park.stage) == (Decimal(55000), Stage.CONSTRUCTION)
    assert month_of(park, dt.date(2023, 10, 1)) == Decimal(1500)
    # 市交通局 is the alias of 市交通运输局; 市工信局 written in either script is the same unit.
    assert projects["某某大橋"].responsible_unit == office["市交通运输局"]
    assert projects["某某文化中心"].stage == Stage.RESERVE
    assert projects["某某文化中心"].planned_start == dt.date(2024, 6, 1)


def test_it_imports_a_table_with_stage_sections_and_a_repeated_header(office: World, tmp_path: Path) -> None:
    path = write_book(tmp_path / "s.xlsx", {test_sections.SHEET: SheetSpec(test_sections.ROWS, ["A1:H1"])})
    job = upload(office, path)
    with translation.override("en"):
        plan = selectors.import_plan(job)
    assert [p.row.row for p in plan.rows] == [8, 9, 11, 13, 15, 17, 19, 20]
    assert ("项目表", 14, "Repeated header") in skipped_of(plan)
    job = import_book(office, path)
    projects = projects_of(office)
    assert job.period == dt.date(2023, 9, 1)
    assert projects["某某化工新材料"].stage == Stage.CONSTRUCTION
    assert projects["某某商业综合体"].stage == Stage.PREPARING
    assert projects["某某物流中心"].stage == Stage.CONSTRUCTION  # 新建 with investment
    assert month_of(projects["某某化工新材料"], dt.date(2023, 9, 1)) == Decimal(8000)


def test_it_imports_values_written_every_which_way(office: World, tmp_path: Path) -> None:
    path = write_book(tmp_path / "v.xlsx", {test_values_table.SHEET: SheetSpec(test_values_table.ROWS)})
    job = import_book(office, path, period="2023-11")
    assert (job.created, job.skipped, job.period) == (8, 0, dt.date(2023, 11, 1))
    projects = projects_of(office)
    solar = projects["某某光伏电站"]
    assert solar.total_investment == Decimal("12345.6")
    assert solar.actual_start == dt.date(2013, 11, 1)  # YYMMDD "131130"
    assert month_of(solar, dt.date(2023, 11, 1)) == Decimal("500.5")
    assert plan_of(projects["某某风电场"], 2023) == Decimal(12000)  # "1.2亿"
    assert projects["某某数据中心"].total_investment == Decimal(15000)  # "1.5亿元"
    assert projects["某某会展中心"].total_investment == Decimal(9000)  # " 9,000.00 "


def test_it_imports_several_area_sheets_of_one_layout(office: World, tmp_path: Path) -> None:
    job = import_book(office, write_areas(tmp_path / "areas.xlsx"), period="2023-09")
    assert (job.created, job.skipped) == (5, 1)
    projects = projects_of(office)
    assert projects["开发区某某项目"].stage == Stage.EXITED
    assert projects["城区智慧停车"].stage == Stage.RESERVE
    assert "上月的项目" not in projects  # a hidden sheet
    assert month_of(projects["城区旧城改造一期"], dt.date(2023, 9, 1)) == Decimal(5000)
