"""A commitment's journey in the browser: a task force drafts and submits it, the office approves and
publishes it, an anonymous visitor finds it on the public page, and the progress the task force
reports shows there too."""

import pytest
from playwright.sync_api import Browser, Page, expect

from tuijin.plans.models import Commitment

from ..world import PASSWORD, World
from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TITLE = "培育专精特新企业"


def _as(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    log_in(page, base, username, PASSWORD)


def test_it_takes_a_commitment_from_the_task_force_to_the_public(
    live_server, page: Page, browser: Browser, world: World
) -> None:
    base = live_server.url

    _as(page, base, "taskforce_d1")
    page.locator("nav").get_by_role("button", name="公开承诺").click()
    page.locator("nav").get_by_role("link", name="承诺清单").click()
    page.get_by_role("link", name="新增承诺").click()
    page.select_option("#id_owner", label="tf_d1")
    page.fill("#id_title", TITLE)
    page.fill("#id_target", "新培育省级专精特新企业8家以上")
    page.fill("#id_measures", "建立梯度培育库，一企一策精准帮扶。")
    page.fill("#id_responsible", "刘振华")
    page.get_by_role("button", name="保存草稿").click()
    expect(page.locator("#commitment-state")).to_have_text("草稿")
    expect(page.locator("#commitment-target")).to_contain_text("不低于 8 家")
    page.locator("#submit-form").get_by_role("button", name="报送").click()
    expect(page.locator("#commitment-state")).to_have_text("已报送")

    _as(page, base, "office_d")
    page.locator("nav").get_by_role("button", name="公开承诺").click()
    page.locator("nav").get_by_role("link", name="待审核承诺").click()
    page.locator("#queue").get_by_role("link", name=TITLE).click()
    page.locator("#approve-form").get_by_role("button", name="审核通过").click()
    expect(page.locator("#commitment-state")).to_have_text("已审核")
    page.locator("#publish-form").get_by_role("button", name="亮诺").click()
    expect(page.locator("#commitment-state")).to_have_text("已亮诺")

    public = browser.new_context(locale="zh-CN").new_page()
    public.goto(f"{base}/public/")
    public.get_by_role("link", name="prog_d").click()
    commitment = public.locator("#public-commitments li", has_text=TITLE)
    expect(commitment).to_be_visible()
    expect(commitment.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "0")

    _as(page, base, "taskforce_d1")
    page.goto(f"{base}{Commitment.objects.get(title=TITLE).get_absolute_url()}")
    page.fill("#progress-form input[name=progress]", "45")
    page.fill("#progress-form textarea", "已培育入库企业26家，4家通过省级认定。")
    page.locator("#progress-form").get_by_role("button", name="报告进展").click()
    expect(page.locator(".alert-success")).to_contain_text("进展已报告")

    public.reload()
    commitment = public.locator("#public-commitments li", has_text=TITLE)
    expect(commitment.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "45")
    expect(commitment).to_contain_text("4家通过省级认定")
    public.get_by_role("button", name="English").click()
    expect(public.locator("h2", has_text="Monthly notices")).to_be_visible()
    expect(public.locator("#public-commitments")).to_contain_text("45%")
    public.context.close()
