"""Shared helpers for the benchmark scripts (run from the repository root or anywhere)."""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
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


def count_instructions(args: list[str], env: dict[str, str]) -> int:
    """Instructions the process ``args`` executes (valgrind's cachegrind ``Ir``).

    Unlike a wall clock this does not depend on what else the machine is doing, so it
    settles differences of a few per cent on a busy shared machine.
    """
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "cachegrind.out"
        subprocess.run(
            ["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}"]
            + args,
            env=env,
            check=False,  # `drafter check` exits 1 when it finds errors
            cwd=ROOT,
            capture_output=True,
        )
        found = re.search(r"^summary:\s+(\d+)", out.read_text(), re.MULTILINE)
    if found is None:
        raise RuntimeError("no summary line in the cachegrind output")
    return int(found.group(1))


def bench_env(**extra: str) -> dict[str, str]:
    """The environment for timed child processes: bytecode cached, as in an installed copy.

    pip compiles the dependencies' bytecode when it installs them; with
    ``PYTHONDONTWRITEBYTECODE`` set, drafter's own modules would be compiled on every run
    while Textual's and pydantic's are not.
    """
    env = {**os.environ, "PYTHONHASHSEED": "0", **extra}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env
