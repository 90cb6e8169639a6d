"""The demo's rankings and notices: the standard rule of each programme and year saved through the
ranking's services, the district's second version with boards and scores, the last months' notices
published with files that open, last month's a draft; the pages render for the office."""

import io

import docx
import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from tuijin.accounts.models import User
from tuijin.core.periods import add_months, format_period
from tuijin.demo.generator.projects import Calendar
from tuijin.org.models import Programme, Region
from tuijin.projects.models import Notice, NoticeStatus, RankingRule
from tuijin.projects.ranking import selectors
from tuijin.projects.ranking.notices.services import files_intact
from tuijin.projects.ranking.rules import RuleConfig

pytestmark = pytest.mark.django_db


def _programme(name: str) -> Programme:
    return Programme.objects.get(name__startswith=name)


def test_it_saves_the_standard_rule_for_each_programme_and_year(demo: Calendar) -> None:
    for programme in Programme.objects.all():
        for year in demo.years:
            first = RankingRule.objects.get(programme=programme, year=year, number=1)
            assert RuleConfig.from_json(first.config) == RuleConfig()
            assert first.history.exists()  # saved through the services, so the audit trail has it


def test_it_shows_the_district_offices_second_version_with_boards_and_scores(demo: Calendar) -> None:
    district = _programme("青山区")
    rule = selectors.rule_current(programme=district, year=demo.last_month.year)
    assert rule.number == 2
    config = RuleConfig.from_json(rule.config)
    assert config.boards is not None and config.scoring is not None
    assert [s.key for s in config.sequences] == ["town", "task_force", "unit"]
    assert rule.history.get().history_user == User.objects.get(username="district_office")
    assert selectors.rule_previous(rule=rule).number == 1


def test_the_provinces_ranking_for_the_month_before_last_has_every_city(demo: Calendar) -> None:
    province = _programme("东川省")
    period = add_months(demo.last_month, -1)
    ranking = selectors.ranking(
        user=User.objects.get(username="office"),
        programme=province,
        period=period,
        rule=selectors.rule_current(programme=province, year=period.year),
    )
    rows = ranking.table("region").rows
    assert {row.name for row in rows} == set(
        Region.objects.filter(parent=province.region).values_list("name", flat=True)
    )
    assert all(row.planned_starts > 0 and row.completion_rate > 0 for row in rows)


def test_the_districts_ranking_puts_towns_on_the_red_and_black_boards(demo: Calendar) -> None:
    district = _programme("青山区")
    ranking = selectors.ranking(
        user=None,
        programme=district,
        period=demo.last_month,
        rule=selectors.rule_current(programme=district, year=demo.last_month.year),
    )
    boards = {row.board for table in ranking.tables for row in table.rows}
    assert {"red", "black"} <= boards
    assert all(row.score is not None for row in ranking.table("town").rows)


def test_it_publishes_the_last_months_notices_and_drafts_last_months(demo: Calendar) -> None:
    for programme in Programme.objects.all():
        notices = {n.period: n for n in Notice.objects.filter(programme=programme)}
        published = [add_months(demo.last_month, -2), add_months(demo.last_month, -1)]
        assert set(notices) == {*published, demo.last_month}
        assert [notices[p].status for p in published] == [NoticeStatus.PUBLISHED] * 2
        assert notices[demo.last_month].status == NoticeStatus.DRAFT
        for notice in notices.values():
            assert files_intact(notice)


def test_the_notices_word_and_excel_files_open(demo: Calendar) -> None:
    for notice in Notice.objects.filter(status=NoticeStatus.PUBLISHED):
        with notice.docx.open("rb") as stream:
            document = docx.Document(io.BytesIO(stream.read()))
        text = "\n".join(p.text for p in document.paragraphs)
        assert notice.programme.region.name[:2] in text or "临川市" in text
        assert f"{notice.period.month}月" in text
        with notice.xlsx.open("rb") as stream:
            workbook = openpyxl.load_workbook(io.BytesIO(stream.read()))
        assert workbook.sheetnames


def _office_client(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def test_the_ranking_page_renders_the_cities_for_the_office(demo: Calendar) -> None:
    province = _programme("东川省")
    page = _office_client("office").get(
        reverse("projects:ranking"),
        {"programme": province.pk, "period": format_period(add_months(demo.last_month, -1))},
    )
    assert page.status_code == 200
    for city in ("临川市", "海州市", "云岭市", "北原市"):
        assert city in page.content.decode()


def test_the_dashboard_rules_and_notice_pages_render_with_the_demos_data(demo: Calendar) -> None:
    client = _office_client("district_office")
    district = _programme("青山区")
    dashboard = client.get(reverse("projects:dashboard"), {"programme": district.pk}).content.decode()
    assert "柳青街道" in dashboard
    rules = client.get(reverse("projects:ranking_rules"), {"programme": district.pk}).content.decode()
    assert "红榜" in rules and "镇街园区" in rules and "第2版" in rules
    notices = client.get(reverse("projects:notice_list")).content.decode()
    titles = Notice.objects.filter(programme=district).values_list("title", flat=True)
    assert len(titles) == 3
    assert all(title in notices for title in titles)
