"""`manage.py ranking --period YYYY-MM --by region|task_force [--parent REGION_CODE] [--json]`

Prints one month's ranking by region (the children of the parent region: cities of a province,
counties of a city) or by task force, under the programme's current ranking rule. The command line
runs with the operator's full access, like `manage.py shell`."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import QuerySet

from tuijin.core.periods import parse_period
from tuijin.org.models import Programme, Region
from tuijin.projects.ranking import selectors
from tuijin.projects.ranking.rules import By, Sequence
from tuijin.projects.ranking.standings import Row


class Command(BaseCommand):
    help = "Ranks regions or task forces for a month: start rate and investment completion rate."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", required=True, help="The month, YYYY-MM.")
        parser.add_argument("--by", required=True, choices=[By.REGION, By.TASK_FORCE])
        parser.add_argument("--parent", default="", help="Rank the children of this region (its code).")
        parser.add_argument(
            "--programme",
            type=int,
            help="The programme's id; by default the programme of the parent region or of the top of the tree.",
        )
        parser.add_argument("--json", action="store_true", help="Print the rows as a JSON list.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            period = parse_period(options["period"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        parent = _region(options["parent"]) if options["parent"] else None
        programme = _programme(options["programme"], parent)
        rule = selectors.rule_current(programme=programme, year=period.year)
        config = selectors.config_of(rule).with_sequences((Sequence(options["by"], options["by"]),))
        result = selectors.ranking(
            user=None, programme=programme, period=period, parent=parent, rule=rule, config=config
        )
        rows = result.tables[0].rows
        if options["json"]:
            self.stdout.write(json.dumps([row.as_json() for row in rows], ensure_ascii=False, indent=2))
        else:
            self.stdout.write(_text(programme, period.strftime("%Y-%m"), rule, rows))


def _region(code: str) -> Region:
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise CommandError(f"No region has the code {code}.")
    return region


def _programme(pk: int | None, parent: Region | None) -> Programme:
    programmes: QuerySet[Programme] = Programme.objects.select_related("region")
    if pk is not None:
        programme = programmes.filter(pk=pk).first()
        if programme is None:
            raise CommandError(f"No programme has the id {pk}.")
        if parent is not None and not parent.path.startswith(programme.region.path):
            raise CommandError(f"{parent} does not lie within {programme.region}, the region of {programme}.")
        return programme
    if parent is not None:
        # The programme of the nearest region at or above the parent.
        candidates = [p for p in programmes if parent.path.startswith(p.region.path)]
        candidates.sort(key=lambda p: len(p.region.path), reverse=True)
    else:
        candidates = sorted(programmes, key=lambda p: len(p.region.path))
    if not candidates:
        raise CommandError("No programme covers that region.")
    if len(candidates) > 1 and candidates[0].region_id == candidates[1].region_id:
        choices = ", ".join(f"{p.pk} ({p})" for p in candidates if p.region_id == candidates[0].region_id)
        raise CommandError(f"Several programmes run in {candidates[0].region}; choose one with --programme: {choices}.")
    return candidates[0]


def _text(programme: Programme, period: str, rule: Any, rows: list[Row]) -> str:
    rule_name = f"{rule} " if rule else "default rule"
    lines = [f"{programme} {period} ({rule_name})"]
    lines.append(
        f"{'key':<14}{'name':<16}{'planned':>8}{'started':>8}{'rate':>8}{'#':>4}{'plan':>14}{'done':>14}{'rate':>8}{'#':>4}{'missing':>8}"
    )
    for row in rows:
        data = row.as_json()
        lines.append(
            f"{data['key']:<14}{data['name']:<16}{data['planned_starts']:>8}{data['started']:>8}"
            f"{_pct(data['start_rate']):>8}{data['start_rank'] or '-':>4}{data['annual_plan']:>14,.2f}"
            f"{data['completed_ytd']:>14,.2f}{_pct(data['completion_rate']):>8}{data['completion_rank'] or '-':>4}"
            f"{data['missing_reports']:>8}"
        )
    return "\n".join(lines)


def _pct(rate: float | None) -> str:
    return "-" if rate is None else f"{rate * 100:.1f}%"
