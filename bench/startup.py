"""Time from launching the UI to its first screen being ready (headless), vs Textual alone.

Each case is a fresh interpreter; the clock runs from just before the launch until the
child reports (wall clock) that it is ready: for the baseline, ``import textual.app``
done; for an app, its ``on_ready`` (first screen composed and drawn). Cases run round
robin so a busy machine slows them alike. Target: within 1.5x the baseline. openai and
python-docx are never imported at start-up (the probe fails if they are).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT

RUNS = 9

BASELINE = "import time, textual.app; print(time.time())"

PROBE = """
import os, sys, time
from pathlib import Path
from drafter.tui.app import DrafterApp

class Probe(DrafterApp):
    def on_ready(self) -> None:
        print(time.time(), flush=True)
        bad = [m for m in ("openai", "docx") if m in sys.modules]
        if bad:
            print(f"loaded at start-up: {bad}", file=sys.stderr)
            os._exit(1)
        self.exit(0)

path = Path(sys.argv[1]) if len(sys.argv) > 1 else None
Probe(path).run(headless=True, size=(120, 40))
"""

MINIMAL = """
import time
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
        self.exit()

Minimal().run(headless=True, size=(120, 40))
"""
"""Reference: what a minimal Textual app with the start screen's kinds of widget costs."""


def once(args: list[str], env: dict[str, str]) -> float:
    launched = time.time()
    out = subprocess.run(args, env=env, check=True, cwd=ROOT, capture_output=True, text=True)
    return float(out.stdout.split()[0]) - launched


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "DRAFTER_HOME": str(Path(scratch) / "home")}
        project = Path(scratch) / "yunxi-2025.json"
        shutil.copy(ROOT / "fixtures" / "example" / "yunxi-2025.json", project)
        python = sys.executable
        cases = {
            "baseline  python -c 'import textual.app'": [python, "-c", BASELINE],
            "minimal Textual app (Input, Footer …)  ": [python, "-c", MINIMAL],
            "drafter tui (start screen ready)       ": [python, "-c", PROBE],
            "drafter tui example.json (表格 ready)  ": [python, "-c", PROBE, str(project)],
        }
        once([python, "-c", PROBE, str(project)], env)  # warm the file caches
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(RUNS):
            for name, args in cases.items():
                times[name].append(once(args, env))
    medians = {name: statistics.median(t) for name, t in times.items()}
    baseline = next(iter(medians.values()))
    for name, value in medians.items():
        print(f"{name}: {value * 1000:6.0f} ms  {value / baseline:.2f}x baseline")
    print(f"launch to ready, median of {RUNS} fresh processes each; target <= 1.5x baseline")


if __name__ == "__main__":
    main()
