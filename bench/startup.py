"""Time from launching the UI to its first screen being ready (headless), vs Textual alone.

Each case is a fresh interpreter; the clock runs from just before the launch until the
child reports (wall clock) that it is ready: for the baseline, ``import textual.app``
done; for an app, its ``on_ready`` (first screen composed and drawn). Cases run round
robin so a busy machine slows them alike. Target: within 1.5x the baseline. openai and
python-docx are never imported at start-up (the probe fails if they are).

The probe parses its command line with drafter's own parser first, as ``drafter tui
FILE`` does, so what the command line imports is counted too.

The project's first check runs in a worker after the tables are drawn; the last case
says when its findings are marked, so the deferral is measured, not hidden.

Every child ends the moment it is ready (``os._exit``), so ``--instructions`` can count
exactly the work up to that moment: each case runs once under valgrind (cachegrind, no
cache simulation) and the instruction counts are printed beside their ratios. Counts do
not depend on what else the machine is doing, so they settle a small difference that
wall clocks on a shared machine cannot.

Bytecode is cached as in an installed copy: the children run without
``PYTHONDONTWRITEBYTECODE`` (pip compiles the dependencies' bytecode at install time;
without this the baseline would be compiled and drafter's own modules not).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, bench_env, count_instructions

RUNS = 9

BASELINE = "import os, time, textual.app; print(time.time(), flush=True); os._exit(0)"

PROBE = """
import os, sys, time
from pathlib import Path
from drafter.cli import build_parser

words = ["tui", *sys.argv[1:2]]
args = build_parser(words[0]).parse_args(words)  # as drafter.cli.main does
from drafter.tui.app import DrafterApp

WAIT_FOR_CHECK = len(sys.argv) > 2

class Probe(DrafterApp):
    def on_ready(self) -> None:
        bad = [m for m in ("openai", "docx") if m in sys.modules]
        if bad:
            print(f"loaded at start-up: {bad}", file=sys.stderr, flush=True)
            os._exit(1)
        if not WAIT_FOR_CHECK:
            print(time.time(), flush=True)
            os._exit(0)

    def _checked(self, *args) -> None:
        super()._checked(*args)
        if WAIT_FOR_CHECK:
            print(time.time(), flush=True)
            os._exit(0)

Probe(Path(args.project) if args.project else None).run(headless=True, size=(120, 40))
"""

MINIMAL = """
import os, time
from textual.app import App
from textual.widgets import Button, Footer, Input, OptionList, Static

class Minimal(App):
    def compose(self):
        yield Static("x")
        yield Input()
        yield Input()
        yield Button("a")
        yield OptionList()
        yield Footer()

    def on_ready(self) -> None:
        print(time.time(), flush=True)
        os._exit(0)

Minimal().run(headless=True, size=(120, 40))
"""
"""Reference: what a minimal Textual app with the start screen's kinds of widget costs."""


def once(args: list[str], env: dict[str, str]) -> float:
    launched = time.time()
    out = subprocess.run(args, env=env, check=True, cwd=ROOT, capture_output=True, text=True)
    return float(out.stdout.split()[0]) - launched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions under valgrind instead"
    )
    parser.add_argument("--runs", type=int, default=RUNS, help="timed runs per case")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        env = bench_env(DRAFTER_HOME=str(scratch / "home"))
        project = scratch / "yunxi-2025.json"
        shutil.copy(ROOT / "fixtures" / "example" / "yunxi-2025.json", project)
        python = sys.executable
        cases = {
            "baseline  python -c 'import textual.app'": [python, "-c", BASELINE],
            "minimal Textual app (Input, Footer …)  ": [python, "-c", MINIMAL],
            "drafter tui (start screen ready)       ": [python, "-c", PROBE],
            "drafter tui example.json (表格 ready)  ": [python, "-c", PROBE, str(project)],
            "  … first check done, findings marked  ": [python, "-c", PROBE, str(project), "c"],
        }
        for args in cases.values():  # warm the file caches, compile the bytecode
            once(args, env)
        if options.instructions:
            if shutil.which("valgrind") is None:
                sys.exit("valgrind is not installed (apt-get install valgrind)")
            counts = {name: count_instructions(args, env) for name, args in cases.items()}
            baseline = next(iter(counts.values()))
            for name, count in counts.items():
                print(
                    f"{name}: {count / 1e6:7,.0f} M instructions  {count / baseline:.2f}x baseline"
                )
            print("launch to ready, instructions counted by valgrind; target <= 1.5x baseline")
            return
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(options.runs):
            for name, args in cases.items():
                times[name].append(once(args, env))
    medians = {name: statistics.median(t) for name, t in times.items()}
    baseline = next(iter(medians.values()))
    for name, value in medians.items():
        print(f"{name}: {value * 1000:6.0f} ms  {value / baseline:.2f}x baseline")
    print(
        f"launch to ready, median of {options.runs} fresh processes each; target <= 1.5x baseline"
    )


if __name__ == "__main__":
    main()
