"""Time-proportional progress (序时进度) and where a task stands against it.

Where a task should be by a day: the share of its roadmap's milestones due by then, or, without a
roadmap, the share of the days from its start to its deadline that have passed. Whole percentage
points, rounded down, so the arithmetic is exact and a test can do it by hand. An ongoing task
(长期坚持) or one without a dated deadline has no time-proportional progress.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

# Reports come monthly, so a task a month behind on a one-year schedule lags about 8 points; a lag
# beyond 10 points is more than the reporting rhythm explains.
BEHIND_MARGIN_POINTS = 10


class Standing(models.TextChoices):
    NOT_STARTED = "not_started", _("Not begun")
    ON_TRACK = "on_track", _("On schedule")
    BEHIND = "behind", _("Lagging")
    OVERDUE = "overdue", _("Overdue")
    DONE = "done", _("Completed")


def expected_progress(
    *, start: dt.date, deadline: dt.date | None, milestones: Sequence[dt.date] = (), as_of: dt.date
) -> int | None:
    if milestones:
        due = sum(1 for on in milestones if on <= as_of)
        return due * 100 // len(milestones)
    if deadline is None:
        return None
    if as_of >= deadline:
        return 100
    if as_of <= start:
        return 0
    return (as_of - start).days * 100 // (deadline - start).days


@dataclass(frozen=True)
class Position:
    expected: int | None
    reported: int | None  # the latest report's progress; None before the first report
    standing: Standing

    @property
    def lag(self) -> int | None:
        if self.expected is None:
            return None
        return self.expected - (self.reported or 0)


def position(
    *,
    done: bool,
    start: dt.date,
    deadline: dt.date | None,
    milestones: Sequence[dt.date],
    reported: int | None,
    as_of: dt.date,
) -> Position:
    expected = expected_progress(start=start, deadline=deadline, milestones=milestones, as_of=as_of)
    if done:
        standing = Standing.DONE
    elif deadline is not None and as_of > deadline:
        standing = Standing.OVERDUE
    elif expected is not None and expected - (reported or 0) > BEHIND_MARGIN_POINTS:
        standing = Standing.BEHIND
    elif reported is None:
        standing = Standing.NOT_STARTED
    else:
        standing = Standing.ON_TRACK
    return Position(expected=expected, reported=reported, standing=standing)
