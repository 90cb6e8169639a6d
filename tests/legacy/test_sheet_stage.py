"""Sheets named by stage, a table starting in column B with no 序号, a 项目类别 of industries."""

from __future__ import annotations

from pathlib import Path

from tuijin.legacy import detect, extract, read_workbook, to_json

from .books import SheetSpec, json_row, skip, write_book

HEADER = ["项目名称", "项目类别", "总投资", "本年计划", "责任单位"]


def test_it_takes_the_stage_from_the_sheet_name(tmp_path: Path) -> None:
    path = write_book(
        tmp_path / "stages.xlsx",
        {
            "续建项目": SheetSpec(
                [
                    HEADER,
                    ["某某钢铁技改", "工业", 100000, 20000, "市工信局"],
                    ["某某商贸城", "服务业", 50000, 10000, "市商务局"],
                    ["合计", None, 150000, 30000],
                ],
                first_column=2,
            ),
            "谋划项目": SheetSpec([HEADER, ["某某汽车城", "工业", 80000, None, "市发改委"]], first_column=2),
        },
    )
    workbook = read_workbook(path)
    layouts = detect(workbook)
    assert [(layout.sheet, layout.stage) for layout in layouts] == [
        ("续建项目", "construction"),
        ("谋划项目", "conceived"),
    ]
    assert [(c.letter, c.field) for c in layouts[0].columns] == [
        ("A", "ignore"),
        ("B", "name"),
        ("C", "industry"),
        ("D", "total_investment"),
        ("E", "annual_plan"),
        ("F", "responsible_unit"),
    ]
    extraction = extract(workbook, layouts)
    assert to_json(extraction) == {
        "rows": [
            json_row("续建项目", 2, "某某钢铁技改", 100000, 20000, unit="市工信局",
                     stage="construction"),
            json_row("续建项目", 3, "某某商贸城", 50000, 10000, unit="市商务局",
                     stage="construction"),
            json_row("谋划项目", 2, "某某汽车城", 80000, unit="市发改委", stage="conceived"),
        ],
        "skipped": [skip("续建项目", 4, "合计行")],
    }  # fmt: skip
    assert [row.industry for row in extraction.rows] == ["工业", "服务业", "工业"]


def test_it_reads_a_类别_column_of_stage_words_as_the_stage(tmp_path: Path) -> None:
    path = write_book(
        tmp_path / "kinds.xlsx",
        {"项目": SheetSpec([HEADER, ["某某园区", "续建", 1, 1, "某局"], ["某某路", "新开工", 1, 1]])},
    )
    workbook = read_workbook(path)
    (layout,) = detect(workbook)
    assert layout.column_for("stage").header == "项目类别"
    assert [row.stage for row in extract(workbook, [layout]).rows] == [
        "construction",
        "construction",
    ]
