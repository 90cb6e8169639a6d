"""A table whose cells are written every which way: text numbers, units, dates, marks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from tuijin.legacy import detect, extract, read_workbook, to_json

from .books import SheetSpec, json_row, write_book

SHEET = "Sheet1"
_ = None
ROWS = [
    ["重点项目台账"],
    ["序号", "项目名称", "总投资（万元）", "年度计划", "本月完成", "年度累计完成", "开工累计完成",
     "完成年度计划%", "计划开工时间", "竣工时间", "建设性质", "所在县(市、区)"],
    ["一", "●某某光伏电站", "12,345.6", "5,000", "500.5", "4,000", "8,000", "80%", "131130", "√",
     "新建", "某某县"],
    ["二", "※某某风电场", "5000万元", "1.2亿", "0", "0", "0", "0%", "2023.3", "/", "新建",
     "某某区"],
    ["三", "  某某储能\n项目  ", 8000.0, 3000, 200, 2500, 2500, 0.83, "2023年3月", "2025年底",
     "扩建"],
    [],
    ["四", "某某氢能产业园", 30000, "3000", _, " ", _, _, 45000, dt.datetime(2025, 6, 30), "续建",
     "某某县"],
    ["五", "某某数据中心", "1.5亿元", _, _, _, _, _, dt.datetime(2023, 7, 1), "2024.12", _,
     "某某区"],
    ["六", "某某物流枢纽", "20000", _, _, _, _, _, "2009-2011", _, "/"],
    ["七", "某某冷链中心", 9000, _, _, _, _, _, "2010-"],
    ["八", "某某会展中心", " 9,000.00 ", _, _, _, _, _, "2023.3-2025.12"],
]  # fmt: skip


def test_it_reads_values_written_every_which_way(tmp_path: Path) -> None:
    workbook = read_workbook(write_book(tmp_path / "v.xlsx", {SHEET: SheetSpec(ROWS)}))
    (layout,) = detect(workbook)
    assert (layout.header_rows, layout.data_start, layout.period) == ((2, 2), 3, None)
    assert [c.field for c in layout.columns] == [
        "seq", "name", "total_investment", "annual_plan", "investment_month", "investment_ytd",
        "investment_since_start", "ignore", "start", "completion", "stage", "region",
    ]  # fmt: skip
    extraction = extract(workbook, [layout])
    # 新建 and 扩建 are under construction once investment shows, in preparation before.
    assert to_json(extraction) == {
        "rows": [
            json_row(SHEET, 3, "某某光伏电站", 12345.6, 5000, 500.5, 4000, None, "2013-11",
                     "construction"),
            json_row(SHEET, 4, "某某风电场", 5000, 12000, 0, 0, None, "2023-03", "preparing"),
            json_row(SHEET, 5, "某某储能项目", 8000, 3000, 200, 2500, None, "2023-03",
                     "construction"),
            json_row(SHEET, 7, "某某氢能产业园", 30000, 3000, None, None, None, "2023-03",
                     "construction"),
            json_row(SHEET, 8, "某某数据中心", 15000, None, None, None, None, "2023-07", None),
            json_row(SHEET, 9, "某某物流枢纽", 20000, None, None, None, None, "2009-01", None),
            json_row(SHEET, 10, "某某冷链中心", 9000, None, None, None, None, "2010-01", None),
            json_row(SHEET, 11, "某某会展中心", 9000, None, None, None, None, "2023-03", None),
        ],
        "skipped": [],
    }  # fmt: skip
    rows = extraction.rows
    assert [row.seq for row in rows] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert [row.completion for row in rows[:5]] == [None, None, "2025-12", "2025-06", "2024-12"]
    assert rows[0].investment_since_start == Decimal(8000)
    assert (rows[0].region, rows[2].region) == ("某某县", None)
