"""The set-up checklist of the demo province shows exactly the gaps the demo put there."""

import pytest
from django.test import Client
from django.urls import reverse

from tuijin.accounts.models import User
from tuijin.org import selectors
from tuijin.org.models import Programme

# Written from the demo's description (tuijin/demo/org.py), item by item.
PROVINCE_GAPS = {
    ("智慧海洋专班", "think_tank"),
    ("智慧海洋专班", "plan"),
    ("新能源新材料专班", "alliance"),
    ("医养健康专班", "fund"),
    ("现代高效农业专班", "think_tank"),
    ("现代高效农业专班", "alliance"),
    ("文化创意专班", "plan"),
    ("精品旅游专班", "official"),
    ("精品旅游专班", "fund"),
    ("现代金融专班", "alliance"),
    ("重大基础设施专班", "policy_set"),
}


@pytest.fixture
def demo(db: None, demo_loaded: object) -> None:
    return None


def _gaps(programme: Programme, user: User) -> set[tuple[str, str]]:
    return {
        (row.task_force.name, cell.key)
        for block in selectors.setup_checklist(user=user, programme=programme)
        for row in block.rows
        for cell in row.cells
        if not cell.present
    }


def test_it_finds_the_demo_provinces_gaps(demo: None) -> None:
    programme = Programme.objects.get(name="东川省新旧动能转换重大工程")
    assert _gaps(programme, User.objects.get(username="office")) == PROVINCE_GAPS


def test_it_counts_ten_industry_task_forces_and_three_pillars(demo: None) -> None:
    programme = Programme.objects.get(name="东川省新旧动能转换重大工程")
    blocks = {
        b.kind: b for b in selectors.setup_checklist(user=User.objects.get(username="office"), programme=programme)
    }
    assert (len(blocks["industry"].rows), len(blocks["pillar"].rows)) == (10, 3)
    assert len(blocks["industry"].items) == 6 and len(blocks["pillar"].items) == 3
    assert blocks["industry"].totals() == [9, 10, 8, 8, 7, 8]


def test_it_lists_the_districts_ten_task_forces_and_eight_service_lines(demo: None) -> None:
    programme = Programme.objects.get(name="青山区新旧动能转换工作推进方案")
    blocks = {
        b.kind: b
        for b in selectors.setup_checklist(user=User.objects.get(username="district_office"), programme=programme)
    }
    assert (len(blocks["industry"].rows), len(blocks["service_line"].rows)) == (10, 8)


def test_it_renders_the_checklist_with_links_to_fill_each_gap(demo: None) -> None:
    client = Client()
    client.force_login(User.objects.get(username="office"))
    programme = Programme.objects.get(name="东川省新旧动能转换重大工程")
    page = client.get(reverse("org:checklist", args=[programme.pk])).content.decode()
    assert page.count('data-present="no"') == len(PROVINCE_GAPS)
    assert reverse("records:create", args=["thinktank"]) in page


def test_it_draws_the_org_chart_from_leading_group_to_units(demo: None) -> None:
    programme = Programme.objects.get(name="青山区新旧动能转换工作推进方案")
    chart = selectors.org_chart(user=User.objects.get(username="district_office"), programme=programme)
    assert chart["name"] == "区新旧动能转换重大工程建设领导小组"
    office = chart["children"][0]
    assert office["name"] == "区新旧动能转换重大工程建设领导小组办公室"
    task_forces = [tf for group in office["children"] for tf in group["children"]]
    assert len(task_forces) == 18
    machinery = next(tf for tf in task_forces if tf["name"] == "机械制造专班")
    assert machinery["children"][0]["name"] == "★ 区经信局"
    assert machinery["officials"] == "刘振华、钱金波"
