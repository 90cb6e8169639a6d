"""One month's ranking by city and by task force at province scale, against the plain SQL that
yields the same numbers, measured side by side in the same run.

    .venv/bin/python bench/ranking.py [--period 2025-06] [--repeat 10]
    DATABASE_URL=postgres://... .venv/bin/python bench/ranking.py

First it checks that `manage.py ranking --json` (the same selector) agrees exactly with the plain SQL
query for both sequences; then it times both and writes the figures into docs/benchmarks.md, section
“Ranking (issue 3)”, under the database's own heading (the other database's figures stay)."""

import argparse
import io
import json
import re
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ROOT, measure, raw_query, setup_django, timing_row

SECTION = "## Ranking (issue 3)"
CENT = Decimal("0.01")


def plain_sql(vendor: str, by: str, has_deadline: bool) -> str:
    """The month's figures per city (the first code after the province's in a region's path) or per
    task force, written as one would by hand: the year's library, its reports from January, this
    month's report."""
    if by == "region":
        rest = "substr(g.path, %(skip)s)"
        find = "strpos" if vendor == "postgresql" else "instr"
        key = f"substr({rest}, 1, {find}({rest}, '/') - 1)"
    else:
        key = "b.task_force_id"
    true = "true" if vendor == "postgresql" else "1"
    late = "OR (c.status IN ('submitted', 'accepted') AND c.submitted_at >= %(deadline)s)" if has_deadline else ""
    return f"""
        WITH base AS (
            SELECT p.id, p.region_id, p.task_force_id, p.actual_start, ap.plans_start, ap.planned_investment
            FROM projects_project p
            JOIN projects_annualplan ap ON ap.project_id = p.id AND ap.year = %(year)s
            WHERE p.programme_id = %(programme)s AND p.entered_on <= %(month_end)s
              AND (p.exited_on IS NULL OR p.exited_on > %(month_end)s)
        ), ytd AS (
            SELECT r.project_id, SUM(r.investment_month) AS done,
                   MAX(CASE WHEN r.started_on BETWEEN %(year_start)s AND %(month_end)s THEN 1 ELSE 0 END) AS reported
            FROM projects_monthlyreport r
            WHERE r.period BETWEEN %(year_start)s AND %(period)s AND r.status IN ('submitted', 'accepted')
            GROUP BY r.project_id
        )
        SELECT {key} AS key,
               SUM(CASE WHEN b.plans_start = {true} THEN 1 ELSE 0 END),
               SUM(CASE WHEN b.plans_start = {true} AND ((b.actual_start BETWEEN %(year_start)s AND %(month_end)s)
                        OR (b.actual_start IS NULL AND y.reported = 1)) THEN 1 ELSE 0 END),
               SUM(b.planned_investment),
               COALESCE(SUM(y.done), 0),
               SUM(CASE WHEN c.id IS NULL OR c.status IN ('draft', 'returned') {late} THEN 1 ELSE 0 END)
        FROM base b
        JOIN org_region g ON g.id = b.region_id
        LEFT JOIN ytd y ON y.project_id = b.id
        LEFT JOIN projects_monthlyreport c ON c.project_id = b.id AND c.period = %(period)s
        WHERE g.path LIKE %(subtree)s AND {"g.path <> %(parent)s" if by == "region" else "b.task_force_id IS NOT NULL"}
        GROUP BY 1
        ORDER BY 1
    """


def ranks(values: dict[str, Fraction | None]) -> dict[str, int | None]:
    ordered = sorted((v for v in values.values() if v is not None), reverse=True)
    return {k: None if v is None else ordered.index(v) + 1 for k, v in values.items()}


def independent_rows(rows: list[tuple]) -> dict[str, dict]:
    """The JSON rows the command prints, computed from the plain query's rows without our code."""
    out = {}
    for key, planned, started, plan, done, missing in rows:
        # SQLite sums decimals in floating point: compared to the cent, the precision money is kept in.
        plan, done = Decimal(str(plan)).quantize(CENT), Decimal(str(done)).quantize(CENT)
        out[str(key)] = {
            "planned_starts": int(planned),
            "started": int(started),
            "start_rate": Fraction(int(started), int(planned)) if planned else None,
            "annual_plan": plan,
            "completed_ytd": done,
            "completion_rate": Fraction(done) / Fraction(plan) if plan else None,
            "missing_reports": int(missing),
        }
    start_ranks = ranks({k: r["start_rate"] for k, r in out.items()})
    completion_ranks = ranks({k: r["completion_rate"] for k, r in out.items()})
    for key, row in out.items():
        row["start_rank"], row["completion_rank"] = start_ranks[key], completion_ranks[key]
    return out


def agree(command_rows: list[dict], plain: dict[str, dict]) -> None:
    """Every member with projects agrees field by field; members without projects are empty rows."""
    seen = set()
    for row in command_rows:
        expected = plain.get(row["key"])
        if expected is None:
            assert row["planned_starts"] == 0 and row["annual_plan"] == 0, row
            continue
        seen.add(row["key"])
        for name in ("planned_starts", "started", "missing_reports", "start_rank", "completion_rank"):
            assert row[name] == expected[name], (row["key"], name, row[name], expected[name])
        for name in ("annual_plan", "completed_ytd"):
            assert Decimal(str(row[name])) == expected[name], (row["key"], name, row[name], expected[name])
        for name in ("start_rate", "completion_rate"):
            assert row[name] == (None if expected[name] is None else float(expected[name])), (row["key"], name)
    assert seen == set(plain), set(plain) - seen


def write_section(database: str, text: str, section_title: str = SECTION) -> None:
    """Replaces the database's figures under `section_title`, keeping the other database's."""
    path = ROOT / "docs" / "benchmarks.md"
    document = path.read_text(encoding="utf-8")
    if section_title not in document:
        document = document.rstrip("\n") + f"\n\n{section_title}\n"
    start = document.index(section_title)
    following = re.search(r"^## ", document[start + len(section_title) :], re.M)
    end = start + len(section_title) + following.start() if following else len(document)
    section = document[start:end]
    heading = f"### {database}"
    block = f"{heading}\n\n{text.strip()}\n"
    if heading in section:
        section = re.sub(rf"{re.escape(heading)}\n.*?(?=^### |\Z)", block + "\n", section, flags=re.S | re.M)
    else:
        section = section.rstrip("\n") + f"\n\n{block}"
    path.write_text(document[:start] + section.rstrip("\n") + "\n\n" + document[end:].lstrip("\n"), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--period", default="2025-06")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--no-write", action="store_true", help="Print the figures without writing the docs.")
    args = parser.parse_args()
    database = setup_django()
    from django.core.management import call_command
    from django.db import connection

    from tuijin.core.periods import parse_period
    from tuijin.org.models import Programme
    from tuijin.projects.models import Project
    from tuijin.projects.ranking import selectors
    from tuijin.projects.ranking.figures import window_of

    period = parse_period(args.period)
    programme = Programme.objects.select_related("region").order_by("region__path").first()
    window = window_of(programme=programme, period=period)
    parent = programme.region.path
    ops = connection.ops
    params = {
        "programme": programme.pk,
        "year": period.year,
        "year_start": ops.adapt_datefield_value(window.year_start),
        "period": ops.adapt_datefield_value(period),
        "month_end": ops.adapt_datefield_value(window.month_end),
        "deadline": ops.adapt_datetimefield_value(window.deadline),
        "subtree": f"{parent}%",
        "parent": parent,
        "skip": len(parent) + 1,
    }
    queries = {by: plain_sql(connection.vendor, by, window.deadline is not None) for by in ("region", "task_force")}

    for by, sql in queries.items():
        out = io.StringIO()
        call_command("ranking", "--period", args.period, "--by", by, "--json", stdout=out)
        agree(json.loads(out.getvalue()), independent_rows(raw_query(sql, params)()))
    projects = Project.objects.filter(programme=programme).count()
    print(f"{database}: manage.py ranking --json agrees with the plain SQL for both sequences ({projects:,} projects)")

    def ranked() -> None:
        rule = selectors.rule_current(programme=programme, year=period.year)
        selectors.ranking(user=None, programme=programme, period=period, rule=rule)

    def plain() -> None:
        for sql in queries.values():
            raw_query(sql, params)()

    baseline = measure("plain SQL, by city and by task force", plain, repeat=args.repeat)
    ours = measure("ranking selector (both sequences, ranks, rule)", ranked, repeat=args.repeat)
    table = "\n".join(
        [
            "| what | p50 ms | p95 ms | × baseline |",
            "| --- | --- | --- | --- |",
            timing_row(baseline),
            timing_row(ours, baseline),
        ]
    )
    verdict = "within" if ours.ratio(baseline) <= 1.5 else "NOT within"
    text = (
        f"{projects:,} projects, month {args.period}, {args.repeat} timed runs after 2 warm-up runs. "
        f"The selector is {ours.ratio(baseline):.2f}× the plain SQL ({verdict} the 1.5× limit); "
        f"p50 {ours.p50 * 1000:.0f} ms (limit on PostgreSQL: 500 ms).\n\n{table}"
    )
    print(text)
    if not args.no_write:
        write_section(database, text)


if __name__ == "__main__":
    main()
