"""A table in traditional script: headers, stage words, totals and sign-off in 繁體."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tuijin.legacy import detect, extract, normalise_name, read_workbook, to_json

from .books import SheetSpec, json_row, skip, write_book

SHEET = "重點項目"
_ = None
ROWS = [
    ["2023年10月重點項目進展情況表"],
    ["單位：萬元"],
    ["序號", "項目名稱", "建設地點", "總投資（億元）", "年度計劃投資", "本月完成投資", "開工時間",
     "項目階段", "責任單位", "備註"],
    ["合計", _, _, 12.5, 50000, 3000],
    [1, "★某某產業園（一期）", "高新區", 5.5, 20000, 1500, dt.datetime(2023, 3, 15), "續建",
     "市工信局"],
    [2, "某某大橋", "江北區", 4, 18000, 1000, "2023年5月", "新開工", "市交通局"],
    [3, "某某污水處理廠", _, 2, 8000, 500, 44197, "竣工投產", "市水務局"],
    [4, "某某文化中心", _, 1, 4000, 0, "2024.6", "預備", "市文旅局"],
    [5, "某某高鐵站前廣場", _, "0.5", "/", _, _, "報批", "市住建局", "用地報批中"],
    [_, "小計", _, 12.5, 50000, 3000],
    ["填報人：王某", _, _, "審核人：李某"],
]  # fmt: skip


def test_it_reads_a_table_in_traditional_script(tmp_path: Path) -> None:
    path = write_book(tmp_path / "t.xlsx", {SHEET: SheetSpec(ROWS, ["A1:J1"])})
    workbook = read_workbook(path)
    (layout,) = detect(workbook)
    assert layout.period == "2023-10"
    assert [(c.header, c.field) for c in layout.columns] == [
        ("序号", "seq"),
        ("项目名称", "name"),
        ("建设地点", "region"),
        ("总投资(亿元)", "total_investment"),
        ("年度计划投资", "annual_plan"),
        ("本月完成投资", "investment_month"),
        ("开工时间", "start"),
        ("项目阶段", "stage"),
        ("责任单位", "responsible_unit"),
        ("备注", "remark"),
    ]
    extraction = extract(workbook, [layout])
    # 总投资 is in 亿元 by its header, the rest in 万元 by the unit line.
    assert to_json(extraction) == {
        "rows": [
            json_row(SHEET, 5, "某某產業園（一期）", 55000, 20000, 1500, None, "市工信局",
                     "2023-03", "construction"),
            json_row(SHEET, 6, "某某大橋", 40000, 18000, 1000, None, "市交通局", "2023-05",
                     "construction"),
            json_row(SHEET, 7, "某某污水處理廠", 20000, 8000, 500, None, "市水務局", "2021-01",
                     "operating"),
            json_row(SHEET, 8, "某某文化中心", 10000, 4000, 0, None, "市文旅局", "2024-06",
                     "reserve"),
            json_row(SHEET, 9, "某某高鐵站前廣場", 5000, None, None, None, "市住建局", None,
                     "preparing"),
        ],
        "skipped": [skip(SHEET, 4, "合计行"), skip(SHEET, 10, "小计行"),
                    skip(SHEET, 11, "签名行")],
    }  # fmt: skip
    assert extraction.rows[0].region == "高新區"
    assert extraction.rows[4].remark == "用地報批中"


def test_it_matches_names_across_scripts_and_widths() -> None:
    assert normalise_name("★某某產業園（一期）") == normalise_name("某某产业园(一期)")
    assert normalise_name(" 某某 大橋\n") == normalise_name("某某大桥") == "某某大桥"
    assert normalise_name("ABC　Tower●") == "abctower"
