"""Each way an office may rank, against expectations worked out by hand on the month of conftest.py.

In the library: A1 (C, tf_p, new, started 10 April), A2 (C, tf_p, new, not started), A3 (C, tf_p2,
continuing since 2024, reports investment), B1 (C2, tf_p2, new, start reported in May), B2 (C2, tf_p,
new, planned for September), Z1 (the province itself, no task force)."""

import dataclasses
from decimal import Decimal
from fractions import Fraction

from tuijin.org.models import Region
from tuijin.projects.models import AnnualPlan, Project
from tuijin.projects.ranking import selectors, services
from tuijin.projects.ranking.models import ExemptionReason
from tuijin.projects.ranking.rules import (
    Band,
    Boards,
    BoardTarget,
    By,
    CompletionBase,
    RuleConfig,
    Scoring,
    Sequence,
    StartBase,
)

from ...world import World
from ..conftest import make_project
from .conftest import JUNE, plan


def rank(world: World, config: RuleConfig, key: str, parent: str = "P") -> dict[str, tuple]:
    result = selectors.ranking(user=None, programme=world["prog_p"], period=JUNE, parent=world[parent], config=config)
    return {r.name: r for r in result.table(key).rows}


def starts(rows: dict) -> dict[str, tuple]:
    return {name: (r.planned_starts, r.started, r.start_rank) for name, r in rows.items()}


def by_city(**settings: object) -> RuleConfig:
    return RuleConfig(**settings)


def test_it_counts_only_projects_planned_to_start_by_the_month(june: World) -> None:
    rows = rank(june, by_city(start_base=StartBase.PLANNED_BY_MONTH), "region")
    # B2 is planned for September: C2 has only B1, started.
    assert starts(rows) == {"C": (2, 1, 2), "C2": (1, 1, 1)}


def test_it_counts_new_builds_only(june: World) -> None:
    rows = rank(june, by_city(start_base=StartBase.NEW_BUILD), "task_force")
    # A3 is continuing: tf_p2 keeps B1 only.
    assert starts(rows) == {"tf_p": (3, 1, 2), "tf_p2": (1, 1, 1)}


def test_it_counts_every_project_in_the_years_list(june: World) -> None:
    rows = rank(june, by_city(start_base=StartBase.ALL_LISTED), "region")
    assert starts(rows) == {"C": (3, 1, 2), "C2": (2, 1, 1)}


def test_it_counts_continuing_projects_that_resumed_as_started(june: World) -> None:
    rows = rank(june, by_city(start_base=StartBase.ALL_LISTED, count_resumed=True), "region")
    # 开复工率: A3 resumed (it reported investment this year): C 2 of 3.
    assert starts(rows) == {"C": (3, 2, 1), "C2": (2, 1, 2)}
    assert rows["C"].start_rate == Fraction(2, 3)


def test_it_counts_projects_in_implementation(june: World) -> None:
    AnnualPlan.objects.filter(project=june["A2"]).update(planned_investment=0)
    rows = rank(june, by_city(start_base=StartBase.IN_IMPLEMENTATION), "region")
    # A2 has no investment planned this year: C counts A1 and A3; 1 of 2 each, a tie.
    assert starts(rows) == {"C": (2, 1, 1), "C2": (2, 1, 1)}


def test_it_measures_completion_against_the_plan_to_date(june: World) -> None:
    rows = rank(june, by_city(completion_base=CompletionBase.PLAN_TO_DATE), "region")
    # June: the plan to date is half the annual plan. C 900 ÷ 1750, C2 300 ÷ 700.
    assert (rows["C"].completion_rate, rows["C2"].completion_rate) == (Fraction(18, 35), Fraction(3, 7))
    # Against time-proportional progress the gap stays in points of the annual plan: 900/3500 − 1/2.
    assert rows["C"].progress_gap == (Fraction(9, 35) - Fraction(1, 2)) * 100


def test_it_ranks_counties_and_development_zones_in_separate_sequences(june: World) -> None:
    zone = Region.objects.create(code="990171", name="高新区", level="zone", parent=june["C"])
    project = make_project(june, "ZN", region="C", programme="prog_p", task_force="tf_p")
    Project.objects.filter(pk=project.pk).update(region=zone)
    plan(project, "800", True)
    config = by_city(
        sequences=(
            Sequence("counties", By.REGION, "县（市、区）", levels=("county",)),
            Sequence("zones", By.REGION, "开发区", levels=("zone",)),
        )
    )
    assert list(rank(june, config, "counties", parent="C")) == ["D", "D2"]
    zones = rank(june, config, "zones", parent="C")
    assert [(n, r.planned_starts, r.annual_plan) for n, r in zones.items()] == [("高新区", 1, Decimal("800"))]


def test_it_ranks_departments_and_state_enterprises_by_the_projects_they_are_responsible_for(june: World) -> None:
    Project.objects.filter(pk__in=[june["A1"].pk, june["A2"].pk]).update(responsible_unit=june["u_p"])
    Project.objects.filter(pk=june["B1"].pk).update(responsible_unit=june["ent"])
    Project.objects.filter(pk=june["B2"].pk).update(responsible_unit=june["u_t1"])
    config = by_city(sequences=(Sequence("units", By.UNIT, "省直部门和省属企业", kinds=("department", "enterprise")),))
    rows = rank(june, config, "units")
    # u_t1 is a town government: not in this sequence.
    assert {n: (r.planned_starts, r.started, r.completed_ytd) for n, r in rows.items()} == {
        "u_p": (2, 1, Decimal("600")),
        "ent": (1, 1, Decimal("300")),
    }


def test_it_puts_no_one_on_the_red_board_when_no_one_met_time_progress(june: World) -> None:
    config = by_city(boards=Boards(red_top=1, black_bottom=1))
    rows = rank(june, config, "task_force")
    # tf_p2 40 % and tf_p 17.6 % are both below 50 %: tf_p is last.
    assert {n: r.board for n, r in rows.items()} == {"tf_p": "black", "tf_p2": None}


def test_it_puts_the_first_who_met_a_fixed_target_on_the_red_board(june: World) -> None:
    config = by_city(boards=Boards(target=BoardTarget.FIXED, target_value=Decimal("0.3"), red_top=1, black_bottom=1))
    rows = rank(june, config, "task_force")
    assert {n: r.board for n, r in rows.items()} == {"tf_p": "black", "tf_p2": "red"}


def test_it_spares_an_exempted_member_the_black_board(june: World) -> None:
    services.board_exemption_record(
        user=june["office_p"],
        programme=june["prog_p"],
        period=JUNE,
        sequence="task_force",
        member=str(june["tf_p"].pk),
        member_name="tf_p",
        reason=ExemptionReason.FORCE_MAJEURE,
        note="汛期停工",
    )
    rows = rank(june, by_city(boards=Boards(red_top=1, black_bottom=1)), "task_force")
    assert (rows["tf_p"].board, rows["tf_p"].spared, rows["tf_p"].exemption.note) == (None, True, "汛期停工")


SCORING = Scoring(
    per_new_start=Decimal(5),
    per_continuing=Decimal(2),
    bands=(Band(Decimal(50000), Decimal(1)),),
    completion_points=Decimal(60),
    completion_cap=Decimal(1),
    per_missing_report=Decimal(-1),
)


def test_it_scores_points_as_the_rule_sets_them(june: World) -> None:
    rows = rank(june, by_city(scoring=SCORING), "task_force")
    # tf_p: 1 new start (A1) 5 + 3 projects of 5亿 1 each + 60 × 600/3400 − 2 missing = 6 + 180/17.
    # tf_p2: B1 5 + A3 continuing 2 + 2 bands + 60 × 0.4 − 1 missing = 32.
    assert (rows["tf_p"].score, rows["tf_p2"].score) == (6 + Fraction(180, 17), Fraction(32))
    assert (rows["tf_p"].score_rank, rows["tf_p2"].score_rank) == (2, 1)


def test_it_adds_recorded_bonuses_to_the_score(june: World) -> None:
    services.score_adjustment_record(
        user=june["office_p"],
        programme=june["prog_p"],
        period=JUNE,
        sequence="task_force",
        member=str(june["tf_p"].pk),
        member_name="tf_p",
        points=Decimal(20),
        note="获省级表彰",
    )
    rows = rank(june, by_city(scoring=SCORING), "task_force")
    assert (rows["tf_p"].score, rows["tf_p"].score_rank) == (26 + Fraction(180, 17), 1)


def test_it_caps_the_completion_points(june: World) -> None:
    capped = dataclasses.replace(SCORING, completion_cap=Decimal("0.2"))
    rows = rank(june, by_city(scoring=capped), "task_force")
    # tf_p2's 40 % counts as 20 %: 12 points instead of 24.
    assert rows["tf_p2"].score == Fraction(20)


def test_it_reads_back_every_setting_it_stores() -> None:
    config = RuleConfig(
        start_base=StartBase.ALL_LISTED,
        count_resumed=True,
        completion_base=CompletionBase.PLAN_TO_DATE,
        late_counts_as_missing=False,
        sequences=(Sequence("units", By.UNIT, "部门", kinds=("department",)),),
        boards=Boards(target=BoardTarget.FIXED, target_value=Decimal("0.5")),
        scoring=SCORING,
    )
    assert RuleConfig.from_json(config.to_json()) == config
