"""The jobs on real infrastructure: Celery workers on the machine's Redis, an SMTP server. Two
workers running the reminders at once tell nobody twice; a worker killed in the middle of the
weekly digest is replaced, and the digest comes out once and complete, each office emailed once."""

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from django.utils import timezone

from tuijin.dispatch.models import Job, JobStatus, Notification
from tuijin.problems.digest import digest_build, week_of
from tuijin.problems.models import Problem, WeeklyDigest
from tuijin.problems.services import problem_defaults_ensure

from ..problems.conftest import raise_problem
from ..world import World
from .servers import SmtpSink
from .workers import Worker, redis_reachable, send_job, wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _redis() -> None:
    assert redis_reachable(), "these tests need Redis on 127.0.0.1:6379 (start redis-server)"


@pytest.fixture
def queue() -> str:
    return f"tuijin-test-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def workers() -> Iterator[list[Worker]]:
    started: list[Worker] = []
    yield started
    for worker in started:
        worker.stop()


def _done(name: str, count: int) -> bool:
    return Job.objects.filter(name=name, status__in=[JobStatus.DONE, JobStatus.FAILED]).count() >= count


def test_it_reminds_nobody_twice_when_two_workers_run_the_job_at_once(
    problem_world: World, queue: str, workers: list[Worker]
) -> None:
    w = problem_world
    for title in ("用地指标未落实", "能耗指标待调剂", "施工用电未接入"):
        problem = raise_problem(w, title=title)
        Problem.objects.filter(pk=problem.pk).update(due_on=timezone.localdate())  # due today
    env = {"TUIJIN_REMINDER_HOUR": "0"}
    workers += [Worker(queue, **env), Worker(queue, **env)]
    send_job("reminders", queue)
    send_job("reminders", queue)
    wait_for(lambda: _done("reminders", 2), what="both reminder runs")
    runs = list(Job.objects.filter(name="reminders"))
    assert {r.status for r in runs} == {JobStatus.DONE}, [r.error for r in runs]
    assert len({r.runner for r in runs}) == 2  # each worker ran it
    sent = list(Notification.objects.filter(what__startswith="remind:").values_list("what", "recipient_id", "day"))
    assert len(sent) == len(set(sent)) == sum(r.summary["inbox"] for r in runs)
    assert "territory_t1" in {n.recipient.username for n in Notification.objects.filter(what__startswith="remind:")}


def test_it_finishes_a_digest_once_and_complete_after_its_worker_is_killed(
    problem_world: World, queue: str, workers: list[Worker]
) -> None:
    w = problem_world
    problem_defaults_ensure(user=w["office_p"], programme=w["prog_p"])
    last_week = week_of(timezone.localdate()) - dt.timedelta(days=7)
    raised = timezone.make_aware(dt.datetime.combine(last_week + dt.timedelta(days=2), dt.time(10)))
    for title in ("环评批复迟迟未下", "用地指标未落实"):
        problem = raise_problem(w, title=title)
        Problem.objects.filter(pk=problem.pk).update(raised_at=raised)
    Notification.objects.all().delete()
    sink = SmtpSink()
    env = {
        "TUIJIN_EMAIL_HOST": "127.0.0.1",
        "TUIJIN_EMAIL_PORT": str(sink.port),
        "TUIJIN_CELERY_VISIBILITY_TIMEOUT": "4",
        "TUIJIN_CELERY_RESTORE_INTERVAL": "1",
        "TUIJIN_CELERY_RESTORE_THROTTLE": "1",
        "TUIJIN_DELIVERY_LEASE_SECONDS": "3",
    }
    try:
        sink.stall.set()  # the first email hangs: the worker is inside the digest job
        first = Worker(queue, **env)
        workers.append(first)
        send_job("weekly_digest", queue)
        assert sink.arrived.wait(60), "\n".join(first.lines[-30:])
        # The province's digest is stored and its email under way; the district's is not made yet.
        assert list(WeeklyDigest.objects.values_list("programme__name", flat=True)) == ["prog_p"]
        first.kill()
        sink.stall.clear()
        assert sink.messages == []
        assert Job.objects.get(name="weekly_digest").status == JobStatus.RUNNING  # cut short

        workers.append(Worker(queue, **env))
        wait_for(lambda: _done("weekly_digest", 1), timeout=90, what="the redelivered digest job")
        wait_for(lambda: Job.objects.filter(name="weekly_digest", status=JobStatus.DONE).exists(), what="done")
        # The send the dead worker held is free again after its lease; the next sends run takes it.
        send_job("deliveries", queue)
        wait_for(lambda: len(sink.messages) >= 2, timeout=60, what="both offices' emails")
        send_job("deliveries", queue)
        wait_for(lambda: _done("deliveries", 2), what="a second sends run")
    finally:
        sink.close()

    digests = {d.programme.name: d for d in WeeklyDigest.objects.select_related("programme")}
    assert sorted(digests) == ["prog_d", "prog_p"]
    for name, digest in digests.items():
        assert digest.week_start == last_week
        assert digest.content == digest_build(programme=w[name], week_start=last_week), name
    assert digests["prog_d"].content["counts"]["new"] == 2
    assert sorted(m["to"][0] for m in sink.messages) == ["office_d@example.test", "office_p@example.test"]
    assert Notification.objects.filter(what__startswith="digest:").count() == 2
