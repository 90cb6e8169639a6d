"""The ranking page, its Excel, the lists behind its figures and the dashboard, as the office sees them."""

import io
import re
from urllib.parse import urlencode

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from ...world import World


def client_for(world: World, user: str, language: str = "zh-hans") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(world[user])
    client.cookies["tuijin_language"] = language
    return client


def params(world: World, **extra: str) -> str:
    return urlencode({"programme": world["prog_p"].pk, "period": "2025-06", **extra})


def test_it_shows_both_rankings_with_the_rule_that_made_them(june: World) -> None:
    page = client_for(june, "office_p").get(f"{reverse('projects:ranking')}?{params(june)}").content.decode()
    assert 'data-sequence="region"' in page and 'data-sequence="task_force"' in page
    assert "开工率 = 已开工项目数" in page or "开工率" in page
    assert re.search(r'data-key="990100".*?data-rank="completion">1<', page, re.S)


def test_it_links_every_figure_to_the_projects_behind_it(june: World) -> None:
    client = client_for(june, "office_p")
    page = client.get(f"{reverse('projects:ranking')}?{params(june)}").content.decode()
    link = re.search(r'<tr data-key="990200">.*?href="([^"]+)" data-figure="started"', page, re.S)[1]
    listing = client.get(link.replace("&amp;", "&")).content.decode()
    assert re.findall(r'<tr data-code="([^"]+)"', listing) == ["B1"]


def test_it_refuses_a_month_that_is_not_a_month_in_the_readers_language(june: World) -> None:
    page = client_for(june, "office_p").get(f"{reverse('projects:ranking')}?{params(june, period='2025-6x')}")
    assert page.status_code == 200
    assert "请按“年-月”" in page.content.decode() or "2025-06" in page.content.decode()
    assert 'data-sequence="region"' not in page.content.decode()


def test_it_refuses_a_region_outside_what_the_user_ranks(june: World) -> None:
    page = client_for(june, "office_d").get(f"{reverse('projects:ranking')}?{params(june, parent='990200')}")
    assert 'data-sequence="region"' not in page.content.decode()
    assert "990200" in page.content.decode()


@pytest.mark.parametrize("user", ["taskforce_d1", "territory_t1", "enterprise", "outsider"])
def test_it_keeps_rankings_to_the_office_and_leaders(june: World, user: str) -> None:
    assert client_for(june, user).get(f"{reverse('projects:ranking')}?{params(june)}").status_code == 403


def test_it_shows_leaders_the_dashboard(june: World) -> None:
    page = client_for(june, "leader_d").get(f"{reverse('projects:dashboard')}?{params(june)}")
    assert page.status_code == 200
    assert 'id="stage-funnel"' in page.content.decode()


def test_it_exports_the_ranking_as_a_workbook_with_exact_rates(june: World) -> None:
    response = client_for(june, "office_p").get(f"{reverse('projects:ranking_export')}?{params(june)}")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = workbook[workbook.sheetnames[1]]
    city = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "990100")
    assert city[1:8] == ("C", 2, 1, 0.5, 1, 3500, 900)
    assert city[8] == pytest.approx(9 / 35)
    assert sheet.cell(3, 5).number_format == "0.0%"


def test_it_answers_htmx_with_the_results_only(june: World) -> None:
    page = client_for(june, "office_p").get(f"{reverse('projects:ranking')}?{params(june)}", HTTP_HX_REQUEST="true")
    html = page.content.decode()
    assert "<html" not in html and 'data-sequence="region"' in html


def test_it_shows_the_dashboards_headline_figures(june: World) -> None:
    page = client_for(june, "office_p").get(f"{reverse('projects:dashboard')}?{params(june)}").content.decode()
    assert re.search(r'data-figure="start_rate">60.0%<', page)
    assert re.search(r'data-figure="completion_rate">23.7%<', page)
