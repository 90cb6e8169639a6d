"""Row verdicts one case at a time, on sheets built in memory."""

from __future__ import annotations

import pytest

from tuijin.legacy import Sheet, Workbook, detect, extract, to_json

HEADER = ["序号", "项目名称", "总投资", "责任单位"]


def verdicts(*body: list[object]) -> list[tuple[int, str]]:
    """(row, reason) for every skipped row and (row, "项目") for every project row."""
    workbook = Workbook((Sheet("表", [HEADER, *body]),))
    printed = to_json(extract(workbook, detect(workbook)))
    found = [(row["row"], "项目") for row in printed["rows"]]
    found += [(skip["row"], skip["reason"]) for skip in printed["skipped"]]
    return sorted(found)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (["", "合计", 10], "合计行"),
        (["合 计", "", 10], "合计行"),
        (["", "全市共计14个项目", 10], "合计行"),
        (["", "某某市合计14个", 10], "合计行"),
        (["", "總計", 10], "合计行"),
        (["", "小计", 10], "小计行"),
        (["", "其中：省重点项目", 8], "小计行"),
        (["一、工业项目（共计7个）", "", 10], "分组行"),
        (["（二）", "基础设施", 10], "分组行"),
        (["第一部分", "续建项目"], "分组行"),
        (["", "工业项目（7个）", 10], "分组行"),
        ([6], "空行"),
        ([6, "/", "/", "—"], "空行"),
        (["", "", 10, "某局"], "无项目名称"),
        (["序号", "项目名称", "总投资"], "重复表头"),
    ],
)
def test_it_skips_a_row_that_is_no_project(line: list[object], reason: str) -> None:
    assert verdicts([1, "某某项目", 5], line, [2, "某某路", 5]) == [
        (2, "项目"),
        (3, reason),
        (4, "项目"),
    ]


def test_it_reads_a_numbered_row_named_with_计_as_a_project() -> None:
    assert verdicts([1, "某某设计院迁建", 5], [2, "某某统计大楼", 5]) == [(2, "项目"), (3, "项目")]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (["备注：本表数据截至10月底"], "备注行"),
        (["注：1.金额单位为万元"], "备注行"),
        (["说明：带★为省重点"], "备注行"),
        (["填报人：张三", "", "审核人：李四"], "签名行"),
        (["", "审核人", "", "联系电话"], "签名行"),
        (["单位负责人：王五"], "签名行"),
        (["", "", "", "某某市发展和改革委员会"], "备注行"),
    ],
)
def test_it_reads_notes_and_sign_off_under_the_table(line: list[object], reason: str) -> None:
    assert verdicts([1, "某某项目", 5], line, ["", "2.其余说明"]) == [
        (2, "项目"),
        (3, reason),
        (4, "备注行"),
    ]


def test_it_does_not_list_blank_rows_or_rows_of_spaces() -> None:
    assert verdicts([1, "某某项目", 5], [], ["  ", " ", "\u3000"], [2, "某某路", 5]) == [
        (2, "项目"),
        (5, "项目"),
    ]


def test_it_reads_chinese_numerals_as_序号_when_every_project_has_one() -> None:
    assert verdicts(["一", "某某项目", 5], ["二", "某某路", 5], ["", "合计", 10]) == [
        (2, "项目"),
        (3, "项目"),
        (4, "合计行"),
    ]
    assert verdicts(["一", "工业", 5], [1, "某某路", 5], [2, "某某桥", 5]) == [
        (2, "分组行"),
        (3, "项目"),
        (4, "项目"),
    ]
