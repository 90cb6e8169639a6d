"""Commitments placed in the world of tests/world.py: task force tf_d1 (industry), service line
tf_d2 and town T1 in district D's programme prog_d; each can be walked to any state through the
services, by the users who take each step."""

from decimal import Decimal
from typing import Any

from tuijin.plans.commitments import services
from tuijin.plans.models import Commitment

from ...world import World

YEAR = 2026
# The user who keeps each owner's commitments.
KEEPER = {"tf_d1": "taskforce_d1", "tf_d2": "unit_d", "T1": "territory_t1"}


def make_commitment(
    world: World,
    owner: str = "tf_d1",
    state: str = "draft",
    *,
    keeper: str = "",
    programme: str = "prog_d",
    **fields: Any,
) -> Commitment:
    """A commitment of `owner` brought to `state` by its keeper and the district office."""
    keeper, office = world[keeper or KEEPER[owner]], world["office_d"]
    where = {"task_force": world[owner]} if owner.startswith("tf") else {"region": world[owner]}
    content = {
        "title": "新增规上工业企业",
        "target": "新增规上工业企业10家以上",
        "measures": "建立培育库，一企一策帮扶。",
        "responsible": "张三",
        **fields,
    }
    c = services.commitment_create(user=keeper, programme=world[programme], year=YEAR, **where, **content)
    path = {
        "draft": [],
        "submitted": ["submit"],
        "returned": ["submit", "return"],
        "approved": ["submit", "approve"],
        "published": ["submit", "approve", "publish"],
        "evaluated": ["submit", "approve", "publish", "progress", "evaluate"],
    }[state]
    for service, by_office, extra in (STEPS[step] for step in path):
        c = service(user=office if by_office else keeper, commitment=c, expected_version=c.version, **extra)
    return c


# Each step: its service, whether the office takes it, and what it needs besides.
STEPS: dict[str, tuple[Any, bool, dict[str, Any]]] = {
    "submit": (services.commitment_submit, False, {}),
    "return": (services.commitment_return, True, {"comment": "目标偏低，请提高。"}),
    "approve": (services.commitment_approve, True, {}),
    "publish": (services.commitment_publish, True, {}),
    "progress": (services.commitment_progress_report, False, {"progress": 100, "narrative": "已新增12家。"}),
    "evaluate": (services.commitment_evaluate, True, {"score": Decimal("92.5"), "comment": "超额完成。"}),
}
