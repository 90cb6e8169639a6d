import signal
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from tuijin.dispatch.jobs import JOBS, job_run, jobs_due, runner_name


class Command(BaseCommand):
    help = (
        "Runs the background jobs in this process: once (all, or --only one), or with --loop whenever "
        "each is due, as the embedded deployment does beside the web server."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--loop", action="store_true", help="keep running jobs as they fall due")
        parser.add_argument("--only", default="", help=f"one job: {', '.join(JOBS)}")
        parser.add_argument("--tick", type=float, default=10.0, help="seconds between looks at what is due")

    def handle(self, *args: Any, loop: bool, only: str, tick: float, **options: Any) -> None:
        if only and only not in JOBS:
            raise CommandError(f"no job named {only!r}; there are: {', '.join(JOBS)}")
        runner = runner_name("run_jobs")
        if not loop:
            for name in [only] if only else list(JOBS):
                self._run(name, runner)
            return
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        self.stdout.write(f"running jobs as they fall due: {', '.join(JOBS)}")
        while not stopping:
            close_old_connections()
            for spec in jobs_due():
                if only and spec.name != only:
                    continue
                self._run(spec.name, runner)
                if stopping:
                    break
            time.sleep(tick)

    def _run(self, name: str, runner: str) -> None:
        try:
            job = job_run(name, runner=runner)
        except Exception as error:  # a failed job is recorded in its Job row; the loop goes on
            self.stderr.write(f"{name} failed: {type(error).__name__}")
        else:
            self.stdout.write(f"{name}: {job.summary}")
