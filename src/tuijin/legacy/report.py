"""The JSON a dry run prints. Its shape is a contract with the Django command: keep it.

Money is in 万元, rounded to 4 decimals (one 元) and written as a JSON number: an integer
when whole, else a float. `start` is "YYYY-MM" or null; `stage` a library stage or null.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .model import Extraction

_ONE_YUAN = Decimal("0.0001")


def to_json(extraction: Extraction) -> dict[str, list[dict[str, Any]]]:
    return {
        "rows": [
            {
                "sheet": row.sheet,
                "row": row.row,
                "name": row.name,
                "total_investment": money(row.total_investment),
                "annual_plan": money(row.annual_plan),
                "investment_month": money(row.investment_month),
                "investment_ytd": money(row.investment_ytd),
                "responsible_unit": row.responsible_unit,
                "start": row.start,
                "stage": row.stage,
            }
            for row in extraction.rows
        ],
        "skipped": [{"sheet": skip.sheet, "row": skip.row, "reason": skip.reason} for skip in extraction.skipped],
    }


def money(amount: Decimal | None) -> int | float | None:
    if amount is None:
        return None
    rounded = amount.quantize(_ONE_YUAN, rounding=ROUND_HALF_UP)
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)
