"""The benchmark harness: percentiles, timing with warm-up, ratios and table rows."""

import pytest

from bench.common import Timing, markdown_header, measure, percentile, rate, raw_query, timing_row


def test_it_takes_percentiles_between_neighbours() -> None:
    samples = [5.0, 1.0, 4.0, 2.0, 3.0]
    assert percentile(samples, 0.5) == 3.0
    assert percentile(samples, 0.95) == pytest.approx(4.8)
    assert percentile([7.0], 0.95) == 7.0


def test_it_refuses_a_percentile_of_nothing() -> None:
    with pytest.raises(ValueError):
        percentile([], 0.5)


def test_it_warms_up_before_it_times() -> None:
    calls = []
    timing = measure("count", lambda: calls.append(1), repeat=5, warmup=3)
    assert len(calls) == 8
    assert len(timing.samples) == 5


def test_it_compares_medians_with_the_baseline() -> None:
    baseline = Timing("raw", (0.010, 0.011, 0.012))
    timing = Timing("page", (0.030, 0.033, 0.090))
    assert timing.ratio(baseline) == pytest.approx(3.0)
    assert timing_row(timing, baseline) == "| page | 33.0 | 84.3 | 3.00 |"
    assert timing_row(baseline) == "| raw | 11.0 | 11.9 | 1.00 |"


def test_it_writes_a_markdown_header() -> None:
    assert markdown_header(["a", "b"]) == "| a | b |\n| --- | --- |"


def test_it_states_a_rate() -> None:
    assert rate(1_200_000, 60) == "20,000 rows/s"


def test_it_runs_the_raw_query_baseline_through_the_driver(db: None) -> None:
    assert raw_query("SELECT %s + 1", [41])() == [(42,)]
