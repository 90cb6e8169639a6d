"""A month small enough to rank by hand: the province programme prog_p in June 2025 (time-proportional
progress 6/12), reporting window 1–10 July.

    code  region     task force  kind        plan  starts  planned    actual      reports (10k CNY)
    A1    T1 (in C)  tf_p        new         1000  yes     2025-03-01 2025-04-10  100 a month Jan–Jun on time; July 100
    A2    D2 (in C)  tf_p        new         2000  yes     2025-02-01 —           June draft of 999 (not counted)
    A3    C          tf_p2       continuing   500  no      —          2024-05-01  50 a month Jan–Jun, June late
    B1    C2         tf_p2       new         1000  yes     2025-05-01 —           May 200 (start on 20 May); June 100
    B2    C2         tf_p        new          400  yes     2025-09-01 —           none
    Z1    P          —           new          300  yes     2025-01-15 2025-01-15  June 30
    X1    C2         tf_p        new          900  yes     2025-01-01 —           exited 2025-03-01
    Y1    C           tf_p        new          —    (no 2025 plan)

By hand, by city: C planned 2, started 1 (A1), plan 3500, completed 900, missing 2 (A2 draft, A3 late);
C2 planned 2, started 1 (B1, by its report), plan 1400, completed 300, missing 1 (B2).
By task force: tf_p planned 3, started 1, plan 3400, completed 600, missing 2; tf_p2 planned 1,
started 1, plan 1500, completed 600, missing 1. Z1 lies in the province itself and has no task force:
it is in the totals only."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from tuijin.org.models import TaskForce
from tuijin.projects.models import AnnualPlan, MonthlyReport, ReportingMonth, ReportStatus, Stage

from ...world import World
from ..conftest import make_project

JUNE = dt.date(2025, 6, 1)


def on(day: str, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour)))


def report(project, month: int, amount: str, *, status: str = ReportStatus.SUBMITTED, at: str = "", **fields) -> None:
    period = dt.date(2025, month, 1)
    submitted = on(at) if at else (on(f"2025-{month + 1:02d}-05") if status != ReportStatus.DRAFT else None)
    MonthlyReport.objects.create(
        project=project,
        period=period,
        investment_month=Decimal(amount),
        status=status,
        submitted_at=submitted,
        **fields,
    )


def plan(project, amount: str, starts: bool) -> None:
    AnnualPlan.objects.create(project=project, year=2025, planned_investment=Decimal(amount), plans_start=starts)


@pytest.fixture
def june(world: World) -> World:
    r = world.records
    r["tf_p2"] = TaskForce.objects.create(name="tf_p2", programme=r["prog_p"], kind="pillar", lead_unit=r["u_p"])
    ReportingMonth.objects.create(
        programme=r["prog_p"], period=JUNE, opens_on=dt.date(2025, 7, 1), closes_on=dt.date(2025, 7, 10)
    )

    def project(code: str, region: str, task_force: str | None, **fields) -> object:
        r[code] = make_project(world, code, region=region, programme="prog_p", task_force=task_force, **fields)
        return r[code]

    a1 = project("A1", "T1", "tf_p", planned_start=dt.date(2025, 3, 1), actual_start=dt.date(2025, 4, 10))
    plan(a1, "1000", True)
    for month in range(1, 7):
        report(a1, month, "100")
    report(a1, 7, "100")

    a2 = project("A2", "D2", "tf_p", planned_start=dt.date(2025, 2, 1), stage=Stage.PREPARING)
    plan(a2, "2000", True)
    report(a2, 6, "999", status=ReportStatus.DRAFT)

    a3 = project("A3", "C", "tf_p2", is_new_start=False, actual_start=dt.date(2024, 5, 1))
    plan(a3, "500", False)
    for month in range(1, 6):
        report(a3, month, "50")
    report(a3, 6, "50", at="2025-07-15")

    b1 = project("B1", "C2", "tf_p2", planned_start=dt.date(2025, 5, 1), stage=Stage.PREPARING)
    plan(b1, "1000", True)
    report(b1, 5, "200", started_on=dt.date(2025, 5, 20))
    report(b1, 6, "100", status=ReportStatus.ACCEPTED)

    b2 = project("B2", "C2", "tf_p", planned_start=dt.date(2025, 9, 1), stage=Stage.PREPARING)
    plan(b2, "400", True)

    z1 = project("Z1", "P", None, planned_start=dt.date(2025, 1, 15), actual_start=dt.date(2025, 1, 15))
    plan(z1, "300", True)
    report(z1, 6, "30")

    x1 = project("X1", "C2", "tf_p", planned_start=dt.date(2025, 1, 1), stage=Stage.PREPARING)
    plan(x1, "900", True)
    x1.stage, x1.exited_on = Stage.EXITED, dt.date(2025, 3, 1)
    x1.save()

    project("Y1", "C", "tf_p")
    return world


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> None:
    """Notice files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
