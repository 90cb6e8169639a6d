"""A policy document's journey in the browser: the office uploads it, corrects a unit on the review
screen and confirms; the lead unit files its monthly task report; the task, lagging its
time-proportional progress, shows on the behind-schedule list."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tuijin.plans.models import Task, TaskReport, UnitRole

from ..plans.conftest import TEXT, plans_world  # noqa: F401  (fixture)
from ..world import PASSWORD, World
from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    log_in(page, base, username, PASSWORD)


def test_it_takes_a_document_from_upload_to_the_behind_list(
    live_server,
    page: Page,
    plans_world: World,  # noqa: F811
    tmp_path: Path,
) -> None:
    base = live_server.url
    document = tmp_path / "青山区测试任务分工方案.txt"
    document.write_text(TEXT, encoding="utf-8")

    _as(page, base, "office_d")
    page.locator("nav").get_by_role("button", name="政策任务").click()
    page.get_by_role("link", name="导入文件").click()
    page.set_input_files("#id_file", str(document))
    page.get_by_role("button", name="识别文件").click()

    expect(page.locator("h1")).to_contain_text("青山区测试任务分工方案")
    expect(page.locator("#doc-text mark.hl-unit").first).to_be_visible()
    expect(page.locator("#review-table tbody tr")).to_have_count(3)
    expect(page.locator("#units")).to_contain_text("区物流办")
    expect(page.locator("#units")).to_contain_text("未识别的单位")

    # The logistics task names a unit the district does not have: the office corrects the row.
    row = page.locator("#row-2")
    row.get_by_role("button", name="编辑").click()
    page.fill("#row-form-2 input[name=lead]", "区发展改革局")
    page.locator("#row-form-2").get_by_role("button", name="保存本行").click()
    expect(page.locator("#row-2")).to_contain_text("区发展改革局")
    expect(page.locator("#units")).not_to_contain_text("区物流办")
    page.get_by_role("button", name="确认并生成任务").click()

    expect(page.locator(".alert-success")).to_contain_text("新建任务 3 项")
    expect(page.locator("#document-tree")).to_contain_text("设立引导基金")
    logistics = Task.objects.get(path="二.三")
    assert [a.unit.name for a in logistics.assignments.filter(role=UnitRole.LEAD)] == ["区发展改革局"]

    # 区财政局 leads the fund: it reports 5% for the month just ended.
    fund = Task.objects.get(path="二.一")
    _as(page, base, "unit_fin")
    page.goto(f"{base}/plans/tasks/")
    page.get_by_role("link", name="设立引导基金").click()
    page.fill("#id_progress", "5")
    page.fill("#id_done", "完成基金设立方案初稿")
    page.fill("#id_problems", "出资来源尚未落实")
    page.get_by_role("button", name="报送", exact=True).click()
    expect(page.locator(".alert-success")).to_contain_text("任务进展已报送")
    expect(page.locator("#reported-progress")).to_have_text("5%")
    assert TaskReport.objects.get(task=fund).progress == 5

    # The office finds it among the tasks behind schedule.
    _as(page, base, "office_d")
    page.locator("nav").get_by_role("button", name="政策任务").click()
    page.get_by_role("link", name="滞后任务").click()
    fund_row = page.locator("#task-table tbody tr", has_text="设立引导基金")
    expect(fund_row).to_contain_text("区财政局")
    expect(fund_row).to_contain_text("5%")
