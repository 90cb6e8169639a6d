"""The five seed documents against the hand-written fixtures in ``fixtures/``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tuijin.decompose import decompose_file

from .support import load_fixture, seed_fixtures, seed_path

FIXTURES = seed_fixtures()
TASK_DEFAULTS = {"lead_units": [], "cooperating_units": [], "deadline": None, "targets": []}


@cache
def _decomposed(fixture_path: Path) -> tuple[dict, dict]:
    fixture = load_fixture(fixture_path)
    return fixture, decompose_file(seed_path(fixture)).to_dict()


def _expected_tasks(fixture: dict) -> list[dict]:
    return [TASK_DEFAULTS | task for task in fixture["tasks"]]


def _actual_by_path(actual: dict) -> dict[tuple[str, ...], dict]:
    return {tuple(task["path"]): task for task in actual["tasks"]}


seeds = pytest.mark.parametrize("fixture_path", FIXTURES, ids=[p.stem[:3] for p in FIXTURES])


@seeds
def test_it_finds_exactly_the_tasks_of_each_seed(fixture_path):
    fixture, actual = _decomposed(fixture_path)
    assert [task["path"] for task in actual["tasks"]] == [t["path"] for t in fixture["tasks"]]


@seeds
def test_it_reads_the_metadata_of_each_seed(fixture_path):
    fixture, actual = _decomposed(fixture_path)
    keys = ("title", "doc_number", "issuer", "issued_on")
    assert {k: actual[k] for k in keys} == {k: fixture[k] for k in keys}


@pytest.mark.parametrize(
    "field", ["title", "lead_units", "cooperating_units", "deadline", "targets"]
)
@seeds
def test_it_gives_each_seed_task_its_expected_field(fixture_path, field):
    fixture, actual = _decomposed(fixture_path)
    by_path = _actual_by_path(actual)
    expected = {tuple(t["path"]): t[field] for t in _expected_tasks(fixture)}
    got = {path: by_path[path][field] for path in expected if path in by_path}
    assert got == {path: value for path, value in expected.items() if path in by_path}


@seeds
def test_it_keeps_the_text_the_fixtures_pin(fixture_path):
    fixture, actual = _decomposed(fixture_path)
    by_path = _actual_by_path(actual)
    for task in fixture["tasks"]:
        text = by_path[tuple(task["path"])]["text"]
        assert text == task.get("text", text)
        assert text.endswith(task.get("text_endswith", ""))
        assert task.get("text_contains", "") in text


@seeds
def test_it_starts_every_task_text_with_its_title(fixture_path):
    _, actual = _decomposed(fixture_path)
    for task in actual["tasks"]:
        assert task["text"].startswith(task["title"])
