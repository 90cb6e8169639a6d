"""Forms that name a person offer only the people in the user's reach: a county office choosing its
unit's contact sees the county's people, not the province's."""

import pytest

from tuijin.core.records import REGISTRY

from ..world import World, make_user

pytestmark = pytest.mark.django_db


def _offered(w: World, username: str) -> set[str]:
    form = REGISTRY["unitcontact"].form_class(user=w[username])
    return set(form.fields["user"].queryset.values_list("username", flat=True))


def test_a_county_office_is_offered_the_people_of_its_county_only(world: World) -> None:
    w = world
    # Placed by their unit alone, without any grant: in the county, and outside it.
    for username, unit in [("clerk_d2", "u_d2"), ("clerk_t1", "u_t1")]:
        clerk = make_user(username)
        clerk.unit = w[unit]
        clerk.save(update_fields=["unit"])
    assert _offered(w, "office_d") == {
        "office_d",
        "leader_d",
        "taskforce_d1",  # through its task force's programme, in D
        "unit_d",  # through its unit, in D
        "territory_t1",  # a town of D
        "enterprise",  # an enterprise in a town of D
        "clerk_t1",
    }


def test_the_province_office_is_offered_everyone_placed_in_the_province(world: World) -> None:
    offered = _offered(world, "office_p")
    assert {"office_p", "office_d", "territory_t1", "enterprise"} <= offered
    assert not offered & {"auditor", "outsider"}  # placed nowhere


def test_a_user_with_no_place_is_offered_only_themself(world: World) -> None:
    assert _offered(world, "auditor") == {"auditor"}
