"""What every bench script shares: the database (DATABASE_URL, else the SQLite file the generator
fills), timing a callable with warm-up, p50/p95, ratios against a baseline measured in the same run
(the raw SQL query, the bare file read), and markdown rows for docs/benchmarks.md.

A script in bench/ starts with

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.common import setup_django
    setup_django()

or is run as `python -m bench.<name>` from the repository's root."""

import math
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH_SQLITE = ROOT / "var" / "bench.sqlite3"


def setup_django(settings: str = "tuijin.settings.base") -> str:
    """Points Django at DATABASE_URL (default: var/bench.sqlite3), sets it up and says which
    database it is, as the figures' tables name it."""
    sys.path[:0] = [p for p in (str(ROOT / "src"), str(ROOT)) if p not in sys.path]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{BENCH_SQLITE}")
    BENCH_SQLITE.parent.mkdir(exist_ok=True)
    import django

    django.setup()
    return database_label()


def database_label() -> str:
    from django.db import connection

    return {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(connection.vendor, connection.vendor)


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The sample below which `fraction` of the samples lie, interpolating between neighbours."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    position = (len(ordered) - 1) * fraction
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Timing:
    label: str
    samples: tuple[float, ...]  # seconds, one per timed run

    @property
    def p50(self) -> float:
        return percentile(self.samples, 0.5)

    @property
    def p95(self) -> float:
        return percentile(self.samples, 0.95)

    @property
    def best(self) -> float:
        return min(self.samples)

    def ratio(self, baseline: "Timing") -> float:
        """How many times the baseline's p50 this p50 is."""
        return self.p50 / baseline.p50


def measure(label: str, action: Callable[[], Any], *, repeat: int = 10, warmup: int = 2) -> Timing:
    """Runs `action` warmup times untimed (caches, connections, query plans), then `repeat` times timed."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return Timing(label, tuple(samples))


def raw_query(sql: str, params: Sequence[Any] = ()) -> Callable[[], list[tuple]]:
    """A baseline: the query alone, through the database driver, every row fetched."""

    def run() -> list[tuple]:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    return run


def markdown_row(cells: Sequence[Any]) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def markdown_header(columns: Sequence[str]) -> str:
    return markdown_row(columns) + "\n" + markdown_row(["---"] * len(columns))


TIMING_COLUMNS = ["what", "p50 ms", "p95 ms", "× baseline"]


def timing_row(timing: Timing, baseline: Timing | None = None) -> str:
    """| what | p50 ms | p95 ms | × baseline | (the baseline's own row says 1.00)."""
    ratio = timing.ratio(baseline) if baseline is not None else 1.0
    return markdown_row([timing.label, f"{timing.p50 * 1000:.1f}", f"{timing.p95 * 1000:.1f}", f"{ratio:.2f}"])


def rate(rows: int, seconds: float) -> str:
    """Rows per second, rounded as a table shows it."""
    return f"{rows / seconds:,.0f} rows/s" if seconds > 0 else "–"
