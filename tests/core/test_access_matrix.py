"""The role matrix: for each role, exactly the right rows are visible and changeable, and a direct
URL to anything else answers 404 (cannot see) or 403 (sees, may not change).

The expectations are written out by hand from the role table of the architecture, not derived
from the access module's own rules."""

import pytest
from django.test import Client
from django.urls import reverse

from tuijin.core import access
from tuijin.core.records import REGISTRY

from ..world import World

ALL = {
    "region": {"P", "C", "C2", "D", "D2", "T1", "T2"},
    "unit": {"u_p", "u_d", "u_d2", "u_t1", "ent", "ent2"},
    "person": {"p_p", "p_d", "p_d2", "p_t1", "p_ent"},
    "industry": {"ind_p", "ind_d"},
    "programme": {"prog_p", "prog_d", "prog_d2"},
    "taskforce": {"tf_p", "tf_d1", "tf_d2", "tf_x"},
    "thinktank": {"tt_d1", "tt_d2"},
    "expert": {"e_d1"},
    "alliance": {"al_d1"},
    "fund": {"f_p", "f_d1"},
    "policy": {"pol_d2"},
    "document": {"doc_d1"},
}
NOTHING = {key: set() for key in ALL}
# What the district (D) and everything above it holds: the lineage a district user sees.
LINEAGE_D = {
    "region": {"P", "C", "D", "T1", "T2"},
    "unit": {"u_p", "u_d", "u_t1", "ent", "ent2"},
    "person": {"p_p", "p_d", "p_t1", "p_ent"},
    "industry": {"ind_p", "ind_d"},
    "programme": {"prog_p", "prog_d"},
    "taskforce": {"tf_p", "tf_d1", "tf_d2"},
    "thinktank": {"tt_d1", "tt_d2"},
    "expert": {"e_d1"},
    "alliance": {"al_d1"},
    "fund": {"f_p", "f_d1"},
    "policy": {"pol_d2"},
    "document": {"doc_d1"},
}
SUBTREE_D = {
    "region": {"D", "T1", "T2"},
    "unit": {"u_d", "u_t1", "ent", "ent2"},
    "person": {"p_d", "p_t1", "p_ent"},
    "industry": {"ind_d"},
    "programme": {"prog_d"},
    "taskforce": {"tf_d1", "tf_d2"},
    "thinktank": {"tt_d1", "tt_d2"},
    "expert": {"e_d1"},
    "alliance": {"al_d1"},
    "fund": {"f_d1"},
    "policy": {"pol_d2"},
    "document": {"doc_d1"},
}
LINEAGE_T1 = {**LINEAGE_D, "region": {"P", "C", "D", "T1"}, "unit": {"u_p", "u_d", "u_t1", "ent"}}

EXPECTED = {
    "office_p": (ALL, ALL),
    "office_d": (LINEAGE_D, SUBTREE_D),
    "leader_d": (LINEAGE_D, NOTHING),
    "taskforce_d1": (
        LINEAGE_D,
        {
            **NOTHING,
            "thinktank": {"tt_d1"},
            "expert": {"e_d1"},
            "alliance": {"al_d1"},
            "fund": {"f_d1"},
            "document": {"doc_d1"},
        },
    ),
    "unit_d": (LINEAGE_D, {**NOTHING, "person": {"p_d"}}),
    "territory_t1": (LINEAGE_T1, NOTHING),
    "enterprise": ({**NOTHING, "unit": {"ent"}, "person": {"p_ent"}}, NOTHING),
    "auditor": (NOTHING, NOTHING),
    "outsider": (NOTHING, NOTHING),
}


def _names(qs) -> set[str]:
    return {getattr(obj, "name", None) or obj.title for obj in qs}


@pytest.mark.parametrize("role", EXPECTED)
def test_it_shows_and_lets_change_exactly_the_right_rows(world: World, role: str) -> None:
    user = world[role]
    see, change = EXPECTED[role]
    for key in ALL:
        model = REGISTRY[key].model
        assert _names(access.visible(user, model.objects.all())) == see[key], f"{role} sees {key}"
        assert _names(access.changeable(user, model.objects.all())) == change[key], f"{role} changes {key}"


@pytest.mark.parametrize("role", EXPECTED)
def test_it_answers_404_for_unseen_and_403_for_unchangeable_records(world: World, role: str) -> None:
    client = Client()
    client.force_login(world[role])
    see, change = EXPECTED[role]
    for key, names in ALL.items():
        for name in names:
            pk = world[name].pk
            detail = client.get(reverse("records:detail", args=[key, pk]))
            edit = client.get(reverse("records:edit", args=[key, pk]))
            assert detail.status_code == (200 if name in see[key] else 404), f"{role} detail {key} {name}"
            expected_edit = 200 if name in change[key] else 403 if name in see[key] else 404
            assert edit.status_code == expected_edit, f"{role} edit {key} {name}"


@pytest.mark.parametrize("role", EXPECTED)
def test_it_lists_only_visible_units(world: World, role: str) -> None:
    client = Client()
    client.force_login(world[role])
    page = client.get(reverse("records:list", args=["unit"])).content.decode()
    see, _change = EXPECTED[role]
    for name in ALL["unit"]:
        assert (f">{name}</a>" in page) == (name in see["unit"]), f"{role} list shows {name}"


def test_it_refuses_a_post_that_moves_a_record_out_of_scope(world: World) -> None:
    client = Client()
    client.force_login(world["office_d"])
    unit = world["u_d"]
    response = client.post(
        reverse("records:edit", args=["unit", unit.pk]),
        {"name": "u_d", "kind": "department", "region": world["D2"].pk, "expected_version": unit.version},
    )
    # D2 is outside the office's district: the form does not even offer it.
    assert response.status_code == 200
    unit.refresh_from_db()
    assert unit.region == world["D"]


def test_it_records_a_denial_in_the_audit_log(world: World) -> None:
    from tuijin.core.models import AuditEntry

    client = Client()
    client.force_login(world["leader_d"])
    client.get(reverse("records:edit", args=["unit", world["u_d"].pk]))
    assert AuditEntry.objects.filter(action="denied", username="leader_d").exists()


def test_it_undoes_a_save_that_lands_outside_the_users_scope(world: World) -> None:
    from tuijin.org.models import ThinkTank

    client = Client()
    client.force_login(world["taskforce_d1"])
    # tf_d2 is visible to the task force (same programme) but is not its own.
    response = client.post(
        reverse("records:create", args=["thinktank"]), {"task_force": world["tf_d2"].pk, "name": "stray"}
    )
    assert response.status_code == 403
    assert not ThinkTank.objects.filter(name="stray").exists()
