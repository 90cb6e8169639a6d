"""Every figure of a ranking row lists the projects behind it, and the list adds up to the figure."""

from decimal import Decimal

from tuijin.projects.ranking import selectors
from tuijin.projects.ranking.lights import Light
from tuijin.projects.ranking.selectors import Figure

from ...world import World
from .conftest import JUNE


def behind(world: World, figure: str, sequence=None, member: str = "") -> list:
    result = selectors.ranking(user=None, programme=world["prog_p"], period=JUNE)
    return list(
        selectors.ranking_projects(
            user=None,
            programme=world["prog_p"],
            period=JUNE,
            parent=world["P"],
            config=result.config,
            figure=figure,
            sequence=sequence,
            member=member,
        )
    )


def test_it_lists_projects_that_add_up_to_every_figure_of_every_row(june: World) -> None:
    result = selectors.ranking(user=None, programme=june["prog_p"], period=JUNE)
    for table in result.tables:
        for row in table.rows:
            lists = {f: behind(june, f, table.sequence, row.key) for f in Figure.ALL}
            assert len(lists[Figure.PLANNED]) == row.planned_starts
            assert len(lists[Figure.STARTED]) == row.started
            assert len(lists[Figure.NOT_STARTED]) == row.planned_starts - row.started
            assert sum((p.plan_amount for p in lists[Figure.LIBRARY]), Decimal(0)) == row.annual_plan
            assert sum((p.done for p in lists[Figure.LIBRARY]), Decimal(0)) == row.completed_ytd
            assert len(lists[Figure.MISSING]) == row.missing_reports


def test_it_names_the_projects_behind_the_totals(june: World) -> None:
    assert {p.code for p in behind(june, Figure.STARTED)} == {"A1", "B1", "Z1"}
    assert {p.code for p in behind(june, Figure.MISSING)} == {"A2", "A3", "B2"}


def test_it_lights_each_project_as_computed_by_hand(june: World) -> None:
    """June: expected 50 %; yellow 20–40 % done, red below 20 % or a start overdue since March."""
    lights = {p.code: p.light for p in behind(june, Figure.LIBRARY)}
    assert lights == {
        "A1": Light.GREEN,  # 60 %
        "A2": Light.RED,  # planned to start 1 February, not started
        "A3": Light.GREEN,  # 60 %
        "B1": Light.YELLOW,  # 30 %: 20 points behind
        "B2": Light.RED,  # 0 %
        "Z1": Light.RED,  # 10 %: 40 points behind
    }
