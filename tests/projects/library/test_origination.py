"""Origination against targets (seed 004), checked against a fixture counted by hand.

Programme prog_p, year 2025; targets: city C 3, city C2 2, department u_p 2, department u_d 1.

    project  region  entered     total (10k CNY)  exited       originated by  counts
    O1       T1 (C)  2025-03-01  10,000           —            u_p            C, u_p (exactly 1亿 counts)
    O2       D2 (C)  2025-05-01   9,999.99        —            u_p            no: below 1亿
    O3       C       2024-12-31  20,000           —            u_p            no: entered in 2024
    O4       C2      2025-02-01  30,000           2025-06-01   u_p            no: exited the same year
    O5       C2      2025-07-01  15,000           2026-01-10   u_d            C2, u_d (exited the next year)
    O6       D (C)   2025-08-01  12,000           —            u_d            no: programme prog_d
    O7       C       2025-09-09  50,000           —            u_p            C, u_p

By hand: C achieved 2 of 3 (gap 1), C2 1 of 2 (gap 1; listed first: the smaller share), u_p 2 of 2
(gap 0), u_d 1 of 1 (gap 0)."""

import datetime as dt
import io
import re
from decimal import Decimal
from urllib.parse import urlencode

import openpyxl
import pytest
from django.urls import reverse

from tuijin.projects import services
from tuijin.projects.library import selectors
from tuijin.projects.models import OriginationTarget, Stage

from ...world import World
from .conftest import client_for

PROJECTS = [
    ("O1", "T1", "2025-03-01", "10000", None, "u_p", "prog_p"),
    ("O2", "D2", "2025-05-01", "9999.99", None, "u_p", "prog_p"),
    ("O3", "C", "2024-12-31", "20000", None, "u_p", "prog_p"),
    ("O4", "C2", "2025-02-01", "30000", "2025-06-01", "u_p", "prog_p"),
    ("O5", "C2", "2025-07-01", "15000", "2026-01-10", "u_d", "prog_p"),
    ("O6", "D", "2025-08-01", "12000", None, "u_d", "prog_d"),
    ("O7", "C", "2025-09-09", "50000", None, "u_p", "prog_p"),
]


@pytest.fixture
def targets(world: World) -> World:
    w = world
    for code, region, entered, total, exited, unit, programme in PROJECTS:
        project = services.project_create(
            user=w["office_p"],
            programme=w[programme],
            code=code,
            name=f"谋划{code}",
            region=w[region],
            total_investment=Decimal(total),
            originated_by=w[unit],
            entered_on=dt.date.fromisoformat(entered),
        )
        if exited:
            services.project_move_stage(
                user=w["office_p"], project=project, to_stage=Stage.EXITED, on=dt.date.fromisoformat(exited), reason="x"
            )
    for holder, count in [("C", 3), ("C2", 2)]:
        OriginationTarget.objects.create(programme=w["prog_p"], year=2025, region=w[holder], target_count=count)
    for holder, count in [("u_p", 2), ("u_d", 1)]:
        OriginationTarget.objects.create(programme=w["prog_p"], year=2025, unit=w[holder], target_count=count)
    return w


def figures(world: World, user: str, holder: str) -> list[tuple[str, int, int, int]]:
    rows = selectors.origination(user=world[user], programme=world["prog_p"], year=2025, holder=holder)
    return [(r.name, r.target_count, r.achieved, r.gap) for r in rows]


def test_it_counts_territories_against_the_hand_computed_figures(targets: World) -> None:
    assert figures(targets, "office_p", "territory") == [("C2", 2, 1, 1), ("C", 3, 2, 1)]


def test_it_counts_departments_against_the_hand_computed_figures(targets: World) -> None:
    assert sorted(figures(targets, "office_p", "department")) == [("u_d", 1, 1, 0), ("u_p", 2, 2, 0)]


def test_it_shows_only_targets_whose_projects_the_user_sees_in_full(targets: World) -> None:
    # The district's office sees only part of city C and nothing of the programme's departments.
    assert figures(targets, "office_d", "territory") == []
    assert figures(targets, "office_d", "department") == []


def page_url(world: World, holder: str = "territory", **extra: str) -> str:
    query = urlencode({"programme": world["prog_p"].pk, "year": 2025, "holder": holder, **extra})
    return f"{reverse('projects:origination')}?{query}"


def test_it_shows_the_table_sorted_by_gap_the_rule_and_the_chart(targets: World) -> None:
    page = client_for(targets, "office_p").get(page_url(targets)).content.decode()
    assert re.findall(r'<tr data-name="([^"]+)"', page) == ["C2", "C"]
    assert "10,000万元" in page and "当年年底前退出的不计" in page
    assert 'id="origination-data"' in page and 'id="origination-chart"' in page


def test_it_exports_the_figures_to_excel(targets: World) -> None:
    url = page_url(targets, "department").replace("origination/?", "origination/export/?")
    response = client_for(targets, "office_p").get(url)
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book["谋划完成情况"]
    rows = sorted(tuple(c.value for c in row[:4]) for row in sheet.iter_rows(min_row=3))
    assert rows == [("u_d", 1, 1, 0), ("u_p", 2, 2, 0)]
    assert "1亿元" in book["规则"]["A2"].value


@pytest.mark.parametrize("user", ["unit_d", "taskforce_d1", "enterprise", "auditor"])
def test_it_refuses_the_page_to_roles_without_a_region(targets: World, user: str) -> None:
    assert client_for(targets, user).get(page_url(targets)).status_code == 403


def test_it_explains_a_bad_year_in_the_users_language(targets: World) -> None:
    page = client_for(targets, "office_p").get(page_url(targets, year="abc")).content.decode()
    assert "alert-danger" in page and "年度" in page


def test_it_links_each_achieved_figure_to_the_projects_behind_it(targets: World) -> None:
    client = client_for(targets, "office_p")
    page = client.get(page_url(targets)).content.decode()
    link = re.search(r'<tr data-name="C">.*?href="([^"]+)" data-achieved="2"', page, re.S)[1]
    listing = client.get(link).content.decode()
    assert sorted(re.findall(r'<tr data-code="([^"]+)"', listing)) == ["O1", "O7"]
    department = OriginationTarget.objects.get(unit=targets["u_d"])
    listing = client.get(reverse("projects:origination_projects", args=[department.pk])).content.decode()
    assert re.findall(r'<tr data-code="([^"]+)"', listing) == ["O5"]


def test_it_answers_404_for_a_target_the_user_cannot_count_in_full(targets: World) -> None:
    city = OriginationTarget.objects.get(region=targets["C"])
    assert (
        client_for(targets, "office_d").get(reverse("projects:origination_projects", args=[city.pk])).status_code == 404
    )
