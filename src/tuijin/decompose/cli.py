"""``python -m tuijin.decompose FILE [--json | --xlsx OUT]``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .decomposer import decompose_file
from .xlsx import write_xlsx


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tuijin.decompose",
        description="Turn a Chinese policy document (.txt or .docx) into a task-division table.",
    )
    parser.add_argument("file", help="the policy document, .txt or .docx")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON to stdout (the default)")
    output.add_argument("--xlsx", metavar="OUT", help="write the task table to this .xlsx file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        decomposition = decompose_file(args.file)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.xlsx:
        write_xlsx(decomposition, args.xlsx)
        print(f"{len(decomposition.tasks)} tasks written to {args.xlsx}", file=sys.stderr)
        return 0
    json.dump(decomposition.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
