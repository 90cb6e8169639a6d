"""What leaves the system: the digest's Excel and Word files (opened with openpyxl and
python-docx), and the flagged problems' section of the monthly notice."""

import datetime as dt
import io

import docx
import openpyxl
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tuijin.core.periods import month_start
from tuijin.problems import services
from tuijin.problems.digest import digest_build, week_of
from tuijin.problems.notice import flagged_for_notice
from tuijin.projects.ranking.notices.services import notice_generate

from ..world import World
from .conftest import raise_problem


def test_it_exports_the_digest_to_excel_and_word(problem_world: World) -> None:
    w = problem_world
    problem = raise_problem(w)
    services.problem_resolve(user=w["territory_t1"], problem=problem, measures="已协调环保局批复")
    raise_problem(w, title="用地指标未落实")
    client = Client()
    client.force_login(w["office_d"])
    week = week_of(timezone.localdate()).isoformat()
    xlsx = client.get(reverse("problems:digest_xlsx", args=[w["prog_d"].pk, week]))
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    resolved = [row for row in workbook["已解决"].iter_rows(min_row=2, values_only=True)]
    assert [r[0] for r in resolved] == ["环评批复迟迟未下"]
    assert [r[1:] for r in workbook["按类别"].iter_rows(min_row=2, values_only=True)] == [(2, 1, 0, 0)]
    held = [r[1] for r in workbook["受影响项目"].iter_rows(min_row=2, values_only=True)]
    assert held == ["项目P-T1-A"]
    word = docx.Document(io.BytesIO(client.get(reverse("problems:digest_docx", args=[w["prog_d"].pk, week])).content))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "绿色通道问题周报" in text and "本周新增问题 2 个，解决 1 个" in text
    cells = {cell.text for table in word.tables for row in table.rows for cell in row.cells}
    assert {"环评批复迟迟未下", "用地指标未落实", "镇街道"} <= cells


def test_it_refuses_the_digest_to_those_who_may_not_read_it(problem_world: World) -> None:
    client = Client()
    client.force_login(problem_world["enterprise"])
    week = week_of(timezone.localdate()).isoformat()
    assert client.get(reverse("problems:digest_week", args=[problem_world["prog_d"].pk, week])).status_code == 404
    client.force_login(problem_world["territory_t1"])
    assert client.get(reverse("problems:digest_xlsx", args=[problem_world["prog_d"].pk, week])).status_code == 403


def test_it_groups_the_digest_by_level_and_region(problem_world: World) -> None:
    w = problem_world
    problem = raise_problem(w)
    services.problem_escalate(user=w["territory_t1"], problem=problem, reason="需专班")
    raise_problem(w, title="用地指标未落实")
    content = digest_build(programme=w["prog_d"], week_start=week_of(timezone.localdate()))
    assert content["by_level"] == [
        {"name": "town", "new": 1, "resolved": 0, "overdue": 0, "flagged": 0},
        {"name": "task_force", "new": 1, "resolved": 0, "overdue": 0, "flagged": 0},
    ]
    assert content["by_region"] == [{"name": "T1", "new": 2, "resolved": 0, "overdue": 0, "flagged": 0}]


def test_it_puts_flagged_problems_in_the_monthly_notice_until_resolved(problem_world: World) -> None:
    w = problem_world
    problem = raise_problem(w)
    services.problem_flag(
        user=w["office_d"],
        problem=problem,
        leader=w["leader_person"],
        due_on=timezone.localdate() + dt.timedelta(days=5),
    )
    period = month_start(timezone.localdate())
    assert list(flagged_for_notice(programme=w["prog_d"], period=period)) == [problem]
    notice = notice_generate(user=w["office_d"], programme=w["prog_d"], period=period)
    word = docx.Document(notice.docx.open("rb"))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert "环评批复迟迟未下" in cells and "张副区长" in cells
    assert "挂牌督办问题 1 个" in "\n".join(p.text for p in word.paragraphs)
    workbook = openpyxl.load_workbook(notice.xlsx.open("rb"))
    flagged = workbook["挂牌督办问题"]
    assert "环评批复迟迟未下" in [c.value for row in flagged.iter_rows() for c in row]

    services.problem_resolve(user=w["territory_t1"], problem=problem, measures="已解决")
    assert not flagged_for_notice(programme=w["prog_d"], period=period).exists()
    regenerated = notice_generate(user=w["office_d"], programme=w["prog_d"], period=period)
    assert "环评批复迟迟未下" not in [
        c.text for t in docx.Document(regenerated.docx.open("rb")).tables for r in t.rows for c in r.cells
    ]
    # The month before it was flagged never lists it.
    assert not flagged_for_notice(programme=w["prog_d"], period=dt.date(2020, 1, 1)).exists()


def test_it_records_a_consultation_decision_on_the_problems_timeline(problem_world: World) -> None:
    w = problem_world
    problem = raise_problem(w)
    consultation = services.consultation_record(
        user=w["office_d"],
        programme=w["prog_d"],
        held_on=timezone.localdate(),
        title="第12周专题会商",
        attendees="区重大办、区环保局",
    )
    client = Client()
    client.force_login(w["office_d"])
    response = client.post(
        reverse("problems:decision_add", args=[consultation.pk]),
        {
            "problem": problem.pk,
            "decision": "由区环保局限时办结",
            "measure": "5个工作日内完成环评批复",
            "owner_unit": w["u_d"].pk,
            "due_on": (timezone.localdate() + dt.timedelta(days=7)).isoformat(),
        },
    )
    assert response.status_code == 302
    assert problem.events.last().kind == "decided"
    assert problem.decisions.get().owner_unit == w["u_d"]
    assert (
        client.post(reverse("problems:decision_add", args=[consultation.pk]), {"problem": problem.pk}).status_code
        == 400
    )
