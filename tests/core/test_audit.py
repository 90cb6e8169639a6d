"""The audit trail: who, when, what changed (field by field) and why, for changes made on pages,
in jobs and in the shell; readable by office and auditor; unchangeable by anyone."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse

from tuijin.core.models import AuditEntry
from tuijin.core.services import attribute_change
from tuijin.org.models import Unit

from ..world import World


def _edit_unit(client: Client, unit: Unit, **changes: object):
    data = {"name": unit.name, "kind": unit.kind, "region": unit.region_id, "expected_version": unit.version}
    data.update(changes)
    return client.post(reverse("records:edit", args=["unit", unit.pk]), data)


def test_it_records_who_what_and_why_of_a_change_made_on_a_page(world: World) -> None:
    client = Client()
    client.force_login(world["office_d"])
    unit = world["u_d"]
    response = _edit_unit(client, unit, name="区财政局", change_reason="全称更正")
    assert response.status_code == 302
    entry = AuditEntry.objects.filter(model="org.Unit", object_id=str(unit.pk), action="update").latest("id")
    assert entry.username == "office_d"
    assert entry.reason == "全称更正"
    assert {"field": "name", "old": "u_d", "new": "区财政局"}.items() <= entry.changes[0].items()


def test_it_records_a_change_made_outside_a_request(world: World) -> None:
    unit = world["u_p"]
    unit.short_name = "发改委"
    attribute_change(unit, user=world["office_p"], reason="job")
    unit.save()
    entry = AuditEntry.objects.filter(model="org.Unit", object_id=str(unit.pk)).latest("id")
    assert (entry.username, entry.reason, entry.changes[0]["new"]) == ("office_p", "job", "发改委")


def test_it_records_many_to_many_changes(world: World) -> None:
    task_force = world["tf_d1"]
    task_force.member_units.add(world["u_t1"])
    entry = AuditEntry.objects.filter(model="org.TaskForce", object_id=str(task_force.pk)).latest("id")
    assert (entry.changes[0]["field"], entry.changes[0]["added"]) == ("member_units", ["u_t1"])


def test_it_shows_a_records_history_on_its_page(world: World) -> None:
    client = Client()
    client.force_login(world["office_d"])
    _edit_unit(client, world["u_d"], name="改名后的单位", change_reason="机构改革")
    page = client.get(reverse("records:detail", args=["unit", world["u_d"].pk])).content.decode()
    assert "机构改革" in page and "改名后的单位" in page


def test_it_refuses_a_stale_form_and_keeps_the_newer_value(world: World) -> None:
    first, second = Client(), Client()
    first.force_login(world["office_d"])
    second.force_login(world["office_p"])
    unit = world["u_d"]
    assert _edit_unit(first, unit, name="first").status_code == 302
    response = _edit_unit(second, unit, name="second")  # still carries the old version
    assert response.status_code == 200
    assert "Someone else changed this record" in response.content.decode() or "他人" in response.content.decode()
    unit.refresh_from_db()
    assert unit.name == "first"


@pytest.mark.parametrize("role,status", [("auditor", 200), ("office_d", 200), ("leader_d", 403), ("territory_t1", 403)])
def test_it_opens_the_audit_log_to_auditors_and_offices_only(world: World, role: str, status: int) -> None:
    client = Client()
    client.force_login(world[role])
    assert client.get(reverse("core:audit_log")).status_code == status


def test_it_filters_the_audit_log(world: World) -> None:
    client = Client()
    client.force_login(world["office_d"])
    _edit_unit(client, world["u_d"], name="filtered-change")
    auditor = Client()
    auditor.force_login(world["auditor"])
    page = auditor.get(reverse("core:audit_log"), {"username": "office_d", "model": "org.Unit", "action": "update"})
    html = page.content.decode()
    assert "filtered-change" in html
    assert "tt_d1" not in html  # created by the world builder, not by office_d
    assert auditor.get(reverse("core:audit_log"), {"action": "login_failed"}).context["page"].paginator.count == 0


def test_it_will_not_update_or_delete_an_audit_entry_through_the_model(world: World) -> None:
    entry = AuditEntry.objects.first()
    entry.reason = "rewritten"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="x")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()


def test_it_will_not_update_an_audit_entry_even_with_raw_sql(world: World) -> None:
    entry = AuditEntry.objects.first()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditentry SET reason = 'rewritten' WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).reason != "rewritten"


def test_it_offers_no_edit_or_delete_of_audit_entries_in_the_admin(world: World) -> None:
    from django.utils import timezone

    from tuijin.accounts.models import User

    admin = User.objects.create_superuser("root", password="Root-Pass-2026", password_changed_at=timezone.now())
    client = Client()
    client.force_login(admin)
    entry = AuditEntry.objects.first()
    assert client.get(reverse("admin:core_auditentry_delete", args=[entry.pk])).status_code == 403
    page = client.post(reverse("admin:core_auditentry_change", args=[entry.pk]), {"reason": "x"})
    assert page.status_code == 403
