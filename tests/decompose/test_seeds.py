"""The five seed documents against the hand-written fixtures in ``fixtures/``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tuijin.decompose import decompose_file

from .support import (
    FIXTURES,
    METADATA,
    TASK_FIELDS,
    expected_tasks,
    field_by_path,
    load_expectation,
    pinned_text_mismatches,
    seed_path,
)

SEEDS = sorted(FIXTURES.glob("*.json"))
seeds = pytest.mark.parametrize("fixture_path", SEEDS, ids=[p.stem[:3] for p in SEEDS])


@cache
def _decomposed(fixture_path: Path) -> tuple[dict, dict]:
    fixture = load_expectation(fixture_path)
    return fixture, decompose_file(seed_path(fixture)).to_dict()


@seeds
def test_it_finds_exactly_the_tasks_of_each_seed(fixture_path):
    fixture, actual = _decomposed(fixture_path)
    assert [task["path"] for task in actual["tasks"]] == [t["path"] for t in fixture["tasks"]]


@seeds
def test_it_reads_the_metadata_of_each_seed(fixture_path):
    fixture, actual = _decomposed(fixture_path)
    assert {k: actual[k] for k in METADATA} == {k: fixture[k] for k in METADATA}


@pytest.mark.parametrize("field", TASK_FIELDS)
@seeds
def test_it_gives_each_seed_task_its_expected_field(fixture_path, field):
    fixture, actual = _decomposed(fixture_path)
    assert field_by_path(actual["tasks"], field) == field_by_path(expected_tasks(fixture), field)


@seeds
def test_it_keeps_the_text_the_fixtures_pin(fixture_path):
    fixture, actual = _decomposed(fixture_path)
    assert pinned_text_mismatches(fixture, actual) == []


@seeds
def test_it_starts_every_seed_task_text_with_its_title(fixture_path):
    _, actual = _decomposed(fixture_path)
    assert [t["path"] for t in actual["tasks"] if not t["text"].startswith(t["title"])] == []
