"""Monthly task reports (一月一报): the lead unit reports, cooperating units add their part, nobody
else does; resubmitting versions the report and a stale form is refused."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from tuijin.core.services import StaleRecord
from tuijin.plans import services
from tuijin.plans.models import Document, TaskContribution, TaskReport, TaskState

from ..world import World
from .conftest import task_at

pytestmark = pytest.mark.django_db
MAY = dt.date(2026, 5, 1)


def _report(world: World, task: object, by: str, progress: int = 40, **kwargs: object) -> TaskReport:
    return services.task_report_submit(
        user=world[by], task=task, period=MAY, progress=progress, done="完成方案起草", **kwargs
    )


def test_the_lead_unit_files_the_monthly_report(imported: Document, plans_world: World) -> None:
    fund = task_at(imported, "二.一")
    report = _report(plans_world, fund, "unit_fin", problems="资金未到位", next_steps="报区政府审定")
    assert (report.period, report.progress, report.submitted_by) == (MAY, 40, plans_world["unit_fin"])
    fund.refresh_from_db()
    assert fund.state == TaskState.IN_PROGRESS


def test_a_report_at_100_percent_marks_the_task_done(imported: Document, plans_world: World) -> None:
    fund = task_at(imported, "二.一")
    _report(plans_world, fund, "unit_fin", progress=100)
    fund.refresh_from_db()
    assert fund.state == TaskState.DONE


def test_a_cooperating_unit_adds_its_part_but_does_not_file_the_report(imported: Document, plans_world: World) -> None:
    fund = task_at(imported, "二.一")  # 区财政局 leads, 区发展改革局 cooperates
    with pytest.raises(PermissionDenied):
        _report(plans_world, fund, "unit_dev")
    part = services.task_contribution_submit(
        user=plans_world["unit_dev"], task=fund, period=MAY, unit=plans_world["dev"], text="完成基金方案论证"
    )
    assert TaskContribution.objects.get() == part and part.unit == plans_world["dev"]


def test_a_unit_may_not_add_a_part_for_another_unit(imported: Document, plans_world: World) -> None:
    fund = task_at(imported, "二.一")
    with pytest.raises(PermissionDenied):
        services.task_contribution_submit(
            user=plans_world["unit_dev"], task=fund, period=MAY, unit=plans_world["ind"], text="x"
        )


def test_a_unit_may_not_report_on_a_task_it_has_no_part_in(imported: Document, plans_world: World) -> None:
    with pytest.raises(PermissionDenied):
        _report(plans_world, task_at(imported, "二.一"), "unit_ind")
    assert not TaskReport.objects.exists()


def test_resubmitting_a_month_versions_it_and_a_stale_form_is_refused(imported: Document, plans_world: World) -> None:
    fund = task_at(imported, "二.一")
    first = _report(plans_world, fund, "unit_fin", progress=30)
    with pytest.raises(StaleRecord):
        _report(plans_world, fund, "unit_fin", progress=35)  # a form opened before the first submission
    second = _report(plans_world, fund, "unit_fin", progress=35, expected_version=first.version)
    assert second.pk == first.pk and second.progress == 35 and second.version == first.version + 1
    assert TaskReport.objects.count() == 1 and second.history.count() == 2


def test_a_month_that_has_not_begun_cannot_be_reported(imported: Document, plans_world: World) -> None:
    with pytest.raises(services.TaskRefused):
        services.task_report_submit(
            user=plans_world["unit_fin"],
            task=task_at(imported, "二.一"),
            period=dt.date(2099, 1, 1),
            progress=10,
            done="x",
        )


@pytest.mark.parametrize(("progress", "done"), [(101, "x"), (-1, "x"), (50, "  ")])
def test_it_refuses_a_report_that_says_nothing_or_too_much(
    imported: Document, plans_world: World, progress: int, done: str
) -> None:
    with pytest.raises(services.TaskRefused):
        services.task_report_submit(
            user=plans_world["unit_fin"], task=task_at(imported, "二.一"), period=MAY, progress=progress, done=done
        )
