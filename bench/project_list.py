"""The filtered project list's first page of 50 at province scale, through Django's test Client, as
the office and as a city's reporter, against the plain SQL that yields the same page, side by side
in the same run.

    .venv/bin/python bench/project_list.py [--repeat 60]
    DATABASE_URL=postgres://... .venv/bin/python bench/project_list.py

The filter is a typical one: one city, one stage, and a word of the project names (typed in
traditional script, as some users do). First it checks that the page lists exactly the rows the
plain SQL yields, in the same order, with the same count and total; then it times both and writes
the figures into docs/benchmarks.md, section “Project list (issue 3)”, under the database's heading.
The users and their sessions are made inside a transaction that is rolled back."""

import argparse
import re
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import measure, percentile, raw_query, setup_django, timing_row
from bench.ranking import write_section

SECTION = "## Project list (issue 3)"
LIMIT_MS = 150
STATIC_STORAGE = "django.contrib.staticfiles.storage.StaticFilesStorage"
# Words of generated project names, tried in turn: the first that fills a page in the city is used.
WORDS = ["產業園", "智能", "項目", "建設"]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def plain_sql(vendor: str) -> tuple[str, str]:
    """The page's rows and the filtered set's count and total, as one would write them by hand."""
    like = "LIKE %(word)s" + ("" if vendor == "postgresql" else " ESCAPE '\\'")
    where = f"""
        FROM projects_project p
        JOIN org_region g ON g.id = p.region_id
        WHERE g.path LIKE %(city)s AND g.path LIKE %(scope)s AND p.stage = %(stage)s AND p.search_key {like}
    """
    rows = f"""
        SELECT p.code, p.name, g.name, tf.name, p.stage, p.total_investment, p.planned_start, p.entered_on
        {where.replace("WHERE", "LEFT JOIN org_taskforce tf ON tf.id = p.task_force_id WHERE")}
        ORDER BY p.total_investment DESC, p.code DESC
        LIMIT 50
    """
    totals = f"SELECT COUNT(*), SUM(p.total_investment) {where}"
    return rows, totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--no-write", action="store_true", help="Print the figures without writing the docs.")
    args = parser.parse_args()
    database = setup_django()
    from django.conf import settings
    from django.db import connection, transaction
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from tuijin.accounts.models import Role, RoleGrant, User
    from tuijin.core.chinese import search_key
    from tuijin.org.models import Region
    from tuijin.projects.models import Project, Stage

    # Static URLs without the collected manifest (as the tests have them): a lookup either way.
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": STATIC_STORAGE}}
    province = Region.objects.filter(parent__isnull=True).order_by("path").first()
    # The city with the most projects under construction: the heaviest page a city's filter gives.
    cities = Region.objects.filter(parent=province)
    city = max(
        cities,
        key=lambda c: Project.objects.filter(region__path__startswith=c.path, stage=Stage.CONSTRUCTION).count(),
    )
    in_city = Project.objects.filter(region__path__startswith=city.path, stage=Stage.CONSTRUCTION)
    word = next((w for w in WORDS if in_city.filter(search_key__contains=search_key(w)).count() >= 50), WORDS[-1])
    total = Project.objects.count()
    query = urlencode({"region": city.code, "stage": Stage.CONSTRUCTION, "q": word})
    url = f"{reverse('projects:project_list')}?{query}"
    rows_sql, totals_sql = plain_sql(connection.vendor)

    with transaction.atomic():
        users = {}
        for name, role, region in [("office", Role.OFFICE, province), ("city", Role.TERRITORY, city)]:
            user = User.objects.create_user(username=f"bench-{name}", password_changed_at=timezone.now())
            RoleGrant.objects.create(user=user, role=role, region=region)
            client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans", HTTP_HOST="127.0.0.1")
            client.force_login(user)
            params = {
                "city": f"{city.path}%",
                "scope": f"{region.path}%",
                "stage": Stage.CONSTRUCTION,
                "word": f"%{search_key(word)}%",
            }
            users[name] = (client, params)

        lines = []
        for name, (client, params) in users.items():
            queries: list[str] = []

            def counted(run: Any, sql: str, *rest: Any, queries: list[str] = queries) -> Any:
                queries.append(sql)
                return run(sql, *rest)

            with connection.execute_wrapper(counted):
                page = client.get(url).content.decode()
            shown = re.findall(r'<tr data-code="([^"]+)"', page)
            expected = [row[0] for row in raw_query(rows_sql, params)()]
            count, amount = raw_query(totals_sql, params)()[0]
            assert shown == expected, (name, shown[:3], expected[:3])
            assert f"<strong>{count}</strong>" in page, (name, count)
            assert f"{Decimal(str(amount)).quantize(Decimal('0.01')):,}" in page, (name, amount)

            def plain(params: dict = params) -> None:
                raw_query(rows_sql, params)()
                raw_query(totals_sql, params)()

            baseline = measure(f"plain SQL, page and totals ({name})", plain, repeat=args.repeat)
            cpu: list[float] = []

            def request(c: Client = client, cpu: list[float] = cpu) -> None:
                started = time.process_time()
                c.get(url)
                cpu.append(time.process_time() - started)

            ours = measure(f"list page through the test Client ({name})", request, repeat=args.repeat)
            verdict = "within" if ours.p95 * 1000 < LIMIT_MS else "NOT within"
            lines.append(
                (
                    f"- {name}: {count:,} projects match, {len(shown)} on the page, {len(queries)} queries a request; "
                    f"p95 {ours.p95 * 1000:.0f} ms ({verdict} the {LIMIT_MS} ms limit), "
                    f"{ours.ratio(baseline):.1f}× the plain SQL's p50; CPU time of the Django process per "
                    f"request p50 {ms(percentile(cpu[2:], 0.5))} ms, p95 {ms(percentile(cpu[2:], 0.95))} ms",
                    [timing_row(baseline), timing_row(ours, baseline)],
                )
            )
        transaction.set_rollback(True)

    table = "\n".join(
        ["| what | p50 ms | p95 ms | × baseline |", "| --- | --- | --- | --- |", *[r for _, rs in lines for r in rs]]
    )
    text = (
        f"{total:,} projects; filter: city {city.name} ({city.code}), stage under construction, search “{word}” "
        f"(traditional script); {args.repeat} timed requests per user after 2 warm-up requests, each the whole "
        f"page (scope, filters, totals, page of 50, template).\n\n"
        + "\n".join(line for line, _ in lines)
        + f"\n\n{table}"
    )
    print(f"{database}\n{text}")
    if not args.no_write:
        write_section(database, text, SECTION)


if __name__ == "__main__":
    main()
