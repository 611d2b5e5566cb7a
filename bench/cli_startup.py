"""How much of ``drafter check`` on a folder of reports is the command's own start-up.

Fresh processes, run round robin: ``python -c pass`` (the interpreter alone, the
baseline), ``drafter --version`` (the command line, nothing checked), ``drafter check``
of one corpus report and of all of them. The per-file cost is the difference between
the last two divided by the extra files; start-up is what checking one file costs
beyond that. ``--instructions`` counts instructions under valgrind instead (one run
each), which a busy machine does not disturb.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from _common import ROOT, bench_env, count_instructions

RUNS = 7
REPORTS = sorted((ROOT / "fixtures" / "corpus" / "reports").glob("*.txt"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--instructions", action="store_true", help="count with valgrind")
    parser.add_argument("--runs", type=int, default=RUNS, help="timed runs per case")
    options = parser.parse_args()
    env = bench_env()
    drafter = [sys.executable, "-m", "drafter"]
    files = [str(p) for p in REPORTS]
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "drafter --version": [*drafter, "--version"],
        "drafter check (1 report)": [*drafter, "check", files[0]],
        f"drafter check ({len(files)} reports)": [*drafter, "check", *files],
    }
    for args in cases.values():  # warm the file caches, compile the bytecode
        subprocess.run(args, env=env, cwd=ROOT, capture_output=True)
    if options.instructions:
        figures = {name: count_instructions(args, env) / 1e6 for name, args in cases.items()}
        unit = "M instructions"
    else:
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(options.runs):
            for name, args in cases.items():
                started = time.perf_counter()
                subprocess.run(args, env=env, cwd=ROOT, capture_output=True)
                times[name].append(time.perf_counter() - started)
        figures = {name: statistics.median(t) * 1000 for name, t in times.items()}
        unit = "ms"
    for name, value in figures.items():
        print(f"{name:26s} {value:8,.0f} {unit}")
    one, many = list(figures.values())[2:]
    per_file = (many - one) / (len(files) - 1)
    start_up = one - per_file
    print(
        f"per report {per_file:,.1f} {unit}; start-up {start_up:,.0f} {unit} = "
        f"{start_up / many:.0%} of checking all {len(files)} reports"
    )


if __name__ == "__main__":
    main()
