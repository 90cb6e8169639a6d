"""`manage.py import_legacy`: the dry run prints the reader's JSON; without --dry-run it imports."""

import io
import json
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from tuijin.onboarding.models import ImportJob
from tuijin.projects.models import Project

from ..legacy.test_dispatch import write_dispatch
from ..world import World

FIELDS = {
    "sheet", "row", "name", "total_investment", "annual_plan", "investment_month", "investment_ytd",
    "responsible_unit", "start", "stage",
}  # fmt: skip


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_legacy", *args, stdout=out)
    return out.getvalue()


def test_the_dry_run_prints_the_json_shape(tmp_path: Path, db: None) -> None:
    printed = json.loads(run(str(write_dispatch(tmp_path / "d.xlsx")), "--period", "2023-10", "--dry-run", "--json"))
    assert set(printed) == {"rows", "skipped"}
    assert all(set(row) == FIELDS for row in printed["rows"])
    assert printed["rows"][0] == {
        "sheet": "调度表",
        "row": 7,
        "name": "年产10万吨新材料项目",
        "total_investment": 125000,
        "annual_plan": 50000,
        "investment_month": 5000,
        "investment_ytd": 40000,
        "responsible_unit": "市工信局",
        "start": None,
        "stage": None,
    }
    assert printed["skipped"][0] == {"sheet": "调度表", "row": 5, "reason": "合计行"}
    assert all(set(skip) == {"sheet", "row", "reason"} for skip in printed["skipped"])
    assert not Project.objects.exists()


def test_the_dry_run_fails_on_a_bad_cell(tmp_path: Path, db: None) -> None:
    with pytest.raises(CommandError) as failed:
        run(str(write_dispatch(tmp_path / "d.xlsx", total="abc")), "--dry-run", "--json")
    assert failed.value.returncode == 1


def test_it_imports_as_the_named_office_user(office: World, tmp_path: Path) -> None:
    said = run(str(write_dispatch(tmp_path / "d.xlsx")), "--programme", str(office["prog_d"].pk), "--user", "office_d")
    assert "4 created" in said
    job = ImportJob.objects.get()
    assert (job.user, job.created, job.reports) == (office["office_d"], 4, 3)


def test_it_imports_nothing_from_a_bad_workbook_and_writes_it_back_marked(office: World, tmp_path: Path) -> None:
    path = write_dispatch(tmp_path / "d.xlsx", total="abc")
    marked = tmp_path / "marked.xlsx"
    with pytest.raises(CommandError):
        run(str(path), "--programme", str(office["prog_d"].pk), "--user", "office_d", "--annotated", str(marked))
    assert not Project.objects.exists()
    assert openpyxl.load_workbook(marked)["调度表"]["D7"].comment is not None


def test_it_needs_a_programme_and_a_user_to_import(tmp_path: Path, db: None) -> None:
    with pytest.raises(CommandError, match="--programme and --user"):
        run(str(write_dispatch(tmp_path / "d.xlsx")))


def test_it_refuses_a_user_outside_the_programme(office: World, tmp_path: Path) -> None:
    with pytest.raises(CommandError):
        run(str(write_dispatch(tmp_path / "d.xlsx")), "--programme", str(office["prog_d"].pk), "--user", "leader_d")
