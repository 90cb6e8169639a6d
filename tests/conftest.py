import os
from collections.abc import Iterator

import pytest

from .world import World, build_world

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make beside it
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup: None, django_db_blocker: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """The whole demo, loaded once per module (it takes many seconds) inside a transaction rolled back
    at the module's end; each test's own changes roll back to it. Its notice files go to a temporary
    media folder. Not for browser tests: their live server needs committed rows."""
    from django.db import transaction
    from django.test import override_settings
    from django.utils import timezone

    from tuijin.demo.load import load_demo
    from tuijin.demo.projects import demo_calendar

    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        load_demo()
        yield demo_calendar(timezone.localdate())
        transaction.set_rollback(True)


def pytest_report_header() -> str:
    from django.conf import settings

    return f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}"
