"""Shared helpers for the benchmark scripts (run from the repository root or anywhere)."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from drafter.rules import REGISTRY  # noqa: E402  (after the path is set)

TABLE_RULES = tuple(r.id for r in REGISTRY if r.fn.__module__ == "drafter.rules.table_rules")
"""The table rules (V1–V3, R1–R4, C3, C4): the baseline the checking benches compare with."""


def median_seconds(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``fn()`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
