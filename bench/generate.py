"""Deterministic province-scale data for the benchmarks.

    DATABASE_URL=... .venv/bin/python bench/generate.py --seed 1 [--fresh]

Loads into the database DATABASE_URL names (a SQLite file by default: var/bench.sqlite3)."""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuijin.settings.base")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fresh", action="store_true", help="Empty the database first (flush).")
    args = parser.parse_args()

    import django
    from django.core.management import call_command

    django.setup()
    from django.db import transaction

    from bench.generator.org import generate_org
    from tuijin.org.models import Region

    (ROOT / "var").mkdir(exist_ok=True)
    call_command("migrate", verbosity=0)
    if args.fresh:
        call_command("flush", interactive=False, verbosity=0)
    elif Region.objects.exists():
        sys.exit("The database already holds data; use --fresh to replace it.")
    started = time.perf_counter()
    with transaction.atomic():
        org = generate_org(args.seed)
    print(
        f"organisation: {len(org.cities)} cities, {len(org.counties)} counties, {len(org.towns)} towns and zones, "
        f"{len(org.departments)} departments, {len(org.task_forces)} task forces, "
        f"{len(org.service_lines)} service lines in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
