"""Who sees and reports what, through the pages: the office sees its programme's tasks; a unit sees
the tasks it leads or cooperates on and reports only those; other tasks answer 404, and a task it
sees but may not report on answers 403."""

import pytest
from django.test import Client
from django.urls import reverse

from tuijin.plans.models import Document, TaskReport

from ..world import World
from .conftest import task_at

pytestmark = pytest.mark.django_db


def _client(world: World, username: str) -> Client:
    client = Client()
    client.force_login(world[username])
    return client


def _paths(world: World, username: str) -> set[str]:
    page = _client(world, username).get(reverse("plans:tasks"))
    assert page.status_code == 200
    return {row.task.path for row in page.context["rows"]}


def test_the_office_sees_every_task_of_its_programme(imported: Document, plans_world: World) -> None:
    assert _paths(plans_world, "office_d") == {"二.一", "二.二", "二.三"}
    assert _paths(plans_world, "office_p") == {"二.一", "二.二", "二.三"}  # the province is above the district


@pytest.mark.parametrize("username", ["territory_t1", "enterprise", "auditor", "unit_d"])
def test_roles_without_a_part_see_no_task(imported: Document, plans_world: World, username: str) -> None:
    assert _paths(plans_world, username) == set()


def test_a_unit_sees_the_tasks_it_leads_or_cooperates_on(imported: Document, plans_world: World) -> None:
    # 区财政局 leads 二.一 and cooperates on 二.二; 区发展改革局 cooperates on 二.一 and stands for 区物流办.
    assert _paths(plans_world, "unit_fin") == {"二.一", "二.二"}
    assert _paths(plans_world, "unit_dev") == {"二.一", "二.三"}
    assert _paths(plans_world, "unit_ind") == {"二.二"}


def test_a_unit_gets_404_for_a_task_it_has_no_part_in(imported: Document, plans_world: World) -> None:
    client = _client(plans_world, "unit_ind")
    fund = task_at(imported, "二.一")
    assert client.get(fund.get_absolute_url()).status_code == 404
    answer = client.post(
        reverse("plans:task_report", args=[fund.pk]), {"period": "2026-05", "progress": "50", "done": "x"}
    )
    assert answer.status_code == 404 and not TaskReport.objects.exists()


def test_a_cooperating_unit_gets_403_when_it_posts_the_lead_units_report(
    imported: Document, plans_world: World
) -> None:
    client = _client(plans_world, "unit_dev")
    fund = task_at(imported, "二.一")
    page = client.get(fund.get_absolute_url())
    assert page.status_code == 200 and page.context.get("report_form") is None
    assert page.context["contribution_form"] is not None
    answer = client.post(
        reverse("plans:task_report", args=[fund.pk]), {"period": "2026-05", "progress": "50", "done": "x"}
    )
    assert answer.status_code == 403 and not TaskReport.objects.exists()


def test_the_lead_unit_reports_through_the_page(imported: Document, plans_world: World) -> None:
    client = _client(plans_world, "unit_fin")
    fund = task_at(imported, "二.一")
    answer = client.post(
        reverse("plans:task_report", args=[fund.pk]),
        {"period": "2026-05", "progress": "50", "done": "完成方案", "problems": "", "next_steps": ""},
    )
    assert answer.status_code == 302
    assert TaskReport.objects.get(task=fund).progress == 50
    stale = client.post(
        reverse("plans:task_report", args=[fund.pk]), {"period": "2026-05", "progress": "60", "done": "再报"}
    )
    assert stale.status_code == 400 and TaskReport.objects.get(task=fund).progress == 50


def test_a_unit_cannot_open_the_import_or_another_programmes_review(plans_world: World) -> None:
    from .conftest import upload

    draft = upload(plans_world)
    client = _client(plans_world, "unit_fin")
    assert client.get(reverse("plans:import")).status_code == 403
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.post(reverse("plans:review_confirm", args=[draft.pk]), {"version": draft.version}).status_code == 404


def test_the_document_list_counts_only_the_tasks_the_user_sees(imported: Document, plans_world: World) -> None:
    def count(username: str) -> int:
        page = _client(plans_world, username).get(reverse("plans:documents"))
        return next(d.task_count for d in page.context["documents"] if d.pk == imported.pk)

    assert count("office_d") == 3 and count("unit_ind") == 1


def test_the_task_list_filters_by_document_and_standing(imported: Document, plans_world: World) -> None:
    client = _client(plans_world, "office_d")
    page = client.get(reverse("plans:tasks"), {"document": imported.pk, "q": "引导基金"})
    assert [row.task.path for row in page.context["rows"]] == ["二.一"]
    page = client.get(reverse("plans:tasks"), {"standing": "done"})
    assert page.context["rows"] == []
