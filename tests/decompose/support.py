"""Helpers shared by the decomposer tests: seed documents and their fixtures."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def seeds_dir() -> Path:
    """The seed documents: $TUIJIN_SEEDS_DIR, else shared/seeds beside the repository."""
    configured = os.environ.get("TUIJIN_SEEDS_DIR")
    if configured:
        return Path(configured)
    return (Path(__file__).parents[2] / "../shared/seeds").resolve()


def seed_fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("*.json"))


def load_fixture(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def seed_path(fixture: dict) -> Path:
    path = seeds_dir() / fixture["seed"]
    if not path.is_file():
        pytest.skip(f"seed documents not available ({path})")
    return path
