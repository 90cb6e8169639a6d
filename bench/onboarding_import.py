"""Importing an office's own 20,000-row dispatch table through the onboarding services, against the
bare python_calamine read of the same file.

    .venv/bin/python bench/onboarding_import.py [--rows 20000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tuijin_bench_onboarding .venv/bin/python bench/onboarding_import.py

The workbook is bench/legacy_read.py's (title, 亿元 unit line, merged two-row header, group and
subtotal rows every 50 projects, numbers partly as text, sign-off). Steps, each as the page calls it:
  upload   upload_receive: read the workbook, find a project table, store the file;
  mapping  mapping_confirm with the proposed mapping (remembered for the layout);
  preview  import_plan: extract, match every row to the library, derive the month's figures;
  confirm  import_confirm: the plan again, then every project, annual plan and monthly report
           created through the project services, in one transaction.
Then the next month's table of the same layout (every project matched and updated). The database
is migrated if it is empty and left as it was: everything runs in a transaction rolled back at the end.
Writes the figures into docs/benchmarks.md, section “Onboarding import (issue 6)”."""

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import database_label, markdown_header, markdown_row, rate, setup_django
from bench.legacy_read import bare_read, best_of, build
from bench.ranking import write_section

SECTION = "## Onboarding import (issue 6)"


def timed(action: object) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()  # type: ignore[operator]
    return time.perf_counter() - started, result


def next_month(october: Path, november: Path) -> None:
    """The same table a month later: the title and the year-to-date header say November."""
    import openpyxl

    book = openpyxl.load_workbook(october)
    sheet = book.active
    sheet["A1"] = sheet["A1"].value.replace("1-10月", "1-11月")
    sheet["G4"] = "1-11月累计"
    book.save(november)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", verbosity=0)
    from tuijin.accounts.models import Role, RoleGrant, User
    from tuijin.onboarding import selectors, services
    from tuijin.org.models import Programme, Region, Unit
    from tuijin.projects.models import MonthlyReport, Project

    database = database_label()
    with tempfile.TemporaryDirectory() as folder, transaction.atomic():
        settings.MEDIA_ROOT = folder
        october, november = Path(folder) / "10.xlsx", Path(folder) / "11.xlsx"
        build(october, args.rows)
        next_month(october, november)
        bare = best_of(3, bare=lambda: bare_read(october))["bare"]
        size = october.stat().st_size / 1e6

        region = Region.objects.create(name="基准市", code="980000", level="city")
        programme = Programme.objects.create(name="基准专项", region=region, start_year=2023, end_year=2027)
        Unit.objects.create(name="市发改委", region=region, kind="department")
        office = User.objects.create_user("bench-onboarding-office")
        RoleGrant.objects.create(user=office, role=Role.OFFICE, region=region)

        def run(path: Path) -> dict[str, float]:
            seconds: dict[str, float] = {}
            data = path.read_bytes()
            seconds["upload"], job = timed(
                lambda: services.upload_receive(user=office, programme=programme, file_name=path.name, data=data)
            )
            if selectors.needs_mapping(job, selectors.layouts_of(job)):
                screens, _period = selectors.mapping_screen(job)
                mappings = {s.layout.signature: {c["index"]: c["field"] for c in s.columns} for s in screens}
                seconds["mapping"], job = timed(
                    lambda: services.mapping_confirm(
                        user=office, job=job, expected_version=job.version, mappings=mappings, period=None
                    )
                )
            seconds["preview"], plan = timed(lambda: selectors.import_plan(job))
            assert plan.ok and len(plan.rows) == args.rows, (plan.errors[:3], len(plan.rows))
            seconds["confirm"], job = timed(
                lambda: services.import_confirm(user=office, job=job, expected_version=job.version)
            )
            return seconds

        first = run(october)
        assert Project.objects.filter(programme=programme).count() == args.rows
        second = run(november)
        assert MonthlyReport.objects.filter(project__programme=programme).count() == 2 * args.rows
        transaction.set_rollback(True)

    lines = [
        f"{args.rows:,} projects in one sheet ({size:.1f} MB), one run each; the bare read is the best of 3.",
        "",
        markdown_header(["what", "ms", "rows/s", "× bare read"]),
        markdown_row(["bare python_calamine read", f"{bare * 1000:.0f}", rate(args.rows, bare), "1.0"]),
    ]
    for label, seconds in [("October: all new", first), ("November: same layout, all updated", second)]:
        for step, spent in seconds.items():
            lines.append(markdown_row([f"{label} — {step}", f"{spent * 1000:.0f}", rate(args.rows, spent),
                                       f"{spent / bare:.1f}"]))  # fmt: skip
        whole = sum(seconds.values())
        lines.append(markdown_row([f"**{label} — whole import**", f"{whole * 1000:.0f}", rate(args.rows, whole),
                                   f"{whole / bare:.1f}"]))  # fmt: skip
    text = "\n".join(lines)
    print(f"### {database}\n\n{text}")
    if not args.no_write:
        write_section(database, text, SECTION)


if __name__ == "__main__":
    main()
