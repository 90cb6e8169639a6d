"""The district office finds a project by typing its name in traditional script (the list updates in
place through htmx), opens it, moves it to its next stage with a reason and sees the move on its timeline."""

import datetime as dt
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from tuijin.projects import services
from tuijin.projects.models import Stage

from ..projects.conftest import project_world  # noqa: F401
from ..world import PASSWORD, World
from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_finds_a_project_and_moves_it_along_its_lifecycle(
    live_server,
    page: Page,
    project_world: World,  # noqa: F811 (the fixture imported above)
) -> None:
    w = project_world
    services.project_create(
        user=w["office_p"],
        programme=w["prog_d"],
        code="P-MECH",
        name="机械厂房扩建项目",
        region=w["T2"],
        total_investment=Decimal("12000"),
        stage=Stage.PREPARING,
        entered_on=dt.date(2025, 1, 1),
    )
    log_in(page, live_server.url, "office_d", PASSWORD)
    page.get_by_role("button", name="项目库").click()
    page.get_by_role("link", name="项目", exact=True).click()
    expect(page.locator("#project-table tbody tr")).to_have_count(3)
    page.wait_for_load_state()  # htmx binds the filter form on load; typing before that fires nothing

    page.evaluate("window.notReloaded = true")
    page.fill("#id_q", "機械廠房")
    expect(page.locator("#project-table tbody tr")).to_have_count(1)
    expect(page.locator("#project-totals")).to_contain_text("12,000.00")
    assert page.evaluate("window.notReloaded") is True  # swapped in place, not a new page
    assert "q=" in page.url  # and the address keeps the filter

    page.get_by_role("link", name="机械厂房扩建项目").click()
    expect(page.locator("#project-stage")).to_have_text("前期推进")
    page.select_option("#move-form select[name=to_stage]", Stage.CONSTRUCTION)
    page.fill("#move-form input[name=reason]", "施工许可已办结")
    page.click("#move-form button[type=submit]")
    expect(page.locator(".alert-success")).to_be_visible()
    expect(page.locator("#project-stage")).to_have_text("开工在建")

    page.click('[data-bs-target="#tab-timeline"]')
    expect(page.locator('#project-timeline li[data-kind="stage"]')).to_contain_text("施工许可已办结")
    expect(page.locator('#project-timeline li[data-kind="stage"]')).to_contain_text("office_d")
