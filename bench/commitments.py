"""The public commitments page and the office's pages at province scale: a year in which every one
of the province programme's task forces and service lines has five published commitments and every
town and zone two (evaluated ones among them), against the plain SQL that yields the same rows, side
by side in the same run.

    DATABASE_URL=sqlite:///var/bench.sqlite3 .venv/bin/python bench/generate.py --projects 0
    .venv/bin/python bench/commitments.py [--repeat 20]

Measured: the anonymous public page of the year (every published commitment, grouped by owner), the
office's list (counts per state and the first page of 50) and the year's Excel export. First it
checks that the public page shows exactly the published rows the plain SQL yields. The commitments
and the office's user are made inside a transaction that is rolled back. The figures go into
docs/benchmarks.md, section “Public commitments (issue 4)”, under the database's heading."""

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import measure, raw_query, setup_django, timing_row
from bench.ranking import write_section

PUBLIC_OWNERS_PER_PAGE = 20  # as tuijin.plans.commitments.selectors pages the public page (checked below)

SECTION = "## Public commitments (issue 4)"
YEAR = 2025
STATIC_STORAGE = "django.contrib.staticfiles.storage.StaticFilesStorage"

PUBLIC_SQL = """
    SELECT c.id, c.owner_kind, c.task_force_id, c.region_id, c.title, c.target, c.progress, c.progress_note,
        c.score, tf.name, g.name
    FROM plans_commitment c
    JOIN org_region g ON g.id = c.region_id
    LEFT JOIN org_taskforce tf ON tf.id = c.task_force_id
    WHERE c.programme_id = %(programme)s AND c.year = %(year)s AND c.state IN ('published', 'evaluated')
    ORDER BY c.owner_kind, tf.sort_order, tf.name, g.path, c.id
"""
LIST_SQL = """
    SELECT c.state, COUNT(*) FROM plans_commitment c
    JOIN org_region g ON g.id = c.region_id
    WHERE c.programme_id = %(programme)s AND c.year = %(year)s AND g.path LIKE %(scope)s GROUP BY c.state
"""
PAGE_SQL = """
    SELECT c.id, c.title, c.target, c.responsible, c.state, c.progress, c.score, tf.name, g.name
    FROM plans_commitment c
    JOIN org_region g ON g.id = c.region_id
    LEFT JOIN org_taskforce tf ON tf.id = c.task_force_id
    WHERE c.programme_id = %(programme)s AND c.year = %(year)s AND g.path LIKE %(scope)s
    ORDER BY c.year DESC, c.owner_kind, tf.sort_order, g.path, c.id LIMIT 50
"""


def make_commitments(programme: object) -> int:
    """Five per task force and service line, two per town and zone; every seventh evaluated."""
    from decimal import Decimal

    from django.utils import timezone

    from tuijin.core.chinese import search_key
    from tuijin.org.models import Region, RegionLevel
    from tuijin.plans.models import Commitment

    now = timezone.now()
    owners = [(tf, programme.region, tf.kind) for tf in programme.task_forces.all() for _ in range(5)]
    towns = Region.objects.filter(
        path__startswith=programme.region.path, level__in=[RegionLevel.TOWN, RegionLevel.ZONE]
    )
    owners += [(None, town, "territory") for town in towns for _ in range(2)]
    rows = []
    for number, (task_force, region, kind) in enumerate(owners):
        title, target = f"承诺事项{number}", f"新增规上工业企业{number % 20 + 1}家以上"
        evaluated = number % 7 == 0
        rows.append(
            Commitment(
                programme=programme,
                year=YEAR,
                owner_kind=kind,
                task_force=task_force,
                region=region,
                title=title,
                target=target,
                target_value=Decimal(number % 20 + 1),
                target_unit="家",
                target_comparator=">=",
                measures="建立培育库，一企一策帮扶。",
                responsible="责任人",
                state="evaluated" if evaluated else "published",
                progress=number % 101,
                progress_note=f"已完成{number % 101}%。",
                score=Decimal(60 + number % 40) if evaluated else None,
                evaluation="完成较好。" if evaluated else "",
                published_at=now,
                search_key=search_key(f"{title} {target}"),
            )
        )
    Commitment.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--no-write", action="store_true", help="Print the figures without writing the docs.")
    args = parser.parse_args()
    database = setup_django()
    from django.conf import settings
    from django.db import transaction
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from tuijin.accounts.models import Role, RoleGrant, User
    from tuijin.org.models import Programme
    from tuijin.plans.commitments import selectors

    assert selectors.PUBLIC_OWNERS_PER_PAGE == PUBLIC_OWNERS_PER_PAGE

    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": STATIC_STORAGE}}
    programme = Programme.objects.filter(region__parent__isnull=True).order_by("pk").first()
    with transaction.atomic():
        made = make_commitments(programme)
        office = User.objects.create_user(username="bench-office", password_changed_at=timezone.now())
        RoleGrant.objects.create(user=office, role=Role.OFFICE, region=programme.region)
        anonymous = Client(HTTP_ACCEPT_LANGUAGE="zh-hans", HTTP_HOST="127.0.0.1")
        staff = Client(HTTP_ACCEPT_LANGUAGE="zh-hans", HTTP_HOST="127.0.0.1")
        staff.force_login(office)
        params = {"programme": programme.pk, "year": YEAR, "scope": f"{programme.region.path}%"}
        public_url = f"{reverse('portal:programme', args=[programme.pk])}?year={YEAR}"
        query = f"?programme={programme.pk}&year={YEAR}"
        list_url, export_url = reverse("commitments:list") + query, reverse("commitments:export") + query

        page = anonymous.get(public_url).content.decode()
        shown = [int(pk) for pk in re.findall(r'data-commitment="(\d+)"', page)]
        public_rows = raw_query(PUBLIC_SQL, params)()
        # The first page holds the first owners' rows, as many owners as a page shows.
        first_owners = list(dict.fromkeys(row[1:4] for row in public_rows))[:PUBLIC_OWNERS_PER_PAGE]
        expected = [row[0] for row in public_rows if row[1:4] in set(first_owners)]
        assert shown == expected, (len(shown), len(expected))
        size = len(page.encode())

        rows = []
        baseline = measure("plain SQL: the year's published rows", raw_query(PUBLIC_SQL, params), repeat=args.repeat)
        public = measure(
            "public page, first 20 owners (anonymous)", lambda: anonymous.get(public_url), repeat=args.repeat
        )
        last_url = f"{public_url}&kind=territory&page=9999"
        last = measure(
            "public page, last page of towns (anonymous)", lambda: anonymous.get(last_url), repeat=args.repeat
        )
        rows += [timing_row(baseline), timing_row(public, baseline), timing_row(last, baseline)]

        def plain_list() -> None:
            raw_query(LIST_SQL, params)()
            raw_query(PAGE_SQL, params)()

        list_baseline = measure("plain SQL: counts per state and first 50", plain_list, repeat=args.repeat)
        listing = measure("office list page (counts, first 50)", lambda: staff.get(list_url), repeat=args.repeat)
        export = measure(
            "office Excel export (every row)", lambda: staff.get(export_url), repeat=max(3, args.repeat // 4)
        )
        rows += [timing_row(list_baseline), timing_row(listing, list_baseline), timing_row(export, baseline)]
        transaction.set_rollback(True)

    table = "\n".join(["| what | p50 ms | p95 ms | × baseline |", "| --- | --- | --- | --- |", *rows])
    text = (
        f"{programme.name}: {made:,} published commitments in {YEAR} "
        f"({programme.task_forces.count()} task forces and service lines × 5, every town and zone × 2, "
        f"one in seven evaluated); the public page pages through owners, {PUBLIC_OWNERS_PER_PAGE} at a time: its "
        f"first page shows {len(shown)} commitments ({size / 1e3:.0f} kB of HTML). "
        f"{args.repeat} timed requests after 2 warm-ups (the export {max(3, args.repeat // 4)}); the export's "
        f"ratio is against the public rows' plain SQL.\n\n{table}\n\n"
        "Command: `.venv/bin/python bench/generate.py --projects 0 && .venv/bin/python bench/commitments.py` "
        "(the baseline is the plain SQL of all the year's public rows, for every row of the table)."
    )
    print(f"{database}\n{text}")
    if not args.no_write:
        write_section(database, text, SECTION)


if __name__ == "__main__":
    main()
