"""The lifecycle is an explicit state machine: only allowed moves, each on the project's timeline."""

import datetime as dt

import pytest

from tuijin.core import access
from tuijin.projects import services
from tuijin.projects.models import EventKind, Stage

from ..world import World
from .conftest import make_project


def test_it_moves_a_project_forward_and_records_the_move(project_world: World) -> None:
    project = make_project(project_world, "P-NEW", region="T1", stage=Stage.PREPARING)
    services.project_move_stage(
        user=project_world["office_d"],
        project=project,
        to_stage=Stage.CONSTRUCTION,
        on=dt.date(2024, 3, 5),
        reason="开工",
    )
    project.refresh_from_db()
    assert (project.stage, project.actual_start) == (Stage.CONSTRUCTION, dt.date(2024, 3, 5))
    event = project.events.last()
    assert (event.kind, event.from_stage, event.to_stage, event.reason, event.user) == (
        EventKind.STAGE,
        Stage.PREPARING,
        Stage.CONSTRUCTION,
        "开工",
        project_world["office_d"],
    )


@pytest.mark.parametrize(
    "start,to",
    [(Stage.CONCEIVED, Stage.CONSTRUCTION), (Stage.CONSTRUCTION, Stage.PREPARING), (Stage.OPERATING, Stage.CONCEIVED)],
)
def test_it_refuses_a_move_the_lifecycle_does_not_allow(project_world: World, start: str, to: str) -> None:
    project = make_project(project_world, "P-X", region="T1", stage=start)
    with pytest.raises(services.StageMoveRefused):
        services.project_move_stage(user=project_world["office_d"], project=project, to_stage=to)
    project.refresh_from_db()
    assert project.stage == start


def test_it_exits_from_any_stage_with_a_reason_and_never_comes_back(project_world: World) -> None:
    project = project_world["P-T1-A"]
    with pytest.raises(services.StageMoveRefused):
        services.project_move_stage(user=project_world["office_d"], project=project, to_stage=Stage.EXITED)
    services.project_move_stage(
        user=project_world["office_d"], project=project, to_stage=Stage.EXITED, reason="企业撤资"
    )
    project.refresh_from_db()
    assert (project.stage, project.exit_reason) == (Stage.EXITED, "企业撤资")
    with pytest.raises(services.StageMoveRefused):
        services.project_move_stage(user=project_world["office_d"], project=project, to_stage=Stage.CONSTRUCTION)


def test_it_shows_entering_and_leaving_a_list_on_the_timeline(project_world: World) -> None:
    project, key_list = project_world["P-T1-A"], project_world["list_key"]
    membership = services.list_add(user=project_world["office_d"], project=project, project_list=key_list, year=2024)
    services.list_remove(user=project_world["office_d"], membership=membership, reason="调出")
    kinds = list(project.events.values_list("kind", flat=True))
    assert kinds == [EventKind.ENTERED, EventKind.LIST_ADDED, EventKind.LIST_REMOVED]


EXPECTED_PROJECTS = {
    "office_p": {"P-T1-A", "P-T2-B", "P-D2-C", "P-P-D"},
    "office_d": {"P-T1-A", "P-T2-B"},
    "leader_d": {"P-T1-A", "P-T2-B"},
    "taskforce_d1": {"P-T1-A"},
    "unit_d": {"P-T1-A"},
    "territory_t1": {"P-T1-A"},
    "enterprise": {"P-T1-A"},
    "auditor": set(),
    "outsider": set(),
}


@pytest.mark.parametrize("role", EXPECTED_PROJECTS)
def test_it_shows_each_role_its_projects(project_world: World, role: str) -> None:
    from tuijin.projects.models import Project

    codes = {p.code for p in access.visible(project_world[role], Project.objects.all())}
    assert codes == EXPECTED_PROJECTS[role]
