"""Time-proportional progress (序时进度) against hand computation, the behind flag and the list."""

import datetime as dt

import pytest

from tuijin.plans import selectors, services
from tuijin.plans.models import Document, Milestone
from tuijin.plans.progress import BEHIND_MARGIN_POINTS, Standing, expected_progress, position

from ..world import World
from .conftest import task_at

START = dt.date(2026, 1, 1)
DEADLINE = dt.date(2026, 12, 31)  # 364 days after the start


def test_it_counts_the_share_of_days_passed() -> None:
    # 1 Jan → 1 Jul is 181 days of 364: 181 × 100 ÷ 364 = 49.7 → 49.
    assert expected_progress(start=START, deadline=DEADLINE, as_of=dt.date(2026, 7, 1)) == 49
    # 1 Jan → 1 Apr is 90 days: 9000 ÷ 364 = 24.7 → 24.
    assert expected_progress(start=START, deadline=DEADLINE, as_of=dt.date(2026, 4, 1)) == 24


def test_it_is_nothing_before_the_start_and_everything_from_the_deadline() -> None:
    assert expected_progress(start=START, deadline=DEADLINE, as_of=dt.date(2025, 12, 1)) == 0
    assert expected_progress(start=START, deadline=DEADLINE, as_of=DEADLINE) == 100
    assert expected_progress(start=START, deadline=DEADLINE, as_of=dt.date(2027, 3, 1)) == 100


def test_it_follows_the_roadmap_when_there_is_one() -> None:
    milestones = [dt.date(2026, 3, 31), dt.date(2026, 6, 30), dt.date(2026, 9, 30)]
    assert expected_progress(start=START, deadline=DEADLINE, milestones=milestones, as_of=dt.date(2026, 7, 1)) == 66
    assert expected_progress(start=START, deadline=DEADLINE, milestones=milestones, as_of=dt.date(2026, 3, 30)) == 0


def test_an_ongoing_task_has_no_time_proportional_progress() -> None:
    assert expected_progress(start=START, deadline=None, as_of=dt.date(2026, 7, 1)) is None
    found = position(done=False, start=START, deadline=None, milestones=[], reported=10, as_of=dt.date(2026, 7, 1))
    assert found.standing == Standing.ON_TRACK


@pytest.mark.parametrize(
    ("reported", "standing"),
    [
        (None, Standing.BEHIND),  # no report at mid-year is 49 points behind
        (49 - BEHIND_MARGIN_POINTS, Standing.ON_TRACK),  # exactly the margin is tolerated
        (49 - BEHIND_MARGIN_POINTS - 1, Standing.BEHIND),
        (60, Standing.ON_TRACK),
    ],
)
def test_it_flags_a_task_behind_by_more_than_the_margin(reported: int | None, standing: Standing) -> None:
    found = position(
        done=False, start=START, deadline=DEADLINE, milestones=[], reported=reported, as_of=dt.date(2026, 7, 1)
    )
    assert found.expected == 49 and found.standing == standing


def test_it_calls_a_task_past_its_deadline_overdue_unless_done() -> None:
    late = dt.date(2027, 1, 5)
    assert position(done=False, start=START, deadline=DEADLINE, milestones=[], reported=95, as_of=late).standing == (
        Standing.OVERDUE
    )
    assert position(done=True, start=START, deadline=DEADLINE, milestones=[], reported=100, as_of=late).standing == (
        Standing.DONE
    )


@pytest.mark.django_db
def test_it_lists_the_lagging_task_on_the_behind_list(imported: Document, plans_world: World) -> None:
    # The document is dated 10 Jan 2026; on 1 Jul the fund (deadline 31 Dec) should be at
    # 172 × 100 ÷ 355 = 48.4 → 48; the ongoing logistics task has no schedule.
    fund, smart = task_at(imported, "二.一"), task_at(imported, "二.二")
    as_of = dt.date(2026, 7, 1)
    for task, progress in [(fund, 20), (smart, 100)]:
        services.task_report_submit(
            user=plans_world["office_d"], task=task, period=dt.date(2026, 6, 1), progress=progress, done="推进"
        )
    rows = selectors.behind_schedule(user=plans_world["office_d"], as_of=as_of)
    assert [(row.task.path, row.position.expected, row.position.reported) for row in rows] == [("二.一", 48, 20)]
    services.task_report_submit(
        user=plans_world["unit_fin"], task=fund, period=dt.date(2026, 7, 1), progress=45, done="推进"
    )
    assert selectors.behind_schedule(user=plans_world["office_d"], as_of=as_of) == []


@pytest.mark.django_db
def test_the_roadmap_sets_the_schedule_of_a_task(imported: Document, plans_world: World) -> None:
    fund = task_at(imported, "二.一")
    for on in (dt.date(2026, 3, 31), dt.date(2026, 5, 31)):
        Milestone.objects.create(task=fund, title="节点", due_on=on)
    rows = selectors.task_rows(
        selectors.tasks_visible(user=plans_world["office_d"]).filter(pk=fund.pk), as_of=dt.date(2026, 4, 15)
    )
    assert rows[0].position.expected == 50
