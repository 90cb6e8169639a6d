"""Chinese is the default, English is complete: every catalogue entry is translated, and the
pages of the organisation show no English in Chinese and their English labels in English."""

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tuijin.accounts.models import User
from tuijin.org.models import Programme, TaskForce

SRC = Path(__file__).resolve().parents[2] / "src" / "tuijin"
CATALOGUES = sorted(SRC.glob("*/locale/zh_Hans/LC_MESSAGES/django.po"))
# Latin words that are names, not untranslated text.
ALLOWED_LATIN = {
    "excel",
    "xlsx",
    "english",
    "gb",
    "echarts",
    "office",
    "admin",
    "district",
    "territory",
    "enterprise",
    "taskforce",
    "unit",
}  # user names are data (the audit log shows the demo users who keep commitments)


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in {"script", "style"}:
            self._skip += 1
        for name, value in attrs:
            if name in {"title", "placeholder", "aria-label", "alt"} and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: p.parts[-5])
def test_it_has_every_message_translated(catalogue: Path) -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


@pytest.fixture
def demo_pages(db: None, demo_loaded: object) -> list[str]:
    province = Programme.objects.get(name="东川省新旧动能转换重大工程")
    task_force = TaskForce.objects.get(name="高端装备专班")
    pages = [
        reverse("core:home"),
        reverse("org:programme_list"),
        reverse("org:programme_detail", args=[province.pk]),
        reverse("org:checklist", args=[province.pk]),
        reverse("org:org_chart", args=[province.pk]),
        reverse("org:task_force_detail", args=[task_force.pk]),
        reverse("org:import"),
        reverse("accounts:profile"),
        reverse("accounts:password_change"),
        reverse("core:audit_log"),
        "/no/such/page/",
    ]
    for key in [
        "region",
        "unit",
        "person",
        "industry",
        "programme",
        "taskforce",
        "thinktank",
        "expert",
        "alliance",
        "fund",
        "policy",
        "document",
    ]:
        pages += [reverse("records:list", args=[key]), reverse("records:create", args=[key])]
    pages.append(reverse("records:detail", args=["thinktank", task_force.think_tanks.first().pk]))
    pages.append(reverse("records:edit", args=["unit", task_force.lead_unit_id]))
    return pages


def _get(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code in (200, 404), url
    return response.content.decode()


def test_it_shows_no_english_on_the_chinese_pages(demo_pages: list[str]) -> None:
    client = Client()
    client.force_login(User.objects.get(username="office"))
    for url in demo_pages:
        words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", visible_text(_get(client, url)))}
        assert words <= ALLOWED_LATIN, f"{url}: {sorted(words - ALLOWED_LATIN)}"


def test_it_shows_the_login_page_in_chinese_by_default(db: None) -> None:
    page = Client().get(reverse("accounts:login")).content.decode()
    assert 'lang="zh-hans"' in page and "登录" in page and "用户名" in page


def test_it_shows_english_labels_on_the_english_pages(demo_pages: list[str]) -> None:
    client = Client()
    client.force_login(User.objects.get(username="office"))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    checklist = visible_text(_get(client, demo_pages[3]))
    for label in [
        "Set-up checklist",
        "Lead official",
        "Think tank",
        "Alliance",
        "Fund",
        "Sector plan",
        "Total in place",
        "missing",
    ]:
        assert label in checklist
    for chinese_label in ["推进体系清单", "牵头领导", "已落实合计", "缺"]:
        assert chinese_label not in checklist


def test_it_keeps_the_chosen_language_for_the_user(db: None, demo_loaded: object) -> None:
    user = User.objects.get(username="office")
    client = Client()
    client.force_login(user)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.cookies["tuijin_language"].value == "en"
    user.refresh_from_db()
    assert user.language == "en"
