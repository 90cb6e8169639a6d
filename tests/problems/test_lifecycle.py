"""A problem's life: raised at the lowest level with an owner, escalated by hand and when overdue,
flagged, resolved, confirmed or reopened; each step on the timeline and told to the right people."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tuijin.core.services import StaleRecord
from tuijin.dispatch.models import Notification
from tuijin.problems import services
from tuijin.problems.jobs import escalate_overdue
from tuijin.problems.models import LevelLimit, ProblemEvent, ProblemEventKind, ProblemLevel, ProblemStatus

from ..world import World
from .conftest import raise_problem


def _told(username: str) -> list[str]:
    return list(Notification.objects.filter(recipient__username=username).values_list("subject", flat=True))


def test_it_raises_a_problem_at_the_town_with_the_towns_time_limit(problem_world: World) -> None:
    LevelLimit.objects.filter(programme=problem_world["prog_d"], level=ProblemLevel.TOWN).update(days=5)
    problem = raise_problem(problem_world)
    assert problem.level == ProblemLevel.TOWN
    assert problem.owner_unit == problem_world["u_t1"]
    assert problem.due_on == timezone.localdate() + dt.timedelta(days=5)
    assert problem.raised_by_unit is None or problem.raised_by_unit == problem_world["ent"]
    kinds = list(problem.events.values_list("kind", flat=True))
    assert kinds == [ProblemEventKind.RAISED, ProblemEventKind.ASSIGNED]
    assert any("环评批复迟迟未下" in s for s in _told("territory_t1"))


def test_it_refuses_an_enterprise_raising_on_another_enterprises_project(problem_world: World) -> None:
    with pytest.raises(PermissionDenied):
        raise_problem(problem_world, project="P-T2-B")


def test_it_escalates_an_overdue_town_problem_to_the_task_force_then_the_leading_group(problem_world: World) -> None:
    w = problem_world
    problem = raise_problem(w)
    today = timezone.localdate()
    first_due = problem.due_on

    assert escalate_overdue(today=first_due) == {"escalated": 0}  # due today is not yet overdue
    assert escalate_overdue(today=first_due + dt.timedelta(days=1)) == {"escalated": 1}
    problem.refresh_from_db()
    assert problem.level == ProblemLevel.TASK_FORCE and problem.owner_unit == w["u_d"]
    assert problem.due_on == today + dt.timedelta(days=15)
    for concerned in ("enterprise", "territory_t1", "taskforce_d1", "office_d"):
        assert any("专班" in s or "Task force" in s for s in _told(concerned)), concerned
    assert not _told("outsider")

    assert escalate_overdue(today=problem.due_on + dt.timedelta(days=1)) == {"escalated": 1}
    problem.refresh_from_db()
    assert problem.level == ProblemLevel.LEADING_GROUP and problem.owner_unit == w["lg_d"]
    assert any("领导小组" in s for s in _told("office_d"))
    assert any("领导小组" in s for s in _told("enterprise"))

    # The leading group is the top: an overdue problem there stays where it is.
    assert escalate_overdue(today=problem.due_on + dt.timedelta(days=30)) == {"escalated": 0}
    escalations = ProblemEvent.objects.filter(problem=problem, kind=ProblemEventKind.ESCALATED)
    assert [(e.from_level, e.to_level, e.user) for e in escalations] == [
        (ProblemLevel.TOWN, ProblemLevel.TASK_FORCE, None),
        (ProblemLevel.TASK_FORCE, ProblemLevel.LEADING_GROUP, None),
    ]


def test_it_escalates_nothing_twice_when_the_job_runs_again(problem_world: World) -> None:
    problem = raise_problem(problem_world)
    late = problem.due_on + dt.timedelta(days=1)
    escalate_overdue(today=late)
    before = Notification.objects.count()
    assert escalate_overdue(today=late) == {"escalated": 0}
    assert Notification.objects.count() == before


def test_it_lets_the_town_escalate_by_hand_with_a_reason(problem_world: World) -> None:
    w = problem_world
    problem = raise_problem(w)
    with pytest.raises(services.ProblemRefused):
        services.problem_escalate(user=w["territory_t1"], problem=problem, reason=" ")
    with pytest.raises(PermissionDenied):
        services.problem_escalate(user=w["enterprise"], problem=problem, reason="太慢")
    services.problem_escalate(user=w["territory_t1"], problem=problem, reason="涉及区级审批权限")
    problem.refresh_from_db()
    assert problem.level == ProblemLevel.TASK_FORCE
    assert problem.events.get(kind=ProblemEventKind.ESCALATED).text == "涉及区级审批权限"


def test_it_refuses_escalating_past_the_leading_group(problem_world: World) -> None:
    w = problem_world
    problem = raise_problem(w)
    services.problem_escalate(user=w["office_d"], problem=problem, reason="重大问题")
    services.problem_escalate(user=w["office_d"], problem=problem, reason="重大问题")
    with pytest.raises(PermissionDenied):
        services.problem_escalate(user=w["office_d"], problem=problem, reason="再上一级")


def test_it_refuses_a_stale_form(problem_world: World) -> None:
    w = problem_world
    problem = raise_problem(w)
    seen_version = problem.version
    services.problem_escalate(
        user=w["territory_t1"], problem=problem, reason="需专班协调", expected_version=seen_version
    )
    with pytest.raises(StaleRecord):
        services.problem_resolve(user=w["office_d"], problem=problem, measures="已批复", expected_version=seen_version)
    problem.refresh_from_db()
    assert problem.status == ProblemStatus.OPEN


def test_it_closes_a_resolved_problem_the_enterprise_confirms(problem_world: World) -> None:
    w = problem_world
    problem = raise_problem(w)
    services.problem_escalate(user=w["territory_t1"], problem=problem, reason="需专班协调")
    with pytest.raises(PermissionDenied):
        services.problem_resolve(user=w["enterprise"], problem=problem, measures="自己解决了")
    services.problem_resolve(user=w["taskforce_d1"], problem=problem, measures="专班协调区环保局完成批复")
    problem.refresh_from_db()
    assert problem.status == ProblemStatus.RESOLVED and problem.days_to_resolve is not None
    assert any("请确认" in s or "confirm" in s for s in _told("enterprise"))
    services.problem_confirm(user=w["enterprise"], problem=problem, note="已收到批复")
    problem.refresh_from_db()
    assert problem.status == ProblemStatus.CLOSED and problem.closed_at is not None


def test_it_sends_a_reopened_problem_back_to_its_owner_with_a_fresh_limit(problem_world: World) -> None:
    w = problem_world
    problem = raise_problem(w)
    services.problem_resolve(user=w["territory_t1"], problem=problem, measures="已协调")
    with pytest.raises(PermissionDenied):
        services.problem_reopen(user=w["taskforce_d1"], problem=problem, reason="不是提出方")
    services.problem_reopen(user=w["enterprise"], problem=problem, reason="批复仍未下达")
    problem.refresh_from_db()
    assert problem.status == ProblemStatus.OPEN and problem.resolved_at is None
    assert problem.events.last().kind == ProblemEventKind.REOPENED


def test_it_lets_only_the_office_flag_a_problem(problem_world: World) -> None:
    w = problem_world
    problem = raise_problem(w)
    due = timezone.localdate() + dt.timedelta(days=10)
    with pytest.raises(PermissionDenied):
        services.problem_flag(user=w["taskforce_d1"], problem=problem, leader=w["leader_person"], due_on=due)
    services.problem_flag(
        user=w["office_d"], problem=problem, leader=w["leader_person"], due_on=due, note="区重大办督办"
    )
    problem.refresh_from_db()
    assert problem.flagged and problem.flag_leader == w["leader_person"] and problem.flag_due_on == due
    assert problem.events.last().kind == ProblemEventKind.FLAGGED


def test_it_tells_people_of_a_reason_holding_a_percent_sign(problem_world: World) -> None:
    w = problem_world
    problem = raise_problem(w)
    services.problem_escalate(user=w["territory_t1"], problem=problem, reason="能耗指标缺口占需求的35%，需区级调剂")
    told = Notification.objects.filter(what__startswith="problem-event:").exclude(body="")
    assert told.exists() and all(n.body == "能耗指标缺口占需求的35%，需区级调剂" for n in told)
