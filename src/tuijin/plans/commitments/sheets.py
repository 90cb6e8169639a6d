"""The year's commitments as the Excel table offices circulate (序号 / 单位 / 承诺事项 / 目标 / 措施 /
责任人 / 进展 / 评价), written by the sheets engine."""

from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from tuijin.org.models import Programme
from tuijin.sheets.engine import Column, SheetSpec, build_workbook

from .models import Commitment

COLUMNS = [
    Column("number", gettext_lazy("No."), width=6),
    Column("owner", gettext_lazy("Unit"), width=20),
    Column("title", gettext_lazy("Commitment"), width=30),
    Column("target", gettext_lazy("Target"), width=36),
    Column("measures", gettext_lazy("Measures"), width=48),
    Column("responsible", gettext_lazy("Responsible person"), width=14),
    Column("progress", gettext_lazy("Progress"), width=36),
    Column("evaluation", gettext_lazy("Evaluation"), width=30),
    Column("state", pgettext_lazy("commitment", "State"), width=10),
]


def _progress(commitment: Commitment) -> str:
    if not commitment.progress_note:
        return ""
    return f"{commitment.progress}% {commitment.progress_note}"


def _evaluation(commitment: Commitment) -> str:
    if commitment.score is None:
        return ""
    return f"{commitment.score} {commitment.rating} {commitment.evaluation}".strip()


def commitments_workbook(*, programme: Programme, year: int, commitments: Iterable[Commitment]) -> bytes:
    title = _("%(programme)s: public commitments %(year)s") % {"programme": programme.name, "year": year}
    name = _("Commitments %(year)s") % {"year": year}
    rows = [
        [
            number,
            c.owner_name,
            c.title,
            c.target,
            c.measures,
            c.responsible,
            _progress(c),
            _evaluation(c),
            c.get_state_display(),
        ]
        for number, c in enumerate(commitments, start=1)
    ]
    return build_workbook([SheetSpec(name, COLUMNS, title=title)], {name: rows})
