"""Speed of tuijin.decompose on a ~30,000-character policy document.

    .venv/bin/python bench/decompose_speed.py [--runs N] [--chars N]

Builds the document by concatenating the seed documents (shared/seeds beside the
repository, or $TUIJIN_SEEDS_DIR), or the test corpus when the seeds are absent,
then times decompose_text over N runs and prints the median and p95.  As the
ratio baseline it times the bare read of the same text from disk plus its OpenCC
t2s conversion: the least any decomposer of this text has to do.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import opencc

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from tuijin.decompose import decompose_text  # noqa: E402


def sources() -> tuple[str, list[Path]]:
    seeds = Path(os.environ.get("TUIJIN_SEEDS_DIR") or REPO.parent / "shared" / "seeds")
    found = sorted(seeds.glob("*.txt"))
    if found:
        return f"seeds in {seeds}", found
    corpus = REPO / "tests" / "decompose" / "corpus"
    return f"test corpus in {corpus}", sorted(corpus.glob("*.txt"))


def build_document(paths: list[Path], chars: int) -> str:
    texts = [path.read_text(encoding="utf-8") for path in paths]
    document = ""
    while len(document) < chars:
        document += "\n".join(texts) + "\n"
    return document[:chars]


def timings(action: Callable[[], object], runs: int) -> list[float]:
    action()  # warm up: imports, regex caches, the OpenCC dictionary
    measured = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        measured.append((time.perf_counter() - start) * 1000)
    return measured


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--chars", type=int, default=30_000)
    args = parser.parse_args()

    origin, paths = sources()
    document = build_document(paths, args.chars)
    converter = opencc.OpenCC("t2s")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.txt"
        path.write_text(document, encoding="utf-8")
        baseline = timings(lambda: converter.convert(path.read_text(encoding="utf-8")), args.runs)
    decompose = timings(lambda: decompose_text(document), args.runs)

    tasks = len(decompose_text(document).tasks)
    print(f"document: {len(document)} characters from {origin}; {tasks} tasks; {args.runs} runs")
    print(summary("decompose_text", decompose))
    print(summary("read + OpenCC t2s", baseline))
    print(f"ratio (median): {statistics.median(decompose) / statistics.median(baseline):.1f}x")


def summary(label: str, values: list[float]) -> str:
    return f"{label:<18} median {statistics.median(values):7.2f} ms   p95 {p95(values):7.2f} ms"


if __name__ == "__main__":
    main()
