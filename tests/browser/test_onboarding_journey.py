"""An office imports its own dispatch table: it uploads it, corrects the one column Tuijin could not
place, and imports; next month's table of the same layout goes straight to the preview."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tuijin.org.models import Unit
from tuijin.projects.models import MonthlyReport, Project

from ..legacy.books import SheetSpec, write_book
from ..world import PASSWORD, World
from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def dispatch_table(path: Path, month: int, done: int) -> Path:
    rows = [
        [f"2024年1-{month}月某区重点项目调度表"],
        ["单位：万元"],
        ["序号", "项目名称", "总投资", "年度计划投资", "本月完成", f"1-{month}月累计完成", "项目阶段",
         "服务专员单位"],
        [None, "合计", 30000, 12000, done * 2, done * 2 * month],
        [1, "★某区智能制造产业园", 20000, 8000, done, done * month, "续建", "区工信局"],
        [2, "某区滨河路改造", 10000, 4000, done, done * month, "新开工", "区住建局"],
        ["填报人：张三"],
    ]  # fmt: skip
    return write_book(path, {"调度表": SheetSpec(rows, ["A1:H1"])})


def test_the_office_imports_its_own_ledger_then_next_month_in_one_click(
    live_server, page: Page, world: World, tmp_path: Path
) -> None:
    for name in ("区工信局", "区住建局"):
        Unit.objects.create(name=name, region=world["D"], kind="department")
    log_in(page, live_server.url, "office_d", PASSWORD)
    page.locator("nav").get_by_text("项目库").click()  # the menu the link is in
    page.get_by_role("link", name="导入单位自有台账").click()

    page.set_input_files("#id_workbook", str(dispatch_table(tmp_path / "10月调度表.xlsx", 10, 500)))
    page.get_by_role("button", name="上传").click()
    expect(page.locator("h1")).to_contain_text("列映射")
    # Tuijin does not know 服务专员单位: the office says it is the responsible unit.
    unit_row = page.locator("#mapping-form tr", has_text="服务专员单位")
    expect(unit_row.locator("select")).to_have_value("ignore")
    unit_row.locator("select").select_option("responsible_unit")
    expect(page.locator("#mapping-form tr", has_text="1-10月累计完成").locator("select")).to_have_value(
        "investment_ytd"
    )
    page.locator("#confirm-mapping").click()

    expect(page.locator("h1")).to_contain_text("导入预览")
    expect(page.locator("#planned-rows")).to_contain_text("某区智能制造产业园")
    expect(page.locator("#planned-rows")).to_contain_text("区工信局")
    expect(page.locator("#skipped-rows")).to_contain_text("合计行")
    expect(page.locator("#skipped-rows")).to_contain_text("签名行")
    page.locator("#confirm-import").click()
    expect(page.locator(".alert-success")).to_contain_text("新建项目 2 个")
    expect(page.locator("#import-jobs")).to_contain_text("10月调度表.xlsx")

    park = Project.objects.get(name="某区智能制造产业园")
    assert park.responsible_unit.name == "区工信局"
    assert MonthlyReport.objects.get(project=park, period=dt.date(2024, 10, 1)).investment_month == Decimal(500)

    page.set_input_files("#id_workbook", str(dispatch_table(tmp_path / "11月调度表.xlsx", 11, 700)))
    page.get_by_role("button", name="上传").click()
    expect(page.locator("h1")).to_contain_text("导入预览")  # no mapping step
    expect(page.locator("#count-update")).to_contain_text("2")
    page.locator("#confirm-import").click()
    expect(page.locator(".alert-success")).to_contain_text("更新 2 个")
    assert MonthlyReport.objects.get(project=park, period=dt.date(2024, 11, 1)).investment_month == Decimal(700)
    assert Project.objects.count() == 2
