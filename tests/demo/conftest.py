"""The whole demo, loaded once for the module inside a transaction rolled back at its end (it takes
some seconds); its notice files go to a temporary media folder. The tests read it, none changes it."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from tuijin.demo.generator.projects import Calendar
from tuijin.demo.load import load_demo
from tuijin.demo.projects import demo_calendar


@pytest.fixture(scope="module")
def demo(
    django_db_setup: None, django_db_blocker: object, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Calendar]:
    media: Path = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        load_demo()
        yield demo_calendar(timezone.localdate())
        transaction.set_rollback(True)
