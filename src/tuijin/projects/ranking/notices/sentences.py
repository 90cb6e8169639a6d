"""The sentences offices write in a notice, generated from the same rows as its tables:
“开工率排名前三位的是…”, “投资完成率由高到低依次是：…”, “低于时序进度X个百分点的有…”, the boards."""

from django.utils.translation import gettext as _

from tuijin.projects.templatetags.ranking_tags import points, rate, score

from ..selectors import Ranking, Table
from ..standings import Board, Row, order_by_rank
from .content import NoticeContext, yi

TOP = 3


def join(names: list[str]) -> str:
    return _(", ").join(names)


def headline(context: NoticeContext, lights: dict[str, int]) -> list[str]:
    totals = context.ranking.totals
    return [
        _(
            "%(months)s: %(projects)s projects are in the year's library of %(scope)s; %(planned)s were planned to "
            "start and %(started)s have started, a start rate of %(start_rate)s. The annual planned investment is "
            "%(plan)s hundred million CNY, of which %(done)s hundred million CNY has been completed, an investment "
            "completion rate of %(completion_rate)s, %(versus)s."
        )
        % {
            "months": context.months,
            "projects": totals.tally.projects,
            "scope": context.parent.name,
            "planned": totals.planned_starts,
            "started": totals.started,
            "start_rate": rate(totals.start_rate),
            "plan": yi(totals.annual_plan),
            "done": yi(totals.completed_ytd),
            "completion_rate": rate(totals.completion_rate),
            "versus": versus_progress(totals),
        },
        _("By traffic light, %(green)s projects are green, %(yellow)s yellow and %(red)s red.") % lights,
        _("%(missing)s projects' monthly reports are missing or late.") % {"missing": totals.missing_reports},
    ]


def versus_progress(row: Row) -> str:
    if row.progress_gap is None:
        return _("with no annual plan to compare with time-proportional progress")
    shown = points(row.progress_gap).lstrip("+−")
    if row.progress_gap > 0 and shown != "0.0":
        return _("%(points)s percentage points above time-proportional progress") % {"points": shown}
    if row.progress_gap < 0 and shown != "0.0":
        return _("%(points)s percentage points below time-proportional progress") % {"points": shown}
    return _("level with time-proportional progress")


def sequence_sentences(table: Table, ranking: Ranking) -> list[str]:
    sentences = []
    by_start = [r for r in order_by_rank(table.rows, "start_rate") if r.start_rank is not None]
    top = [r for r in by_start if r.start_rank <= TOP]
    if top:
        sentences.append(
            _("The highest start rates are those of %(names)s.")
            % {"names": join([_("%(name)s (%(rate)s)") % {"name": r.name, "rate": rate(r.start_rate)} for r in top])}
        )
    by_completion = [r for r in order_by_rank(table.rows, "completion_rate") if r.completion_rank is not None]
    if by_completion:
        sentences.append(
            _("Investment completion rates from highest to lowest: %(names)s.")
            % {
                "names": join(
                    [
                        _("%(name)s (%(rate)s)") % {"name": r.name, "rate": rate(r.completion_rate)}
                        for r in by_completion
                    ]
                )
            }
        )
        below = [r for r in by_completion if r.progress_gap is not None and points(r.progress_gap).startswith("−")]
        if below:
            sentences.append(
                _("Below time-proportional progress: %(names)s.")
                % {
                    "names": join(
                        [
                            _("%(name)s (%(points)s points below)")
                            % {"name": r.name, "points": points(r.progress_gap).lstrip("−")}
                            for r in below
                        ]
                    )
                }
            )
        else:
            sentences.append(_("All are at or above time-proportional progress."))
    if ranking.config.scoring:
        by_score = [r for r in order_by_rank(table.rows, "score") if r.score_rank is not None]
        sentences.append(
            _("Scores from highest to lowest: %(names)s.")
            % {
                "names": join(
                    [_("%(name)s (%(score)s points)") % {"name": r.name, "score": score(r.score)} for r in by_score]
                )
            }
        )
    if ranking.config.boards:
        sentences += board_sentences(table.rows)
    return sentences


def board_sentences(rows: list[Row]) -> list[str]:
    red = [r.name for r in rows if r.board == Board.RED]
    black = [r.name for r in rows if r.board == Board.BLACK]
    sentences = [
        _("Red board: %(names)s.") % {"names": join(red) if red else _("none")},
        _("Black board: %(names)s.") % {"names": join(black) if black else _("none")},
    ]
    sentences += [
        _("%(name)s is spared the black board (%(reason)s: %(note)s).")
        % {"name": r.name, "reason": r.exemption.reason_label, "note": r.exemption.note}
        for r in rows
        if r.spared
    ]
    return sentences
