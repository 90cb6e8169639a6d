"""The county office names a unit's contact by typing part of the unit's name in traditional script and
choosing it from the matches, as it does wherever a province has too many records for a dropdown."""

import pytest
from playwright.sync_api import Page, expect

from tuijin.core import choices
from tuijin.dispatch.models import UnitContact
from tuijin.org.models import Unit

from ..world import PASSWORD, World
from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_picks_a_unit_by_typing_part_of_its_name(live_server, page: Page, world: World, monkeypatch) -> None:
    monkeypatch.setattr(choices, "SEARCH_ABOVE", 2)  # the world's handful of units count as "many"
    unit = Unit.objects.create(name="区发展改革局", region=world["D"], kind="department")
    log_in(page, live_server.url, "office_d", PASSWORD)
    page.goto(f"{live_server.url}/records/unitcontact/new/")
    page.wait_for_load_state()
    box = page.locator("[data-search-select]").first
    page.get_by_label("单位").fill("發展")  # the label names the search box
    box.locator("[data-choice]", has_text="区发展改革局").click()
    expect(box.locator("input[type=search]")).to_have_value("区发展改革局")
    page.select_option("#id_kind", "leader")
    users = page.locator("[data-search-select]").nth(1)
    users.locator("input[type=search]").fill("unit_d")
    users.locator("[data-choice]", has_text="unit_d").click()
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator(".alert-success")).to_be_visible()
    contact = UnitContact.objects.get()
    assert (contact.unit, contact.user.username, contact.kind) == (unit, "unit_d", "leader")
