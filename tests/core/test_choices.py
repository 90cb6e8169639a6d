"""A foreign key with more choices than a list can hold is picked by typing: the form renders a search
box instead of a dropdown, the matches come in either script and only from the user's reach, and the
chosen record is saved like any other choice."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tuijin.core import choices
from tuijin.core.records import REGISTRY
from tuijin.core.widgets import SearchSelect
from tuijin.dispatch.models import UnitContact
from tuijin.org.models import Person, Unit

from ..world import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def few(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(choices, "SEARCH_ABOVE", 2)  # the world's handful of units count as "many"


def _client(w: World, username: str) -> Client:
    client = Client()
    client.force_login(w[username])
    return client


def _found(w: World, username: str, path: str, text: str) -> str:
    return _client(w, username).get(reverse("core:choices", args=[path]), {"q": text}).content.decode()


def test_a_long_list_becomes_a_search_box_and_a_short_one_stays_a_dropdown(world: World, few: None) -> None:
    form = REGISTRY["unitcontact"].form_class(user=world["office_p"])
    assert isinstance(form.fields["unit"].widget, SearchSelect)
    assert not isinstance(form.fields["kind"].widget, SearchSelect)
    page = _client(world, "office_p").get(reverse("records:create", args=["unitcontact"])).content.decode()
    assert 'type="hidden" name="unit"' in page and "/choices/dispatch.UnitContact.unit/" in page
    assert 'name="unit" class' not in page  # no <select name="unit"> with every unit in it


def test_it_finds_a_unit_typed_in_either_script_within_the_users_reach(world: World, few: None) -> None:
    Unit.objects.create(name="区发展改革局", region=world["D"], kind="department")
    Unit.objects.create(name="邻县发展改革局", region=world["D2"], kind="department")
    path = "dispatch.UnitContact.unit"
    assert "区发展改革局" in _found(world, "office_d", path, "發展改革")  # traditional script typed
    assert "邻县发展改革局" not in _found(world, "office_d", path, "发展")  # D2 is outside county D
    assert "邻县发展改革局" in _found(world, "office_p", path, "发展")
    assert "data-choice" not in _found(world, "office_d", path, "")


def test_the_chosen_record_is_saved_and_shown_by_name_when_the_form_opens_again(world: World, few: None) -> None:
    client = _client(world, "office_d")
    client.post(
        reverse("records:create", args=["unitcontact"]),
        {"unit": world["u_d"].pk, "user": world["unit_d"].pk, "kind": "contact", "q": "u_d"},
    )
    contact = UnitContact.objects.get()
    assert (contact.unit, contact.user) == (world["u_d"], world["unit_d"])
    page = client.get(reverse("records:edit", args=["unitcontact", contact.pk])).content.decode()
    assert f'name="unit" value="{world["u_d"].pk}"' in page and 'value="u_d"' in page


def test_a_record_outside_the_reach_is_refused_even_when_its_key_is_posted(world: World, few: None) -> None:
    page = _client(world, "office_d").post(
        reverse("records:create", args=["unitcontact"]),
        {"unit": world["u_d2"].pk, "user": world["unit_d"].pk, "kind": "contact"},
    )
    assert page.status_code == 200 and not UnitContact.objects.exists()


def test_only_a_foreign_key_to_records_the_access_module_rules_on_can_be_searched(world: World) -> None:
    client = _client(world, "office_p")
    for path in ("dispatch.UnitContact.kind", "dispatch.Nothing.unit", "nonsense", "auth.Permission.content_type"):
        assert client.get(reverse("core:choices", args=[path]), {"q": "u"}).status_code == 404
    assert Client().get(reverse("core:choices", args=["dispatch.UnitContact.unit"])).status_code == 302


def test_namesakes_are_told_apart_by_where_they_are(world: World, few: None) -> None:
    for county in ("D", "D2"):
        Unit.objects.create(name="县财政局", region=world[county], kind="department")
    found = _found(world, "office_p", "dispatch.UnitContact.unit", "财政局")
    assert sorted(re.findall(r"<span data-choice-name>县财政局</span><span[^>]*>(\w+)</span>", found)) == ["D", "D2"]


def test_people_of_one_name_are_told_apart_by_their_unit(world: World, few: None) -> None:
    for unit in ("u_d", "u_t1"):
        Person.objects.create(name="张伟", unit=world[unit])
    found = _found(world, "office_p", "projects.Project.responsible_person", "張偉")  # typed in traditional
    assert sorted(re.findall(r"<span data-choice-name>张伟</span><span[^>]*>(\w+)</span>", found)) == ["u_d", "u_t1"]
