"""The library's Excel exports through the sheets engine: the filtered project list (every row of
it, not only the page shown) and origination against targets."""

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuijin.sheets.engine import Column, SheetSpec, build_workbook

from ..models import Origin, Stage
from .selectors import OriginationRow, Totals

MONEY = "#,##0.00"
DATE = "yyyy-mm-dd"

PROJECT_COLUMNS = [
    Column("code", gettext_lazy("Project code"), width=16),
    Column("name", gettext_lazy("Project name"), width=36),
    Column("programme", gettext_lazy("Programme"), width=24),
    Column("region", gettext_lazy("Region"), width=14),
    Column("region_code", gettext_lazy("Administrative code"), width=14),
    Column("industry", gettext_lazy("Industry"), width=14),
    Column("task_force", gettext_lazy("Task force"), width=16),
    Column("stage", gettext_lazy("Stage"), width=10),
    Column("new_start", gettext_lazy("New or continuing"), width=10),
    Column("origin", gettext_lazy("Origination channel"), width=12),
    Column("total_investment", gettext_lazy("Total planned investment (10k CNY)"), width=16, number_format=MONEY),
    Column("planned_start", gettext_lazy("Planned start"), width=12, number_format=DATE),
    Column("planned_completion", gettext_lazy("Planned completion"), width=12, number_format=DATE),
    Column("actual_start", gettext_lazy("Actual start"), width=12, number_format=DATE),
    Column("entered_on", gettext_lazy("Entered the library on"), width=12, number_format=DATE),
    Column("exited_on", gettext_lazy("Exited on"), width=12, number_format=DATE),
]


def _project_rows(rows: QuerySet) -> Iterator[list[Any]]:
    """Rows of selectors.project_export_rows with stages, channels and new/continuing in words."""
    # Labels translated once, not once per row: an export may hold the whole province.
    stages = {value: str(label) for value, label in Stage.choices}
    origins = {value: str(label) for value, label in Origin.choices}
    new, continuing = _("New start"), _("Continuing")
    for row in rows.iterator(chunk_size=2000):
        (code, name, programme, region, region_code, industry, task_force, stage, is_new, origin, *rest) = row
        kind = new if is_new else continuing
        values = [code, name, programme, region, region_code, industry or "", task_force or "", stages[stage], kind]
        yield [*values, origins.get(origin, ""), *rest]


def project_workbook(projects: QuerySet, totals: Totals, description: str) -> bytes:
    name = _("Projects")
    title = _("%(description)s: %(count)s projects, %(total)s (10k CNY) planned") % {
        "description": description,
        "count": totals.count,
        "total": f"{totals.investment:,.2f}",
    }
    return build_workbook([SheetSpec(name, PROJECT_COLUMNS, title=title)], {name: _project_rows(projects)})


ORIGINATION_COLUMNS = [
    Column("name", gettext_lazy("Territory or department"), width=24),
    Column("target", gettext_lazy("Target"), width=10),
    Column("achieved", gettext_lazy("Achieved"), width=10),
    Column("gap", gettext_lazy("Gap"), width=10),
    Column("share", gettext_lazy("Share of target"), width=12, number_format="0.0%"),
]


def origination_workbook(rows: list[OriginationRow], title: str, rule: str) -> bytes:
    name, rule_name = _("Origination"), _("Rule")
    specs = [
        SheetSpec(name, ORIGINATION_COLUMNS, title=title),
        SheetSpec(rule_name, [Column("text", _("Rule"), width=120)]),
    ]
    values = [[r.name, r.target_count, r.achieved, r.gap, r.share] for r in rows]
    return build_workbook(specs, {name: values, rule_name: [[rule]]})
