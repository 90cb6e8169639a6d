"""A workbook with one bad cell imports nothing and comes back with the cell marked; a confirm of an
upload already imported, or of a stale page, is refused; only the programme's office may import."""

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from tuijin.core.access import AccessDenied
from tuijin.core.services import StaleRecord
from tuijin.onboarding import selectors, services
from tuijin.projects.models import AnnualPlan, MonthlyReport, Project, ReportingMonth

from ..legacy import test_ledger, test_traditional
from ..legacy.books import SheetSpec, write_book
from ..legacy.test_dispatch import write_dispatch
from ..world import World
from .conftest import confirm_proposals, upload


def refused(world: World, path: Path, period: str | None = None) -> services.ImportRefused:
    job = confirm_proposals(upload(world, path, period))
    with pytest.raises(services.ImportRefused) as caught:
        services.import_confirm(user=job.user, job=job, expected_version=job.version)
    assert not Project.objects.exists()
    assert not AnnualPlan.objects.exists()
    assert not MonthlyReport.objects.exists()
    return caught.value


def marked(annotated: bytes, sheet: str, cell: str) -> tuple[str, str]:
    book = openpyxl.load_workbook(io.BytesIO(annotated))
    marked_cell = book[sheet][cell]
    return marked_cell.fill.fgColor.rgb, marked_cell.comment.text


def test_a_non_numeric_investment_imports_nothing_and_comes_back_marked(office: World, tmp_path: Path) -> None:
    with translation.override("en"):
        failure = refused(office, write_dispatch(tmp_path / "bad.xlsx", total="12..5"))
    assert [(e.sheet, e.row, e.column) for e in failure.errors] == [("调度表", 7, "D")]
    fill, comment = marked(failure.annotated, "调度表", "D7")
    assert fill.endswith("FFC7CE")
    assert "“12..5” is not an amount." in comment
    book = openpyxl.load_workbook(io.BytesIO(failure.annotated))
    assert book.sheetnames[0] == "Errors"
    assert [c.value for c in book["Errors"][2]] == ["调度表", 7, "D", "12..5", "“12..5” is not an amount."]


def test_the_marks_are_in_the_users_language(office: World, tmp_path: Path) -> None:
    with translation.override("zh-hans"):
        failure = refused(office, write_dispatch(tmp_path / "bad.xlsx", total="12..5"))
    _fill, comment = marked(failure.annotated, "调度表", "D7")
    assert "不是金额" in comment


def test_an_unknown_stage_word_imports_nothing(office: World, tmp_path: Path) -> None:
    rows = [list(row) for row in test_traditional.ROWS]
    rows[5][7] = "暫緩"
    path = write_book(tmp_path / "t.xlsx", {test_traditional.SHEET: SheetSpec(rows, ["A1:J1"])})
    failure = refused(office, path)
    assert [(e.row, e.column, e.value) for e in failure.errors] == [(6, "H", "暫緩")]
    fill, _comment = marked(failure.annotated, test_traditional.SHEET, "H6")
    assert fill.endswith("FFC7CE")


def test_a_date_that_cannot_be_read_imports_nothing(office: World, tmp_path: Path) -> None:
    body = [list(row) for row in test_ledger.BODY]
    body[1][13] = "2023.13"
    rows = [["某某市2023年重大项目库台账"], ["计量单位：万元"], *test_ledger.HEADER, *body]
    path = write_book(tmp_path / "ledger.xlsx", {test_ledger.SHEET: SheetSpec(rows, test_ledger.MERGES)})
    failure = refused(office, path)
    assert [(e.row, e.column) for e in failure.errors] == [(7, "N")]


def test_a_second_confirm_of_the_same_upload_is_refused(office: World, tmp_path: Path) -> None:
    job = confirm_proposals(upload(office, write_dispatch(tmp_path / "d.xlsx")))
    version = job.version
    services.import_confirm(user=job.user, job=job, expected_version=version)
    with pytest.raises(services.AlreadyImported):
        services.import_confirm(user=job.user, job=job, expected_version=version)
    assert Project.objects.count() == 4


def test_a_confirm_from_a_page_opened_before_the_mapping_changed_is_refused(office: World, tmp_path: Path) -> None:
    job = upload(office, write_dispatch(tmp_path / "d.xlsx"))
    opened = job.version
    confirm_proposals(job)
    with pytest.raises(StaleRecord):
        services.import_confirm(user=job.user, job=job, expected_version=opened)


@pytest.mark.parametrize("user", ["leader_d", "unit_d", "territory_t1", "outsider"])
def test_only_the_office_of_the_programme_may_upload(office: World, tmp_path: Path, user: str) -> None:
    with pytest.raises(AccessDenied):
        upload(office, write_dispatch(tmp_path / "d.xlsx"), user=user)


def test_a_file_that_is_no_workbook_is_refused_with_a_message(office: World) -> None:
    with pytest.raises(ValidationError):
        services.upload_receive(
            user=office["office_d"], programme=office["prog_d"], file_name="x.xlsx", data=b"not a workbook"
        )


def test_reports_of_a_closed_month_are_refused(office: World, tmp_path: Path) -> None:
    ReportingMonth.objects.create(
        programme=office["prog_d"],
        period=dt.date(2023, 10, 1),
        opens_on=dt.date(2023, 11, 1),
        closes_on=dt.date(2023, 11, 5),
        closed_at=timezone.now(),
    )
    failure = refused(office, write_dispatch(tmp_path / "d.xlsx"))
    assert failure.refusal and not failure.errors and failure.annotated is None


def test_a_project_listed_on_two_sheets_is_imported_once(office: World, tmp_path: Path) -> None:
    header = ["序号", "项目名称", "总投资", "本月完成"]
    path = write_book(
        tmp_path / "two.xlsx",
        {
            "工业": SheetSpec([["2023年10月工业项目"], header, [1, "某某新材料项目", 100, 5]]),
            "东区": SheetSpec([["2023年10月东区项目"], header, [1, "某某新材料項目", 100, 5]]),
        },
    )
    job = confirm_proposals(upload(office, path))
    with translation.override("en"):
        plan = selectors.import_plan(job)
    assert [(s.sheet, s.row, s.reason) for s in plan.skipped] == [("东区", 3, "Same project as sheet 工业 row 3")]
    services.import_confirm(user=job.user, job=job, expected_version=job.version)
    assert Project.objects.count() == 1


def test_a_row_the_library_refuses_imports_nothing_and_is_marked(office: World, tmp_path: Path) -> None:
    # The reader takes "-5" for an amount; the library does not take a negative total investment.
    failure = refused(office, write_dispatch(tmp_path / "negative.xlsx", total="-5"))
    assert [(e.sheet, e.row, e.column) for e in failure.errors] == [("调度表", 7, "B")]
    fill, _comment = marked(failure.annotated, "调度表", "B7")
    assert fill.endswith("FFC7CE")
