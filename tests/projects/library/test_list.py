"""The project list: each role sees its own projects, the filters narrow them, the totals and the
Excel export hold the whole filtered set."""

import datetime as dt
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from tuijin.projects import services
from tuijin.projects.models import Origin, Stage

from ...world import World
from ..conftest import make_project
from .conftest import client_for

LIST = reverse("projects:project_list")


def codes(page: str) -> list[str]:
    return re.findall(r'<tr data-code="([^"]+)"', page)


def listed(world: World, user: str, query: str = "") -> list[str]:
    response = client_for(world, user).get(f"{LIST}?{query}")
    assert response.status_code == 200
    return sorted(codes(response.content.decode()))


@pytest.mark.parametrize(
    "user,expected",
    [
        ("office_p", ["P-D2-C", "P-P-D", "P-T1-A", "P-T2-B"]),
        ("office_d", ["P-T1-A", "P-T2-B"]),
        ("leader_d", ["P-T1-A", "P-T2-B"]),
        ("taskforce_d1", ["P-T1-A"]),
        ("unit_d", ["P-T1-A"]),
        ("territory_t1", ["P-T1-A"]),
        ("enterprise", ["P-T1-A"]),
    ],
)
def test_it_lists_only_the_projects_each_role_sees(project_world: World, user: str, expected: list[str]) -> None:
    assert listed(project_world, user) == expected


def test_it_refuses_the_list_to_users_without_projects(project_world: World) -> None:
    for user in ("auditor", "outsider"):
        assert client_for(project_world, user).get(LIST).status_code == 403


def test_it_answers_404_for_another_units_project(project_world: World) -> None:
    client = client_for(project_world, "unit_d")
    assert client.get(project_world["P-T1-A"].get_absolute_url()).status_code == 200
    assert client.get(project_world["P-T2-B"].get_absolute_url()).status_code == 404
    assert client_for(project_world, "enterprise").get(project_world["P-D2-C"].get_absolute_url()).status_code == 404


def test_it_filters_by_region_subtree_task_force_and_stage(project_world: World) -> None:
    w = project_world
    assert listed(w, "office_p", "region=990102") == ["P-T1-A", "P-T2-B"]
    assert listed(w, "office_p", "region=990102001") == ["P-T1-A"]
    assert listed(w, "office_p", "region=990100") == ["P-D2-C", "P-P-D", "P-T1-A", "P-T2-B"]
    assert listed(w, "office_p", f"task_force={w['tf_d2'].pk}") == ["P-T2-B"]
    services.project_move_stage(user=w["office_p"], project=w["P-T2-B"], to_stage=Stage.OPERATING)
    assert listed(w, "office_p", "stage=operating") == ["P-T2-B"]
    assert listed(w, "office_p", f"stage=construction&programme={w['prog_d'].pk}") == ["P-T1-A"]


def test_it_refuses_a_region_outside_the_users_scope_and_says_so(project_world: World) -> None:
    page = client_for(project_world, "unit_d").get(f"{LIST}?region=990200").content.decode()
    assert "alert-danger" in page
    assert codes(page) == ["P-T1-A"]


def test_it_filters_by_list_and_year_and_leaves_removed_members_out(project_world: World) -> None:
    w = project_world
    services.list_add(user=w["office_p"], project=w["P-T1-A"], project_list=w["list_key"], year=2025)
    membership = services.list_add(user=w["office_p"], project=w["P-T2-B"], project_list=w["list_key"], year=2025)
    services.list_add(user=w["office_p"], project=w["P-T2-B"], project_list=w["list_key"], year=2024)
    assert listed(w, "office_p", f"project_list={w['list_key'].pk}&year=2025") == ["P-T1-A", "P-T2-B"]
    services.list_remove(user=w["office_p"], membership=membership, reason="调出")
    assert listed(w, "office_p", f"project_list={w['list_key'].pk}&year=2025") == ["P-T1-A"]
    assert listed(w, "office_p", "year=2024") == ["P-T2-B"]


def test_it_filters_by_new_start_channel_and_investment_range(project_world: World) -> None:
    w = project_world
    make_project(w, "P-OLD", region="T1", total="9000", is_new_start=False, origin=Origin.UNIVERSITY)
    assert listed(w, "office_p", "new_start=continuing") == ["P-OLD"]
    assert "P-OLD" not in listed(w, "office_p", "new_start=new")
    assert listed(w, "office_p", "origin=university") == ["P-OLD"]
    assert listed(w, "office_p", "max_investment=9000") == ["P-OLD"]
    assert listed(w, "office_p", "min_investment=9000.01&max_investment=50000") == [
        "P-D2-C",
        "P-P-D",
        "P-T1-A",
        "P-T2-B",
    ]
    page = client_for(w, "office_p").get(f"{LIST}?min_investment=10&max_investment=5").content.decode()
    assert "下限高于上限" in page or "lower bound" in page


@pytest.mark.parametrize("typed", ["机械厂房", "機械廠房", "机械廠", "P-MECH", "p-mech"])
def test_it_finds_a_project_typed_in_either_script(project_world: World, typed: str) -> None:
    services.project_create(
        user=project_world["office_p"],
        programme=project_world["prog_d"],
        code="P-MECH",
        name="機械廠房擴建項目",
        region=project_world["T1"],
        total_investment=Decimal("100"),
        entered_on=dt.date(2025, 1, 1),
    )
    assert listed(project_world, "office_d", f"q={typed}") == ["P-MECH"]


def test_it_totals_the_whole_filtered_set_and_pages_by_fifty(project_world: World) -> None:
    w = project_world
    for number in range(53):
        make_project(w, f"P-BULK-{number:02d}", region="T2", total="100")
    response = client_for(w, "office_d").get(f"{LIST}?q=bulk&sort=code")
    page = response.content.decode()
    assert len(codes(page)) == 50
    assert codes(page)[0] == "P-BULK-00"
    totals = re.search(r'id="project-totals".*?</div>', page, re.S)[0]
    assert "<strong>53</strong>" in totals and "5,300.00" in totals
    second = client_for(w, "office_d").get(f"{LIST}?q=bulk&sort=code&page=2").content.decode()
    assert codes(second) == ["P-BULK-50", "P-BULK-51", "P-BULK-52"]


def test_it_sorts_by_a_column_both_ways(project_world: World) -> None:
    client = client_for(project_world, "office_p")
    ascending = codes(client.get(f"{LIST}?sort=code").content.decode())
    assert ascending == sorted(ascending)
    assert codes(client.get(f"{LIST}?sort=-code").content.decode()) == ascending[::-1]


def test_it_answers_an_htmx_filter_with_the_results_only(project_world: World) -> None:
    response = client_for(project_world, "office_p").get(f"{LIST}?region=990103", HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "<html" not in page and 'id="project-filters"' not in page
    assert codes(page) == ["P-D2-C"]


def test_it_exports_the_filtered_rows_to_excel(project_world: World) -> None:
    w = project_world
    for number in range(3):
        make_project(w, f"P-X-{number}", region="T2", total="200", is_new_start=False)
    response = client_for(w, "office_d").get(f"{reverse('projects:project_export')}?new_start=continuing&page=2")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["项目"]
    header = [c.value for c in sheet[2]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=3)]
    assert sorted(r["项目编码"] for r in rows) == ["P-X-0", "P-X-1", "P-X-2"]
    assert {r["新开工或续建"] for r in rows} == {"续建"}
    assert all(r["计划总投资（万元）"] == 200 for r in rows)
    assert "3" in sheet["A1"].value


def test_it_exports_only_what_the_user_sees(project_world: World) -> None:
    response = client_for(project_world, "unit_d").get(reverse("projects:project_export"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["项目"]
    assert [row[0].value for row in sheet.iter_rows(min_row=3)] == ["P-T1-A"]


@pytest.mark.parametrize("user", ["office_p", "territory_t1", "taskforce_d1", "unit_d", "enterprise", "leader_d"])
def test_it_puts_the_list_in_the_menu_of_every_role_that_sees_projects(project_world: World, user: str) -> None:
    page = client_for(project_world, user).get(reverse("core:home")).content.decode()
    assert f'href="{LIST}"' in page


def test_it_keeps_the_list_out_of_the_auditors_menu(project_world: World) -> None:
    page = client_for(project_world, "auditor").get(reverse("core:home")).content.decode()
    assert f'href="{LIST}"' not in page


def test_it_keeps_a_chosen_sort_for_the_next_filter_change(project_world: World) -> None:
    client = client_for(project_world, "office_p")
    swapped = client.get(f"{LIST}?sort=-code", HTTP_HX_REQUEST="true").content.decode()
    assert '<input type="hidden" name="sort" id="id_sort" value="-code" hx-swap-oob="true">' in swapped
    assert "hx-swap-oob" not in client.get(f"{LIST}?sort=-code").content.decode()
