"""A project ledger (项目库台账): three header rows under merged parents."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tuijin.legacy import detect, extract, read_workbook, to_json

from .books import SheetSpec, json_row, skip, write_book

SHEET = "项目库"
_ = None
HEADER = [
    [
        "序号", "项目编号", "项 目\n名 称", "建设规模及内容", "建设地点", "业主单位",
        "责任单位", _, "总投资", "投资完成情况", _, _, _, "建设起止年限", "项目阶段",
        "形象进度", "所属产业", "备注",
    ],
    [_, _, _, _, _, _, _, _, _, "开工以来", "2023年", _, "1-10月", _, _, _, _, _],
    [_, _, _, _, _, _, "责任单位", "责任人", _, "累计完成投资", "计划", "投资完成率",
     "累计完成投资"],
]  # fmt: skip
MERGES = [
    "A1:R1", "A3:A5", "B3:B5", "C3:C5", "D3:D5", "E3:E5", "F3:F5", "G3:H4", "I3:I5",
    "J3:M3", "K4:L4", "N3:N5", "O3:O5", "P3:P5", "Q3:Q5", "R3:R5", "G10:G11", "A12:C12",
]  # fmt: skip
BODY = [
    [
        1.0, "2023-370000-04-01-000001", "★某某新能源汽车零部件产业园", "新建厂房10万平方米",
        "高新区", "某某汽车零部件有限公司", "市工信局", "张三", 250000, 80000, 60000, 0.75,
        45000.5, "2022-2024", "续建", "主体完工", "工业", _,
    ],
    [
        2.0, "2023-370000-48-01-000002", "某某大道快速化改造工程", "改造道路12公里", "主城区",
        "市城投集团", "市住建局", "李四", 180000, 12000, 30000, 0.4, 12000, "2023.3-2025.12",
        "新开工", "路基施工", "基础设施", _,
    ],
    [
        3.0, _, "某某医院新院区", "床位800张", "东区", "市卫健委", "市卫健委", "王五", 95000,
        95000, 0, _, 0, "2009-2011", "竣工投产", "已投用", "社会事业", "已竣工",
    ],
    [
        4.0, _, "某某国际物流园", "仓储20万平方米", "港区", "某某物流公司", "市商务局", "赵六",
        60000, _, _, _, _, "2010-", "在谈", _, "服务业", _,
    ],
    [
        5.0, _, "某某实验学校", "校舍5万平方米", "西区", "市教育局", "市教育局", "钱七", 30000,
        _, 5000, _, _, "/", "前期", "办理用地手续", "社会事业", _,
    ],
    [
        6.0, _, "某某第二水厂", "日供水10万吨", "北区", "市水务集团", _, "孙八", 40000, 40000,
        0, _, 0, 2019, "达产达效", "满负荷运行", "基础设施", _,
    ],
    ["合计", _, _, _, _, _, _, _, 655000, 227000, 95000, _, 57000.5],
    [],
    ["填表说明：本表由各责任单位填报，每月5日前报送"],
]  # fmt: skip


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    rows = [["某某市2023年重大项目库台账"], ["计量单位：万元"], *HEADER, *BODY]
    return write_book(tmp_path / "ledger.xlsx", {SHEET: SheetSpec(rows, MERGES)})


def test_it_finds_three_header_rows_under_merged_parents(ledger: Path) -> None:
    (layout,) = detect(read_workbook(ledger))
    assert layout.header_rows == (3, 5)
    assert layout.data_start == 6
    assert layout.period == "2023-10"  # the year from the title, the month from "1-10月"
    assert layout.money_unit == Decimal(1)
    assert [(c.header, c.field) for c in layout.columns] == [
        ("序号", "seq"),
        ("项目编号", "code"),
        ("项目名称", "name"),
        ("建设规模及内容", "content"),
        ("建设地点", "region"),
        ("业主单位", "owner"),
        ("责任单位", "responsible_unit"),
        ("责任单位/责任人", "responsible_person"),
        ("总投资", "total_investment"),
        ("投资完成情况/开工以来/累计完成投资", "investment_since_start"),
        ("投资完成情况/2023年/计划", "annual_plan"),
        ("投资完成情况/2023年/投资完成率", "ignore"),
        ("投资完成情况/1-10月/累计完成投资", "investment_ytd"),
        ("建设起止年限", "start"),
        ("项目阶段", "stage"),
        ("形象进度", "progress_note"),
        ("所属产业", "industry"),
        ("备注", "remark"),
    ]


def test_it_reads_the_ledger_rows(ledger: Path) -> None:
    workbook = read_workbook(ledger)
    extraction = extract(workbook, detect(workbook))
    assert to_json(extraction) == {
        "rows": [
            json_row(SHEET, 6, "某某新能源汽车零部件产业园", 250000, 60000, None, 45000.5,
                     "市工信局", "2022-01", "construction"),
            json_row(SHEET, 7, "某某大道快速化改造工程", 180000, 30000, None, 12000,
                     "市住建局", "2023-03", "construction"),
            json_row(SHEET, 8, "某某医院新院区", 95000, 0, None, 0, "市卫健委", "2009-01",
                     "operating"),
            json_row(SHEET, 9, "某某国际物流园", 60000, None, None, None, "市商务局", "2010-01",
                     "conceived"),
            json_row(SHEET, 10, "某某实验学校", 30000, 5000, None, None, "市教育局", None,
                     "preparing"),
            # 责任单位 is merged over rows 10 and 11: both projects have it.
            json_row(SHEET, 11, "某某第二水厂", 40000, 0, None, 0, "市教育局", "2019-01",
                     "full_output"),
        ],
        "skipped": [skip(SHEET, 12, "合计行"), skip(SHEET, 14, "备注行")],
    }  # fmt: skip


def test_it_keeps_every_field_of_a_ledger_row(ledger: Path) -> None:
    workbook = read_workbook(ledger)
    first = extract(workbook, detect(workbook)).rows[0]
    assert first.seq == "1"
    assert first.code == "2023-370000-04-01-000001"
    assert first.content == "新建厂房10万平方米"
    assert first.region == "高新区"
    assert first.owner == "某某汽车零部件有限公司"
    assert first.responsible_person == "张三"
    assert first.investment_since_start == Decimal(80000)
    assert first.progress_note == "主体完工"
    assert first.industry == "工业"
    assert first.remark is None
