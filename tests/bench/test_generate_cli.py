"""bench/generate.py as the benchmarks run it: into the database DATABASE_URL names, refusing to load
over data unless told --fresh."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _generate(database: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    command = [sys.executable, "bench/generate.py", "--seed", "2", "--projects", "40", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def _count(database: Path, table: str) -> int:
    with sqlite3.connect(database) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_it_loads_refuses_a_second_load_and_replaces_with_fresh(tmp_path: Path) -> None:
    database = tmp_path / "bench.sqlite3"
    first = _generate(database)
    assert first.returncode == 0, first.stderr
    reports = _count(database, "projects_monthlyreport")
    assert _count(database, "projects_project") == 40 and reports > 0

    again = _generate(database)
    assert again.returncode != 0
    assert "--fresh" in again.stderr
    assert _count(database, "projects_project") == 40

    fresh = _generate(database, "--fresh")
    assert fresh.returncode == 0, fresh.stderr
    assert (_count(database, "projects_project"), _count(database, "projects_monthlyreport")) == (40, reports)
