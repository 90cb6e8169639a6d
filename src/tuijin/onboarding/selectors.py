"""Reads of onboarding: which programmes a user may import into, the layouts of an uploaded
workbook with their remembered mappings, and the import plan the preview shows and the confirm
carries out.

The workbook is read by `tuijin.legacy` (header block, proposed mapping, row classes, normalised
values); this module adds what needs the database: the confirmed mappings, matching rows to the
library's projects and units, deriving the month's investment, and the cell errors only the
library can tell (a code that belongs to someone else's project).
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuijin import legacy
from tuijin.core import access
from tuijin.core.chinese import search_key
from tuijin.core.periods import format_period
from tuijin.legacy.text import cell_text, is_blank
from tuijin.legacy.values import stage_of
from tuijin.org.models import Programme, Region, Unit
from tuijin.projects.models import MonthlyReport, Project, ReportingMonth, Stage
from tuijin.projects.ranking.figures import COUNTED
from tuijin.sheets.engine import CellError

from .models import ImportJob, LayoutMapping

# The reasons tuijin.legacy gives in Chinese, for the preview in the user's language.
SKIP_REASONS = {
    "合计行": gettext_lazy("Total row"),
    "小计行": gettext_lazy("Subtotal row"),
    "分组行": gettext_lazy("Group or section row"),
    "空行": gettext_lazy("Row without content"),
    "备注行": gettext_lazy("Footnote row"),
    "签名行": gettext_lazy("Signature row"),
    "重复表头": gettext_lazy("Repeated header"),
    "无项目名称": gettext_lazy("No project name"),
}
# A stage cell that says "not applicable" is no stage word, and no error either.
_NOT_APPLICABLE = {"/", "-", "—", "无", "√"}
# A column the reader is sure holds stages (a 项目阶段 header, or the user said so): an unknown
# word in it is a bad cell. A 进展 column taken for stages by its contents may hold prose.
_SURE = 0.9


def importable_programmes(user: Any) -> QuerySet[Programme]:
    """Office users import into the programmes of their area."""
    return access.changeable(user, Programme.objects.all())


def may_import(user: Any) -> bool:
    return access.may_create(user, ImportJob)


def import_jobs(*, user: Any) -> QuerySet[ImportJob]:
    return access.visible(user, ImportJob.objects.select_related("programme", "user"))


def workbook_of(job: ImportJob) -> legacy.Workbook:
    with job.file.open("rb") as upload:
        return legacy.read_workbook(upload.read())


def period_text(job: ImportJob) -> str | None:
    return format_period(job.period) if job.period else None


def layouts_of(job: ImportJob, workbook: legacy.Workbook | None = None) -> list[legacy.SheetLayout]:
    return legacy.detect(workbook or workbook_of(job), period_text(job))


def remembered(programme: Programme, layouts: Iterable[legacy.SheetLayout]) -> dict[str, dict[int, str]]:
    """The confirmed mappings of these layouts, as `tuijin.legacy` overrides."""
    signatures = {layout.signature for layout in layouts}
    mappings = LayoutMapping.objects.filter(programme=programme, signature__in=signatures)
    return {mapping.signature: mapping.field_of() for mapping in mappings}


def needs_mapping(job: ImportJob, layouts: Sequence[legacy.SheetLayout]) -> bool:
    """The mapping step is skipped when every layout has a remembered mapping and the month is known."""
    known = remembered(job.programme, layouts)
    return not layouts or any(layout.signature not in known for layout in layouts) or not _period_of(job, layouts)


def _period_of(job: ImportJob, layouts: Sequence[legacy.SheetLayout]) -> str | None:
    return period_text(job) or next((layout.period for layout in layouts if layout.period), None)


@dataclass(frozen=True)
class SheetMapping:
    """What the mapping screen shows of one sheet: per column its header, a few values and the field."""

    layout: legacy.SheetLayout
    columns: list[dict[str, Any]]
    remembered: bool


def mapping_screen(job: ImportJob) -> tuple[list[SheetMapping], str | None]:
    workbook = workbook_of(job)
    layouts = layouts_of(job, workbook)
    known = remembered(job.programme, layouts)
    screens = []
    for layout in layouts:
        chosen = legacy.apply_overrides(layout, known)
        sheet = workbook.sheet(layout.sheet)
        samples = _samples(sheet, layout)
        columns = [
            {
                "index": column.index,
                "letter": column.letter,
                "header": column.header,
                "field": column.field,
                "confidence": column.confidence,
                "samples": samples.get(column.index, []),
            }
            for column in chosen.columns
        ]
        screens.append(SheetMapping(layout, columns, layout.signature in known))
    return screens, _period_of(job, layouts)


def _samples(sheet: legacy.Sheet, layout: legacy.SheetLayout, count: int = 3) -> dict[int, list[str]]:
    samples: dict[int, list[str]] = defaultdict(list)
    for line in sheet.cells[layout.data_start - 1 : layout.data_start - 1 + 40]:
        for index, value in enumerate(line):
            if not is_blank(value) and len(samples[index]) < count:
                samples[index].append(cell_text(value).strip()[:40])
    return samples


class Action:
    CREATE = "create"
    UPDATE = "update"


@dataclass
class PlannedRow:
    """One row of the workbook and what confirming does with it."""

    row: legacy.Row
    action: str
    project: Project | None
    matched_by: str  # "code", "name" or ""
    region: Region | None
    unit: Unit | None
    investment_month: Decimal | None
    stage: str | None
    notes: list[str] = field(default_factory=list)

    @property
    def stage_label(self) -> str:
        """The stage the project enters at or moves to; empty when it keeps its stage."""
        return str(Stage(self.stage).label) if self.stage else ""


@dataclass
class Skipped:
    sheet: str
    row: int
    reason: str
    text: str


@dataclass
class ImportPlan:
    period: dt.date
    rows: list[PlannedRow]
    skipped: list[Skipped]
    errors: list[CellError]
    refusal: str = ""  # a reason the whole workbook cannot be imported, beyond its cells

    @property
    def ok(self) -> bool:
        return not self.errors and not self.refusal

    @property
    def created(self) -> int:
        return sum(1 for planned in self.rows if planned.action == Action.CREATE)

    @property
    def updated(self) -> int:
        return sum(1 for planned in self.rows if planned.action == Action.UPDATE)

    @property
    def reports(self) -> int:
        return sum(1 for planned in self.rows if planned.investment_month is not None)


def import_plan(job: ImportJob) -> ImportPlan:
    """What confirming this upload does, row by row, under the programme's remembered mappings."""
    workbook = workbook_of(job)
    layouts = layouts_of(job, workbook)
    period_text_ = _period_of(job, layouts)
    if period_text_ is None:
        raise ValueError(_("Say which month the workbook reports on."))
    overrides = remembered(job.programme, layouts)
    extraction = legacy.extract(workbook, layouts, period_text_, overrides)
    period = dt.date(int(period_text_[:4]), int(period_text_[5:7]), 1)
    errors = [_cell_error(error) for error in extraction.errors]
    confirmed = [legacy.apply_overrides(layout, overrides) for layout in layouts]
    errors += _unknown_stage_words(workbook, confirmed, extraction)
    plan = ImportPlan(
        period=period,
        rows=[],
        skipped=[_skipped(skip) for skip in extraction.skipped],
        errors=errors,
    )
    if errors:
        return plan
    _plan_rows(job.programme, period, extraction.rows, {c.sheet: c for c in confirmed}, plan)
    closed = ReportingMonth.objects.filter(programme=job.programme, period=period, closed_at__isnull=False)
    if plan.reports and closed.exists():
        plan.refusal = _("The month %(period)s is closed: its notice is published, so reports cannot be imported.") % {
            "period": period_text_
        }
    return plan


def _skipped(skip: legacy.Skip) -> Skipped:
    return Skipped(skip.sheet, skip.row, str(SKIP_REASONS.get(skip.reason, skip.reason)), skip.text)


def _cell_error(error: legacy.CellError) -> CellError:
    """The reader's cell error with a message in the user's language."""
    if error.field in legacy.MONEY_FIELDS:
        message = _("“%(value)s” is not an amount.")
    elif error.field in ("start", "completion"):
        message = _("“%(value)s” is not a date that can be read (write 2023.3, 2023年3月 or 2023-03).")
    else:
        message = _("“%(value)s” cannot be read here.")
    return CellError(error.sheet, error.row, error.column, message % {"value": error.value}, error.value)


def _unknown_stage_words(
    workbook: legacy.Workbook, layouts: Sequence[legacy.SheetLayout], extraction: legacy.Extraction
) -> list[CellError]:
    """A stage cell with a word the library does not know: the reader leaves it empty, an import may not."""
    errors = []
    skipped = {(skip.sheet, skip.row) for skip in extraction.skipped}
    for layout in layouts:
        column = layout.column_for("stage")
        if column is None or column.confidence < _SURE:
            continue
        sheet = workbook.sheet(layout.sheet)
        for r in range(layout.data_start - 1, sheet.height):
            value = sheet.value(r, column.index)
            text = cell_text(value).strip()
            if is_blank(value) or text in _NOT_APPLICABLE or (layout.sheet, r + 1) in skipped:
                continue
            if stage_of(text) is None:
                message = _("“%(value)s” is not a stage word Tuijin knows (e.g. 在建, 新开工, 前期, 竣工投产).")
                errors.append(CellError(layout.sheet, r + 1, column.letter, message % {"value": text}, text))
    return errors


def _plan_rows(
    programme: Programme,
    period: dt.date,
    rows: Sequence[legacy.Row],
    layouts: dict[str, legacy.SheetLayout],
    plan: ImportPlan,
) -> None:
    projects = list(Project.objects.filter(programme=programme))
    by_code = {project.code: project for project in projects}
    by_name: dict[str, list[Project]] = defaultdict(list)
    for project in projects:
        by_name[search_key(project.name)].append(project)
    foreign = _codes_elsewhere(programme, {row.code for row in rows if row.code} - set(by_code))
    units = _units_by_name(programme)
    regions = _regions_by_name(programme)
    earlier = _earlier_months(programme, period)
    seen: dict[str, legacy.Row] = {}
    for row in rows:
        key = row.code or f"name:{search_key(row.name)}"
        if key in seen:
            first = seen[key]
            reason = _("Same project as sheet %(sheet)s row %(row)s") % {"sheet": first.sheet, "row": first.row}
            plan.skipped.append(Skipped(row.sheet, row.row, reason, row.name))
            continue
        seen[key] = row
        if row.code in foreign:
            column = layouts[row.sheet].column_for("code")
            message = _("Code %(code)s belongs to a project of another programme.") % {"code": row.code}
            plan.errors.append(CellError(row.sheet, row.row, column.letter if column else "A", message, row.code))
            continue
        project, matched_by = _match(row, by_code, by_name)
        planned = PlannedRow(
            row=row,
            action=Action.UPDATE if project else Action.CREATE,
            project=project,
            matched_by=matched_by,
            region=regions.get(search_key(row.region or "")) or programme.region,
            unit=None,
            investment_month=None,
            stage=row.stage,
        )
        if row.responsible_unit:
            planned.unit = units.get(search_key(row.responsible_unit))
            if planned.unit is None:
                note = _("Unit “%(unit)s” is not in the organisation: left empty.")
                planned.notes.append(note % {"unit": row.responsible_unit})
        _plan_month(planned, earlier.get(project.pk, Decimal(0)) if project else Decimal(0), layouts[row.sheet], plan)
        _plan_stage(planned)
        plan.rows.append(planned)


def _match(
    row: legacy.Row, by_code: dict[str, Project], by_name: dict[str, list[Project]]
) -> tuple[Project | None, str]:
    if row.code and row.code in by_code:
        return by_code[row.code], "code"
    if row.code:
        return None, ""  # a new code names a new project, even when an old one has the same name
    named = by_name.get(search_key(row.name), [])
    return (named[0], "name") if len(named) == 1 else (None, "")


def _codes_elsewhere(programme: Programme, codes: set[str]) -> set[str]:
    if not codes:
        return set()
    return set(Project.objects.filter(code__in=codes).exclude(programme=programme).values_list("code", flat=True))


def _units_by_name(programme: Programme) -> dict[str, Unit]:
    """Units of the programme's area and above it, by name and by each alias, in either script."""
    region = programme.region
    units = Unit.objects.filter(region__path__startswith=region.path) | Unit.objects.filter(
        region__path__in=[region.path[: i + 1] for i, c in enumerate(region.path) if c == "/"]
    )
    found: dict[str, Unit] = {}
    # Nearer units win: the area's own 住建局 over the province's.
    for unit in sorted(units, key=lambda u: len(u.region.path)):
        for name in [unit.name, unit.short_name, *unit.alias_list()]:
            if name:
                found.setdefault(search_key(name), unit)
    return found


def _regions_by_name(programme: Programme) -> dict[str, Region]:
    regions = Region.objects.filter(path__startswith=programme.region.path)
    return {region.search_key: region for region in regions}


def _earlier_months(programme: Programme, period: dt.date) -> dict[int, Decimal]:
    """Investment already reported for the months of the year before `period`, by project."""
    earlier = (
        MonthlyReport.objects.filter(
            project__programme=programme,
            period__gte=period.replace(month=1),
            period__lt=period,
            status__in=COUNTED,
        )
        .values("project")
        .annotate(total=Sum("investment_month"))
    )
    return {entry["project"]: entry["total"] or Decimal(0) for entry in earlier}


def _plan_month(planned: PlannedRow, earlier: Decimal, layout: legacy.SheetLayout, plan: ImportPlan) -> None:
    """The month's investment: as the sheet says it; else the year to date less what earlier months
    already reported, so that the year-to-date Tuijin derives equals the sheet's."""
    row = planned.row
    if row.investment_month is not None:
        planned.investment_month = row.investment_month
        return
    if row.investment_ytd is None:
        return
    month = row.investment_ytd - earlier
    if month < 0:
        column = layout.column_for("investment_ytd")
        message = _("The year to date %(ytd)s is less than the %(earlier)s already reported for earlier months.") % {
            "ytd": row.investment_ytd,
            "earlier": earlier,
        }
        plan.errors.append(CellError(row.sheet, row.row, column.letter if column else "A", message, row.investment_ytd))
        return
    planned.investment_month = month
    if earlier:
        planned.notes.append(_("This month = year to date less earlier months (%(earlier)s).") % {"earlier": earlier})


_ORDER = [Stage.CONCEIVED, Stage.RESERVE, Stage.PREPARING, Stage.CONSTRUCTION, Stage.OPERATING, Stage.FULL_OUTPUT]


def _plan_stage(planned: PlannedRow) -> None:
    """New projects enter at the sheet's stage (under construction when the sheet reports work done
    and says no stage). Known projects only move forward: the library is not set back by a sheet."""
    row = planned.row
    if planned.project is None:
        if planned.stage is None:
            worked = any(value for value in (row.investment_month, row.investment_ytd, row.investment_since_start))
            planned.stage = Stage.CONSTRUCTION if worked else Stage.CONCEIVED
        return
    current = planned.project.stage
    if planned.stage is None or planned.stage == current:
        planned.stage = None
    elif planned.stage in _ORDER and current in _ORDER and _ORDER.index(planned.stage) < _ORDER.index(current):
        planned.notes.append(
            _("The sheet says “%(sheet)s”; the library's “%(library)s” is kept.")
            % {"sheet": Stage(planned.stage).label, "library": Stage(current).label}
        )
        planned.stage = None
    elif current == Stage.EXITED:
        planned.stage = None


def stage_path(current: str, target: str) -> list[str]:
    """The lifecycle steps from `current` to a later `target` (exit is one step from anywhere)."""
    if target == Stage.EXITED:
        return [target]
    return _ORDER[_ORDER.index(current) + 1 : _ORDER.index(target) + 1]
