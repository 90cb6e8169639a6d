"""A month of reporting in the browser: the territory reporter fills the grid (Enter moves down, rows
save as it goes, totals follow) and submits; the office returns one report with a comment; the reporter
fixes it and submits again; the office accepts both, generates and publishes the notice, and the Word
file it downloads opens with python-docx and holds the ranking table with the reported numbers."""

from decimal import Decimal

import docx
import pytest
from playwright.sync_api import Browser, Page, expect

from tuijin.projects.models import AnnualPlan, MonthlyReport, ReportStatus

from ..projects.conftest import make_project, project_world  # noqa: F401
from ..projects.reporting.conftest import month  # noqa: F401
from ..world import PASSWORD, World
from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def _status(page: Page, project_pk: int) -> object:
    return page.locator(f"#status-{project_pk} [data-status]")


def test_the_month_goes_from_the_grid_to_the_published_notice(
    live_server,
    page: Page,
    browser: Browser,
    month: World,  # noqa: F811
) -> None:
    w = month
    second = make_project(w, "P-T1-C", region="T1", task_force="tf_d1")
    AnnualPlan.objects.create(project=second, year=w["period"].year, planned_investment=Decimal(8000), plans_start=True)
    first = w["P-T1-A"]
    query = f"programme={w['prog_d'].pk}&period={w['period']:%Y-%m}"

    # The reporter fills the grid with the keyboard.
    log_in(page, live_server.url, "territory_t1", PASSWORD)
    page.goto(f"{live_server.url}/projects/reports/?{query}")
    amount_a = page.locator(f'input[name="r{first.pk}-investment_month"]')
    amount_c = page.locator(f'input[name="r{second.pk}-investment_month"]')
    amount_a.fill("300")
    amount_a.press("Enter")
    expect(amount_c).to_be_focused()
    amount_c.fill("200")
    expect(page.locator("#total-month")).to_have_text("500.00")
    amount_c.press("Tab")
    page.locator(f'input[name="r{second.pk}-progress_note"]').fill("主体结构施工")
    page.locator(f'input[name="r{second.pk}-progress_note"]').press("Tab")
    expect(page.locator(f"#status-{first.pk}")).to_have_attribute("data-state", "saved")
    expect(page.locator(f"#status-{second.pk}")).to_have_attribute("data-state", "saved")
    page.locator("#submit-all").click()
    expect(_status(page, first.pk)).to_have_attribute("data-status", "submitted")
    expect(_status(page, second.pk)).to_have_attribute("data-status", "submitted")

    # The office returns one with a comment.
    office = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN").new_page()
    office.set_default_timeout(15000)
    log_in(office, live_server.url, "office_d", PASSWORD)
    office.goto(f"{live_server.url}/projects/reports/review/?{query}")
    report_c = MonthlyReport.objects.get(project=second)
    office.locator(f"#report-{report_c.pk}").get_by_role("button", name="退回").click()
    office.locator(f'input[form="return-form-{report_c.pk}"]').fill("投资额与形象进度不符，请核实")
    office.get_by_role("button", name="附意见退回").click()
    expect(office.locator(f"#report-{report_c.pk} [data-status]")).to_have_attribute("data-status", "returned")

    # The reporter sees the comment, fixes the amount and submits again.
    page.goto(f"{live_server.url}/projects/reports/?{query}")
    expect(page.locator(f"#row-{second.pk} .review-comment")).to_contain_text("投资额与形象进度不符")
    amount_c = page.locator(f'input[name="r{second.pk}-investment_month"]')
    amount_c.fill("250")
    amount_c.press("Tab")
    expect(page.locator(f"#status-{second.pk}")).to_have_attribute("data-state", "saved")
    page.locator("#submit-all").click()
    expect(_status(page, second.pk)).to_have_attribute("data-status", "submitted")

    # The office accepts both, generates the notice and publishes it.
    office.goto(f"{live_server.url}/projects/reports/review/?{query}")
    office.locator("#check-all").check()
    office.locator("#accept-selected").click()
    expect(office.locator("#review-table [data-status=accepted]")).to_have_count(2)
    assert set(MonthlyReport.objects.values_list("status", flat=True)) == {ReportStatus.ACCEPTED}
    office.goto(f"{live_server.url}/projects/notices/?{query}")
    office.get_by_role("button", name="生成通报草稿").click()
    expect(office.locator("#notice-status")).to_have_attribute("data-status", "draft")
    office.once("dialog", lambda dialog: dialog.accept())
    office.get_by_role("button", name="印发").click()
    expect(office.locator("#notice-status")).to_have_attribute("data-status", "published")

    with office.expect_download() as download:
        office.locator("#download-docx").click()
    document = docx.Document(download.value.path())
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[0][:4] == ["名称", "计划开工", "已开工", "开工率"]
    t1 = next(row for row in rows if row[0] == "T1")
    figures = dict(zip(rows[0], t1, strict=True))
    # 300 + 250 (10k CNY) against the plans 12000 + 8000: 0.06 (100M CNY), 2.75 %.
    assert figures["累计完成投资（亿元）"] == "0.06" and figures["年度计划投资（亿元）"] == "2.00"
    assert figures["投资完成率"] == "2.8%" and figures["缺报迟报"] == "0"

    # The month is closed now: the grid says so and takes no more edits.
    page.goto(f"{live_server.url}/projects/reports/?{query}")
    expect(page.locator("#window")).to_contain_text("已关账")
    expect(page.locator(f'input[name="r{second.pk}-investment_month"]')).to_have_count(0)
