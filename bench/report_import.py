"""Import of a 20,000-row monthly-report workbook at province scale, and today's way beside it.

    .venv/bin/python bench/report_import.py [--rows 20000] [--period 2025-12] [--repeat 3]
    DATABASE_URL=postgres://... .venv/bin/python bench/report_import.py

On the data of `bench/generate.py` (50,000 projects, 24 months to 2025-12):

1. Writes "the exported workbook" (var/bench-reports-YYYY-MM.xlsx): sheet 月度报告 is Tuijin's template
   for the month filled with the reports the generator made for the first ROWS projects of the month's
   library (by code), each to be submitted; sheet 项目库 is the analyst's master sheet (see
   `bench/analyst_pandas.py`).
2. Each timed run, in a transaction rolled back afterwards: removes those projects' reports of the month
   (untimed), then times `reports_import` end to end as a province office user (read, scope, checks,
   bulk writes, history, events, audit) and the ranking by city after it.
3. Times the read step (`imports.read_rows`) against the bare python-calamine read of the same sheet.
4. Times the analyst's pandas script on the same workbook, checks it gives the same ranking by city as
   Tuijin after the import, and writes every figure into docs/benchmarks.md, section
   “Monthly report import (issue 3)”, under the database's heading."""

import argparse
import io
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ROOT, TIMING_COLUMNS, measure, rate, setup_django, timing_row
from bench.common import markdown_header as header

SECTION = "## Monthly report import (issue 3)"
CENT = Decimal("0.01")


def build_workbook_file(programme: object, period: object, rows: int) -> tuple[Path, list[int]]:
    from django.db.models import Q, Sum
    from django.utils import translation

    from tuijin.core.periods import format_period
    from tuijin.org.models import Region
    from tuijin.projects.models import MonthlyReport
    from tuijin.projects.ranking.figures import COUNTED, window_of
    from tuijin.projects.reporting.selectors import owing_projects
    from tuijin.projects.reporting.sheets import REPORT_SHEET, Action
    from tuijin.sheets.engine import Column, SheetSpec, build_workbook

    library = list(
        owing_projects(programme=programme, period=period)
        .select_related("region")
        .order_by("code")
        .values(
            "pk",
            "code",
            "name",
            "region__path",
            "region__name",
            "actual_start",
            "plan__planned_investment",
            "plan__plans_start",
        )
    )
    chosen = library[:rows]
    ids = [p["pk"] for p in chosen]
    reports = {r.project_id: r for r in MonthlyReport.objects.filter(project_id__in=ids, period=period)}
    month = format_period(period)
    with translation.override("zh-hans"):
        submit = str(dict(Action.CHOICES)[Action.SUBMIT])
        report_rows = [
            [
                p["code"],
                p["name"],
                p["region__name"],
                month,
                reports[p["pk"]].investment_month if p["pk"] in reports else 0,
                reports[p["pk"]].progress_note if p["pk"] in reports else "",
                reports[p["pk"]].started_on.isoformat() if p["pk"] in reports and reports[p["pk"]].started_on else "",
                reports[p["pk"]].completed_on.isoformat()
                if p["pk"] in reports and reports[p["pk"]].completed_on
                else "",
                reports[p["pk"]].problems if p["pk"] in reports else "",
                submit,
                "",
                0,
            ]
            for p in chosen
        ]
        window = window_of(programme=programme, period=period)
        # What earlier workbooks told the analyst: the year's counted reports, without the rows of 月度报告.
        earlier = (
            MonthlyReport.objects.filter(
                project__in=owing_projects(programme=programme, period=period).values("pk"),
                period__gte=window.year_start,
                period__lte=period,
                status__in=COUNTED,
            )
            .exclude(Q(period=period) & Q(project_id__in=ids))
            .values("project_id")
            .annotate(
                done=Sum("investment_month"),
                starts=Sum(1, filter=Q(started_on__gte=window.year_start, started_on__lte=window.month_end)),
            )
            .order_by()
        )
        before = {r["project_id"]: (r["done"] or Decimal(0), bool(r["starts"])) for r in earlier}
        parent = programme.region.path
        cities = {r.code: r.name for r in Region.objects.filter(parent=programme.region)}
        yes, no = "是", "否"
        library_rows = []
        for p in library:
            rest = p["region__path"][len(parent) :]
            city = rest.split("/")[0] if rest else ""
            done, started = before.get(p["pk"], (Decimal(0), False))
            library_rows.append(
                [
                    p["code"],
                    city or None,
                    cities.get(city, ""),
                    p["plan__planned_investment"],
                    yes if p["plan__plans_start"] else no,
                    p["actual_start"].isoformat() if p["actual_start"] else "",
                    done.quantize(CENT),
                    yes if started else no,
                ]
            )
        library_sheet = SheetSpec(
            name="项目库",
            columns=[
                Column(key, header)
                for key, header in [
                    ("code", "项目编码"),
                    ("city_code", "市编码"),
                    ("city", "市"),
                    ("plan", "年度计划投资"),
                    ("plans_start", "计划开工"),
                    ("actual_start", "实际开工日期"),
                    ("before", "此前年累计完成投资"),
                    ("reported_start", "此前已报开工"),
                ]
            ],
        )
        data = build_workbook(
            [REPORT_SHEET, library_sheet], {str(REPORT_SHEET.name): report_rows, "项目库": library_rows}
        )
    path = ROOT / "var" / f"bench-reports-{month}.xlsx"
    path.write_bytes(data)
    return path, ids


def office_user(programme: object) -> object:
    from tuijin.accounts.models import Role, RoleGrant, User

    user, _created = User.objects.get_or_create(username="bench_report_office")
    RoleGrant.objects.get_or_create(user=user, role=Role.OFFICE, region=programme.region)
    return user


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--period", default="2025-12")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="Print the figures without writing the docs.")
    args = parser.parse_args()

    database = setup_django()
    from django.db import transaction
    from python_calamine import CalamineWorkbook

    from bench.analyst_pandas import analyst_ranking
    from bench.ranking import write_section
    from tuijin.core.periods import parse_period
    from tuijin.org.models import Programme
    from tuijin.projects.models import MonthlyReport, ReportEvent
    from tuijin.projects.ranking.rules import By, RuleConfig, Sequence
    from tuijin.projects.ranking.selectors import ranking
    from tuijin.projects.reporting.imports import read_rows, reports_import

    period = parse_period(args.period)
    programme = Programme.objects.order_by("pk").first()
    started = time.perf_counter()
    path, ids = build_workbook_file(programme, period, args.rows)
    data = path.read_bytes()
    print(f"{database}: workbook of {len(ids):,} rows written in {time.perf_counter() - started:.1f} s ({path})")
    by_city = RuleConfig().with_sequences((Sequence("region", By.REGION),))

    imports, rankings, results = [], [], []
    for run in range(args.repeat):
        with transaction.atomic():
            user = office_user(programme)
            # Setup, not timed: the month's reports of these projects are gone, as before an upload.
            db = MonthlyReport.objects.db
            ReportEvent.objects.filter(report__project_id__in=ids, report__period=period)._raw_delete(db)
            MonthlyReport.objects.filter(project_id__in=ids, period=period)._raw_delete(db)
            first = time.perf_counter()
            result = reports_import(user=user, programme=programme, period=period, data=data, filename=path.name)
            second = time.perf_counter()
            table = ranking(user=None, programme=programme, period=period, config=by_city).tables[0]
            third = time.perf_counter()
            transaction.set_rollback(True)
        imports.append(second - first)
        rankings.append(third - second)
        results.append((result, table))
        print(f"run {run + 1}: import {second - first:.2f} s ({result.summary()}), ranking {third - second:.2f} s")

    result, table = results[-1]
    assert result.created == len(ids) and result.submitted == len(ids), result.summary()
    bare = measure(
        "bare python-calamine read of 月度报告", lambda: _bare_read(CalamineWorkbook, data), repeat=5, warmup=1
    )
    ours = measure("read step (imports.read_rows)", lambda: read_rows(data), repeat=5, warmup=1)
    analyst = measure("analyst's pandas script", lambda: analyst_ranking(path, period), repeat=args.repeat, warmup=1)
    analyst_rows = analyst_ranking(path, period)
    agree(analyst_rows, table.rows)

    from bench.common import Timing

    import_timing = Timing("reports_import, 20,000 rows end to end", tuple(imports))
    ranking_timing = Timing("ranking by city after it", tuple(rankings))
    both = Timing("Tuijin: import + ranking", tuple(a + b for a, b in zip(imports, rankings, strict=True)))
    text = "\n".join(
        [
            f"{len(ids):,} rows ({path.name}, {len(data) / 1e6:.1f} MB), month {args.period}, "
            f"{args.repeat} timed runs; {MonthlyReport.objects.count():,} monthly reports in the database.",
            "",
            f"- Import end to end: **{rate(len(ids), import_timing.p50)}** (p50 {import_timing.p50:.2f} s; "
            f"target ≥ 5,000 rows/s: {'met' if len(ids) / import_timing.p50 >= 5000 else 'NOT met'}).",
            f"- Read step: {ours.ratio(bare):.2f}× the bare python-calamine read of the same sheet "
            f"(target ≤ 2×: {'met' if ours.ratio(bare) <= 2 else 'NOT met'}).",
            f"- Today's way: the analyst's pandas script takes {analyst.ratio(both):.2f}× Tuijin's import + "
            f"ranking ({analyst.p50:.2f} s against {both.p50:.2f} s); both give the same ranking by city "
            f"({len(analyst_rows)} cities, checked).",
            "",
            header(TIMING_COLUMNS),
            timing_row(bare),
            timing_row(ours, bare),
            "",
            header(TIMING_COLUMNS),
            timing_row(both),
            timing_row(import_timing, both),
            timing_row(ranking_timing, both),
            timing_row(analyst, both),
        ]
    )
    print(text)
    if not args.no_write:
        write_section(database, text, SECTION)
        _commands_once()


COMMANDS = """```sh
.venv/bin/pip install -e '.[bench]'   # pandas, for the analyst's script
.venv/bin/python bench/generate.py --seed 1 --projects 50000 --months 24 --fresh
.venv/bin/python bench/report_import.py --rows 20000 --period 2025-12 --repeat 3
export DATABASE_URL=postgres://postgres@127.0.0.1:5432/tuijin_bench_reporting
.venv/bin/python bench/generate.py --seed 1 --projects 50000 --months 24 --fresh
.venv/bin/python bench/report_import.py --rows 20000 --period 2025-12 --repeat 3
```
"""


def _commands_once() -> None:
    """The section's commands and how to read it, written once under its title."""
    path = ROOT / "docs" / "benchmarks.md"
    document = path.read_text(encoding="utf-8")
    start = document.index(SECTION) + len(SECTION)
    if document[start:].lstrip("\n").startswith("```sh"):
        return
    intro = (
        "\n\n"
        + COMMANDS
        + "\nThe import is `tuijin.projects.reporting.imports.reports_import` as the upload page calls it, "
        "as a province office user: read, scope, plausibility checks, one transaction of bulk inserts with their "
        "history rows, events and one audit entry; each run in a transaction the script rolls back. Today's way is "
        "`bench/analyst_pandas.py` (pandas with its default openpyxl reader) over the same workbook; the script "
        "checks that it ranks the cities exactly as Tuijin does after the import.\n"
    )
    path.write_text(document[:start] + intro + "\n" + document[start:].lstrip("\n"), encoding="utf-8")


def _bare_read(calamine: object, data: bytes) -> list:
    return calamine.from_filelike(io.BytesIO(data)).get_sheet_by_name("月度报告").to_python()


def agree(analyst_rows: list[dict], tuijin_rows: list) -> None:
    """The analyst's cities against Tuijin's rows: counts exact, money to the cent, rates to 1e-9, ranks equal."""
    ours = {row.key: row for row in tuijin_rows}
    seen = set()
    for mine in analyst_rows:
        row = ours[mine["key"]]
        seen.add(mine["key"])
        assert (mine["planned_starts"], mine["started"]) == (row.planned_starts, row.started), (mine, row)
        assert Decimal(str(mine["annual_plan"])).quantize(CENT) == row.annual_plan.quantize(CENT), (mine, row)
        assert Decimal(str(mine["completed_ytd"])).quantize(CENT) == row.completed_ytd.quantize(CENT), (mine, row)
        for rate_name in ("start_rate", "completion_rate"):
            theirs, our = mine[rate_name], getattr(row, rate_name)
            assert (theirs is None) == (our is None) and (our is None or abs(theirs - float(our)) < 1e-9), (mine, row)
        assert (mine["start_rank"], mine["completion_rank"]) == (row.start_rank, row.completion_rank), (mine, row)
    assert all(r.planned_starts == 0 and r.annual_plan == 0 for k, r in ours.items() if k not in seen)


if __name__ == "__main__":
    main()
