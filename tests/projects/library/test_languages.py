"""The library's pages speak Chinese by default and English when asked, with nothing left untranslated."""

import datetime as dt
import re
from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tuijin.projects import services
from tuijin.projects.models import MonthlyReport, OriginationTarget, ReportStatus, Stage

from ...core.test_i18n import ALLOWED_LATIN, visible_text
from ...world import World
from .conftest import client_for

# The fixture's own names (regions T1, C; task forces tf_d1; units u_d; codes P-T1-A; users) are data.
DATA = re.compile(r"(?<![A-Za-z0-9_])([a-z]+_[a-z0-9_]+|P-[A-Z0-9-]+|[A-Z]\d?|T\d|ent\d?)(?![A-Za-z0-9_])")
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def lived(project_world: World) -> World:
    """A project with a bit of everything on its page: a stage move, a list, a plan, a report, a target."""
    w = project_world
    project = w["P-T1-A"]
    services.project_move_stage(user=w["office_p"], project=project, to_stage=Stage.OPERATING, reason="done")
    services.list_add(user=w["office_p"], project=project, project_list=w["list_key"], year=2025)
    services.annual_plan_set(user=w["office_p"], project=project, year=2025, planned_investment=Decimal(100))
    MonthlyReport.objects.create(
        project=project, period=dt.date(2025, 1, 1), investment_month=Decimal(5), status=ReportStatus.SUBMITTED
    )
    OriginationTarget.objects.create(programme=w["prog_d"], year=2024, region=w["D"], target_count=2)
    return w


def pages(world: World) -> list[str]:
    project = world["P-T1-A"]
    origination = urlencode({"programme": world["prog_d"].pk, "year": 2024, "holder": "territory"})
    return [
        reverse("projects:project_list"),
        f"{reverse('projects:project_list')}?min_investment=9&max_investment=1",
        project.get_absolute_url(),
        reverse("projects:project_edit", args=[project.pk]),
        reverse("projects:project_create"),
        f"{reverse('projects:origination')}?{origination}",
        reverse("projects:origination_projects", args=[OriginationTarget.objects.get(region=world["D"]).pk]),
    ]


def test_it_shows_no_english_on_the_chinese_library_pages(lived: World) -> None:
    client = client_for(lived, "office_d")
    for url in pages(lived):
        response = client.get(url)
        assert response.status_code == 200, url
        text = DATA.sub(" ", visible_text(response.content.decode()))
        words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)} - {"done"}
        assert words <= ALLOWED_LATIN, f"{url}: {sorted(words - ALLOWED_LATIN)}"


def test_it_shows_no_chinese_labels_on_the_english_library_pages(lived: World) -> None:
    client = client_for(lived, "office_d", "en")
    for url in pages(lived):
        html = client.get(url).content.decode()
        # The language switch names each language in itself (简体中文); it is not a label to translate.
        text = visible_text(re.sub(r'<form[^>]*id="language-switch".*?</form>', "", html, flags=re.S))
        # The fixture's own Chinese names (项目P-T1-A, 区重点项目) are data, not labels.
        text = text.replace("项目P-T1-A", "").replace("项目P-T2-B", "").replace("区重点项目", "")
        # The model's help text glosses the two terms on purpose: "New start (新开工) or continuing (续建)".
        text = text.replace("(新开工)", "").replace("(续建)", "")
        assert not HAN.search(text), f"{url}: {sorted(set(HAN.findall(text)))}"


def test_it_shows_english_labels_on_the_english_pages(lived: World) -> None:
    client = client_for(lived, "office_d", "en")
    listing = visible_text(client.get(reverse("projects:project_list")).content.decode())
    for label in ["Code or name", "Total planned investment (10k CNY)", "Export to Excel", "Origination channel"]:
        assert label in listing
    page = visible_text(client.get(lived["P-T1-A"].get_absolute_url()).content.decode())
    for label in ["Timeline", "Lifecycle", "Lists and annual plans", "Monthly reports", "In operation"]:
        assert label in page
