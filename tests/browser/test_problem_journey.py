"""A problem's whole journey in the browser: the enterprise raises it on its project, the town
escalates it, the office flags it, the task force resolves it, the enterprise confirms, and the
office finds it among the week's resolved problems in the green-channel digest."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tuijin.problems.models import Problem, ProblemLevel, ProblemStatus

from ..problems.conftest import problem_world  # noqa: F401  (fixture)
from ..projects.conftest import project_world  # noqa: F401  (fixture)
from ..world import PASSWORD, World
from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TITLE = "施工许可证办理受阻"


def _as(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    log_in(page, base, username, PASSWORD)


def test_it_takes_a_problem_from_the_enterprise_to_the_digest(live_server, page: Page, problem_world: World) -> None:  # noqa: F811
    w = problem_world
    base = live_server.url

    _as(page, base, "enterprise")
    page.locator("nav").get_by_role("button", name="问题诉求").click()
    page.get_by_role("link", name="问题清单").click()
    page.get_by_role("link", name="提报问题").click()
    page.select_option("#id_project", label=w["P-T1-A"].name)
    page.select_option("#id_category", label="手续办理")
    page.fill("#id_title", TITLE)
    page.fill("#id_description", "规划许可已取得，施工许可迟迟未办。")
    page.fill("#id_request", "请协调住建部门尽快办理。")
    page.get_by_role("button", name="提报").click()
    expect(page.locator(".alert-success")).to_contain_text("u_t1")
    expect(page.locator("#problem-state")).to_contain_text("镇街道")

    _as(page, base, "territory_t1")
    page.goto(f"{base}/problems/")
    page.get_by_role("link", name=TITLE).click()
    page.fill("#escalate-form textarea", "涉及区级审批权限，需专班协调")
    page.locator("#escalate-form").get_by_role("button", name="提级").click()
    expect(page.locator("#problem-state")).to_contain_text("产业专班")
    expect(page.locator("#problem-owner")).to_have_text("u_d")

    _as(page, base, "office_d")
    page.goto(f"{base}/problems/")
    page.get_by_role("link", name=TITLE).click()
    page.select_option("#flag-form select", index=1)
    page.fill("#flag-form input[type=date]", (timezone.localdate() + dt.timedelta(days=10)).isoformat())
    page.locator("#flag-form").get_by_role("button", name="挂牌").click()
    expect(page.locator("#problem-state")).to_contain_text("挂牌督办")
    page.locator("nav").get_by_role("button", name="问题诉求").click()
    page.locator("nav").get_by_role("link", name="挂牌督办").click()
    expect(page.locator("#flagged-board")).to_contain_text(TITLE)

    _as(page, base, "taskforce_d1")
    page.goto(f"{base}/problems/")
    page.get_by_role("link", name=TITLE).click()
    page.fill("#resolve-form textarea", "专班协调区住建局，施工许可已核发")
    page.locator("#resolve-form").get_by_role("button", name="登记为已解决").click()
    expect(page.locator("#problem-state")).to_contain_text("已解决待确认")

    _as(page, base, "enterprise")
    page.goto(f"{base}/dispatch/inbox/")
    page.get_by_role("link", name=f"问题“{TITLE}”已解决，请确认").click()
    page.locator("#confirm-form").get_by_role("button", name="确认办结").click()
    expect(page.locator("#problem-state")).to_contain_text("已办结")
    problem = Problem.objects.get(title=TITLE)
    assert (problem.status, problem.level) == (ProblemStatus.CLOSED, ProblemLevel.TASK_FORCE)

    _as(page, base, "office_d")
    page.locator("nav").get_by_role("button", name="问题诉求").click()
    page.get_by_role("link", name="绿色通道周报").click()
    expect(page.locator("#digest-resolved")).to_contain_text(TITLE)
    expect(page.locator('[data-count="resolved"]')).to_have_text("1")
    expect(page.locator("#digest-new")).to_contain_text(TITLE)
