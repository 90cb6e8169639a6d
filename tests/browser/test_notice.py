"""The office closes the month: it reads the ranking, generates the draft notice, publishes it, and
the Word file it downloads opens with python-docx and holds the ranking table."""

import docx
import pytest
from playwright.sync_api import Page, expect

from tuijin.projects.models import Notice, NoticeStatus

from ..projects.ranking.conftest import june, media  # noqa: F401  (the month ranked by hand)
from ..world import PASSWORD, World
from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_walks_the_office_from_the_ranking_to_the_published_notice(live_server, page: Page, june: World) -> None:  # noqa: F811
    log_in(page, live_server.url, "office_p", PASSWORD)
    query = f"programme={june['prog_p'].pk}&period=2025-06"

    page.goto(f"{live_server.url}/projects/rankings/?{query}")
    expect(page.locator('table[data-sequence="region"] tr[data-key="990100"] [data-rank="completion"]')).to_have_text(
        "1"
    )
    expect(page.locator(".tj-rule")).to_contain_text("排名规则")
    expect(page.locator("#chart-1 canvas")).to_be_visible()

    page.goto(f"{live_server.url}/projects/notices/?{query}")
    page.get_by_role("button", name="生成通报草稿").click()
    expect(page.locator("#notice-status")).to_have_attribute("data-status", "draft")
    expect(page.locator("#intact")).to_contain_text("文件一致")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="印发").click()
    expect(page.locator("#notice-status")).to_have_attribute("data-status", "published")
    expect(page.locator("#regenerate")).to_have_count(0)

    with page.expect_download() as download:
        page.locator("#download-docx").click()
    document = docx.Document(download.value.path())
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[0][:4] == ["名称", "计划开工", "已开工", "开工率"]
    assert [row[0] for row in rows[1:]] == ["C", "C2", "合计"]
    assert Notice.objects.get().status == NoticeStatus.PUBLISHED
