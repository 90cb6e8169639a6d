"""The commitment pages: each step through its form, scope by direct address (404 for what the
user may not see, 403 for a step it may not take), stale forms, the Excel export and English pages."""

import io
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tuijin.core.models import AuditEntry
from tuijin.plans.models import Commitment

from ...core.test_i18n import visible_text
from ...world import World
from .conftest import YEAR, make_commitment

pytestmark = pytest.mark.django_db
STALE = "他人已修改"


def client_for(world: World, username: str, language: str = "zh-hans") -> Client:
    client = Client()
    client.force_login(world[username])
    client.cookies["tuijin_language"] = language
    return client


def step(client: Client, c: Commitment, name: str, **data: object) -> object:
    return client.post(reverse("commitments:step", args=[c.pk, name]), {"expected_version": c.version, **data})


def test_it_drafts_a_commitment_from_the_form(world: World) -> None:
    client = client_for(world, "taskforce_d1")
    url = f"{reverse('commitments:create')}?programme={world['prog_d'].pk}"
    page = client.get(url).content.decode()
    assert f'value="tf-{world["tf_d1"].pk}"' in page and f'value="rg-{world["T1"].pk}"' not in page
    response = client.post(
        url,
        {
            "owner": f"tf-{world['tf_d1'].pk}",
            "year": YEAR,
            "title": "招引亿元以上项目",
            "target": "全年招引亿元以上项目不少于8个",
            "measures": "开展产业链招商",
            "responsible": "李四",
            "target_comparator": "",
        },
    )
    c = Commitment.objects.get()
    assert response.status_code == 302 and response["Location"] == c.get_absolute_url()
    assert (c.task_force, c.state, c.target_value, c.target_comparator) == (world["tf_d1"], "draft", 8, ">=")


def test_it_offers_a_town_only_its_own_town(world: World) -> None:
    client = client_for(world, "territory_t1")
    page = client.get(f"{reverse('commitments:create')}?programme={world['prog_d'].pk}").content.decode()
    assert f'value="rg-{world["T1"].pk}"' in page
    assert f'value="rg-{world["T2"].pk}"' not in page and 'value="tf-' not in page


def test_it_refuses_a_forged_owner_in_the_form(world: World) -> None:
    client = client_for(world, "territory_t1")
    response = client.post(
        f"{reverse('commitments:create')}?programme={world['prog_d'].pk}",
        {
            "owner": f"tf-{world['tf_d1'].pk}",
            "year": YEAR,
            "title": "x",
            "target": "x",
            "measures": "x",
            "responsible": "x",
        },
    )
    assert response.status_code == 400 and not Commitment.objects.exists()


def test_it_hides_a_task_force_commitment_from_a_town_by_direct_address(world: World) -> None:
    c = make_commitment(world, "tf_d1", state="published")
    client = client_for(world, "territory_t1")
    assert client.get(reverse("commitments:detail", args=[c.pk])).status_code == 404
    assert client.get(reverse("commitments:edit", args=[c.pk])).status_code == 404
    assert step(client, c, "progress", progress=50, narrative="x").status_code == 404
    assert (Commitment.objects.get(pk=c.pk).progress, Commitment.objects.get(pk=c.pk).events.count()) == (0, 4)
    assert AuditEntry.objects.filter(action="denied", username="territory_t1").exists()


def test_it_answers_403_to_a_step_the_user_sees_but_may_not_take(world: World) -> None:
    c = make_commitment(world, state="submitted")
    assert step(client_for(world, "taskforce_d1"), c, "approve").status_code == 403
    assert step(client_for(world, "leader_d"), c, "approve").status_code == 403
    assert client_for(world, "office_d").get(reverse("commitments:edit", args=[c.pk])).status_code == 403
    assert Commitment.objects.get(pk=c.pk).state == "submitted"


def test_it_takes_every_step_through_the_pages(world: World) -> None:
    owner, office = client_for(world, "taskforce_d1"), client_for(world, "office_d")
    c = make_commitment(world)
    for client, name, data in [
        (owner, "submit", {}),
        (office, "return", {"comment": "请细化措施"}),
        (owner, "submit", {}),
        (office, "approve", {"note": ""}),
        (office, "publish", {}),
        (owner, "progress", {"progress": 60, "narrative": "已新增6家"}),
        (office, "evaluate", {"score": "88", "comment": "完成较好"}),
    ]:
        assert step(client, c, name, **data).status_code == 302, name
        c.refresh_from_db()
    assert (c.state, c.progress, c.score) == ("evaluated", 60, 88)
    page = owner.get(c.get_absolute_url()).content.decode()
    assert "请细化措施" in page and "已新增6家" in page and "完成较好" in page


def test_it_refuses_a_stale_form_with_a_message_and_keeps_the_input(world: World) -> None:
    c = make_commitment(world, state="published")
    client = client_for(world, "taskforce_d1")
    stale = c.version
    assert step(client, c, "progress", progress=30, narrative="第一次").status_code == 302
    response = client.post(
        reverse("commitments:step", args=[c.pk, "progress"]),
        {"expected_version": stale, "progress": 40, "narrative": "第二次进展"},
    )
    page = response.content.decode()
    assert response.status_code == 400 and STALE in page
    assert "第二次进展" in page
    assert Commitment.objects.get(pk=c.pk).progress == 30


def test_it_refuses_a_step_in_the_wrong_state_with_a_message(world: World) -> None:
    c = make_commitment(world, state="approved")
    response = step(client_for(world, "office_d"), c, "return", comment="太晚了")
    assert response.status_code == 400 and "不能进行此项操作" in response.content.decode()


def test_it_lists_the_year_with_counts_per_state_and_filters(world: World) -> None:
    for state in ("draft", "submitted", "published", "published"):
        make_commitment(world, state=state)
    make_commitment(world, "T1", state="approved")
    client = client_for(world, "office_d")
    base = f"{reverse('commitments:list')}?programme={world['prog_d'].pk}&year={YEAR}"
    response = client.get(base)
    counts = {s: n for s, _label, n in response.context["counts"]}
    assert counts == {"draft": 1, "submitted": 1, "returned": 0, "approved": 1, "published": 2, "evaluated": 0}
    assert len(client.get(f"{base}&state=published").context["page"]) == 2
    assert len(client.get(f"{base}&owner_kind=territory").context["page"]) == 1
    # The task force sees its own only.
    mine = client_for(world, "taskforce_d1").get(base).context["page"]
    assert {c.task_force_id for c in mine} == {world["tf_d1"].pk}


def test_it_finds_a_commitment_typed_in_traditional_script(world: World) -> None:
    make_commitment(world, title="培育專精特新企業")
    client = client_for(world, "office_d")
    url = f"{reverse('commitments:list')}?programme={world['prog_d'].pk}&year={YEAR}&q=专精特新"
    assert [c.title for c in client.get(url).context["page"]] == ["培育專精特新企業"]


def test_it_shows_the_office_its_approval_queue(world: World) -> None:
    waiting = make_commitment(world, state="submitted")
    make_commitment(world, state="draft")
    response = client_for(world, "office_d").get(reverse("commitments:queue"))
    assert list(response.context["commitments"]) == [waiting]
    assert client_for(world, "taskforce_d1").get(reverse("commitments:queue")).status_code == 403


def test_it_exports_the_year_in_the_usual_layout(world: World) -> None:
    make_commitment(world, state="evaluated")
    make_commitment(world, "T1", state="draft", title="=SUM(A1)")
    response = client_for(world, "office_d").get(
        f"{reverse('commitments:export')}?programme={world['prog_d'].pk}&year={YEAR}"
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[1]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:8] == ("序号", "单位", "承诺事项", "目标", "措施", "责任人", "进展", "评价")
    assert rows[2][:3] == (1, "tf_d1", "新增规上工业企业")
    assert rows[2][6].startswith("100%") and rows[2][7].startswith("92.5 优秀")
    assert rows[3][2] == "=SUM(A1)" and sheet.cell(4, 3).data_type == "s"


def test_it_shows_english_pages_without_chinese_labels(world: World) -> None:
    c = make_commitment(world, state="published")
    client = client_for(world, "office_d", "en")
    pages = [
        f"{reverse('commitments:list')}?programme={world['prog_d'].pk}&year={YEAR}",
        c.get_absolute_url(),
        reverse("commitments:queue"),
    ]
    # Data stays as entered, and the language switch names each language in itself.
    data = {c.title, c.target, c.measures, c.responsible, c.target_unit, "简体中文"}
    for url in pages:
        text = visible_text(client.get(url).content.decode())
        for value in sorted(data, key=len, reverse=True):
            text = text.replace(value, "")
        assert not re.findall(r"[\u4e00-\u9fff]+", text), url
    page = visible_text(client.get(c.get_absolute_url()).content.decode())
    assert "Report progress" not in page and "Year-end evaluation" in page and "Published" in page


def test_it_sends_the_owner_back_from_editing_a_published_commitment(world: World) -> None:
    c = make_commitment(world, state="published")
    response = client_for(world, "taskforce_d1").get(reverse("commitments:edit", args=[c.pk]), follow=True)
    assert "只有草稿或被退回的承诺可以修改" in response.content.decode()


@pytest.mark.parametrize("url_name", ["commitments:list", "commitments:export", "portal:programme"])
def test_it_reads_a_longer_list_with_the_same_number_of_queries(world: World, url_name: str) -> None:
    client = client_for(world, "office_d")
    args = [world["prog_d"].pk] if url_name.startswith("portal") else []
    url = f"{reverse(url_name, args=args)}?programme={world['prog_d'].pk}&year={YEAR}"

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for owner in ("tf_d1", "tf_d2", "T1"):
        make_commitment(world, owner, state="published")
    few = count()
    for owner in ("tf_d1", "tf_d2", "T1") * 3:
        make_commitment(world, owner, state="evaluated")
    assert count() == few


def test_it_refuses_a_stale_edit_and_keeps_what_was_typed(world: World) -> None:
    c = make_commitment(world)
    client = client_for(world, "taskforce_d1")
    url = reverse("commitments:edit", args=[c.pk])
    form = {"title": "甲", "target": "新增规上工业企业12家", "measures": "措施甲", "responsible": "张三"}
    assert client.post(url, {**form, "expected_version": c.version}).status_code == 302
    response = client.post(url, {**form, "measures": "措施乙", "expected_version": c.version})
    assert response.status_code == 400 and STALE in response.content.decode() and "措施乙" in response.content.decode()
    assert Commitment.objects.get(pk=c.pk).measures == "措施甲"


def test_it_keeps_the_search_when_a_state_count_is_clicked(world: World) -> None:
    make_commitment(world, title="培育專精特新企業", state="published")
    make_commitment(world, title="招引重点项目", state="published")
    client = client_for(world, "office_d")
    page = client.get(f"{reverse('commitments:list')}?q=专精特新").content.decode()
    link = re.search(r'href="\?([^"]*state=published[^"]*)"', page).group(1)
    listed = client.get(f"{reverse('commitments:list')}?{link.replace('&amp;', '&')}").context["page"]
    assert [c.title for c in listed] == ["培育專精特新企業"]
