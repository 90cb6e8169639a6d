"""The Excel round trip with real files: the prefilled template (locked keys, dropdown), a good upload
(all rows in, history and events in bulk, one audit line), a bad one (nothing in, the cell marked)."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from tuijin.core.models import AuditAction, AuditEntry
from tuijin.projects.models import MonthlyReport, ReportEventKind, ReportStatus
from tuijin.projects.reporting import services
from tuijin.projects.reporting.imports import ReportImportFailed, reports_import
from tuijin.projects.reporting.selectors import reportable_projects
from tuijin.projects.reporting.sheets import report_template
from tuijin.sheets.engine import WorkbookUnreadable

from ...world import World
from .conftest import values

HEADERS = {
    "code": "项目编码",
    "investment_month": "本月完成投资（万元）",
    "action": "保存或提交",
    "version": "版本",
}


def _template(w: World, user: str = "office_d") -> bytes:
    projects = reportable_projects(user=w[user], programme=w["prog_d"], period=w["period"])
    return report_template(projects=projects, period=w["period"])


def _fill(data: bytes, edits: dict[str, dict[str, object]]) -> bytes:
    """Writes cells by project code and column key, as a reporter would in Excel."""
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook["月度报告"]
    header = [str(c.value or "").replace(" *", "") for c in sheet[1]]
    columns = {key: header.index(HEADERS[key]) + 1 for key in HEADERS if HEADERS[key] in header}
    rows = {sheet.cell(r, columns["code"]).value: r for r in range(2, sheet.max_row + 1)}
    for code, cells in edits.items():
        row = rows.get(code)
        if row is None:
            row = sheet.max_row + 1
            sheet.cell(row, columns["code"], code)
        for key, value in cells.items():
            sheet.cell(row, columns[key], value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _import(w: World, data: bytes, user: str = "office_d"):
    return reports_import(user=w[user], programme=w["prog_d"], period=w["period"], data=data, filename="六月.xlsx")


def test_the_template_holds_the_users_projects_with_locked_keys_and_a_dropdown(month: World) -> None:
    workbook = load_workbook(io.BytesIO(_template(month, user="territory_t1")))
    sheet = workbook["月度报告"]
    assert [sheet.cell(r, 1).value for r in range(2, sheet.max_row + 1)] == ["P-T1-A"]
    assert sheet.protection.sheet and sheet["A2"].protection.locked and not sheet["E2"].protection.locked
    assert any("_lists" in str(v.formula1) for v in sheet.data_validations.dataValidation)


def test_a_good_workbook_imports_every_row(month: World) -> None:
    w = month
    data = _fill(
        _template(w),
        {
            "P-T1-A": {"investment_month": 150, "action": "报送"},
            "P-T2-B": {"investment_month": "80.5", "action": "存为草稿"},
        },
    )
    result = _import(w, data)
    assert (result.created, result.submitted) == (2, 1)
    one, two = (MonthlyReport.objects.get(project=w[c], period=w["period"]) for c in ("P-T1-A", "P-T2-B"))
    assert (one.status, str(one.investment_month)) == (ReportStatus.SUBMITTED, "150.00")
    assert (two.status, str(two.investment_month)) == (ReportStatus.DRAFT, "80.50")
    assert one.events.get().kind == ReportEventKind.SUBMITTED and two.events.get().kind == ReportEventKind.SAVED
    assert one.history.get().history_change_reason == "Excel导入 六月.xlsx"
    # The bulk writer's rows read back as the ORM would have written them (COPY on PostgreSQL).
    assert one.history.get().investment_month == Decimal("150.00") and one.history.get().history_type == "+"
    assert one.events.get().values["investment_month"] == "150.00" and one.events.get().values["late"] is False
    assert abs(one.submitted_at - timezone.now()) < dt.timedelta(minutes=5) and one.submitted_by == w["office_d"]
    entry = AuditEntry.objects.get(action=AuditAction.IMPORT)
    assert entry.user == w["office_d"] and "六月.xlsx" in entry.reason


def test_importing_the_same_submitted_workbook_again_changes_nothing(month: World) -> None:
    w = month
    data = _fill(_template(w), {"P-T1-A": {"investment_month": 150, "action": "报送"}})
    _import(w, data)
    version = MonthlyReport.objects.get(project=w["P-T1-A"]).version
    # The same file again: its version column is stale for P-T1-A, so take a fresh template.
    again = _fill(_template(w), {"P-T1-A": {"investment_month": 150, "action": "报送"}})
    result = _import(w, again)
    assert result.unchanged == 1 and MonthlyReport.objects.get(project=w["P-T1-A"]).version == version


def test_a_bad_workbook_imports_nothing_and_comes_back_marked(month: World) -> None:
    w = month
    data = _fill(
        _template(w),
        {
            "P-T1-A": {"investment_month": 150, "action": "报送"},
            "P-T2-B": {"investment_month": "很多", "action": "报送"},
        },
    )
    with pytest.raises(ReportImportFailed) as failed:
        _import(w, data)
    assert not MonthlyReport.objects.exists()
    [error] = failed.value.errors
    assert (error.row, error.column) == (3, "E")
    marked = load_workbook(io.BytesIO(failed.value.annotated))
    cell = marked["月度报告"]["E3"]
    assert cell.fill.fgColor.rgb.endswith("FFC7CE") and "数字" in cell.comment.text
    assert marked.sheetnames[0] == "错误说明"


def test_a_project_outside_the_scope_is_refused_in_its_cell(month: World) -> None:
    w = month
    data = _fill(_template(w, user="territory_t1"), {"P-T2-B": {"investment_month": 5, "action": "报送"}})
    with pytest.raises(ReportImportFailed) as failed:
        _import(w, data, user="territory_t1")
    [error] = failed.value.errors
    assert error.column == "A" and "P-T2-B" in error.message
    assert not MonthlyReport.objects.exists()


def test_a_row_changed_since_the_download_is_refused(month: World) -> None:
    w = month
    data = _fill(_template(w), {"P-T1-A": {"investment_month": 150, "action": "报送"}})
    services.report_save(
        user=w["territory_t1"], project=w["P-T1-A"], period=w["period"], values=values("99"), expected_version=0
    )
    with pytest.raises(ReportImportFailed) as failed:
        _import(w, data)
    assert [e.column for e in failed.value.errors] == ["L"]
    assert MonthlyReport.objects.get().investment_month == 99


def test_action_labels_read_in_traditional_script_and_in_english(month: World) -> None:
    w = month
    data = _fill(
        _template(w),
        {
            "P-T1-A": {"investment_month": 1, "action": "存為草稿"},
            "P-T2-B": {"investment_month": 2, "action": "Submit"},
        },
    )
    result = _import(w, data)
    assert (result.created, result.submitted) == (2, 1)
    assert MonthlyReport.objects.get(project=w["P-T1-A"]).status == ReportStatus.DRAFT


def test_what_is_not_a_workbook_is_refused(month: World) -> None:
    with pytest.raises(WorkbookUnreadable):
        _import(month, b"not a workbook")
