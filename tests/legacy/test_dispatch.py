"""A monthly dispatch table (调度表): period in the title, 亿元, groups, totals, footnotes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tuijin.legacy import detect, extract, read_workbook, to_json

from .books import SheetSpec, json_row, skip, write_book

SHEET = "调度表"
_ = None


def dispatch_rows(month: int, total: object = "12.5") -> list[list[object]]:
    return [
        [f"2023年1-{month}月全市重点项目推进情况表"],
        ["单位：个、亿元", _, _, _, _, _, _, "填报日期：2023年11月5日"],
        ["序号", "项目名称", "建设内容", "总投资", "年度计划投资", "投资完成情况", _,
         "完成率", "责任单位", "存在问题"],
        [_, _, _, _, _, "本月", f"1-{month}月累计"],
        [_, "某某市合计14个", _, 120.5, 40, 3.2, 30.1, "75%"],
        ["一、工业项目（7个）", _, _, 50, 20, 1, 15, "75%"],
        [1.0, "★年产10万吨新材料项目", "建设厂房", total, 5, 0.5, 4, "80%", "市工信局",
         "用地指标不足"],
        ["4●", "某某产业园标准厂房", "标准厂房20万平方米", 8, "5", "0.3", 3.6, _, "某县政府"],
        [_, "小计", _, 20.5, 10, 0.8, 7.6],
        [],
        ["二、基础设施项目（7个）", _, _, 70.5, 20, 2.2, 15.1],
        ["*3", "某某大道", "道路改造", "/", 5, _, "—", _, "市住建局"],
        [" ", "  ", _, " "],
        [5],
        ["（一）市政道路"],
        [6.0, "某某路延伸工程", _, 2, 1, 0.1, 0.9, _, "市住建局"],
        ["备注：1.本表数据截至月底；2.完成率=累计完成/年度计划。"],
        ["2.序号带●为省重点项目"],
        ["填报人：张三", _, _, "审核人：李四", _, _, "联系电话：0531-12345678"],
    ]  # fmt: skip


MERGES = ["A1:J1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:G3", "H3:H4", "I3:I4",
          "J3:J4", "A6:C6"]  # fmt: skip


def write_dispatch(path: Path, month: int = 10, total: object = "12.5") -> Path:
    return write_book(path, {SHEET: SheetSpec(dispatch_rows(month, total), MERGES)})


def test_it_reads_the_dispatch_table(tmp_path: Path) -> None:
    workbook = read_workbook(write_dispatch(tmp_path / "d.xlsx"))
    (layout,) = detect(workbook)
    assert (layout.header_rows, layout.data_start) == ((3, 4), 5)
    assert layout.title == "2023年1-10月全市重点项目推进情况表"
    assert layout.period == "2023-10"
    assert layout.money_unit == Decimal(10000)
    assert [c.field for c in layout.columns] == [
        "seq", "name", "content", "total_investment", "annual_plan", "investment_month",
        "investment_ytd", "ignore", "responsible_unit", "problems",
    ]  # fmt: skip
    extraction = extract(workbook, [layout])
    assert to_json(extraction) == {
        "rows": [
            json_row(SHEET, 7, "年产10万吨新材料项目", 125000, 50000, 5000, 40000, "市工信局"),
            json_row(SHEET, 8, "某某产业园标准厂房", 80000, 50000, 3000, 36000, "某县政府"),
            json_row(SHEET, 12, "某某大道", None, 50000, None, None, "市住建局"),
            json_row(SHEET, 16, "某某路延伸工程", 20000, 10000, 1000, 9000, "市住建局"),
        ],
        "skipped": [
            skip(SHEET, 5, "合计行"),
            skip(SHEET, 6, "分组行"),
            skip(SHEET, 9, "小计行"),
            skip(SHEET, 11, "分组行"),
            skip(SHEET, 14, "空行"),
            skip(SHEET, 15, "分组行"),
            skip(SHEET, 17, "备注行"),
            skip(SHEET, 18, "备注行"),
            skip(SHEET, 19, "签名行"),
        ],
    }
    assert [(row.seq, row.group) for row in extraction.rows] == [
        ("1", "工业项目"),
        ("4", "工业项目"),
        ("3", "基础设施项目"),
        ("6", "市政道路"),
    ]
    assert extraction.rows[0].problems == "用地指标不足"


def test_it_gives_next_months_sheet_the_same_signature(tmp_path: Path) -> None:
    october = detect(read_workbook(write_dispatch(tmp_path / "10.xlsx", 10)))[0]
    november = detect(read_workbook(write_dispatch(tmp_path / "11.xlsx", 11)))[0]
    assert november.period == "2023-11"
    assert november.signature == october.signature
    assert november.column_for("investment_ytd").header == "投资完成情况/1-11月累计"


def test_it_gives_another_layout_another_signature(tmp_path: Path) -> None:
    rows = dispatch_rows(10)
    rows[2] = [*rows[2][:9], "需协调解决的问题"]
    other = write_book(tmp_path / "other.xlsx", {SHEET: SheetSpec(rows, MERGES)})
    assert (
        detect(read_workbook(other))[0].signature
        != detect(read_workbook(write_dispatch(tmp_path / "d.xlsx")))[0].signature
    )


def test_it_reports_a_bad_money_cell_and_imports_nothing(tmp_path: Path) -> None:
    workbook = read_workbook(write_dispatch(tmp_path / "bad.xlsx", total="abc"))
    extraction = extract(workbook, detect(workbook))
    assert extraction.rows == ()
    assert not extraction.ok
    (error,) = extraction.errors
    assert (error.sheet, error.row, error.column, error.value, error.field) == (
        SHEET,
        7,
        "D",
        "abc",
        "total_investment",
    )
    assert error.message == "「abc」不是有效的金额"
    assert to_json(extraction)["rows"] == []


def test_it_applies_a_confirmed_mapping_by_signature(tmp_path: Path) -> None:
    workbook = read_workbook(write_dispatch(tmp_path / "d.xlsx"))
    (layout,) = detect(workbook)
    # The user says 本月 is not to be imported and 建设内容 is the remark.
    confirmed = {layout.signature: {5: "ignore", 2: "remark"}}
    november = read_workbook(write_dispatch(tmp_path / "11.xlsx", 11))
    first = extract(november, detect(november), overrides=confirmed).rows[0]
    assert (first.investment_month, first.remark, first.content) == (None, "建设厂房", None)
    assert first.investment_ytd == Decimal(40000)


def test_it_reads_the_period_it_is_given(tmp_path: Path) -> None:
    workbook = read_workbook(write_dispatch(tmp_path / "d.xlsx"))
    # A sheet for 1-10月 says nothing of the year to date up to November.
    november = extract(workbook, detect(workbook), period="2023-11")
    assert {row.investment_ytd for row in november.rows} == {None}
    october = extract(workbook, detect(workbook, period="2023-10"), period="2023-10")
    assert october.rows[0].investment_ytd == Decimal(40000)


def test_it_reads_a_workbook_from_bytes(tmp_path: Path) -> None:
    path = write_dispatch(tmp_path / "d.xlsx")
    from_bytes = read_workbook(path.read_bytes())
    assert to_json(extract(from_bytes, detect(from_bytes))) == to_json(
        extract(read_workbook(path), detect(read_workbook(path)))
    )
