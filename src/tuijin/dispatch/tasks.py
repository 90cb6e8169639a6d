"""The one Celery task: run a registered job by name (jobs take ids and call services)."""

from typing import Any

from celery import shared_task

from .jobs import job_run, runner_name


@shared_task(name="tuijin.run_job")
def run_job(name: str) -> dict[str, Any]:
    return job_run(name, runner=runner_name("celery")).summary
