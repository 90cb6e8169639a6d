"""A month being reported now: district D's programme, last month, its window open since two days ago
and closing in three. P-T1-A (town T1, task force tf_d1) and P-T2-B (town T2, tf_d2) are in the year's
library; the territory reporter of T1 reports P-T1-A only, the district office reviews both."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from tuijin.core.periods import add_months, month_start
from tuijin.projects.models import AnnualPlan, ReportingMonth

from ...world import World


def last_month() -> dt.date:
    return add_months(month_start(timezone.localdate()), -1)


@pytest.fixture
def month(project_world: World) -> World:
    w = project_world
    period = last_month()
    today = timezone.localdate()
    w.records["period"] = period
    w.records["month"] = ReportingMonth.objects.create(
        programme=w["prog_d"],
        period=period,
        opens_on=today - dt.timedelta(days=2),
        closes_on=today + dt.timedelta(days=3),
    )
    for code in ("P-T1-A", "P-T2-B"):
        AnnualPlan.objects.create(
            project=w[code], year=period.year, planned_investment=Decimal("12000"), plans_start=True
        )
    return w


def values(amount: str = "100", **more: object) -> dict[str, object]:
    return {"investment_month": amount, "progress_note": "主体施工", **more}
