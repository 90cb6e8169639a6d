"""Importing office workbooks into district D's programme (tests/world.py) as its office user."""

import datetime as dt
from pathlib import Path

import pytest

from tuijin.core.periods import parse_period
from tuijin.onboarding import selectors, services
from tuijin.onboarding.models import ImportJob
from tuijin.org.models import Unit

from ..world import World


@pytest.fixture
def office(world: World) -> World:
    """District D's office, with the units the test workbooks name (one by its alias only)."""
    for name, aliases in [("市工信局", ""), ("市住建局", ""), ("某县政府", ""), ("市交通运输局", "市交通局")]:
        world.records[name] = Unit.objects.create(name=name, aliases=aliases, region=world["D"], kind="department")
    return world


def upload(world: World, path: Path, period: str | None = None, user: str = "office_d") -> ImportJob:
    return services.upload_receive(
        user=world[user],
        programme=world["prog_d"],
        file_name=path.name,
        data=path.read_bytes(),
        period=parse_period(period) if period else None,
    )


def confirm_proposals(
    job: ImportJob, period: dt.date | None = None, fixes: dict[str, dict[int, str]] | None = None
) -> ImportJob:
    """Confirms the proposed mapping of every sheet, corrected by `fixes` (by sheet name)."""
    fixes = fixes or {}
    screens, _period = selectors.mapping_screen(job)
    mappings = {
        screen.layout.signature: {c["index"]: c["field"] for c in screen.columns} | fixes.get(screen.layout.sheet, {})
        for screen in screens
    }
    return services.mapping_confirm(
        user=job.user, job=job, expected_version=job.version, mappings=mappings, period=period or job.period
    )


def import_book(world: World, path: Path, period: str | None = None) -> ImportJob:
    job = upload(world, path, period)
    job = confirm_proposals(job)
    return services.import_confirm(user=job.user, job=job, expected_version=job.version)
