"""Stage by section: no stage column, sections "一、在建项目 / 二、计划开工项目 …" say it.

Built by hand as small offices do: the parent "2023年" is written once with a blank cell
to its right instead of a merge, a row of column numbers sits under the header, the
header repeats where the printout breaks the page, and the office signs off below.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tuijin.legacy import detect, extract, read_workbook, to_json

from .books import SheetSpec, json_row, skip, write_book

SHEET = "项目表"
_ = None
ROWS = [
    ["重点项目建设进展表"],
    ["单位：万元"],
    ["序号", "项目名称", "建设单位", "总投资", "2023年", _, "形象进度", "备注"],
    [_, _, _, _, "计划投资", "1-9月完成"],
    ["甲", "乙", "丙", 1, 2, 3, 4, 5],
    ["一、在建项目（3个）"],
    ["（一）工业项目"],
    [1, "某某化工新材料", "某某化工公司", 50000, 10000, 8000, "设备安装"],
    [2, "某某电子元件", "某某电子公司", 20000, 5000, 3000, "厂房封顶"],
    ["（二）基础设施项目"],
    [3, "某某污水管网", "市城投公司", 15000, 6000, 4500, "管网铺设"],
    ["二、计划开工项目（2个）"],
    [4, "某某商业综合体", "某某置业公司", 80000, 10000, 0, "办理施工许可"],
    ["序号", "项目名称", "建设单位", "总投资", "2023年", _, "形象进度", "备注"],
    [5, "某某人才公寓", "市安居公司", 12000, 3000, 0, "方案设计"],
    ["三、前期项目"],
    [6, "某某轨道交通一期", "市轨道公司", 1500000, 20000, 5000, "可研批复"],
    ["四、新建项目"],
    [7, "某某物流中心", "某某物流公司", 30000, 8000, 2000, "基础施工"],
    [8, "某某仓储基地", "某某仓储公司", 10000, 2000, 0, "土地摘牌"],
    [],
    [_, _, _, _, _, "某某市发展和改革委员会"],
    [_, _, _, _, _, dt.datetime(2023, 10, 8)],
]  # fmt: skip


def test_it_takes_the_stage_from_section_rows(tmp_path: Path) -> None:
    workbook = read_workbook(write_book(tmp_path / "s.xlsx", {SHEET: SheetSpec(ROWS, ["A1:H1"])}))
    (layout,) = detect(workbook)
    assert (layout.header_rows, layout.data_start, layout.period) == ((3, 4), 6, "2023-09")
    assert [(c.header, c.field) for c in layout.columns] == [
        ("序号", "seq"),
        ("项目名称", "name"),
        ("建设单位", "owner"),
        ("总投资", "total_investment"),
        ("2023年/计划投资", "annual_plan"),
        ("2023年/1-9月完成", "investment_ytd"),
        ("形象进度", "progress_note"),
        ("备注", "remark"),
    ]
    extraction = extract(workbook, [layout])
    assert to_json(extraction) == {
        "rows": [
            json_row(SHEET, 8, "某某化工新材料", 50000, 10000, None, 8000, stage="construction"),
            json_row(SHEET, 9, "某某电子元件", 20000, 5000, None, 3000, stage="construction"),
            json_row(SHEET, 11, "某某污水管网", 15000, 6000, None, 4500, stage="construction"),
            json_row(SHEET, 13, "某某商业综合体", 80000, 10000, None, 0, stage="preparing"),
            json_row(SHEET, 15, "某某人才公寓", 12000, 3000, None, 0, stage="preparing"),
            json_row(SHEET, 17, "某某轨道交通一期", 1500000, 20000, None, 5000,
                     stage="preparing"),
            # 新建: started once the year's investment shows.
            json_row(SHEET, 19, "某某物流中心", 30000, 8000, None, 2000, stage="construction"),
            json_row(SHEET, 20, "某某仓储基地", 10000, 2000, None, 0, stage="preparing"),
        ],
        "skipped": [
            skip(SHEET, 6, "分组行"),
            skip(SHEET, 7, "分组行"),
            skip(SHEET, 10, "分组行"),
            skip(SHEET, 12, "分组行"),
            skip(SHEET, 14, "重复表头"),
            skip(SHEET, 16, "分组行"),
            skip(SHEET, 18, "分组行"),
            skip(SHEET, 22, "备注行"),
            skip(SHEET, 23, "备注行"),
        ],
    }  # fmt: skip
    assert [row.group for row in extraction.rows[:4]] == [
        "工业项目",
        "工业项目",
        "基础设施项目",
        "计划开工项目",
    ]
