"""Documents of our own in the genre (``corpus/``), each with hand-written expectations.

Different provinces and levels, numbering styles, full- and half-width punctuation,
units in brackets, on label lines, at the start of the body and in 由…负责 clauses,
run-together items, running item numbers, traditional script with converter noise.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tuijin.decompose import decompose_file

from .support import (
    CORPUS,
    METADATA,
    TASK_FIELDS,
    expected_tasks,
    field_by_path,
    load_expectation,
    pinned_text_mismatches,
)

DOCUMENTS = sorted(CORPUS.glob("*.txt"))
documents = pytest.mark.parametrize("document", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])


@cache
def _decomposed(document: Path) -> tuple[dict, dict]:
    expectation = load_expectation(document.with_suffix(".json"))
    return expectation, decompose_file(document).to_dict()


@documents
def test_it_finds_exactly_the_tasks_of_each_document(document):
    expectation, actual = _decomposed(document)
    assert [t["path"] for t in actual["tasks"]] == [t["path"] for t in expectation["tasks"]]


@documents
def test_it_reads_the_metadata_of_each_document(document):
    expectation, actual = _decomposed(document)
    assert {k: actual[k] for k in METADATA} == {k: expectation[k] for k in METADATA}


@pytest.mark.parametrize("field", TASK_FIELDS)
@documents
def test_it_gives_each_document_task_its_expected_field(document, field):
    expectation, actual = _decomposed(document)
    expected = field_by_path(expected_tasks(expectation), field)
    assert field_by_path(actual["tasks"], field) == expected


@documents
def test_it_keeps_the_text_each_document_pins(document):
    expectation, actual = _decomposed(document)
    assert pinned_text_mismatches(expectation, actual) == []
