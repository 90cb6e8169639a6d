"""The plans pages of the demo: every page answers for the office and the unit, Chinese pages show
no English, and English pages show none of the Chinese of the plans catalogue (only data)."""

import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tuijin.accounts.models import User
from tuijin.org.models import TaskForce, Unit
from tuijin.plans import imports
from tuijin.plans.models import Document, DocumentKind, Task, TaskContribution, TaskReport

from ..core.test_i18n import ALLOWED_LATIN, visible_text

CATALOGUE = Path(__file__).resolve().parents[2] / "src/tuijin/plans/locale/zh_Hans/LC_MESSAGES/django.po"
ALLOWED = ALLOWED_LATIN | {"word", "docx", "txt"}  # file types are names, like Excel
DEMO_DOCUMENT = Path(__file__).resolve().parents[2] / "src/tuijin/demo/documents/qingshan_2026_tasks.txt"


@pytest.fixture
def pages(db: None, demo_loaded: object) -> list[str]:
    office = User.objects.get(username="district_office")
    document = Document.objects.get(doc_number="青发〔2026〕3号")
    fund = Task.objects.get(document=document, path="三.一")
    draft = imports.import_draft_create(
        user=office,
        programme=document.programme,
        task_force=None,
        kind=DocumentKind.WORK_PLAN,
        file_name="方案.txt",
        data=DEMO_DOCUMENT.read_bytes().replace("区经信局；".encode(), "区工信办；".encode()),
    )
    return [
        reverse("plans:documents"),
        document.get_absolute_url(),
        reverse("plans:tasks"),
        reverse("plans:behind"),
        fund.get_absolute_url(),
        reverse("plans:task_plan", args=[fund.pk]),
        reverse("plans:import"),
        draft.get_absolute_url(),
        reverse("plans:review_row", args=[draft.pk, "0"]) + "?edit=1",
    ]


def _client(username: str = "district_office", language: str = "") -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    if language:
        client.post(reverse("set_language"), {"language": language, "next": "/"})
    return client


def test_every_page_answers(pages: list[str]) -> None:
    client = _client()
    for url in pages:
        assert client.get(url).status_code == 200, url
    unit = _client("unit")
    for url in pages[:6]:
        assert unit.get(url).status_code == 200, url
    assert unit.get(pages[6]).status_code == 403 and unit.get(pages[7]).status_code == 404


def test_it_shows_no_english_on_the_chinese_pages(pages: list[str]) -> None:
    client = _client()
    for url in pages:
        words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", visible_text(client.get(url).content.decode()))}
        assert words <= ALLOWED, f"{url}: {sorted(words - ALLOWED)}"


def _catalogue_chinese() -> set[str]:
    """The plans catalogue's translations of three characters or more (shorter ones are also words
    of the documents)."""
    found = set()
    for match in re.finditer(r'^msgstr(?:\[0\])? "(.+)"$', CATALOGUE.read_text(encoding="utf-8"), re.M):
        for piece in re.split(r"%\([a-z_]+\)s|[，。：；、（）“”\s%]", match.group(1)):
            if len(piece) >= 3 and re.search(r"[\u4e00-\u9fff]", piece):
                found.add(piece)
    return found


def _data_text() -> str:
    parts = [d.text + d.title for d in Document.objects.all()]
    parts += [
        t.text + t.title + t.task_book + t.responsibility + t.timetable + t.standard + t.assessment
        for t in Task.objects.all()
    ]
    parts += [r.done + r.problems + r.next_steps for r in TaskReport.objects.all()]
    parts += [c.text for c in TaskContribution.objects.all()]
    parts += [u.name for u in Unit.objects.all()]
    parts += [tf.name for tf in TaskForce.objects.all()]  # 木业产业专班 holds the label 产业专班
    return "\n".join(parts)


def test_it_shows_the_plans_pages_in_english(pages: list[str]) -> None:
    client = _client(language="en")
    data = _data_text()
    chinese = {piece for piece in _catalogue_chinese() if piece not in data}
    assert "按章节查看任务" in chinese and "六步工作法" in chinese  # the check has teeth
    for url in pages:
        text = visible_text(client.get(url).content.decode())
        assert not [piece for piece in chinese if piece in text], url
    task_page = visible_text(client.get(pages[4]).content.decode())
    assert "Time-proportional progress" in task_page and "Six steps" in task_page and "Roadmap" in task_page
