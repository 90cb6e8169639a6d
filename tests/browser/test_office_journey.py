"""The office user's first look: log in, open the set-up checklist and the org chart, switch to English."""

import pytest
from playwright.sync_api import Page, expect

from tuijin.demo.load import load_demo
from tuijin.demo.users import DEMO_PASSWORD

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_walks_the_office_through_checklist_chart_and_english(live_server, page: Page) -> None:
    load_demo()
    log_in(page, live_server.url, "office", DEMO_PASSWORD)
    expect(page.locator(".alert-info")).to_contain_text("欢迎")

    page.get_by_role("link", name="推进体系清单").first.click()
    expect(page.locator("h1")).to_contain_text("东川省新旧动能转换重大工程")
    industry = page.locator('[data-kind="industry"]')
    expect(industry.locator("thead")).to_contain_text("智库")
    expect(industry.locator('td[data-present="no"]')).to_have_count(10)
    expect(page.locator('[data-kind="pillar"] td[data-present="no"]')).to_have_count(1)

    page.get_by_role("link", name="组织架构图").click()
    chart = page.locator("#org-chart canvas")
    expect(chart).to_be_visible()
    assert page.locator("#org-chart").bounding_box()["height"] > 500

    page.get_by_role("button", name="English").click()
    expect(page.locator("nav.navbar")).to_contain_text("Organisation")
    page.get_by_role("link", name="Set-up checklist").click()
    expect(page.locator('[data-kind="industry"] thead')).to_contain_text("Think tank")
    expect(page.locator('[data-kind="industry"] tfoot')).to_contain_text("Total in place")
    expect(page.locator('[data-kind="pillar"]')).to_contain_text("Policy set")

    page.reload()
    expect(page.locator("h2").first).to_contain_text("Industry task force")
