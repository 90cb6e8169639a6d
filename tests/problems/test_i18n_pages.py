"""The problem and dispatch pages of the demo show no English in Chinese, and English in English."""

import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tuijin.accounts.models import User
from tuijin.demo.problems import raise_demo_problems
from tuijin.org.models import Programme, Region, TaskForce, Unit
from tuijin.problems.models import Consultation, Problem
from tuijin.projects.models import Stage
from tuijin.projects.services import project_create

from ..core.test_i18n import ALLOWED_LATIN, visible_text

ALLOWED = ALLOWED_LATIN | {"word"}  # the Word export button names the file type, like Excel


@pytest.fixture
def pages(db: None, demo_loaded: object) -> list[str]:
    programme = Programme.objects.get(name="青山区新旧动能转换工作推进方案")
    for code, region, owner in [("QS-1", "青山经济开发区", "临川重工机械有限公司"), ("QS-2", "柳青街道", None)]:
        project_create(
            user=User.objects.get(username="admin"),
            programme=programme,
            code=code,
            name=f"演示项目{code}",
            region=Region.objects.get(name=region),
            task_force=TaskForce.objects.get(programme=programme, name="机械制造专班"),
            owner=Unit.objects.get(name=owner) if owner else None,
            total_investment=Decimal("50000"),
            stage=Stage.CONSTRUCTION,
        )
    assert raise_demo_problems(programme=programme)
    flagged = Problem.objects.filter(flagged=True).first()
    return [
        reverse("problems:list"),
        flagged.get_absolute_url(),
        reverse("problems:flagged"),
        reverse("problems:consultation_list"),
        reverse("problems:consultation_create"),
        Consultation.objects.first().get_absolute_url(),
        reverse("dispatch:calendar") + f"?programme={flagged.project.programme_id}",
        reverse("dispatch:inbox"),
        reverse("dispatch:thematic_list"),
        reverse("dispatch:thematic_submit"),
        reverse("records:list", args=["problemcategory"]),
        reverse("records:list", args=["cadence"]),
        reverse("records:create", args=["cadence"]),
        reverse("records:create", args=["webhook"]),
    ]


def _client(language: str = "") -> Client:
    client = Client()
    client.force_login(User.objects.get(username="district_office"))
    if language:
        client.post(reverse("set_language"), {"language": language, "next": "/"})
    return client


def test_it_shows_no_english_on_the_chinese_pages(pages: list[str]) -> None:
    client = _client()
    digest = client.get(reverse("problems:digest"), follow=True)
    for url, html in [(u, client.get(u).content.decode()) for u in pages] + [("digest", digest.content.decode())]:
        words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", visible_text(html))}
        assert words <= ALLOWED, f"{url}: {sorted(words - ALLOWED)}"


def test_it_shows_the_problem_pages_in_english(pages: list[str]) -> None:
    client = _client("en")
    detail = visible_text(client.get(pages[1]).content.decode())
    assert "Timeline" in detail and "Task force" in detail and "Flagged for supervision" in detail
    calendar = visible_text(client.get(pages[6]).content.decode())
    assert "Monthly project reports" in calendar and "时间线" not in calendar
