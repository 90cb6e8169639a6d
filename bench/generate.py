"""Deterministic province-scale data for the benchmarks: the organisation, then its project library.

    DATABASE_URL=... .venv/bin/python bench/generate.py --seed 1 --projects 50000 --months 24 [--fresh]

Loads into the database DATABASE_URL names (a SQLite file by default: var/bench.sqlite3), in one
transaction: an interrupted load leaves nothing behind. The same seed gives the same data."""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import rate, setup_django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--projects", type=int, default=50000, help="How many projects (0: the organisation only).")
    parser.add_argument("--months", type=int, default=24, help="How many months of reports.")
    parser.add_argument("--last-month", default="2025-12", help="The latest month reported, YYYY-MM.")
    parser.add_argument("--fresh", action="store_true", help="Empty the database first (flush).")
    args = parser.parse_args()

    database = setup_django()
    from django.core.management import call_command
    from django.db import connection, transaction

    from bench.generator.org import generate_org
    from bench.generator.province import province_frame
    from tuijin.core.periods import parse_period
    from tuijin.demo.generator.projects import Calendar, ProjectGenerator
    from tuijin.org.models import Region

    calendar = Calendar.closed(parse_period(args.last_month), args.months)
    call_command("migrate", verbosity=0)
    if args.fresh:
        call_command("flush", interactive=False, verbosity=0)
    elif Region.objects.exists():
        sys.exit("The database already holds data; use --fresh to replace it.")
    print(f"{database}, seed {args.seed}")
    started = time.perf_counter()
    with transaction.atomic():
        org = generate_org(args.seed)
        print(
            f"organisation: {len(org.cities)} cities, {len(org.counties)} counties, {len(org.towns)} towns and "
            f"zones, {len(org.departments)} departments, {len(org.task_forces)} task forces, "
            f"{len(org.service_lines)} service lines in {time.perf_counter() - started:.1f} s"
        )
        if args.projects:
            projects_started = time.perf_counter()
            generator = ProjectGenerator(seed=args.seed, calendar=calendar)
            counts = generator.load(province_frame(org), args.projects)
            seconds = time.perf_counter() - projects_started
            rows = sum(counts.values())
            print(
                f"projects: {args.projects:,} projects, {calendar.months} months "
                f"{calendar.first_month:%Y-%m} to {calendar.last_month:%Y-%m}, in {seconds:.1f} s "
                f"({rate(rows, seconds)} overall)"
            )
            for label, count in sorted(counts.items(), key=lambda item: -item[1]):
                print(f"  {label:28} {count:>10,}")
    committed = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics, so the benchmarks that follow see real plans
    finished = time.perf_counter()
    print(f"committed and analysed in {finished - committed:.1f} s; total {finished - started:.1f} s")


if __name__ == "__main__":
    main()
