"""A ranking rule's settings as a typed value, stored in `RankingRule.config` as JSON.

Offices rank differently (which projects form the start-rate denominator, what the completion rate
is measured against, which ranking sequences they publish, red and black boards, point scores);
each of those is a setting here, so that a new office needs a new rule version, not new code.
`describe` writes the rule as the sentences shown on every ranking page and notice."""

from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from tuijin.core.money import wan_to_yi
from tuijin.org.models import RegionLevel, TaskForceKind, UnitKind


class StartBase(models.TextChoices):
    """Which projects form the start-rate denominator."""

    PLANNED = "planned", gettext_lazy("Projects planned to start this year")
    PLANNED_BY_MONTH = "planned_by_month", gettext_lazy("Projects planned to start by this month")
    NEW_BUILD = "new_build", gettext_lazy("New-build projects in the year's list")
    IN_IMPLEMENTATION = "in_implementation", gettext_lazy("Projects in implementation (investment planned this year)")
    ALL_LISTED = "all_listed", gettext_lazy("All projects in the year's list")


class CompletionBase(models.TextChoices):
    ANNUAL_PLAN = "annual_plan", gettext_lazy("The annual plan")
    PLAN_TO_DATE = "plan_to_date", gettext_lazy("The plan to date (annual plan × months elapsed ÷ 12)")


class By(models.TextChoices):
    REGION = "region", gettext_lazy("By region")
    TASK_FORCE = "task_force", gettext_lazy("By task force")
    UNIT = "unit", gettext_lazy("By responsible unit")


class Measure(models.TextChoices):
    START_RATE = "start_rate", gettext_lazy("Start rate")
    COMPLETION_RATE = "completion_rate", gettext_lazy("Investment completion rate")
    SCORE = "score", gettext_lazy("Score")


class BoardTarget(models.TextChoices):
    TIME_PROGRESS = "time_progress", gettext_lazy("Investment completion at or above time-proportional progress")
    FIXED = "fixed", gettext_lazy("The measure at or above a fixed value")


class RuleConfigInvalid(ValueError):
    """A stored or submitted configuration that cannot be read; the message says what is wrong."""


@dataclass(frozen=True)
class Sequence:
    """One ranking table: who is ranked against whom. `levels` keeps only regions of those levels
    (counties apart from development zones); `kinds` keeps only task forces or units of those kinds
    (departments and state enterprises)."""

    key: str
    by: str = By.REGION
    name: str = ""
    levels: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return self.name or str(By(self.by).label)


@dataclass(frozen=True)
class Lights:
    """Traffic lights: yellow when investment completion is `yellow_points` to `red_points`
    percentage points behind time-proportional progress, red beyond that or when the planned start
    passed `overdue_months` ago without a start."""

    yellow_points: int = 10
    red_points: int = 30
    overdue_months: int = 3


@dataclass(frozen=True)
class Boards:
    """Red board: met the period's target and among the first `red_top`; black board: missed it and
    among the last `black_bottom`, unless exempted by a recorded exemption."""

    measure: str = Measure.COMPLETION_RATE
    target: str = BoardTarget.TIME_PROGRESS
    target_value: Decimal = Decimal(0)
    red_top: int = 3
    black_bottom: int = 3


@dataclass(frozen=True)
class Band:
    """Points per project of at least `min_investment` (10k CNY) total investment."""

    min_investment: Decimal
    points: Decimal


@dataclass(frozen=True)
class Scoring:
    per_new_start: Decimal = Decimal(5)
    per_continuing: Decimal = Decimal(2)
    bands: tuple[Band, ...] = ()
    completion_points: Decimal = Decimal(60)
    completion_cap: Decimal = Decimal(1)
    per_missing_report: Decimal = Decimal(-1)


DEFAULT_SEQUENCES = (Sequence("region", By.REGION), Sequence("task_force", By.TASK_FORCE))


@dataclass(frozen=True)
class RuleConfig:
    """Issue 3's rule by default: planned to start = the annual plan says so; completion measured
    against the annual plan; a late report counts with the missing ones; lights at 10 / 30 points
    and 3 months; one ranking by region and one by task force; no boards, no scores."""

    start_base: str = StartBase.PLANNED
    count_resumed: bool = False
    completion_base: str = CompletionBase.ANNUAL_PLAN
    late_counts_as_missing: bool = True
    lights: Lights = field(default_factory=Lights)
    sequences: tuple[Sequence, ...] = DEFAULT_SEQUENCES
    boards: Boards | None = None
    scoring: Scoring | None = None

    def sequence(self, key: str) -> Sequence | None:
        return next((s for s in self.sequences if s.key == key), None)

    def with_sequences(self, sequences: tuple[Sequence, ...]) -> "RuleConfig":
        return replace(self, sequences=sequences)

    def to_json(self) -> dict[str, Any]:
        return _jsonable(asdict(self))

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> "RuleConfig":
        """Reads a stored configuration; a missing key takes its default, a wrong value is refused."""
        data = data or {}
        try:
            config = cls(
                start_base=StartBase(data.get("start_base", StartBase.PLANNED)).value,
                count_resumed=bool(data.get("count_resumed", False)),
                completion_base=CompletionBase(data.get("completion_base", CompletionBase.ANNUAL_PLAN)).value,
                late_counts_as_missing=bool(data.get("late_counts_as_missing", True)),
                lights=Lights(**{k: int(v) for k, v in (data.get("lights") or {}).items()}),
                sequences=tuple(_sequence(s) for s in data["sequences"])
                if data.get("sequences")
                else DEFAULT_SEQUENCES,
                # An empty mapping turns the part on with its defaults; null or absent leaves it off.
                boards=_boards(data["boards"]) if data.get("boards") is not None else None,
                scoring=_scoring(data["scoring"]) if data.get("scoring") is not None else None,
            )
        except (KeyError, TypeError, ValueError, InvalidOperation) as error:
            raise RuleConfigInvalid(
                _("The ranking rule's settings cannot be read: %(error)s") % {"error": error}
            ) from error
        config.check()
        return config

    def check(self) -> None:
        keys = [s.key for s in self.sequences]
        if not keys:
            raise RuleConfigInvalid(_("A rule needs at least one ranking sequence."))
        if len(set(keys)) != len(keys):
            raise RuleConfigInvalid(_("Two ranking sequences have the same key."))
        if not 0 <= self.lights.yellow_points <= self.lights.red_points:
            raise RuleConfigInvalid(_("The yellow threshold must be between 0 and the red threshold."))
        if self.boards and (self.boards.red_top < 0 or self.boards.black_bottom < 0):
            raise RuleConfigInvalid(_("Board sizes cannot be negative."))


def _sequence(data: dict[str, Any]) -> Sequence:
    by = By(data.get("by", By.REGION)).value
    allowed = {By.REGION: RegionLevel.values, By.TASK_FORCE: TaskForceKind.values, By.UNIT: UnitKind.values}[by]
    levels = tuple(RegionLevel(v).value for v in data.get("levels", ()))
    kinds = tuple(v for v in data.get("kinds", ()) if v in allowed)
    if len(kinds) != len(data.get("kinds", ())):
        raise ValueError(f"kinds {data.get('kinds')}")
    key = str(data["key"]).strip()
    if not key:
        raise ValueError("key")
    return Sequence(key=key, by=by, name=str(data.get("name", "")).strip(), levels=levels, kinds=kinds)


def _boards(data: dict[str, Any]) -> Boards:
    return Boards(
        measure=Measure(data.get("measure", Measure.COMPLETION_RATE)).value,
        target=BoardTarget(data.get("target", BoardTarget.TIME_PROGRESS)).value,
        target_value=Decimal(str(data.get("target_value", "0"))),
        red_top=int(data.get("red_top", 3)),
        black_bottom=int(data.get("black_bottom", 3)),
    )


def _scoring(data: dict[str, Any]) -> Scoring:
    defaults = Scoring()

    def number(name: str) -> Decimal:
        return Decimal(str(data.get(name, getattr(defaults, name))))

    bands = tuple(
        sorted(
            (Band(Decimal(str(b["min_investment"])), Decimal(str(b["points"]))) for b in data.get("bands", ())),
            key=lambda b: b.min_investment,
            reverse=True,
        )
    )
    return Scoring(
        per_new_start=number("per_new_start"),
        per_continuing=number("per_continuing"),
        bands=bands,
        completion_points=number("completion_points"),
        completion_cap=number("completion_cap"),
        per_missing_report=number("per_missing_report"),
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _points(value: Decimal) -> str:
    return f"{value.normalize():f}"


def describe(config: RuleConfig) -> list[str]:
    """The rule in the office's words, one sentence per part; shown on every ranking page and notice."""
    sentences = [_start_sentence(config), _completion_sentence(config), _reports_sentence(config)]
    lights = config.lights
    sentences.append(
        _(
            "Traffic lights: yellow when investment completion is %(yellow)s to %(red)s percentage points behind "
            "time-proportional progress (months elapsed ÷ 12); red when more than %(red)s points behind, or when "
            "the planned start date passed %(months)s months ago without a start; green otherwise."
        )
        % {"yellow": lights.yellow_points, "red": lights.red_points, "months": lights.overdue_months}
    )
    sentences.append(
        _("Ranking sequences: %(names)s; ties share a rank.")
        % {"names": _("; ").join(_sequence_phrase(s) for s in config.sequences)}
    )
    if config.boards:
        sentences.append(_boards_sentence(config.boards))
    if config.scoring:
        sentences.append(_scoring_sentence(config.scoring))
    return sentences


def _start_sentence(config: RuleConfig) -> str:
    base = {
        StartBase.PLANNED: _("the projects whose annual plan marks them as planned to start this year"),
        StartBase.PLANNED_BY_MONTH: _(
            "the projects planned to start this year whose planned start date falls on or before the month's end"
        ),
        StartBase.NEW_BUILD: _("the new-build projects in the year's list"),
        StartBase.IN_IMPLEMENTATION: _("the projects in the year's list with investment planned for the year"),
        StartBase.ALL_LISTED: _("all projects in the year's list"),
    }[StartBase(config.start_base)]
    if config.count_resumed:
        return _(
            "Start and resumption rate (开复工率) = projects started or resumed ÷ %(base)s; started means an "
            "actual start date (or, without one, a start reported in a monthly report) between 1 January and "
            "the month's end; a continuing project resumes when it reports investment this year."
        ) % {"base": base}
    return _(
        "Start rate = projects started ÷ %(base)s; started means an actual start date (or, without one, a start "
        "reported in a monthly report) between 1 January and the month's end."
    ) % {"base": base}


def _completion_sentence(config: RuleConfig) -> str:
    if config.completion_base == CompletionBase.PLAN_TO_DATE:
        base = _("the plan to date (annual planned investment × months elapsed ÷ 12)")
    else:
        base = _("the annual planned investment")
    return _(
        "Investment completion rate = investment completed from January to the month (submitted and accepted "
        "monthly reports) ÷ %(base)s; it is compared with time-proportional progress (months elapsed ÷ 12) in "
        "percentage points. Projects that left the library by the month's end are not counted."
    ) % {"base": base}


def _reports_sentence(config: RuleConfig) -> str:
    if config.late_counts_as_missing:
        return _(
            "A monthly report is missing when none was submitted by the end of the reporting window, and late when "
            "it was submitted after the window closed; late reports are counted with the missing ones."
        )
    return _(
        "A monthly report is missing when none was submitted by the end of the reporting window, and late when it "
        "was submitted after the window closed; late reports are shown apart and not counted as missing."
    )


def _sequence_phrase(sequence: Sequence) -> str:
    limits = [str(RegionLevel(v).label) for v in sequence.levels]
    kind_labels = dict(TaskForceKind.choices) if sequence.by == By.TASK_FORCE else dict(UnitKind.choices)
    limits += [str(kind_labels[v]) for v in sequence.kinds]
    if not limits:
        return sequence.title
    return _("%(name)s (%(limits)s)") % {"name": sequence.title, "limits": _(", ").join(limits)}


def _boards_sentence(boards: Boards) -> str:
    if boards.target == BoardTarget.TIME_PROGRESS:
        target = _("investment completion at or above time-proportional progress")
    elif boards.measure == Measure.SCORE:
        target = _("a score of at least %(value)s") % {"value": _points(boards.target_value)}
    else:
        target = _("%(measure)s of at least %(value)s%%") % {
            "measure": Measure(boards.measure).label,
            "value": _points(boards.target_value * 100),
        }
    return _(
        "Red board: met the period's target (%(target)s) and ranked in the first %(top)s by %(measure)s; black "
        "board: missed it and ranked in the last %(bottom)s, unless exempted (force majeure, target met)."
    ) % {
        "target": target,
        "top": boards.red_top,
        "bottom": boards.black_bottom,
        "measure": Measure(boards.measure).label,
    }


def _scoring_sentence(scoring: Scoring) -> str:
    parts = [
        _("%(points)s points per new start") % {"points": _points(scoring.per_new_start)},
        _("%(points)s points per continuing project") % {"points": _points(scoring.per_continuing)},
    ]
    parts += [
        ngettext(
            "%(points)s point per project of %(amount)s hundred million CNY or more",
            "%(points)s points per project of %(amount)s hundred million CNY or more",
            1 if band.points == 1 else 2,
        )
        % {"points": _points(band.points), "amount": _points(wan_to_yi(band.min_investment))}
        for band in scoring.bands
    ]
    parts.append(
        _("%(points)s × the investment completion rate (at most %(cap)s%%)")
        % {"points": _points(scoring.completion_points), "cap": _points(scoring.completion_cap * 100)}
    )
    parts.append(_("%(points)s points per missing report") % {"points": _points(scoring.per_missing_report)})
    return _("Score = %(parts)s, plus recorded bonuses and deductions.") % {"parts": _("; ").join(parts)}
