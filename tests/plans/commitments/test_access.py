"""Who sees a commitment, who keeps it (drafts, submits, reports progress) and who reviews it
(returns, approves, publishes, evaluates), stated by hand per role of tests/world.py."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tuijin.accounts.models import Role
from tuijin.core import access
from tuijin.plans.commitments import rules
from tuijin.plans.models import Commitment

from ...world import World, make_user
from .conftest import make_commitment

pytestmark = pytest.mark.django_db

ALL = {"tf_d1", "tf_d2", "T1", "T2", "tf_x"}
DISTRICT = {"tf_d1", "tf_d2", "T1", "T2"}
# user: (sees, keeps, reviews)
EXPECTED = {
    "office_p": (ALL, set(), ALL),
    "office_d": (DISTRICT, set(), DISTRICT),
    "leader_d": (DISTRICT, set(), set()),
    "taskforce_d1": ({"tf_d1"}, {"tf_d1"}, set()),
    "unit_d": ({"tf_d1", "tf_d2"}, {"tf_d1", "tf_d2"}, set()),
    "territory_t1": ({"T1"}, {"T1"}, set()),
    "enterprise": (set(), set(), set()),
    "auditor": (set(), set(), set()),
    "outsider": (set(), set(), set()),
}


@pytest.fixture
def commitments(world: World) -> dict[str, Commitment]:
    world.users["territory_t2"] = make_user("territory_t2", Role.TERRITORY, region=world["T2"])
    world.users["taskforce_x"] = make_user("taskforce_x", Role.TASK_FORCE, task_force=world["tf_x"])
    made = {owner: make_commitment(world, owner) for owner in ("tf_d1", "tf_d2", "T1")}
    made["T2"] = make_commitment(world, "T2", keeper="territory_t2")
    # tf_x belongs to county D2's programme.
    made["tf_x"] = make_commitment(world, "tf_x", keeper="taskforce_x", programme="prog_d2")
    return made


@pytest.mark.parametrize("username", sorted(EXPECTED))
def test_it_gives_each_role_its_part(world: World, commitments: dict[str, Commitment], username: str) -> None:
    user = world[username]
    names = {c.pk: name for name, c in commitments.items()}
    sees = {names[pk] for pk in access.visible(user, Commitment.objects.all()).values_list("pk", flat=True)}
    keeps = {name for name, c in commitments.items() if rules.is_owner(user, c)}
    reviews = {name for name, c in commitments.items() if rules.is_office(user, c)}
    assert (sees, keeps, reviews) == EXPECTED[username]


def test_it_shows_the_anonymous_public_nothing_but_the_public_rule(commitments: dict[str, Commitment]) -> None:
    assert not access.visible(AnonymousUser(), Commitment.objects.all()).exists()
    assert not access.public(Commitment.objects.all()).exists()
