"""`manage.py ranking --json` against the month computed by hand in conftest.py."""

import dataclasses
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from tuijin.projects.models import MonthlyReport, RankingRule
from tuijin.projects.ranking import selectors
from tuijin.projects.ranking.rules import RuleConfig
from tuijin.projects.ranking.standings import competition_ranks

from ...world import World
from .conftest import JUNE


def ranking_json(*args: str) -> list[dict]:
    out = io.StringIO()
    call_command("ranking", "--period", "2025-06", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def row(key: str, name: str, planned: int, started: int, plan: float, done: float, ranks: tuple, missing: int) -> dict:
    return {
        "key": key,
        "name": name,
        "planned_starts": planned,
        "started": started,
        "start_rate": started / planned if planned else None,
        "annual_plan": plan,
        "completed_ytd": done,
        "completion_rate": done / plan if plan else None,
        "start_rank": ranks[0],
        "completion_rank": ranks[1],
        "missing_reports": missing,
    }


def test_it_ranks_cities_as_computed_by_hand(june: World) -> None:
    assert ranking_json("--by", "region") == [
        row("990100", "C", 2, 1, 3500, 900, (1, 1), 2),
        row("990200", "C2", 2, 1, 1400, 300, (1, 2), 1),
    ]


def test_it_ranks_task_forces_as_computed_by_hand(june: World) -> None:
    assert ranking_json("--by", "task_force") == [
        row(str(june["tf_p"].pk), "tf_p", 3, 1, 3400, 600, (2, 2), 2),
        row(str(june["tf_p2"].pk), "tf_p2", 1, 1, 1500, 600, (1, 1), 1),
    ]


def test_it_ranks_the_counties_inside_a_city(june: World) -> None:
    assert ranking_json("--by", "region", "--parent", "990100") == [
        row("990102", "D", 1, 1, 1000, 600, (1, 1), 0),
        row("990103", "D2", 1, 0, 2000, 0, (2, 2), 1),
    ]


def test_it_keeps_rates_as_exact_fractions(june: World) -> None:
    result = selectors.ranking(user=None, programme=june["prog_p"], period=JUNE)
    city = result.table("region").rows[0]
    assert (city.start_rate.numerator, city.start_rate.denominator) == (1, 2)
    assert (city.completion_rate.numerator, city.completion_rate.denominator) == (9, 35)


def test_it_gives_equal_rates_the_same_rank_and_skips_the_next() -> None:
    from fractions import Fraction

    rates = [Fraction(1, 2), Fraction(2, 3), Fraction(2, 4), None, Fraction(1, 5)]
    assert competition_ranks(rates) == [2, 1, 2, None, 4]


def test_it_counts_the_totals_with_the_projects_no_member_holds(june: World) -> None:
    result = selectors.ranking(user=None, programme=june["prog_p"], period=JUNE)
    totals = result.totals.as_json()
    assert (totals["planned_starts"], totals["started"], totals["annual_plan"], totals["completed_ytd"]) == (
        5,
        3,
        5200,
        1230,
    )
    others = result.table("task_force").others
    assert (others.planned_starts, others.annual_plan) == (1, Decimal("300"))


def test_it_counts_late_reports_apart_when_the_rule_says_so(june: World) -> None:
    RankingRule.objects.create(
        programme=june["prog_p"],
        year=2025,
        number=1,
        name="迟报不计缺报",
        config=dataclasses.replace(RuleConfig(), late_counts_as_missing=False).to_json(),
    )
    cities = ranking_json("--by", "region")
    assert [c["missing_reports"] for c in cities] == [1, 1]


def test_it_counts_a_report_once_it_is_submitted(june: World) -> None:
    draft = MonthlyReport.objects.get(project=june["A2"], period=JUNE)
    draft.status, draft.submitted_at = "submitted", dt.datetime(2025, 7, 2, tzinfo=dt.UTC)
    draft.save()
    city = ranking_json("--by", "region")[0]
    assert (city["completed_ytd"], city["missing_reports"]) == (900 + 999, 1)


def test_it_ranks_only_what_the_user_sees(june: World) -> None:
    """A district office ranks the towns of its district within the province's programme."""
    user = june["office_d"]
    parent = selectors.default_parent(user=user, programme=june["prog_p"])
    result = selectors.ranking(user=user, programme=june["prog_p"], period=JUNE, parent=parent)
    assert parent == june["D"]
    assert [(r.name, r.planned_starts, r.completed_ytd) for r in result.table("region").rows] == [
        ("T1", 1, Decimal("600")),
        ("T2", 0, Decimal("0")),
    ]
    assert result.totals.annual_plan == Decimal("1000")


def test_it_refuses_a_period_that_is_not_a_month(june: World) -> None:
    with pytest.raises(CommandError, match="YYYY-MM"):
        call_command("ranking", "--period", "2025-13", "--by", "region", "--json", stdout=io.StringIO())


def test_it_refuses_an_unknown_parent_region(june: World) -> None:
    with pytest.raises(CommandError, match="123456"):
        call_command("ranking", "--period", "2025-06", "--by", "region", "--parent", "123456", stdout=io.StringIO())


def test_it_prints_a_table_without_json(june: World) -> None:
    out = io.StringIO()
    call_command("ranking", "--period", "2025-06", "--by", "region", stdout=out)
    lines = out.getvalue().splitlines()
    assert "prog_p 2025-06" in lines[0]
    assert lines[2].split()[:5] == ["990100", "C", "2", "1", "50.0%"]
