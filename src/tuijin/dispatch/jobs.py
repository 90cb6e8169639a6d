"""The background jobs and how one runs. Apps register their jobs here when they load; Celery beat
(production) and `manage.py run_jobs --loop` (embedded) schedule the same registry, and both run a
job through `job_run`, which leaves a Job row saying what it did.

Every job is idempotent: its writes are keyed by unique constraints (one digest per programme and
week, one send per thing, person, channel and day) and its state changes re-check the row under a
lock, so a rerun, a redelivered task or a second worker at the same time writes nothing twice."""

import datetime as dt
import os
import socket
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Max
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Job, JobStatus


@dataclass(frozen=True)
class JobSpec:
    name: str
    label: Promise | str
    function: Callable[[], dict[str, Any]]
    every: dt.timedelta


JOBS: dict[str, JobSpec] = {}


def register_job(spec: JobSpec) -> None:
    JOBS[spec.name] = spec


def runner_name(prefix: str) -> str:
    return f"{prefix}@{socket.gethostname()}:{os.getpid()}"


def job_run(name: str, *, runner: str = "") -> Job:
    """Runs one job and records it. The row is written before the work starts, so a run killed
    half-way is visible as one that never finished."""
    spec = JOBS[name]
    job = Job.objects.create(name=name, runner=runner or runner_name("run_jobs"))
    try:
        summary = spec.function()
    except Exception:
        Job.objects.filter(pk=job.pk).update(
            status=JobStatus.FAILED, finished_at=timezone.now(), error=traceback.format_exc()[-4000:]
        )
        raise
    Job.objects.filter(pk=job.pk).update(status=JobStatus.DONE, finished_at=timezone.now(), summary=summary)
    job.refresh_from_db()
    return job


def jobs_due(*, now: dt.datetime | None = None) -> list[JobSpec]:
    """The jobs whose last run started longer ago than their interval (for the embedded loop)."""
    now = now or timezone.now()
    last = dict(Job.objects.values("name").annotate(last=Max("started_at")).values_list("name", "last"))
    return [spec for spec in JOBS.values() if last.get(spec.name) is None or now - last[spec.name] >= spec.every]


def deliveries_job() -> dict[str, Any]:
    from .services import deliveries_send

    return deliveries_send()


def reminders_job() -> dict[str, Any]:
    from .reminders import reminders_send

    return reminders_send()


register_job(JobSpec("deliveries", _("Send email and group-robot messages"), deliveries_job, dt.timedelta(seconds=30)))
register_job(JobSpec("reminders", _("Send reminders of what is due"), reminders_job, dt.timedelta(hours=1)))
