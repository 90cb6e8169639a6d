from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tuijin.demo.load import load_demo
from tuijin.org.models import Region


class Command(BaseCommand):
    help = "Loads the demo province and district (refuses if the database already holds data)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when data is already there.")

    def handle(self, *args: Any, if_empty: bool = False, **options: Any) -> None:
        if Region.objects.exists():
            if if_empty:
                self.stdout.write("The database already holds data; the demo is not loaded again.")
                return
            raise CommandError("The database already holds data.")
        load_demo()
        self.stdout.write(self.style.SUCCESS("Demo loaded."))
