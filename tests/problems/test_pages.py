"""The problem pages through the web: scoped lists, actions refused with 403 or a clear message,
stale forms refused, attachments checked, and the project page's panel."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from tuijin.problems.models import Problem, ProblemLevel, ProblemStatus

from ..world import World
from .conftest import raise_problem


def _client(world: World, name: str) -> Client:
    client = Client()
    client.force_login(world[name])
    return client


def test_it_lets_the_enterprise_raise_a_problem_with_an_attachment(problem_world: World) -> None:
    w = problem_world
    client = _client(w, "enterprise")
    form = client.get(reverse("problems:raise") + f"?project={w['P-T1-A'].pk}").content.decode()
    assert "项目P-T2-B" not in form  # not its project
    response = client.post(
        reverse("problems:raise"),
        {
            "project": w["P-T1-A"].pk,
            "category": w["permits"].pk,
            "title": "施工许可证办理受阻",
            "description": "规划许可已取得，施工许可迟迟未办。",
            "request": "请协调住建部门。",
            "attachments": [SimpleUploadedFile("申请表.pdf", b"%PDF-1.4 test", content_type="application/pdf")],
        },
    )
    problem = Problem.objects.get(title="施工许可证办理受阻")
    assert response.status_code == 302 and response["Location"] == problem.get_absolute_url()
    assert problem.attachments.get().name == "申请表.pdf"
    download = client.get(reverse("problems:attachment", args=[problem.pk, problem.attachments.get().pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 test"


def test_it_refuses_an_attachment_of_the_wrong_kind_and_raises_nothing(problem_world: World) -> None:
    w = problem_world
    response = _client(w, "enterprise").post(
        reverse("problems:raise"),
        {
            "project": w["P-T1-A"].pk,
            "category": w["permits"].pk,
            "title": "x",
            "description": "x",
            "request": "x",
            "attachments": [SimpleUploadedFile("run.exe", b"MZ", content_type="application/octet-stream")],
        },
    )
    assert response.status_code == 200
    assert "不能作为附件" in response.content.decode()
    assert not Problem.objects.exists()


@pytest.mark.parametrize(
    ("user", "sees"),
    [
        ("office_d", True),
        ("leader_d", True),
        ("territory_t1", True),
        ("taskforce_d1", True),
        ("enterprise", True),
        ("unit_d", False),  # it owns the problem only once the task force level is reached
        ("auditor", False),
        ("outsider", False),
    ],
)
def test_it_shows_a_problem_only_to_those_in_scope(problem_world: World, user: str, sees: bool) -> None:
    problem = raise_problem(problem_world)
    client = _client(problem_world, user)
    assert client.get(problem.get_absolute_url()).status_code == (200 if sees else 404)
    assert ("环评批复迟迟未下" in client.get(reverse("problems:list")).content.decode()) == sees


def test_it_lets_the_unit_see_a_problem_once_it_owns_it(problem_world: World) -> None:
    w = problem_world
    problem = raise_problem(w)
    _client(w, "territory_t1").post(
        reverse("problems:escalate", args=[problem.pk]), {"reason": "需专班", "expected_version": problem.version}
    )
    assert _client(w, "unit_d").get(problem.get_absolute_url()).status_code == 200


def test_it_answers_403_to_an_action_the_user_may_not_take(problem_world: World) -> None:
    w = problem_world
    problem = raise_problem(w)
    response = _client(w, "enterprise").post(
        reverse("problems:escalate", args=[problem.pk]), {"reason": "快点", "expected_version": problem.version}
    )
    assert response.status_code == 403
    problem.refresh_from_db()
    assert problem.level == ProblemLevel.TOWN


def test_it_refuses_a_stale_form_with_a_message(problem_world: World) -> None:
    w = problem_world
    problem = raise_problem(w)
    opened = problem.version
    office = _client(w, "office_d")
    office.post(reverse("problems:escalate", args=[problem.pk]), {"reason": "重大", "expected_version": opened})
    response = office.post(
        reverse("problems:resolve", args=[problem.pk]), {"measures": "已解决", "expected_version": opened}
    )
    assert response.status_code == 400
    assert "他人已修改" in response.content.decode()
    problem.refresh_from_db()
    assert problem.status == ProblemStatus.OPEN


def test_it_shows_the_flagged_problem_on_the_board(problem_world: World) -> None:
    w = problem_world
    problem = raise_problem(w)
    due = timezone.localdate() + dt.timedelta(days=7)
    office = _client(w, "office_d")
    response = office.post(
        reverse("problems:flag", args=[problem.pk]),
        {
            "leader": w["leader_person"].pk,
            "due_on": due.isoformat(),
            "note": "督办",
            "expected_version": problem.version,
        },
    )
    assert response.status_code == 302
    board = office.get(reverse("problems:flagged")).content.decode()
    assert "环评批复迟迟未下" in board and "张副区长" in board


def test_it_renders_the_project_panel_with_a_raise_link(problem_world: World) -> None:
    w = problem_world
    raise_problem(w)
    request = RequestFactory().get("/")
    request.user = w["enterprise"]
    html = Template('{% include "problems/_project_panel.html" with project=project %}').render(
        Context({"project": w["P-T1-A"], "request": request})
    )
    assert "环评批复迟迟未下" in html
    assert f"{reverse('problems:raise')}?project={w['P-T1-A'].pk}" in html
