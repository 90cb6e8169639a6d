"""Each plausibility check, on the one function the grid, the upload and the review list call."""

import datetime as dt
from decimal import Decimal

import pytest

from tuijin.projects.models import MonthlyReport, ReportStatus
from tuijin.projects.reporting.checks import Background, Code, backgrounds, plausibility

PERIOD = dt.date(2025, 6, 1)
TODAY = dt.date(2025, 7, 3)


def _codes(raw: dict, background: Background | None = None) -> list[str]:
    background = background or Background(total_investment=Decimal("10000"), approved_on=dt.date(2025, 1, 10))
    return [i.code for i in plausibility(raw, background, period=PERIOD, today=TODAY).issues]


def test_a_plain_report_passes() -> None:
    assert _codes({"investment_month": "120.5", "started_on": "2025-06-03"}) == []


@pytest.mark.parametrize("amount", ["abc", "1,2,x", True, "NaN"])
def test_a_non_numeric_amount_blocks(amount: object) -> None:
    checked = plausibility({"investment_month": amount}, Background(Decimal(100), None), period=PERIOD, today=TODAY)
    assert [i.code for i in checked.blocking] == [Code.NOT_A_NUMBER]


def test_amounts_read_with_thousands_separators() -> None:
    checked = plausibility(
        {"investment_month": "1，200.5"}, Background(Decimal(9000), None), period=PERIOD, today=TODAY
    )
    assert checked.values["investment_month"] == Decimal("1200.50") and checked.issues == []


def test_a_date_that_is_not_a_date_blocks() -> None:
    assert _codes({"started_on": "六月初"}) == [Code.NOT_A_DATE]
    assert _codes({"started_on": "2025年6月3日"}) == []


def test_a_negative_amount_warns() -> None:
    assert _codes({"investment_month": "-5"}) == [Code.NEGATIVE]


def test_cumulative_above_the_total_warns() -> None:
    background = Background(total_investment=Decimal("1000"), approved_on=None, invested_before=Decimal("950"))
    assert _codes({"investment_month": "60"}, background) == [Code.ABOVE_TOTAL]
    assert _codes({"investment_month": "50"}, background) == []


def test_a_month_far_above_the_usual_pace_warns() -> None:
    steady = {"recent_total": Decimal(1470), "recent_months": 6}  # 200, 250, 300, 220, 260, 240: 245 a month
    background = Background(total_investment=Decimal("99999"), approved_on=None, **steady)
    assert _codes({"investment_month": "1000"}, background) == [Code.ABOVE_PACE]  # > 735 and > 245 + 500
    assert _codes({"investment_month": "700"}, background) == []
    small = Background(total_investment=Decimal("99999"), approved_on=None, recent_total=Decimal(30), recent_months=6)
    assert _codes({"investment_month": "100"}, small) == []  # 20 times, but below the floor
    new = Background(total_investment=Decimal("99999"), approved_on=None, recent_total=Decimal(200), recent_months=2)
    assert _codes({"investment_month": "5000"}, new) == []  # too few months to know a pace


def test_a_start_before_approval_or_in_the_future_warns() -> None:
    assert _codes({"started_on": "2025-01-02"}) == [Code.START_BEFORE_APPROVAL]
    assert _codes({"started_on": "2025-07-20"}) == [Code.IN_FUTURE]


def test_completion_without_a_start_warns() -> None:
    assert _codes({"completed_on": "2025-06-20"}) == [Code.COMPLETION_WITHOUT_START]
    assert _codes({"completed_on": "2025-06-20", "started_on": "2025-06-01"}) == []
    started = Background(total_investment=Decimal(100), approved_on=None, started_before=True)
    assert _codes({"completed_on": "2025-06-20"}, started) == []


def test_the_background_comes_from_earlier_counted_reports(month) -> None:
    w = month
    project = w["P-T1-A"]
    for offset, (amount, status, started) in enumerate(
        [
            ("100", ReportStatus.ACCEPTED, None),
            ("200", ReportStatus.SUBMITTED, dt.date(2025, 4, 2)),
            ("999", ReportStatus.DRAFT, None),
        ],
        start=3,
    ):
        MonthlyReport.objects.create(
            project=project,
            period=dt.date(2025, offset, 1),
            investment_month=Decimal(amount),
            status=status,
            started_on=started,
        )
    background = backgrounds(projects=[project], period=PERIOD)[project.pk]
    assert background.invested_before == Decimal("300")  # the draft does not count
    assert background.started_before and (background.recent_total, background.recent_months) == (Decimal(300), 2)
