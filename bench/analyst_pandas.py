"""Today's way: an analyst's pandas script over the month's exported workbook, computing the ranking by
city (start rate and investment completion rate) the way the office's Excel people do it.

    .venv/bin/python bench/analyst_pandas.py var/bench-reports-2025-12.xlsx --period 2025-12

The workbook is the one `bench/report_import.py` writes and imports (pandas is a bench-only
dependency: `pip install -e .[bench]`). It holds two sheets:

- 月度报告: the month's reports as reporters fill Tuijin's template (code, month, investment this
  month, start date, … and 保存或提交: only rows marked 报送 count);
- 项目库: the analyst's master sheet of the year's library at the month's end: each project's city, annual
  plan, whether it plans to start this year, its actual start date, and what earlier workbooks gave
  (investment completed this year and whether a start was reported this year, not counting the rows of
  月度报告).

The rules are the ranking's default rule, written out by hand: planned to start = the annual plan says
so; started = an actual start date this year up to the month's end, or, without one, a start reported
this year; completion = investment completed this year ÷ annual plan; ties share a rank.
No Django, no Tuijin code: only pandas and the workbook."""

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

REPORTS = "月度报告"
LIBRARY = "项目库"


def _month_end(period: dt.date) -> dt.date:
    following = dt.date(period.year + period.month // 12, period.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _competition_ranks(values: Any) -> Any:
    """1 for the highest, ties share the rank and the next skips (1, 2, 2, 4); no value, no rank."""
    return values.rank(method="min", ascending=False)


def analyst_ranking(path: Path | str, period: dt.date) -> list[dict[str, Any]]:
    import pandas as pd

    sheets = pd.read_excel(path, sheet_name=[REPORTS, LIBRARY], dtype={"项目编码": str, "市编码": str})
    reports, library = sheets[REPORTS], sheets[LIBRARY]
    reports.columns = [str(c).replace(" *", "") for c in reports.columns]
    year_start, month_end = pd.Timestamp(period.year, 1, 1), pd.Timestamp(_month_end(period))

    counted = reports[reports["保存或提交"] == "报送"]
    month = counted[["项目编码", "本月完成投资（万元）", "开工日期"]].rename(
        columns={"本月完成投资（万元）": "本月", "开工日期": "本月开工"}
    )
    table = library.merge(month, on="项目编码", how="left")
    table = table[table["市编码"].notna()]
    table["本月"] = pd.to_numeric(table["本月"], errors="coerce").fillna(0)
    table["年累计"] = table["此前年累计完成投资"] + table["本月"]
    actual = pd.to_datetime(table["实际开工日期"], errors="coerce")
    reported_now = pd.to_datetime(table["本月开工"], errors="coerce").between(year_start, month_end)
    started = actual.between(year_start, month_end) | (actual.isna() & ((table["此前已报开工"] == "是") | reported_now))
    table["计划开工"] = table["计划开工"] == "是"
    table["已开工"] = table["计划开工"] & started

    by_city = table.groupby(["市编码", "市"], sort=True).agg(
        planned_starts=("计划开工", "sum"),
        started=("已开工", "sum"),
        annual_plan=("年度计划投资", "sum"),
        completed_ytd=("年累计", "sum"),
    )
    by_city["start_rate"] = (by_city["started"] / by_city["planned_starts"]).where(by_city["planned_starts"] > 0)
    by_city["completion_rate"] = (by_city["completed_ytd"] / by_city["annual_plan"]).where(by_city["annual_plan"] > 0)
    by_city["start_rank"] = _competition_ranks(by_city["start_rate"])
    by_city["completion_rank"] = _competition_ranks(by_city["completion_rate"])
    rows = []
    for (key, name), row in by_city.iterrows():
        rows.append(
            {
                "key": key,
                "name": name,
                "planned_starts": int(row["planned_starts"]),
                "started": int(row["started"]),
                "start_rate": None if pd.isna(row["start_rate"]) else float(row["start_rate"]),
                "annual_plan": round(float(row["annual_plan"]), 2),
                "completed_ytd": round(float(row["completed_ytd"]), 2),
                "completion_rate": None if pd.isna(row["completion_rate"]) else float(row["completion_rate"]),
                "start_rank": None if pd.isna(row["start_rank"]) else int(row["start_rank"]),
                "completion_rank": None if pd.isna(row["completion_rank"]) else int(row["completion_rank"]),
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workbook", type=Path)
    parser.add_argument("--period", required=True, help="YYYY-MM")
    args = parser.parse_args()
    year, month = (int(part) for part in args.period.split("-"))
    json.dump(analyst_ranking(args.workbook, dt.date(year, month, 1)), sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
