"""Reminders before a deadline, on it and after it (then to the unit's leader too), never twice for
the same thing on the same day: not when the job runs again, not when two processes run it at once."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tuijin.dispatch.models import ContactKind, Notification, ReminderPolicy, UnitContact
from tuijin.dispatch.reminders import reminder_slot, reminders_send
from tuijin.problems.models import Problem

from ..problems.conftest import raise_problem
from ..world import World

ROOT = Path(__file__).resolve().parents[2]


def test_it_picks_one_slot_before_on_and_every_few_days_after() -> None:
    policy = ReminderPolicy(days_before=3, repeat_after_days=3)
    due = dt.date(2026, 6, 10)
    slots = {day: reminder_slot(due, dt.date(2026, 6, day), policy) for day in range(5, 18)}
    assert slots[5] is None
    assert {slots[d] for d in (7, 8, 9)} == {("before", dt.date(2026, 6, 7))}
    assert slots[10] == ("due", due)
    assert {slots[d] for d in (11, 12, 13)} == {("overdue", dt.date(2026, 6, 11))}
    assert slots[14] == ("overdue", dt.date(2026, 6, 14))


def _top_level_problem(world: World) -> Problem:
    problem = raise_problem(world)
    Problem.objects.filter(pk=problem.pk).update(level="leading_group", owner_unit=world["lg_d"])
    problem.refresh_from_db()
    return problem


def test_it_reminds_before_on_and_after_the_due_date_and_tells_the_leader_after(problem_world: World) -> None:
    w = problem_world
    problem = _top_level_problem(w)
    UnitContact.objects.create(unit=w["lg_d"], user=w["leader_d"], kind=ContactKind.LEADER)
    due = problem.due_on

    def reminders(username: str) -> list[str]:
        return list(
            Notification.objects.filter(recipient__username=username, what__startswith="remind:").values_list(
                "what", flat=True
            )
        )

    reminders_send(today=due - dt.timedelta(days=2))
    assert reminders("office_d") == [f"remind:problem:{problem.pk}:leading_group:before"]
    reminders_send(today=due)
    reminders_send(today=due + dt.timedelta(days=1))
    assert len(reminders("office_d")) == 3
    assert reminders("leader_d") == [f"remind:problem:{problem.pk}:leading_group:overdue"]  # only once late


def test_it_reminds_nobody_twice_when_the_job_runs_again(problem_world: World) -> None:
    problem = _top_level_problem(problem_world)
    first = reminders_send(today=problem.due_on)
    again = reminders_send(today=problem.due_on)
    assert first["inbox"] > 0 and again["inbox"] == 0
    assert Notification.objects.filter(what__startswith="remind:").count() == first["inbox"]


@pytest.mark.django_db(transaction=True)
def test_it_reminds_nobody_twice_when_two_processes_run_at_once(problem_world: World) -> None:
    problem = _top_level_problem(problem_world)
    Problem.objects.filter(pk=problem.pk).update(due_on=dt.date.today())
    env = {**_env(), "TUIJIN_REMINDER_HOUR": "0"}
    command = [sys.executable, "manage.py", "run_jobs", "--only", "reminders"]
    runs = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    whats = list(Notification.objects.filter(what__startswith="remind:").values_list("what", "recipient_id"))
    assert whats and len(whats) == len(set(whats))


def _env() -> dict[str, str]:
    import os

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{database['NAME']}"
    else:
        url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    return {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "tuijin.settings.base", "PYTHONPATH": "src"}


def test_it_shows_the_job_runs_to_the_office_only(problem_world: World) -> None:
    from django.test import Client, override_settings
    from django.urls import reverse

    from tuijin.dispatch.jobs import job_run

    _top_level_problem(problem_world)
    with override_settings(TUIJIN_REMINDER_HOUR=0):
        job_run("reminders")
    client = Client()
    client.force_login(problem_world["office_d"])
    page = client.get(reverse("dispatch:jobs")).content.decode()
    assert "reminders" in page and "inbox=" in page
    client.force_login(problem_world["enterprise"])
    assert client.get(reverse("dispatch:jobs")).status_code == 403
