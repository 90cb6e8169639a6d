"""The command line prints the dry-run JSON; the package stays free of Django."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .test_dispatch import write_dispatch


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tuijin.legacy", *args], capture_output=True, text=True, check=False)


def test_it_prints_the_dry_run_json(tmp_path: Path) -> None:
    done = run(str(write_dispatch(tmp_path / "d.xlsx")), "--period", "2023-10")
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert set(printed) == {"rows", "skipped"}
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


def test_it_fails_and_names_the_bad_cell(tmp_path: Path) -> None:
    done = run(str(write_dispatch(tmp_path / "bad.xlsx", total="abc")))
    assert done.returncode == 1
    assert json.loads(done.stdout)["rows"] == []
    assert "调度表!D7「abc」：「abc」不是有效的金额" in done.stderr


def test_it_refuses_a_file_that_is_no_workbook(tmp_path: Path) -> None:
    (tmp_path / "x.xlsx").write_bytes(b"not a workbook")
    done = run(str(tmp_path / "x.xlsx"))
    assert done.returncode == 2
    assert "无法读取该文件" in done.stderr
    done = run(str(write_dispatch(tmp_path / "d.xlsx")), "--period", "2023-13")
    assert done.returncode == 2
    assert "报告期应为 YYYY-MM" in done.stderr


def test_it_does_not_import_django() -> None:
    code = "import sys, tuijin.legacy, tuijin.legacy.cli; print('django' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
