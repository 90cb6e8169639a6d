"""The same seed gives the same province, row for row; another seed gives another."""

from django.db import transaction
from django.db.models import QuerySet

from bench.generator.org import generate_org
from bench.generator.province import province_frame
from tuijin.demo.generator.projects import ProjectGenerator
from tuijin.org.models import Unit
from tuijin.projects.models import AnnualPlan, ListMembership, MonthlyReport, Project, ProjectEvent

from .conftest import CALENDAR

PROJECT_FIELDS = [
    "code", "name", "content", "region__code", "task_force__name", "owner__name", "responsible_unit__name",
    "responsible_person__name", "total_investment", "stage", "entered_on", "approved_on", "planned_start",
    "actual_start", "actual_completion", "exited_on", "origin", "origin_detail", "latitude", "longitude",
    "is_new_start",
]  # fmt: skip


REPORT_FIELDS = ["project__code", "period", "investment_month", "status", "submitted_at", "progress_note"]


def _rows(queryset: QuerySet, *fields: str) -> list[tuple]:
    return list(queryset.order_by(*fields).values_list(*fields))


def _snapshot(seed: int) -> dict[str, list[tuple]]:
    """Everything generated, by natural keys (ids and creation times differ between runs)."""
    with transaction.atomic():
        org = generate_org(seed)
        ProjectGenerator(seed=seed, calendar=CALENDAR).load(province_frame(org), 150)
        snapshot = {
            "projects": _rows(Project.objects, *PROJECT_FIELDS),
            "enterprises": _rows(Unit.objects.filter(kind="enterprise"), "name", "credit_code"),
            "plans": _rows(AnnualPlan.objects, "project__code", "year", "planned_investment", "plans_start"),
            "lists": _rows(ListMembership.objects, "project__code", "project_list__name", "year", "added_on"),
            "events": _rows(ProjectEvent.objects, "project__code", "on", "kind", "to_stage", "project_list__name"),
            "reports": _rows(
                MonthlyReport.objects,
                "project__code",
                "period",
                "investment_month",
                "status",
                "submitted_at",
                "progress_note",
            ),
        }
        transaction.set_rollback(True)
    return snapshot


def test_it_generates_the_same_rows_from_the_same_seed(db: None) -> None:
    first, second = _snapshot(3), _snapshot(3)
    assert first["reports"]  # the comparison below compares something
    assert first == second


def test_it_generates_other_rows_from_another_seed(db: None) -> None:
    assert _snapshot(3)["projects"] != _snapshot(4)["projects"]
