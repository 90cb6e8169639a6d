"""The Celery app of production: `celery -A tuijin worker` runs the jobs, `celery -A tuijin beat`
schedules them from the same registry `manage.py run_jobs --loop` uses in the embedded deployment."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuijin.settings.base")

app = Celery("tuijin")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["tuijin.dispatch"])


@app.on_after_finalize.connect
def schedule_jobs(sender: Celery, **kwargs: object) -> None:
    from tuijin.dispatch.jobs import JOBS
    from tuijin.dispatch.tasks import run_job

    for spec in JOBS.values():
        sender.add_periodic_task(spec.every.total_seconds(), run_job.s(spec.name), name=spec.name)
