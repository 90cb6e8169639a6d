"""The command line and the Excel export."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tuijin.decompose.cli import main
from tuijin.decompose.xlsx import HEADERS

DOCUMENT = (
    "某市重点任务分工方案\n一、重点任务\n"
    "（一）推进甲。全年完成投资50亿元。（牵头单位：市发展改革委；配合单位：市财政局）\n"
    '（二）=HYPERLINK("http://example.com")。（牵头单位：@市商务局）\n'
)


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "plan.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


def test_it_prints_the_decomposition_as_json(document, capsys):
    assert main([str(document), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [task["path"] for task in printed["tasks"]] == [["一", "一"], ["一", "二"]]


def test_it_prints_json_when_no_output_is_chosen(document, capsys):
    main([str(document)])
    assert json.loads(capsys.readouterr().out)["title"] == "某市重点任务分工方案"


def test_it_keeps_the_json_keys_other_tools_read(document, capsys):
    main([str(document)])
    printed = json.loads(capsys.readouterr().out)
    assert list(printed) == ["title", "doc_number", "issuer", "issued_on", "sections", "tasks"]
    assert list(printed["tasks"][0]) == [
        "path", "title", "text", "lead_units", "cooperating_units", "deadline", "targets",
    ]  # fmt: skip
    assert list(printed["tasks"][0]["targets"][0]) == [
        "text",
        "value",
        "unit",
        "comparator",
        "subject",
    ]


def test_it_writes_the_task_division_table_to_xlsx(document, tmp_path):
    out = tmp_path / "tasks.xlsx"
    assert main([str(document), "--xlsx", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    assert rows[1][:5] == ("1", rows[1][1], "市发展改革委", "市财政局", None)


def test_it_quotes_cells_that_a_spreadsheet_would_run_as_formulas(document, tmp_path):
    out = tmp_path / "tasks.xlsx"
    main([str(document), "--xlsx", str(out)])
    row = next(openpyxl.load_workbook(out).active.iter_rows(min_row=3, values_only=True))
    assert (row[1][:2], row[2]) == ("'=", "'@市商务局")


def test_it_reports_an_unsupported_file_type(tmp_path, capsys):
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF")
    assert main([str(path)]) == 1
    assert "unsupported file type" in capsys.readouterr().err


def test_it_reads_plain_text_saved_in_gbk(tmp_path, capsys):
    path = tmp_path / "plan.txt"
    path.write_bytes(DOCUMENT.encode("gb18030"))
    main([str(path)])
    assert json.loads(capsys.readouterr().out)["title"] == "某市重点任务分工方案"


def test_it_runs_as_a_module(document):
    result = subprocess.run(
        [sys.executable, "-m", "tuijin.decompose", str(document), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["tasks"][0]["lead_units"] == ["市发展改革委"]
