"""More office habits: a report form with a cover block, county groups, a hand-typed header."""

from __future__ import annotations

from pathlib import Path

from tuijin.legacy import Sheet, Workbook, detect, extract, read_workbook, to_json

from .books import SheetSpec, json_row, skip, write_book

_ = None


def test_it_reads_a_report_form_under_a_cover_block(tmp_path: Path) -> None:
    """附件 line, a title giving 10月份 apart from the year, a unit in the title's brackets,
    the office's own filling-in date (November, not the period), grouped parents and no 序号."""
    rows = [
        ["附件2"],
        ["2023年全市重大项目10月份进展情况表（亿元）"],
        ["填报单位：某某市发改委（盖章）", _, _, _, _, "填报时间：2023年11月3日"],
        ["项目基本情况", _, _, _, "投资情况", _, _, _, "进展情况", _],
        ["项目名称", "建设单位", "建设地点", "建设性质", "总投资", "年度计划", "10月完成",
         "1-10月完成", "形象进度", "存在问题"],
        ["全市合计", _, _, _, 100, 20, 2, 15],
        ["某某化工园区", "某化工", "某县", "续建", 50, 10, 1, 8, "主体施工", "无"],
        ["某某物流园", "某物流", "某区", "新建", 50, 10, 0, 0, "前期", _],
    ]  # fmt: skip
    merges = ["A2:J2", "A4:D4", "E4:H4", "I4:J4"]
    workbook = read_workbook(write_book(tmp_path / "f.xlsx", {"表1": SheetSpec(rows, merges)}))
    (layout,) = detect(workbook)
    assert (layout.header_rows, layout.data_start) == ((4, 5), 6)
    assert (layout.title, layout.period) == (
        "2023年全市重大项目10月份进展情况表（亿元）",
        "2023-10",
    )
    assert to_json(extract(workbook, [layout])) == {
        "rows": [
            json_row("表1", 7, "某某化工园区", 500000, 100000, 10000, 80000, None, None,
                     "construction"),
            json_row("表1", 8, "某某物流园", 500000, 100000, 0, 0, None, None, "preparing"),
        ],
        "skipped": [skip("表1", 6, "合计行")],
    }  # fmt: skip


def test_it_reads_county_groups_and_a_progress_column_of_stage_words(tmp_path: Path) -> None:
    rows = [
        ["全市重点项目调度表"],
        ["单位：万元"],
        ["序号", "县区", "项目名称", "总投资", "本年计划投资", "本年完成投资", _, "项目进展"],
        [_, _, _, _, _, "本月", "累计", _],
        [_, "某某县（2个）", _, 300, 100, 10, 50],
        [1, "某某县", "县城供水工程▲", 100, 50, 5, 25, "在建"],
        [2, "某某县", "县城污水处理厂", 200, 50, 5, 25, "在建"],
        [_, "小 计", _, 300, 100, 10, 50],
        [_, "某某区（1个）", _, 100, 40, 4, 20],
        [3, "某某区", "某某公园", 100, 40, 4, 20, "竣工"],
    ]  # fmt: skip
    merges = ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:G3", "H3:H4"]
    workbook = read_workbook(write_book(tmp_path / "c.xlsx", {"分县": SheetSpec(rows, merges)}))
    (layout,) = detect(workbook)
    assert [(c.header, c.field) for c in layout.columns] == [
        ("序号", "seq"),
        ("县区", "region"),
        ("项目名称", "name"),
        ("总投资", "total_investment"),
        ("本年计划投资", "annual_plan"),
        ("本年完成投资/本月", "investment_month"),
        ("本年完成投资/累计", "investment_ytd"),
        ("项目进展", "stage"),
    ]
    extraction = extract(workbook, [layout])
    assert to_json(extraction) == {
        "rows": [
            json_row("分县", 6, "县城供水工程", 100, 50, 5, 25, stage="construction"),
            json_row("分县", 7, "县城污水处理厂", 200, 50, 5, 25, stage="construction"),
            json_row("分县", 10, "某某公园", 100, 40, 4, 20, stage="operating"),
        ],
        "skipped": [skip("分县", 5, "分组行"), skip("分县", 8, "小计行"),
                    skip("分县", 9, "分组行")],
    }  # fmt: skip
    assert [row.group for row in extraction.rows] == ["某某县", "某某县", "某某区"]


def test_it_reads_a_header_typed_twice_and_one_typed_below_its_neighbours(tmp_path: Path) -> None:
    """Row 2 repeats row 3 where nothing is grouped (no merges, typed by hand), and
    责任单位 stands in the lower row beside the children of a merged 投资情况."""
    typed_twice = [
        ["某某县2023年重点项目推进表"],
        ["序号", "项目名称", "建设内容", "投资额", _, "类别", "开工时间", "责任单位", "责任领导"],
        ["序号", "项目名称", "建设内容", "总投资", "当年计划", "类别", "开工时间", "责任单位",
         "责任领导"],
        ["1", "某某大道", "道路10公里", "3,000", "1,000", "续建", "2023年3月开工", "县交通局",
         "张副县长"],
        ["2", "某某学校", "教学楼", "2,000", "800", "新开工", "已开工", "县教育局", "李副县长"],
        ["3", "某某医院", "门诊楼", "5000", "2000", "计划开工", "2023年12月", "县卫健委",
         "王副县长"],
        ["合  计", _, _, "10,000", "3,800"],
        ["注：投资额单位为万元。"],
    ]  # fmt: skip
    below = [
        ["序号", "项目名称", "投资情况", _, _, "备注"],
        [_, _, "总投资", "年度计划", "责任单位", _],
        [1, "甲项目", 100, 50, "某局"],
    ]
    path = write_book(
        tmp_path / "h.xlsx",
        {
            "县": SheetSpec(typed_twice),
            "乙": SheetSpec(below, ["C1:D1", "A1:A2", "B1:B2", "F1:F2"]),
        },
    )
    workbook = read_workbook(path)
    county, other = detect(workbook)
    assert (county.header_rows, other.header_rows) == ((2, 3), (1, 2))
    assert county.column_for("stage").header == "类别"
    assert other.column_for("responsible_unit").header == "责任单位"
    assert to_json(extract(workbook, [county, other])) == {
        "rows": [
            json_row("县", 4, "某某大道", 3000, 1000, unit="县交通局", start="2023-03",
                     stage="construction"),
            json_row("县", 5, "某某学校", 2000, 800, unit="县教育局", stage="construction"),
            json_row("县", 6, "某某医院", 5000, 2000, unit="县卫健委", start="2023-12",
                     stage="preparing"),
            json_row("乙", 3, "甲项目", 100, 50, unit="某局"),
        ],
        "skipped": [skip("县", 7, "合计行"), skip("县", 8, "备注行")],
    }  # fmt: skip


def test_it_takes_the_money_unit_from_a_note_under_the_table(tmp_path: Path) -> None:
    rows = [
        ["序号", "项目名称", "总投资", "年度计划投资"],
        [1, "某某港区码头", 12.5, 3],
        ["注：金额单位为亿元。"],
    ]
    workbook = read_workbook(write_book(tmp_path / "n.xlsx", {"表": SheetSpec(rows)}))
    assert to_json(extract(workbook, detect(workbook))) == {
        "rows": [json_row("表", 2, "某某港区码头", 125000, 30000)],
        "skipped": [skip("表", 3, "备注行")],
    }


def test_it_reads_the_period_from_a_header_that_names_year_and_months() -> None:
    header = ["序号", "项目名称", "2023年1-10月完成", "2024年计划投资"]
    workbook = Workbook((Sheet("表", [header, [1, "某某项目", 80, 120]]),))
    (layout,) = detect(workbook)
    assert layout.period == "2023-10"
    assert [c.field for c in layout.columns] == ["seq", "name", "investment_ytd", "ignore"]
