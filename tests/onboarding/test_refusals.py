"""A workbook with one bad cell imports nothing and comes back with the cell marked; a confirm of an
upload already imported, or of a stale page, is refused; only the programme's office may import."""

import io
from pathlib import Path

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tuijin.core.access import AccessDenied
from tuijin.core.services import StaleRecord
from tuijin.onboarding import services
from tuijin.projects.models import AnnualPlan, MonthlyReport, Project

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
