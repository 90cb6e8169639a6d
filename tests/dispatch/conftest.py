from collections.abc import Iterator

import pytest
from django.test import override_settings

from .servers import RobotServer, SmtpSink


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    sink = SmtpSink()
    with override_settings(EMAIL_HOST="127.0.0.1", EMAIL_PORT=sink.port, EMAIL_TIMEOUT=5):
        yield sink
    sink.close()


@pytest.fixture
def robot() -> Iterator[RobotServer]:
    server = RobotServer()
    yield server
    server.close()


@pytest.fixture
def no_backoff() -> Iterator[None]:
    with override_settings(TUIJIN_DELIVERY_BACKOFF_SECONDS=0):
        yield


from ..problems.conftest import problem_world  # noqa: E402, F401  (fixtures shared with the problems tests)
from ..projects.conftest import project_world  # noqa: E402, F401
