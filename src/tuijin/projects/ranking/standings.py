"""From tallies to a ranking table: rates, ranks (ties share a rank), scores, red and black boards.
Pure Python over one row per ranked member; the figures themselves come from `figures`.

Rates are kept as exact fractions so that equal rates tie exactly; they are rounded only for display."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .figures import Tally, Window
from .rules import BoardTarget, CompletionBase, Measure, RuleConfig


class Board:
    RED = "red"
    BLACK = "black"


@dataclass(frozen=True)
class Member:
    key: str
    name: str


@dataclass
class Exemption:
    reason: str
    reason_label: str
    note: str


@dataclass
class Row:
    key: str
    name: str
    tally: Tally
    start_rate: Fraction | None
    completion_rate: Fraction | None
    # Investment completion against time-proportional progress, in percentage points (+ ahead, − behind).
    progress_gap: Fraction | None
    missing_reports: int
    adjustment: Decimal = Decimal(0)
    score: Fraction | None = None
    start_rank: int | None = None
    completion_rank: int | None = None
    score_rank: int | None = None
    board: str | None = None
    exemption: Exemption | None = None
    # On the black board but for its exemption.
    spared: bool = False

    @property
    def planned_starts(self) -> int:
        return self.tally.planned

    @property
    def started(self) -> int:
        return self.tally.started

    @property
    def annual_plan(self) -> Decimal:
        return self.tally.annual_plan

    @property
    def completed_ytd(self) -> Decimal:
        return self.tally.completed

    @property
    def late_reports(self) -> int:
        return self.tally.late

    def measure(self, measure: str) -> Fraction | None:
        return {Measure.START_RATE: self.start_rate, Measure.COMPLETION_RATE: self.completion_rate}.get(
            measure, self.score
        )

    def rank(self, measure: str) -> int | None:
        return {Measure.START_RATE: self.start_rank, Measure.COMPLETION_RATE: self.completion_rank}.get(
            measure, self.score_rank
        )

    def as_json(self) -> dict:
        """The row as `manage.py ranking --json` prints it."""
        return {
            "key": self.key,
            "name": self.name,
            "planned_starts": self.planned_starts,
            "started": self.started,
            "start_rate": _float(self.start_rate),
            "annual_plan": float(self.annual_plan),
            "completed_ytd": float(self.completed_ytd),
            "completion_rate": _float(self.completion_rate),
            "start_rank": self.start_rank,
            "completion_rank": self.completion_rank,
            "missing_reports": self.missing_reports,
        }


def _float(rate: Fraction | None) -> float | None:
    return None if rate is None else float(rate)


def row_of(member: Member, tally: Tally, config: RuleConfig, window: Window, adjustment: Decimal = Decimal(0)) -> Row:
    missing = tally.unsubmitted + (tally.late if config.late_counts_as_missing else 0)
    start_rate = Fraction(tally.started, tally.planned) if tally.planned else None
    plan = Fraction(tally.annual_plan)
    completion_rate = progress_gap = None
    if plan > 0:
        share = Fraction(tally.completed) / plan
        progress_gap = (share - window.time_progress) * 100
        completion_rate = (
            share / window.time_progress if config.completion_base == CompletionBase.PLAN_TO_DATE else share
        )
    row = Row(member.key, member.name, tally, start_rate, completion_rate, progress_gap, missing, adjustment)
    if config.scoring:
        row.score = _score(row, config)
    return row


def _score(row: Row, config: RuleConfig) -> Fraction:
    scoring = config.scoring
    completion = min(row.completion_rate or Fraction(0), Fraction(scoring.completion_cap))
    return (
        Fraction(scoring.per_new_start) * row.tally.new_starts
        + Fraction(scoring.per_continuing) * row.tally.continuing
        + Fraction(row.tally.band_points)
        + Fraction(scoring.completion_points) * completion
        + Fraction(scoring.per_missing_report) * row.missing_reports
        + Fraction(row.adjustment)
    )


def competition_ranks(values: Sequence[Fraction | None]) -> list[int | None]:
    """1 for the highest; equal values share a rank and the next rank skips (1, 2, 2, 4); no value, no rank."""
    ranked = sorted((v for v in values if v is not None), reverse=True)
    first = {}
    for position, value in enumerate(ranked, start=1):
        first.setdefault(value, position)
    return [None if v is None else first[v] for v in values]


def rank_rows(rows: list[Row]) -> None:
    for attribute, value in (
        ("start_rank", lambda r: r.start_rate),
        ("completion_rank", lambda r: r.completion_rate),
        ("score_rank", lambda r: r.score),
    ):
        for row, rank in zip(rows, competition_ranks([value(r) for r in rows]), strict=True):
            setattr(row, attribute, rank)


def place_on_boards(rows: list[Row], config: RuleConfig, window: Window, exemptions: dict[str, Exemption]) -> None:
    """Red: met the target and ranked within the first N; black: missed it and among the last M rows of
    the table (rows tied with one of them go with it), unless exempted."""
    boards = config.boards
    if boards is None:
        return
    ranked = [r for r in rows if r.rank(boards.measure) is not None]
    if not ranked:
        return
    met = _target(config, window)
    bottom = _bottom_ranks(ranked, boards.measure, boards.black_bottom)
    for row in ranked:
        row.exemption = exemptions.get(row.key)
        rank = row.rank(boards.measure)
        if met(row) and rank <= boards.red_top:
            row.board = Board.RED
        elif not met(row) and rank in bottom:
            row.board, row.spared = (None, True) if row.exemption else (Board.BLACK, False)


def _bottom_ranks(rows: list[Row], measure: str, count: int) -> set[int]:
    """Ranks of the last `count` rows of the table (all rows sharing one of those ranks are included)."""
    if count <= 0:
        return set()
    ordered = sorted(rows, key=lambda r: r.rank(measure))
    return {r.rank(measure) for r in ordered[-count:]}


def _target(config: RuleConfig, window: Window) -> Callable[[Row], bool]:
    boards = config.boards
    if boards.target == BoardTarget.TIME_PROGRESS:
        return lambda row: row.progress_gap is not None and row.progress_gap >= 0
    threshold = Fraction(boards.target_value)
    return lambda row: (row.measure(boards.measure) or Fraction(0)) >= threshold


def order_by_rank(rows: list[Row], measure: str) -> list[Row]:
    """Best first; rows without a rank last, in their natural order."""
    return sorted(rows, key=lambda r: (r.rank(measure) is None, r.rank(measure) or 0))
