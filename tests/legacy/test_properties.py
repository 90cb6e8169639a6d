"""Whatever an office puts in its cells, the reader answers and never crashes."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuijin.legacy import Sheet, Workbook, detect, extract, read_workbook, to_json
from tuijin.legacy.model import MergedRange
from tuijin.legacy.values import BadValue, parse_money, parse_month, seq_text, stage_of

from .books import SheetSpec, write_book

WORDS = [
    "序号", "项目名称", "总投资", "年度计划投资", "本月", "1-10月累计", "开工累计完成",
    "责任单位", "项目阶段", "开工时间", "合计", "小计", "一、工业项目", "（一）", "备注：",
    "填报人：", "续建", "新建", "√", "/", "12,345.6", "1.2亿", "abc", "2023.3", "131130",
    "单位：亿元", "2023年1-10月重点项目表", "投资完成情况", "★", " ", "四●", "2009-2011",
]  # fmt: skip
cells = st.one_of(
    st.none(),
    st.sampled_from(WORDS),
    st.text(max_size=12),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9),
    st.integers(min_value=-100000, max_value=100000),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 1, 1)),
)
grids = st.lists(st.lists(cells, max_size=10), max_size=25)


@st.composite
def sheets(draw: st.DrawFn) -> Sheet:
    grid = draw(grids)
    merges = draw(
        st.lists(
            st.tuples(*[st.integers(min_value=0, max_value=12)] * 4).map(
                lambda t: MergedRange(min(t[0], t[2]), min(t[1], t[3]), max(t[0], t[2]), max(t[1], t[3]))
            ),
            max_size=4,
        )
    )
    return Sheet("表", grid, tuple(merges))


def header_first(grid: list[list[object]]) -> list[list[object]]:
    """A grid under a real header, so random rows reach classification and parsing."""
    return [["序号", "项目名称", "总投资", "本月完成", "开工时间", "项目阶段"], *grid]


@settings(max_examples=300, deadline=None)
@given(sheets())
def test_it_never_crashes_on_random_cells(sheet: Sheet) -> None:
    workbook = Workbook((sheet,))
    to_json(extract(workbook, detect(workbook)))


@settings(max_examples=300, deadline=None)
@given(grids)
def test_it_never_crashes_under_a_real_header(grid: list[list[object]]) -> None:
    workbook = Workbook((Sheet("表", header_first(grid)),))
    (layout,) = detect(workbook)
    extraction = extract(workbook, [layout])
    rows = {row.row for row in extraction.rows} | {skip.row for skip in extraction.skipped}
    assert len(rows) == len(extraction.rows) + len(extraction.skipped)
    assert all(error.column in "ABCDEF" for error in extraction.errors)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grids)
def test_it_never_crashes_on_random_xlsx_files(grid: list[list[object]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        clean = [[v for v in line] for line in header_first(grid)]
        path = write_book(Path(folder) / "r.xlsx", {"表": SheetSpec(_writable(clean))})
        workbook = read_workbook(path)
        to_json(extract(workbook, detect(workbook)))


def _writable(grid: list[list[object]]) -> list[list[object]]:
    """openpyxl refuses control characters that calamine would never hand back anyway."""
    return [["".join(ch for ch in v if ch.isprintable()) if isinstance(v, str) else v for v in line] for line in grid]


@given(st.one_of(cells, st.booleans()))
def test_it_reads_any_single_cell_or_says_why_not(value: object) -> None:
    for parse in (lambda v: parse_money(v, 1), parse_month):
        try:
            parse(value)
        except BadValue as bad:
            assert bad.message
    seq_text(value)  # type: ignore[arg-type]
    stage_of(str(value))
