"""The notice's own sections: overall situation, one ranking per sequence, projects behind schedule,
projects in and out of the library, charts and the rule. Registered in `content.SECTIONS` on import."""

from fractions import Fraction

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from ...models import Project
from .. import selectors
from ..selectors import Table as RankingTable
from ..standings import order_by_rank
from .content import Chart, Column, Kind, NoticeContext, Section, Table, register_section, rule_section
from .sentences import headline, sequence_sentences

# Word lists at most this many projects per table, the Excel workbook at most EXCEL_ROWS (the furthest
# behind first); the sentences give the full counts, and the platform lists every project behind them.
WORD_ROWS = 30
EXCEL_ROWS = 1000


def overall(context: NoticeContext) -> Section:
    lights = selectors.light_counts(**context.where, config=context.config)
    return Section("overall", _("Overall situation"), headline(context, lights))


def ranking_columns(context: NoticeContext) -> list[Column]:
    columns = [
        Column(_("Name")),
        Column(_("Planned to start"), Kind.INT),
        Column(_("Started"), Kind.INT),
        Column(_("Start rate"), Kind.RATE),
        Column(_("Start rank"), Kind.INT),
        Column(_("Annual plan (100M CNY)"), Kind.YI),
        Column(_("Completed (100M CNY)"), Kind.YI),
        Column(_("Completion rate"), Kind.RATE),
        Column(_("Against time progress (points)"), Kind.POINTS),
        Column(_("Completion rank"), Kind.INT),
        Column(_("Missing or late reports"), Kind.INT),
    ]
    if context.config.scoring:
        columns += [Column(_("Score"), Kind.SCORE), Column(_("Score rank"), Kind.INT)]
    if context.config.boards:
        columns.append(Column(_("Board")))
    return columns


def _board(board: str | None) -> str:
    return {"red": _("Red board"), "black": _("Black board")}.get(board or "", "")


def ranking_table(context: NoticeContext, table: RankingTable) -> Table:
    measure = "score" if context.config.scoring else "completion_rate"
    rows = []
    for row in [*order_by_rank(table.rows, measure), context.ranking.totals]:
        values = [
            row.name,
            row.planned_starts,
            row.started,
            row.start_rate,
            row.start_rank,
            row.annual_plan,
            row.completed_ytd,
            row.completion_rate,
            row.progress_gap,
            row.completion_rank,
            row.missing_reports,
        ]
        if context.config.scoring:
            values += [row.score, row.score_rank]
        if context.config.boards:
            values.append(_board(row.board))
        rows.append(values)
    title = _("%(sequence)s: start and investment completion") % {"sequence": table.sequence.title}
    return Table(title, ranking_columns(context), rows, sheet=table.sequence.title)


def rankings(context: NoticeContext) -> list[Section]:
    return [
        Section(
            f"sequence-{table.sequence.key}",
            _("Ranking %(sequence)s") % {"sequence": table.sequence.title.lower()},
            sequence_sentences(table, context.ranking),
            [ranking_table(context, table)],
        )
        for table in context.ranking.tables
    ]


PROJECT_FIELDS = ("code", "name", "region__name", "task_force__name")


def _project_rows(projects: QuerySet[Project], overdue: bool) -> tuple[list[list], int]:
    """The first rows of a list as values (the notice needs a few columns of them) and how many there
    are, from one evaluation of the list."""
    if overdue:
        found = list(projects.values_list(*PROJECT_FIELDS, "planned_start"))
        return [list(row) for row in found[:EXCEL_ROWS]], len(found)
    found = list(projects.values_list(*PROJECT_FIELDS, "plan_amount", "done"))
    rows = [
        [*row[:4], row[4], row[5], Fraction(row[5]) / Fraction(row[4]) if row[4] else None]
        for row in found[:EXCEL_ROWS]
    ]
    return rows, len(found)


def behind(context: NoticeContext) -> Section:
    # The notice names the projects far behind (red); the dashboard lists every yellow one too.
    found = selectors.behind_schedule(**context.where, config=context.config, far=True)
    (overdue, overdue_count), (by_completion, behind_count) = (
        _project_rows(found.overdue, True),
        _project_rows(found.by_completion, False),
    )
    counts = {"overdue": overdue_count, "behind": behind_count}
    project = [Column(_("Project code")), Column(_("Project name")), Column(_("Region")), Column(_("Task force"))]
    return Section(
        "behind",
        _("Projects behind schedule"),
        [
            _(
                "%(overdue)s projects planned to start by the month's end have not started; %(behind)s projects are "
                "more than %(points)s percentage points behind time-proportional progress."
            )
            % {**counts, "points": context.config.lights.red_points}
        ],
        [
            Table(
                _("Planned to start and not started"),
                [*project, Column(_("Planned start"), Kind.DATE)],
                overdue,
                word_limit=WORD_ROWS,
                sheet=_("Not started"),
                total=counts["overdue"],
            ),
            Table(
                _("Investment completion far behind time-proportional progress"),
                [
                    *project,
                    Column(_("Annual plan (10k CNY)"), Kind.WAN),
                    Column(_("Completed (10k CNY)"), Kind.WAN),
                    Column(_("Completion rate"), Kind.RATE),
                ],
                by_completion,
                word_limit=WORD_ROWS,
                sheet=_("Behind progress"),
                total=counts["behind"],
            ),
        ],
    )


def movements(context: NoticeContext) -> Section:
    moved = selectors.library_movements(**context.where)
    entered = [
        [e.project.code, e.project.name, e.project.region.name, e.on, e.project.total_investment] for e in moved.entered
    ]
    exited = [[e.project.code, e.project.name, e.project.region.name, e.on, e.reason] for e in moved.exited]
    project = [Column(_("Project code")), Column(_("Project name")), Column(_("Region")), Column(_("Date"), Kind.DATE)]
    return Section(
        "movements",
        _("Projects in and out of the library"),
        [
            _("%(entered)s projects entered the library this month and %(exited)s left it.")
            % {"entered": len(entered), "exited": len(exited)}
        ],
        [
            Table(
                _("Entered"),
                [*project, Column(_("Total investment (10k CNY)"), Kind.WAN)],
                entered,
                WORD_ROWS,
                _("Entered"),
            ),
            Table(_("Left"), [*project, Column(_("Reason"))], exited, WORD_ROWS, _("Left")),
        ],
    )


def charts(context: NoticeContext) -> Section:
    progress = float(context.ranking.window.time_progress)
    return Section(
        "chart",
        _("Charts"),
        charts=[
            Chart(
                _("%(sequence)s: start and investment completion rates") % {"sequence": table.sequence.title},
                [r.name for r in table.rows],
                [
                    (_("Start rate"), [None if r.start_rate is None else float(r.start_rate) for r in table.rows]),
                    (
                        _("Investment completion rate"),
                        [None if r.completion_rate is None else float(r.completion_rate) for r in table.rows],
                    ),
                ],
                (_("Time-proportional progress"), progress),
            )
            for table in context.ranking.tables
            if table.rows
        ],
    )


register_section(10, overall)
register_section(20, rankings)
register_section(30, behind)
register_section(40, movements)
register_section(50, charts)
register_section(90, rule_section)
