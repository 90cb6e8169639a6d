"""`manage.py import_legacy FILE [--period YYYY-MM] --dry-run [--json]`
`manage.py import_legacy FILE [--period YYYY-MM] --programme ID --user USERNAME [--annotated OUT.xlsx]`

A dry run prints what the workbook holds, normalised, exactly as `python -m tuijin.legacy` does
(the JSON shape is tuijin.legacy.report's). Without --dry-run it imports as the named office user
would from the page: the programme's remembered mappings apply, else the proposed one; all or
nothing, and with --annotated the workbook with its bad cells marked is written when it fails."""

import json
import sys
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tuijin import legacy
from tuijin.core.periods import parse_period
from tuijin.org.models import Programme

from ... import services


class Command(BaseCommand):
    help = "Reads an office's own project ledger or dispatch workbook; prints it (--dry-run) or imports it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The Excel workbook (.xlsx or .xls).")
        parser.add_argument("--period", help="The month reported, YYYY-MM; by default read from the title.")
        parser.add_argument("--dry-run", action="store_true", help="Print what would be imported; change nothing.")
        parser.add_argument("--json", action="store_true", help="Print the dry run as JSON.")
        parser.add_argument("--programme", type=int, help="The programme's id (to import).")
        parser.add_argument("--user", help="The office user who imports (the import is done in their name).")
        parser.add_argument("--annotated", help="Where to write the workbook with bad cells marked, if any.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if options["dry_run"]:
            self._dry_run(path, options["period"], options["json"])
        else:
            self._import(path, options)

    def _dry_run(self, path: Path, period: str | None, as_json: bool) -> None:
        try:
            extraction = legacy.extract_file(path, period)
        except (legacy.UnreadableWorkbook, ValueError, OSError) as error:
            raise CommandError(str(error)) from error
        printed = legacy.to_json(extraction)
        if as_json:
            self.stdout.write(json.dumps(printed, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(f"{len(printed['rows'])} rows, {len(printed['skipped'])} skipped")
        for error in extraction.errors:
            sys.stderr.write(f"{error.sheet}!{error.column}{error.row}「{error.value}」：{error.message}\n")
        if extraction.errors:
            raise CommandError(f"{len(extraction.errors)} bad cells: nothing would be imported.", returncode=1)

    def _import(self, path: Path, options: dict[str, Any]) -> None:
        if not options["programme"] or not options["user"]:
            raise CommandError("Importing needs --programme and --user (or give --dry-run).")
        programme = Programme.objects.filter(pk=options["programme"]).first()
        user = get_user_model().objects.filter(username=options["user"]).first()
        if programme is None or user is None:
            raise CommandError("No such programme or user.")
        try:
            period = parse_period(options["period"]) if options["period"] else None
            job = services.upload_receive(
                user=user, programme=programme, file_name=path.name, data=path.read_bytes(), period=period
            )
            job = services.import_confirm(user=user, job=job, expected_version=job.version)
        except services.ImportRefused as refused:
            for error in refused.errors:
                sys.stderr.write(error.as_text() + "\n")
            if refused.annotated and options["annotated"]:
                Path(options["annotated"]).write_bytes(refused.annotated)
            raise CommandError(refused.refusal or f"{len(refused.errors)} bad cells: nothing was imported.") from None
        except (ValidationError, PermissionDenied, ValueError, OSError) as error:
            raise CommandError("; ".join(getattr(error, "messages", [str(error)]))) from error
        self.stdout.write(
            f"Imported {job.file_name} for {job.period:%Y-%m}: {job.created} created, {job.updated} updated, "
            f"{job.reports} monthly reports, {job.skipped} rows skipped."
        )
