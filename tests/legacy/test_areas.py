"""A workbook with one sheet per area, a notes sheet, a county summary and a hidden copy."""

from __future__ import annotations

from pathlib import Path

from tuijin.legacy import detect, extract, read_workbook, to_json

from .books import SheetSpec, json_row, skip, write_book

_ = None
HEADER = ["序号", "项目名称", "项目单位", "计划总投资", "2023年计划投资", "1-  月完成情况",
          "开工年月", "进展阶段", "责任单位", "需协调解决的问题"]  # fmt: skip


def area(name: str, *body: list[object]) -> SheetSpec:
    return SheetSpec([[f"{name}重点项目调度表"], HEADER, *body], ["A1:J1"])


def write_areas(path: Path) -> Path:
    return write_book(
        path,
        {
            "说明": SheetSpec([["填报说明"], ["1. 各县区按表填报"], ["2. 金额单位为万元"]]),
            "汇总": SheetSpec(
                [["县区", "项目个数", "总投资", "2023年计划投资"], ["城区", 2, 35000, 10000]]
            ),
            "城区": area(
                "城区",
                [1, "城区旧城改造一期", "城区城投公司", 30000, 8000, 5000, "2023.3", "开复工",
                 "城区住建局"],
                [2, "城区智慧停车", "城区城投公司", 5000, 2000, 0, "131130", "储备",
                 "城区住建局", "资金未落实"],
            ),
            "开发区": area(
                "开发区",
                [1, "开发区标准厂房", "开发区管委会", 20000, 6000, 4000, "2023年3月", "促竣工",
                 "开发区经发局"],
                [2, "开发区某某项目", "某某公司", 8000, _, _, _, "退出", "开发区经发局"],
            ),
            "某某县": area(
                "某某县",
                [1, "某某县农产品加工园", "某某农业公司", 12000, 3000, 1000, 202305, "在建",
                 "某某县发改局"],
                ["合计", _, _, 12000, 3000, 1000],
            ),
            "旧表": SheetSpec(
                [HEADER, [1, "上月的项目", "某公司", 1, 1, 1, _, "在建", "某局"]], hidden=True
            ),
        },
    )  # fmt: skip


def test_it_reads_every_area_sheet_with_one_layout(tmp_path: Path) -> None:
    workbook = read_workbook(write_areas(tmp_path / "areas.xlsx"))
    assert [sheet.name for sheet in workbook.sheets] == ["说明", "汇总", "城区", "开发区", "某某县"]
    layouts = detect(workbook, period="2023-09")
    assert [layout.sheet for layout in layouts] == ["城区", "开发区", "某某县"]
    assert len({layout.signature for layout in layouts}) == 1
    assert {layout.period for layout in layouts} == {"2023-09"}
    assert layouts[0].column_for("investment_ytd").header == "1-月完成情况"
    assert to_json(extract(workbook, layouts)) == {
        "rows": [
            json_row("城区", 3, "城区旧城改造一期", 30000, 8000, None, 5000, "城区住建局",
                     "2023-03", "construction"),
            json_row("城区", 4, "城区智慧停车", 5000, 2000, None, 0, "城区住建局", "2013-11",
                     "reserve"),
            json_row("开发区", 3, "开发区标准厂房", 20000, 6000, None, 4000, "开发区经发局",
                     "2023-03", "construction"),
            json_row("开发区", 4, "开发区某某项目", 8000, None, None, None, "开发区经发局", None,
                     "exited"),
            json_row("某某县", 3, "某某县农产品加工园", 12000, 3000, None, 1000, "某某县发改局",
                     "2023-05", "construction"),
        ],
        "skipped": [skip("某某县", 4, "合计行")],
    }  # fmt: skip


def test_it_takes_the_period_from_the_command_when_no_title_says_it(tmp_path: Path) -> None:
    workbook = read_workbook(write_areas(tmp_path / "areas.xlsx"))
    assert {layout.period for layout in detect(workbook)} == {None}
    rows = extract(workbook, detect(workbook), period="2023-09").rows
    assert rows[0].investment_ytd is not None
