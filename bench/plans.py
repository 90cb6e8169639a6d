"""Speed of the policy-task pages' heavy parts: importing a document (upload → confirm, and a
re-import that updates), and the behind-schedule list over a province's tasks.

    .venv/bin/python manage.py migrate --noinput   # once, for var/bench.sqlite3 (or DATABASE_URL)
    .venv/bin/python bench/plans.py [--tasks 3000] [--repeat 5]

Everything is written inside a transaction that is rolled back. Baselines, measured in the same run:
for the import, `decompose_text` of the same text (the parse alone, before any database work); for
the list, fetching every task row with one raw SQL query."""

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import (
    TIMING_COLUMNS,
    markdown_header,
    measure,
    raw_query,
    setup_django,
    timing_row,
)

DATABASE = setup_django()

from django.db import transaction  # noqa: E402

from tuijin.accounts.models import Role, RoleGrant, User  # noqa: E402
from tuijin.decompose import decompose_text  # noqa: E402
from tuijin.org.models import Programme, Region, Unit  # noqa: E402
from tuijin.plans import imports, selectors  # noqa: E402
from tuijin.plans.models import Document, DocumentKind, Task, TaskReport, TaskUnit, UnitRole  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = Path(os.environ.get("TUIJIN_SEEDS_DIR") or ROOT.parent / "shared" / "seeds") / "003_e3afc5ffeb36f5d0.txt"
DEMO = ROOT / "src/tuijin/demo/documents/dongchuan_2026_action_plan.txt"
AS_OF = dt.date(2026, 7, 1)


class Rollback(Exception):
    pass


def _world() -> tuple[User, Programme, Region]:
    region = Region.objects.create(code="980000", name="基准省", level="province")
    programme = Programme.objects.create(name="基准工程", region=region, start_year=2026, end_year=2030)
    office = User.objects.create_user(username="bench_office", password="x")
    RoleGrant.objects.create(user=office, role=Role.OFFICE, region=region)
    return office, programme, region


def _import(office: User, programme: Programme, text: str) -> imports.ImportResult:
    return imports.import_text(
        user=office,
        programme=programme,
        task_force=None,
        kind=DocumentKind.WORK_PLAN,
        file_name="基准.txt",
        data=text.encode(),
    )


def _many_tasks(programme: Programme, region: Region, count: int) -> None:
    """`count` tasks over documents of 50, each with a lead unit and a report for June."""
    units = [Unit.objects.create(name=f"基准单位{i}", region=region, kind="department") for i in range(40)]
    for first in range(0, count, 50):
        document = Document.objects.create(
            programme=programme, kind=DocumentKind.WORK_PLAN, title=f"基准文件{first}", issued_on=dt.date(2026, 1, 1)
        )
        tasks = Task.objects.bulk_create(
            Task(
                document=document,
                path=str(i + 1),
                position=i,
                title=f"任务{first + i}",
                deadline=dt.date(2026, 12, 31) if i % 5 else None,
            )
            for i in range(min(50, count - first))
        )
        TaskUnit.objects.bulk_create(
            TaskUnit(task=task, unit=units[task.position % len(units)], role=UnitRole.LEAD) for task in tasks
        )
        TaskReport.objects.bulk_create(
            TaskReport(
                task=task,
                period=dt.date(2026, 6, 1),
                progress=(task.position * 7) % 100,
                done="推进",
                submitted_at=dt.datetime(2026, 7, 1, tzinfo=dt.UTC),
            )
            for task in tasks
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    source = SEED if SEED.exists() else DEMO
    text = source.read_text(encoding="utf-8")
    try:
        with transaction.atomic():
            office, programme, region = _world()
            parse = measure("decompose_text (baseline)", lambda: decompose_text(text), repeat=args.repeat)
            first = _import(office, programme, text)
            tasks = first.created
            again = measure(
                "re-import (upload + confirm, updates)", lambda: _import(office, programme, text), repeat=args.repeat
            )
            fresh_programmes = iter(
                Programme.objects.create(name=f"基准工程{i}", region=region, start_year=2026, end_year=2030)
                for i in range(args.repeat + 2)
            )
            new = measure(
                "first import (upload + confirm, creates)",
                lambda: _import(office, next(fresh_programmes), text),
                repeat=args.repeat,
            )
            _many_tasks(programme, region, args.tasks)
            rows = raw_query("SELECT * FROM plans_task")
            baseline = measure("all task rows, raw SQL (baseline)", rows, repeat=args.repeat)
            behind = measure(
                "behind_schedule for the office",
                lambda: selectors.behind_schedule(user=User.objects.get(pk=office.pk), as_of=AS_OF),
                repeat=args.repeat,
            )
            count = len(selectors.behind_schedule(user=office, as_of=AS_OF))
            raise Rollback
    except Rollback:
        pass
    print(f"### {DATABASE}\n")
    print(
        f"Import of {source.name} ({len(text):,} characters, {tasks} tasks), "
        f"{args.repeat} timed runs after 2 warm-up runs.\n"
    )
    print(markdown_header(TIMING_COLUMNS))
    print(timing_row(parse))
    print(timing_row(new, parse))
    print(timing_row(again, parse))
    print(
        f"\nBehind-schedule list over {args.tasks:,} tasks (plus the imports'), {count:,} of them behind on {AS_OF}.\n"
    )
    print(markdown_header(TIMING_COLUMNS))
    print(timing_row(baseline))
    print(timing_row(behind, baseline))


if __name__ == "__main__":
    main()
