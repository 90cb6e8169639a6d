"""A project's life as dates, sampled so that its stage on a given day follows from them: projects
not yet started have no actual start, operating ones have a completion, exited ones a reason. Pure
Python (no database), so the distributions can be checked on their own."""

import datetime as dt
import math
import random
from dataclasses import dataclass
from decimal import Decimal

from tuijin.core.periods import add_months, month_start
from tuijin.projects.models import Stage

from .vocabulary import EXIT_REASONS

# Shares of the library by stage on the day the data describe. A provincial library is mostly
# projects under construction; a tenth waits in preparation, a few are exited.
STAGE_SHARES: dict[str, int] = {
    Stage.CONCEIVED: 2,
    Stage.RESERVE: 3,
    Stage.PREPARING: 9,
    Stage.CONSTRUCTION: 60,
    Stage.OPERATING: 17,
    Stage.FULL_OUTPUT: 4,
    Stage.EXITED: 5,
}
# The stage an exited project left from.
EXITED_FROM: dict[str, int] = {Stage.CONCEIVED: 10, Stage.RESERVE: 25, Stage.PREPARING: 45, Stage.CONSTRUCTION: 20}
ORDER = [Stage.CONCEIVED, Stage.RESERVE, Stage.PREPARING, Stage.CONSTRUCTION, Stage.OPERATING, Stage.FULL_OUTPUT]

# Total investment in 万元: log-normal around 3亿 (most between 1 and 10亿, a few above 100亿);
# nothing below 3,000万, which no programme would list as a major project.
MEDIAN_WAN = 30000
SIGMA = 1.1
FLOOR_WAN = 3000

# Investment by calendar month relative to an average month: little around the Spring Festival,
# a push before the half-year and the year-end.
SEASON = {1: 0.55, 2: 0.45, 3: 0.9, 4: 1.0, 5: 1.05, 6: 1.2, 7: 0.95, 8: 0.95, 9: 1.15, 10: 1.0, 11: 1.2, 12: 1.6}


def total_investment(rng: random.Random) -> Decimal:
    value = rng.lognormvariate(math.log(MEDIAN_WAN), SIGMA)
    while value < FLOOR_WAN:
        value = rng.lognormvariate(math.log(MEDIAN_WAN), SIGMA)
    step = 100 if value >= 10000 else 10  # offices round large totals to the million
    return Decimal(round(value / step) * step).quantize(Decimal("0.01"))


def construction_months(rng: random.Random, total: Decimal) -> int:
    """Bigger projects take longer: about 14 months at 1亿, 24 at 10亿, 34 at 100亿."""
    hundred_millions = float(total) / 10000
    months = (14 + 10 * math.log10(max(hundred_millions, 0.3))) * rng.uniform(0.8, 1.25)
    return max(6, min(60, round(months)))


def shift(day: dt.date, months: float, rng: random.Random | None = None) -> dt.date:
    """The day `months` later (or earlier), on a random day of that month when rng is given."""
    start = add_months(month_start(day), math.floor(months))
    last = (add_months(start, 1) - dt.timedelta(days=1)).day
    return start.replace(day=rng.randint(1, last) if rng else min(day.day, last))


@dataclass
class Lifecycle:
    stage: str
    entered_on: dt.date
    milestones: list[tuple[str, dt.date]]  # stages reached and when, in order
    approved_on: dt.date | None
    planned_start: dt.date | None
    planned_completion: dt.date | None
    actual_start: dt.date | None
    actual_completion: dt.date | None
    curve_end: dt.date | None  # when the investment curve reaches the total (later than today while building)
    exited_on: dt.date | None = None
    exit_reason: str = ""

    @property
    def entry_stage(self) -> str:
        return [stage for stage, on in self.milestones if on <= self.entered_on][-1]

    def moves_after_entry(self) -> list[tuple[str, str, dt.date]]:
        """(from, to, on) for every stage reached after the project entered the library."""
        moves, previous = [], self.entry_stage
        for stage, on in self.milestones:
            if on > self.entered_on:
                moves.append((previous, stage, on))
                previous = stage
        return moves

    def active_in(self, first: dt.date, last: dt.date) -> bool:
        """Whether the project is in the library and not yet completed during [first, last]."""
        return (
            self.entered_on <= last
            and (self.exited_on is None or self.exited_on >= first)
            and (self.actual_completion is None or self.actual_completion >= first)
        )


def sample_lifecycle(
    rng: random.Random, *, total: Decimal, as_of: dt.date, library_opened: dt.date, stage: str | None = None
) -> Lifecycle:
    stage = stage or rng.choices(list(STAGE_SHARES), weights=list(STAGE_SHARES.values()))[0]
    reached = rng.choices(list(EXITED_FROM), weights=list(EXITED_FROM.values()))[0] if stage == Stage.EXITED else stage
    exited_on = shift(as_of, -rng.uniform(0.5, 22), rng) if stage == Stage.EXITED else None
    until = exited_on or as_of  # the day the project's reached stage stands on
    duration = construction_months(rng, total)
    dates = _dates(rng, reached, until, duration)
    milestones = _milestones(rng, reached, dates, until)
    first = milestones[0][1]
    entered_on = min(max(library_opened, first, shift(first, rng.uniform(0, 3), rng)), until)
    if exited_on is not None:
        milestones.append((Stage.EXITED, exited_on))
    return Lifecycle(
        stage=stage,
        entered_on=entered_on,
        milestones=milestones,
        exited_on=exited_on,
        exit_reason=rng.choice(EXIT_REASONS) if exited_on else "",
        **dates,
    )


def _dates(rng: random.Random, reached: str, until: dt.date, duration: int) -> dict[str, dt.date | None]:
    started = ORDER.index(reached) >= ORDER.index(Stage.CONSTRUCTION)
    actual_start = actual_completion = curve_end = None
    if reached in (Stage.OPERATING, Stage.FULL_OUTPUT):
        ago = rng.uniform(0.5, 22) if reached == Stage.OPERATING else rng.uniform(13, 40)
        actual_completion = shift(until, -ago, rng)
        actual_start = shift(actual_completion, -duration * rng.uniform(0.9, 1.3), rng)
        curve_end = actual_completion
    elif reached == Stage.CONSTRUCTION:
        actual_start = shift(until, -rng.uniform(0.2, 40), rng)
        # An overdue project is still building: its curve runs on past today.
        curve_end = max(
            shift(actual_start, duration * rng.uniform(1.0, 1.3), rng), shift(until, rng.uniform(2, 9), rng)
        )
    if started:
        late = rng.random() < 0.25
        planned_start = shift(actual_start, -(rng.uniform(2, 8) if late else rng.uniform(0, 1)), rng)
    elif reached == Stage.PREPARING:
        planned_start = shift(until, rng.uniform(-8, 14), rng)  # a fifth or so are late to start
    elif reached == Stage.RESERVE:
        planned_start = shift(until, rng.uniform(3, 24), rng)
    else:
        planned_start = shift(until, rng.uniform(12, 36), rng) if rng.random() < 0.5 else None
    approved_on = None
    if started:
        approved_on = shift(planned_start, -rng.uniform(2, 10), rng)
    elif reached == Stage.PREPARING:  # preparation (前期) takes from a month to well over a year
        approved_on = min(shift(until, -rng.uniform(1, 20), rng), until)
    return {
        "approved_on": approved_on,
        "planned_start": planned_start,
        "planned_completion": shift(planned_start, duration, rng) if planned_start else None,
        "actual_start": actual_start,
        "actual_completion": actual_completion,
        "curve_end": curve_end,
    }


def _milestones(
    rng: random.Random, reached: str, dates: dict[str, dt.date | None], until: dt.date
) -> list[tuple[str, dt.date]]:
    """The days each stage up to `reached` began, walking back from the one the dates fix."""
    fixed = {
        Stage.PREPARING: dates["approved_on"],
        Stage.CONSTRUCTION: dates["actual_start"],
        Stage.OPERATING: dates["actual_completion"],
    }
    if reached == Stage.FULL_OUTPUT:
        fixed[Stage.FULL_OUTPUT] = min(shift(dates["actual_completion"], rng.uniform(6, 12), rng), until)
    stages = ORDER[: ORDER.index(reached) + 1]
    on = min((day for stage in stages if (day := fixed.get(stage)) is not None), default=None)
    if on is None:  # conceived or in reserve: reached some months ago
        on = shift(until, -rng.uniform(0, 14), rng)
    days: dict[str, dt.date] = {}
    for stage in reversed(stages):
        day = fixed.get(stage)
        on = day if day is not None else shift(min(on, until), -rng.uniform(1, 10), rng)
        days[stage] = on
    # Earlier stages are at most as late as later ones.
    result, latest = [], None
    for stage in reversed(list(days)):
        latest = days[stage] if latest is None else max(latest, days[stage])
        result.append((stage, latest))
    return result


def s_curve(x: float) -> float:
    """Share of the total invested after fraction x of the construction period (smoothstep)."""
    x = min(max(x, 0.0), 1.0)
    return x * x * (3 - 2 * x)


def share_between(start: dt.date, end: dt.date, since: dt.date, until: dt.date) -> float:
    """Share of the total a project building from start to end (inclusive) invests in [since, until)."""
    span = max((end - start).days, 1)
    first = max(since, start)
    last = min(until, end + dt.timedelta(days=1))
    if last <= first:
        return 0.0
    return s_curve((last - start).days / span) - s_curve((first - start).days / span)
