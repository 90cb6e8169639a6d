"""The project page and its lifecycle forms: only allowed moves are offered and accepted, a stale
form is refused, every change shows on the timeline, and only users who may change see the forms."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from tuijin.projects import services
from tuijin.projects.models import AnnualPlan, EventKind, Project, Stage

from ...world import World
from .conftest import client_for


def move(world: World, user: str, project: Project, to: str, reason: str = "", version: int | None = None):
    return client_for(world, user).post(
        reverse("projects:project_move", args=[project.pk]),
        {"to_stage": to, "on": "2025-03-05", "reason": reason, "expected_version": version or project.version},
    )


def offered_moves(page: str) -> list[str]:
    form = re.search(r'<form[^>]*id="move-form".*?</form>', page, re.S)[0]
    return re.findall(r'<option value="([a-z_]+)"', form)


def test_it_shows_every_field_and_the_problem_panel(project_world: World) -> None:
    page = client_for(project_world, "office_d").get(project_world["P-T1-A"].get_absolute_url()).content.decode()
    for text in ["P-T1-A", "项目P-T1-A", "T1", "tf_d1", "ent", "u_d", "50,000.00", "在建", 'id="project-problems"']:
        assert text in page


def test_it_offers_only_the_moves_the_lifecycle_allows(project_world: World) -> None:
    page = client_for(project_world, "office_d").get(project_world["P-T1-A"].get_absolute_url()).content.decode()
    assert offered_moves(page) == [Stage.OPERATING, Stage.EXITED]


def test_it_moves_the_stage_and_shows_the_move_on_the_timeline(project_world: World) -> None:
    project = project_world["P-T1-A"]
    response = move(project_world, "office_d", project, Stage.OPERATING, reason="竣工投产")
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.stage == Stage.OPERATING
    page = client_for(project_world, "office_d").get(project.get_absolute_url()).content.decode()
    timeline = re.search(r'id="project-timeline".*?</ul>', page, re.S)[0]
    event = re.search(r'data-kind="stage">(.*?)</li>', timeline, re.S)[1]
    assert "2025-03-05 · office_d" in event
    assert f"{Stage.CONSTRUCTION.label} → {Stage.OPERATING.label}" in event
    assert "竣工投产" in event


def test_it_refuses_a_move_the_lifecycle_does_not_allow(project_world: World) -> None:
    project = project_world["P-T1-A"]
    response = move(project_world, "office_d", project, Stage.CONCEIVED)
    assert response.status_code == 400
    project.refresh_from_db()
    assert project.stage == Stage.CONSTRUCTION
    assert not project.events.filter(kind=EventKind.STAGE).exists()


def test_it_refuses_a_stale_form_and_says_why(project_world: World) -> None:
    project = project_world["P-T1-A"]
    opened_at = project.version
    services.project_move_stage(user=project_world["office_p"], project=project, to_stage=Stage.OPERATING)
    response = move(project_world, "office_d", project, Stage.EXITED, reason="撤资", version=opened_at)
    assert response.status_code == 409
    assert "他人已修改" in response.content.decode()
    project.refresh_from_db()
    assert project.stage == Stage.OPERATING


def test_it_refuses_an_exit_without_a_reason(project_world: World) -> None:
    project = project_world["P-T1-A"]
    response = move(project_world, "office_d", project, Stage.EXITED)
    assert response.status_code == 400
    project.refresh_from_db()
    assert project.stage == Stage.CONSTRUCTION


def test_it_exits_with_a_reason_and_shows_it(project_world: World) -> None:
    project = project_world["P-T1-A"]
    move(project_world, "office_d", project, Stage.EXITED, reason="企业撤资")
    page = client_for(project_world, "office_d").get(project.get_absolute_url()).content.decode()
    assert 'data-kind="exited"' in page and "企业撤资" in page
    assert 'id="move-form"' not in page


@pytest.mark.parametrize("user,status", [("unit_d", 403), ("territory_t1", 403), ("leader_d", 403), ("office_d", 302)])
def test_it_lets_only_users_who_may_change_move_a_stage(project_world: World, user: str, status: int) -> None:
    project = project_world["P-T1-A"]
    assert move(project_world, user, project, Stage.OPERATING).status_code == status


@pytest.mark.parametrize("user", ["unit_d", "territory_t1", "leader_d", "enterprise"])
def test_it_hides_the_lifecycle_forms_from_readers(project_world: World, user: str) -> None:
    page = client_for(project_world, user).get(project_world["P-T1-A"].get_absolute_url()).content.decode()
    edit = reverse("projects:project_edit", args=[project_world["P-T1-A"].pk])
    for form in ['id="move-form"', 'id="list-add-form"', 'id="plan-form"', f'href="{edit}"']:
        assert form not in page


def test_it_answers_404_to_a_move_on_a_project_out_of_sight(project_world: World) -> None:
    assert move(project_world, "office_d", project_world["P-D2-C"], Stage.OPERATING).status_code == 404


def test_it_adds_to_and_removes_from_a_list_and_shows_both_on_the_timeline(project_world: World) -> None:
    w = project_world
    project, client = w["P-T1-A"], client_for(w, "office_d")
    added = client.post(
        reverse("projects:project_list_add", args=[project.pk]),
        {"project_list": w["list_key"].pk, "year": 2025, "on": "2025-02-01", "reason": "区级调度"},
    )
    assert added.status_code == 302
    membership = project.memberships.get()
    page = client.get(project.get_absolute_url()).content.decode()
    assert re.search(r'data-year="2025">.*?区重点项目', page, re.S)
    removed = client.post(
        reverse("projects:project_list_remove", args=[project.pk, membership.pk]),
        {"on": "2025-09-01", "reason": "调整出库"},
    )
    assert removed.status_code == 302
    membership.refresh_from_db()
    assert membership.removed_on == dt.date(2025, 9, 1)
    page = client.get(project.get_absolute_url()).content.decode()
    timeline = re.search(r'id="project-timeline".*?</ul>', page, re.S)[0]
    assert re.findall(r'data-kind="([a-z_]+)"', timeline) == ["list_removed", "list_added", "entered"]
    assert "调整出库" in timeline and "区重点项目 (2025)" in timeline


def test_it_refuses_a_list_removal_without_a_reason(project_world: World) -> None:
    w = project_world
    membership = services.list_add(user=w["office_p"], project=w["P-T1-A"], project_list=w["list_key"], year=2025)
    response = client_for(w, "office_d").post(
        reverse("projects:project_list_remove", args=[w["P-T1-A"].pk, membership.pk]), {"on": "2025-09-01"}
    )
    assert response.status_code == 400
    membership.refresh_from_db()
    assert membership.removed_on is None


def plan_post(world: World, project: Project, amount: str, version: str = "") -> int:
    return (
        client_for(world, "office_d")
        .post(
            reverse("projects:project_plan", args=[project.pk]),
            {"year": 2025, "planned_investment": amount, "plans_start": "on", "expected_version": version},
        )
        .status_code
    )


def test_it_sets_and_edits_an_annual_plan_and_refuses_a_stale_edit(project_world: World) -> None:
    project = project_world["P-T1-A"]
    assert plan_post(project_world, project, "1200") == 302
    plan = AnnualPlan.objects.get(project=project, year=2025)
    assert (plan.planned_investment, plan.plans_start, plan.plans_completion) == (Decimal("1200"), True, False)
    assert plan_post(project_world, project, "1500", version=str(plan.version)) == 302
    assert plan_post(project_world, project, "1800", version=str(plan.version)) == 409
    assert plan_post(project_world, project, "1900") == 409  # a "new year" form, but the year has a plan now
    plan.refresh_from_db()
    assert plan.planned_investment == Decimal("1500")


def test_it_creates_a_project_that_enters_the_library_at_its_stage(project_world: World) -> None:
    w = project_world
    response = client_for(w, "office_d").post(
        reverse("projects:project_create"),
        {
            "programme": w["prog_d"].pk,
            "code": "P-NEW-1",
            "name": "新建項目",
            "region": w["T2"].pk,
            "total_investment": "12000",
            "is_new_start": "on",
            "stage": Stage.PREPARING,
            "entered_on": "2025-04-01",
        },
    )
    project = Project.objects.get(code="P-NEW-1")
    assert response.status_code == 302 and response["Location"] == project.get_absolute_url()
    assert project.stage == Stage.PREPARING
    assert project.events.get().kind == EventKind.ENTERED


@pytest.mark.parametrize("region,status", [("C2", 200), ("C", 403)])
def test_it_refuses_to_create_a_project_outside_the_users_region(
    project_world: World, region: str, status: int
) -> None:
    """C2 is not even offered to the district's office (a form error); C, above the district, is
    seen but not changed: the save is rolled back."""
    w = project_world
    response = client_for(w, "office_d").post(
        reverse("projects:project_create"),
        {
            "programme": w["prog_d"].pk,
            "code": "P-OUT",
            "name": "x",
            "region": w[region].pk,
            "total_investment": "1",
            "stage": Stage.CONCEIVED,
            "entered_on": "2025-04-01",
        },
    )
    assert response.status_code == status
    assert not Project.objects.filter(code="P-OUT").exists()


def test_it_refuses_a_stale_project_edit(project_world: World) -> None:
    w = project_world
    project = w["P-T1-A"]
    client = client_for(w, "office_d")
    edit = reverse("projects:project_edit", args=[project.pk])
    form = {
        "programme": w["prog_d"].pk,
        "code": project.code,
        "name": "改名",
        "region": w["T1"].pk,
        "total_investment": "50000",
        "is_new_start": "on",
        "expected_version": project.version,
    }
    services.project_move_stage(user=w["office_p"], project=project, to_stage=Stage.OPERATING)
    response = client.post(edit, form)
    assert response.status_code == 200 and "alert-danger" in response.content.decode()
    project.refresh_from_db()
    assert project.name == "项目P-T1-A"
    assert client.post(edit, {**form, "expected_version": project.version}).status_code == 302
    project.refresh_from_db()
    assert project.name == "改名"


def test_it_summarises_the_monthly_reports_with_the_total_since_start(project_world: World) -> None:
    from tuijin.projects.models import MonthlyReport, ReportStatus

    project = project_world["P-T1-A"]
    for month, amount, status in [
        (1, "100", ReportStatus.ACCEPTED),
        (2, "50", ReportStatus.SUBMITTED),
        (3, "70", ReportStatus.DRAFT),
    ]:
        MonthlyReport.objects.create(
            project=project, period=dt.date(2025, month, 1), investment_month=Decimal(amount), status=status
        )
    page = client_for(project_world, "territory_t1").get(project.get_absolute_url()).content.decode()
    rows = re.findall(
        r'<tr data-period="(2025-0\d)">.*?</td>\s*<td class="text-end">[^<]*</td>\s*<td class="text-end">([^<]*)</td>',
        page,
        re.S,
    )
    assert rows == [("2025-03", "150.00"), ("2025-02", "150.00"), ("2025-01", "100.00")]
    assert 'id="curve-data"' in page


def test_it_links_the_history_of_changes(project_world: World) -> None:
    project = project_world["P-T1-A"]
    services.project_move_stage(
        user=project_world["office_p"], project=project, to_stage=Stage.OPERATING, reason="投产"
    )
    page = client_for(project_world, "office_d").get(project.get_absolute_url()).content.decode()
    history = re.search(r'id="tab-history".*?</table>', page, re.S)[0]
    assert "office_p" in history and "投产" in history
