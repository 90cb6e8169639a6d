"""Helpers shared by the decomposer tests: seed documents and hand-written expectations."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
CORPUS = HERE / "corpus"
TASK_DEFAULTS = {"lead_units": [], "cooperating_units": [], "deadline": None, "targets": []}
METADATA = ("title", "doc_number", "issuer", "issued_on")
TASK_FIELDS = ("title", "lead_units", "cooperating_units", "deadline", "targets")


def seeds_dir() -> Path:
    """The seed documents: $TUIJIN_SEEDS_DIR, else shared/seeds beside the repository."""
    configured = os.environ.get("TUIJIN_SEEDS_DIR")
    if configured:
        return Path(configured)
    return (Path(__file__).parents[2] / "../shared/seeds").resolve()


def load_expectation(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def seed_path(fixture: dict) -> Path:
    path = seeds_dir() / fixture["seed"]
    if not path.is_file():
        pytest.skip(f"seed documents not available ({path})")
    return path


def expected_tasks(expectation: dict) -> list[dict]:
    return [TASK_DEFAULTS | task for task in expectation["tasks"]]


def field_by_path(tasks: list[dict], field: str) -> dict[tuple[str, ...], object]:
    return {tuple(task["path"]): task[field] for task in tasks}


def pinned_text_mismatches(expectation: dict, actual: dict) -> list[tuple[str, ...]]:
    """Paths of tasks whose text differs from what the expectation pins."""
    texts = field_by_path(actual["tasks"], "text")
    wrong = []
    for task in expectation["tasks"]:
        path = tuple(task["path"])
        text = texts.get(path, "")
        if (
            text != task.get("text", text)
            or not text.endswith(task.get("text_endswith", ""))
            or task.get("text_contains", "") not in text
        ):
            wrong.append(path)
    return wrong
