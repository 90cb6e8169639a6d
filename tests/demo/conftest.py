"""The demo tests read the whole demo, loaded once per module (`demo_loaded` in tests/conftest.py)."""

import pytest

from tuijin.demo.generator.projects import Calendar


@pytest.fixture(scope="module")
def demo(demo_loaded: Calendar) -> Calendar:
    return demo_loaded
