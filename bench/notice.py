"""Generating the monthly notice at province scale: the service an office calls (figures, sentences,
Word with its chart, Excel with every project behind schedule, files stored and hashed), against
the limit of 10 s.

    .venv/bin/python bench/notice.py [--period 2025-06] [--repeat 3]
    DATABASE_URL=postgres://... .venv/bin/python bench/notice.py

Runs inside a transaction it rolls back and writes its files to a temporary folder, so the bench
database is left as it was; writes the figures into docs/benchmarks.md, section
“Monthly notice (issue 3)”, under the database's own heading."""

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import measure, setup_django, timing_row
from bench.ranking import write_section

SECTION = "## Monthly notice (issue 3)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--period", default="2025-06")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    database = setup_django()
    import docx
    from django.conf import settings
    from django.db import transaction

    from tuijin.accounts.models import Role, RoleGrant, User
    from tuijin.core.periods import parse_period
    from tuijin.org.models import Programme
    from tuijin.projects.models import Project
    from tuijin.projects.ranking.notices.services import notice_generate

    period = parse_period(args.period)
    programme = Programme.objects.select_related("region").order_by("region__path").first()
    projects = Project.objects.filter(programme=programme).count()
    with tempfile.TemporaryDirectory() as media, transaction.atomic():
        settings.MEDIA_ROOT = media
        office = User.objects.create_user("bench-notice-office")
        RoleGrant.objects.create(user=office, role=Role.OFFICE, region=programme.region)
        made = []
        timing = measure(
            "notice_generate (Word and Excel)",
            lambda: made.append(notice_generate(user=office, programme=programme, period=period)),
            repeat=args.repeat,
            warmup=1,
        )
        notice = made[-1]
        tables = len(docx.Document(notice.docx.path).tables)
        word_kb, excel_kb = (Path(f.path).stat().st_size / 1024 for f in (notice.docx, notice.xlsx))
        sizes = f"Word {word_kb:.0f} KB, Excel {excel_kb:.0f} KB"
        transaction.set_rollback(True)
    verdict = "within" if timing.p50 < 10 else "NOT within"
    text = (
        f"{projects:,} projects, month {args.period}, {args.repeat} timed runs after 1 warm-up run; "
        f"p50 {timing.p50:.1f} s ({verdict} the 10 s limit). The Word file has {tables} tables; {sizes}.\n\n"
        "| what | p50 ms | p95 ms | × baseline |\n| --- | --- | --- | --- |\n" + timing_row(timing)
    )
    print(text)
    if not args.no_write:
        write_section(database, text, SECTION)


if __name__ == "__main__":
    main()
