"""The role matrix for policy tasks, written out by hand: which tasks, reports and imports each role
of tests/world.py (plus the three department users of the plans world) sees and may change. Units
act on reports through tuijin.plans.rules (tested in test_reports), not through a change scope."""

import datetime as dt

import pytest

from tuijin.core import access
from tuijin.plans import services
from tuijin.plans.models import Document, ImportDraft, Task, TaskReport

from ..world import World
from .conftest import upload

pytestmark = pytest.mark.django_db
ALL = {"二.一", "二.二", "二.三"}
NONE: set[str] = set()
# role: (tasks and reports seen, tasks and reports changed, imports seen and changed)
EXPECTED = {
    "office_p": (ALL, ALL, True),  # the province is above the district
    "office_d": (ALL, ALL, True),
    "leader_d": (ALL, NONE, False),
    "taskforce_d1": (NONE, NONE, False),  # the document belongs to no task force
    "unit_fin": ({"二.一", "二.二"}, NONE, False),  # leads 二.一, cooperates on 二.二
    "unit_dev": ({"二.一", "二.三"}, NONE, False),  # cooperates on 二.一, leads 二.三 (for 区物流办)
    "unit_ind": ({"二.二"}, NONE, False),
    "unit_d": (NONE, NONE, False),
    "territory_t1": (NONE, NONE, False),
    "enterprise": (NONE, NONE, False),
    "auditor": (NONE, NONE, False),
    "outsider": (NONE, NONE, False),
}


@pytest.fixture
def reported(imported: Document, plans_world: World) -> World:
    for task in imported.tasks.all():
        services.task_report_submit(
            user=plans_world["office_d"], task=task, period=dt.date(2026, 5, 1), progress=10, done="推进"
        )
    upload(plans_world, name="under-review.txt")
    return plans_world


@pytest.mark.parametrize("role", EXPECTED)
def test_each_role_sees_and_changes_exactly_its_tasks(reported: World, role: str) -> None:
    user = reported[role]
    see, change, imports = EXPECTED[role]
    assert {t.path for t in access.visible(user, Task.objects.all())} == see
    assert {t.path for t in access.changeable(user, Task.objects.all())} == change
    assert {r.task.path for r in access.visible(user, TaskReport.objects.all())} == see
    assert {r.task.path for r in access.changeable(user, TaskReport.objects.all())} == change
    assert access.visible(user, ImportDraft.objects.all()).exists() is imports
    assert access.changeable(user, ImportDraft.objects.all()).exists() is imports
