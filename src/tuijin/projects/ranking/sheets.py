"""The ranking as an Excel workbook: one sheet per ranking sequence, and the rule that produced it.
Rates are written as exact fractions shown as percentages, so that a reader can recompute them."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuijin.core.periods import format_period
from tuijin.sheets.engine import Column, SheetSpec, build_workbook

from ..models import RankingRule
from .rules import describe
from .selectors import Ranking, Table
from .standings import Row

PERCENT = "0.0%"
POINTS = "+0.0;-0.0;0.0"
MONEY = "#,##0.00"

RANKING_COLUMNS = [
    Column("key", gettext_lazy("Code"), width=12),
    Column("name", gettext_lazy("Name"), width=22),
    Column("planned_starts", gettext_lazy("Planned to start"), width=10),
    Column("started", gettext_lazy("Started"), width=10),
    Column("start_rate", gettext_lazy("Start rate"), width=10, number_format=PERCENT),
    Column("start_rank", gettext_lazy("Start rank"), width=8),
    Column("annual_plan", gettext_lazy("Annual planned investment (10k CNY)"), width=16, number_format=MONEY),
    Column("completed_ytd", gettext_lazy("Completed this year (10k CNY)"), width=16, number_format=MONEY),
    Column("completion_rate", gettext_lazy("Investment completion rate"), width=12, number_format=PERCENT),
    Column("progress_gap", gettext_lazy("Against time-proportional progress (points)"), width=14, number_format=POINTS),
    Column("completion_rank", gettext_lazy("Completion rank"), width=8),
    Column("missing_reports", gettext_lazy("Missing or late reports"), width=10),
]
SCORE_COLUMNS = [
    Column("score", gettext_lazy("Score"), width=10, number_format="0.0"),
    Column("score_rank", gettext_lazy("Score rank"), width=8),
]
BOARD_COLUMNS = [
    Column("board", gettext_lazy("Board"), width=10),
    Column("exemption", gettext_lazy("Exemption"), width=24),
]


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def board_label(row: Row) -> str:
    return {"red": _("Red board"), "black": _("Black board")}.get(row.board or "", "")


def row_values(row: Row, table: Table | None, ranking: Ranking) -> list[Any]:
    values = [
        row.key,
        row.name,
        row.planned_starts,
        row.started,
        _number(row.start_rate),
        row.start_rank,
        row.annual_plan,
        row.completed_ytd,
        _number(row.completion_rate),
        _number(row.progress_gap),
        row.completion_rank,
        row.missing_reports,
    ]
    if ranking.config.scoring:
        values += [_number(row.score), row.score_rank]
    if ranking.config.boards:
        exemption = f"{row.exemption.reason_label}: {row.exemption.note}" if row.exemption else ""
        values += [board_label(row), exemption]
    return values


def columns(ranking: Ranking) -> list[Column]:
    return (
        RANKING_COLUMNS
        + (SCORE_COLUMNS if ranking.config.scoring else [])
        + (BOARD_COLUMNS if ranking.config.boards else [])
    )


def sheet_name(title: str, taken: set[str]) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet name, and no two alike."""
    name = "".join("_" if c in "[]:*?/\\" else c for c in title)[:28] or "_"
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name}{number}", number + 1
    taken.add(candidate)
    return candidate


def ranking_workbook(ranking: Ranking) -> bytes:
    title = _("%(programme)s, %(period)s") % {
        "programme": ranking.programme.name,
        "period": format_period(ranking.window.period),
    }
    specs, rows, taken = [], {}, set()
    for table in ranking.tables:
        name = sheet_name(table.sequence.title, taken)
        specs.append(SheetSpec(name, columns(ranking), title=f"{title} · {table.sequence.title}"))
        rows[name] = [row_values(r, table, ranking) for r in [*table.rows, table.others]] + [
            row_values(ranking.totals, None, ranking)
        ]
    rule_sheet = sheet_name(_("Ranking rule"), taken)
    specs.append(SheetSpec(rule_sheet, [Column("text", _("Rule"), width=120)], title=rule_title(ranking.rule)))
    rows[rule_sheet] = [[sentence] for sentence in describe(ranking.config)]
    return build_workbook(specs, rows)


def rule_title(rule: RankingRule | None) -> str:
    if rule is None:
        return _("Ranking rule: the standard rule (no version saved yet)")
    return _("Ranking rule: %(name)s, version %(number)s") % {"name": rule.name, "number": rule.number}
