"""`python -m tuijin.legacy FILE [--period YYYY-MM]`: a dry run that prints what would import."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .extract import extract_file
from .read import UnreadableWorkbook
from .report import to_json


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tuijin.legacy",
        description="读取各单位自制的项目台账或月度调度表，输出将导入的行与跳过的行（JSON）。",
    )
    parser.add_argument("file", help="Excel 工作簿（.xlsx 或 .xls）")
    parser.add_argument("--period", help="报告期 YYYY-MM；不给时从表题读取")
    args = parser.parse_args(argv)
    try:
        extraction = extract_file(args.file, args.period)
    except (UnreadableWorkbook, ValueError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 2
    json.dump(to_json(extraction), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    for error in extraction.errors:
        print(
            f"{error.sheet}!{error.column}{error.row}「{error.value}」：{error.message}",
            file=sys.stderr,
        )
    return 1 if extraction.errors else 0
