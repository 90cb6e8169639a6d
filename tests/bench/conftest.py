"""A small province, generated once per test module inside a transaction that is rolled back at
the module's end: the generator's tests read it, no test changes it."""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.db import transaction

from bench.generator.org import OrgScale, generate_org
from bench.generator.province import province_frame
from tuijin.core.periods import parse_period
from tuijin.demo.generator.projects import Calendar, ProjectGenerator

SEED = 7
PROJECTS = 1500
CALENDAR = Calendar.closed(parse_period("2025-12"), 24)


@dataclass
class Province:
    org: OrgScale
    counts: Counter[str]
    calendar: Calendar


@pytest.fixture(scope="module")
def province(django_db_setup: None, django_db_blocker: object) -> Iterator[Province]:
    with django_db_blocker.unblock(), transaction.atomic():
        org = generate_org(SEED)
        counts = ProjectGenerator(seed=SEED, calendar=CALENDAR).load(province_frame(org), PROJECTS)
        yield Province(org, counts, CALENDAR)
        transaction.set_rollback(True)
