"""Time from launching the UI to its first screen being ready (headless), vs Textual alone.

Baseline, measured in the same run: a fresh ``python -c "import textual.app"``. Each
case is a fresh interpreter, timed from launch until the process has shown its first
screen and exited. Target: the UI on the example project within 1.5x the baseline
(openai and python-docx are imported lazily, never at start-up).
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

PROBE = """
import sys
from pathlib import Path
from drafter.tui.app import DrafterApp

class Probe(DrafterApp):
    def on_ready(self) -> None:
        self.call_after_refresh(self.exit, 0)

path = Path(sys.argv[1]) if len(sys.argv) > 1 else None
Probe(path).run(headless=True, size=(120, 40))
bad = [m for m in ("openai", "docx") if m in sys.modules]
if bad:
    raise SystemExit(f"loaded at start-up: {bad}")
"""


MINIMAL = """
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
        self.call_after_refresh(self.exit, 0)

Minimal().run(headless=True, size=(120, 40))
"""
"""Reference: the least a Textual app with the start screen's kinds of widget costs."""


def once(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "DRAFTER_HOME": str(Path(scratch) / "home")}
        project = Path(scratch) / "yunxi-2025.json"
        shutil.copy(ROOT / "fixtures" / "example" / "yunxi-2025.json", project)
        python = sys.executable
        cases = {
            "baseline  python -c 'import textual.app'": [python, "-c", "import textual.app"],
            "minimal Textual app (Input, Footer …)  ": [python, "-c", MINIMAL],
            "drafter tui (start screen ready)       ": [python, "-c", PROBE],
            "drafter tui example.json (表格 ready)  ": [python, "-c", PROBE, str(project)],
        }
        once([python, "-c", "import textual.app, drafter.model"], env)  # warm the caches
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(RUNS):  # round robin: a busy machine slows every case alike
            for name, args in cases.items():
                times[name].append(once(args, env))
    medians = {name: statistics.median(t) for name, t in times.items()}
    baseline = next(iter(medians.values()))
    for name, value in medians.items():
        print(f"{name}: {value * 1000:6.0f} ms  {value / baseline:.2f}x baseline")
    print(f"median of {RUNS} fresh processes each, interleaved; target <= 1.5x baseline")


if __name__ == "__main__":
    main()
