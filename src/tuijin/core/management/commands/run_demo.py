import signal
import subprocess
import sys
from typing import Any

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serves the embedded deployment: the web server, with the job loop beside it when there is one."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args: Any, port: int, host: str, **options: Any) -> None:
        # `kill` (SIGTERM) ends the server through the `finally` below, so the job loop ends with it
        # instead of running on, orphaned, against the demo database.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        jobs = None
        if "run_jobs" in get_commands():
            jobs = subprocess.Popen([sys.executable, sys.argv[0], "run_jobs", "--loop"])
        try:
            call_command("runserver", f"{host}:{port}", use_reloader=False, use_threading=True)
        finally:
            if jobs is not None:
                jobs.terminate()
                jobs.wait(timeout=10)
