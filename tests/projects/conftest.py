"""Projects placed in the world of tests/world.py so that each role's share is known:
in district D (town T1 and T2), in county D2, and in the province's own programme."""

import datetime as dt
from decimal import Decimal

import pytest

from tuijin.projects import services
from tuijin.projects.models import Project, ProjectList, Stage

from ..world import World


def make_project(
    world: World,
    code: str,
    *,
    region: str,
    programme: str = "prog_d",
    task_force: str | None = "tf_d1",
    owner: str | None = None,
    unit: str | None = None,
    total: str = "50000",
    stage: str = Stage.CONSTRUCTION,
    **fields: object,
) -> Project:
    return services.project_create(
        user=world["office_p"],
        programme=world[programme],
        code=code,
        name=f"项目{code}",
        region=world[region],
        task_force=world[task_force] if task_force else None,
        owner=world[owner] if owner else None,
        responsible_unit=world[unit] if unit else None,
        total_investment=Decimal(total),
        stage=stage,
        entered_on=dt.date(2024, 1, 1),
        **fields,
    )


@pytest.fixture
def project_world(world: World) -> World:
    """P-T1-A: town T1, task force tf_d1, owner ent, unit u_d; P-T2-B: town T2, tf_d2;
    P-D2-C: county D2 (outside the district); P-P-D: the province's programme, task force tf_p."""
    r = world.records
    r["P-T1-A"] = make_project(world, "P-T1-A", region="T1", owner="ent", unit="u_d")
    r["P-T2-B"] = make_project(world, "P-T2-B", region="T2", task_force="tf_d2")
    r["P-D2-C"] = make_project(world, "P-D2-C", region="D2", programme="prog_d2", task_force="tf_x", owner="ent2")
    r["P-P-D"] = make_project(world, "P-P-D", region="C", programme="prog_p", task_force="tf_p")
    r["list_key"] = ProjectList.objects.create(programme=world["prog_d"], name="区重点项目")
    return world
