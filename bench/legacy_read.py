"""Time the office workbook reader on a 20,000-row monthly dispatch table.

    .venv/bin/python bench/legacy_read.py [--rows 20000] [--repeat 5]

Builds the workbook once (title, unit line in 亿元, two header rows under a merged
parent, a group heading and a subtotal every 50 projects, numbers partly stored as
text, a sign-off line), then times each step, best of --repeat runs taken in turns:
  bare     python_calamine opening the file and reading every sheet's cells;
  read     tuijin.legacy.read_workbook (the same, plus merged ranges);
  detect   finding the header and proposing the mapping;
  extract  classifying and normalising every row.
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
from python_calamine import CalamineWorkbook

from tuijin.legacy import detect, extract, read_workbook

GROUP = 50


def build(path: Path, projects: int) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "调度表"
    sheet.append(["2023年1-10月全市重点项目推进情况表"])
    sheet.append(["单位：亿元"])
    sheet.append(["序号", "项目名称", "建设内容", "总投资", "年度计划投资", "投资完成情况", None,
                  "完成率", "开工时间", "项目阶段", "责任单位", "存在问题"])  # fmt: skip
    sheet.append([None] * 5 + ["本月", "1-10月累计"])
    for merged in ("A1:L1", "F3:G3", *(f"{c}3:{c}4" for c in "ABCDEHIJKL")):
        sheet.merge_cells(merged)
    stages = ["续建", "新开工", "在建", "前期", "竣工投产"]
    for n in range(1, projects + 1):
        if n % GROUP == 1:
            sheet.append([f"（{n // GROUP + 1}）第{n // GROUP + 1}组项目"])
        total = f"{n % 900 + 1.5:,.2f}" if n % 3 == 0 else n % 900 + 1.5
        sheet.append([n, f"★某某重点项目{n}号", "新建厂房及配套设施", total, 2.5, "0.3", 1.8,
                      "72%", f"2023.{n % 12 + 1}", stages[n % 5], "市发改委", None])  # fmt: skip
        if n % GROUP == 0:
            sheet.append([None, "小计", None, 1000, 125, 15, 90])
    sheet.append(["填报人：张三", None, None, "审核人：李四"])
    book.save(path)


def best_of(repeat: int, **actions: Callable[[], object]) -> dict[str, float]:
    """The fastest of `repeat` runs of each action, taking turns so drift hits all alike."""
    times: dict[str, list[float]] = {label: [] for label in actions}
    for _ in range(repeat):
        for label, action in actions.items():
            gc.collect()
            started = time.perf_counter()
            action()
            times[label].append(time.perf_counter() - started)
    return {label: min(runs) for label, runs in times.items()}


def bare_read(path: Path) -> None:
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dispatch.xlsx"
        build(path, args.rows)
        workbook = read_workbook(path)
        layouts = detect(workbook)
        extraction = extract(workbook, layouts)
        assert len(extraction.rows) == args.rows, len(extraction.rows)
        fastest = best_of(
            args.repeat,
            bare=lambda: bare_read(path),
            read=lambda: read_workbook(path),
            detect=lambda: detect(workbook),
            extract=lambda: extract(workbook, layouts),
        )
        bare, read, found, body = fastest.values()
        whole = read + found + body
        print(f"file: {args.rows} projects, {path.stat().st_size / 1e6:.1f} MB, "
              f"{len(extraction.skipped)} skipped rows; best of {args.repeat}")  # fmt: skip
        for label, seconds in [
            ("bare python_calamine read", bare),
            ("read_workbook", read),
            ("detect", found),
            ("extract", body),
            ("read_workbook + detect + extract", whole),
        ]:
            print(f"{label:34} {seconds * 1000:8.1f} ms  {seconds / bare:5.2f}x bare")


if __name__ == "__main__":
    main()
