"""Median export time per format for the bundled example (target: DOCX < 0.5 s).

Each format in a warm process (the TUI exporting again), and the DOCX export in a
fresh process including the import of python-docx (what one ``drafter export`` pays).
Baselines measured in the same run: saving the same project as JSON (the cheapest
write drafter does), python-docx saving an empty document (the floor of any Word
export) and a fresh process that only loads the project (drafter's own start-up).
"""

from __future__ import annotations

import io
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import ROOT, median_seconds

from drafter.exporters import export_report
from drafter.store import save_project
from tests.factories import example

TARGET_DOCX = 0.5

COLD = """
import time
start = time.perf_counter()
from drafter.store import load_project
project = load_project({example!r}).project
loaded = time.perf_counter()
from drafter.exporters import export_report
export_report(project, {out!r})
print(loaded - start, time.perf_counter() - start)
"""


def cold_docx(folder: Path, repeat: int = 7) -> tuple[float, float]:
    """Medians, in a fresh interpreter, of loading the project (imports included) and of
    loading plus the first DOCX export (python-docx import included)."""
    code = COLD.format(
        example=str(ROOT / "fixtures/example/yunxi-2025.json"), out=str(folder / "c.docx")
    )
    loads, totals = [], []
    for _ in range(repeat):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        )
        load, total = map(float, result.stdout.split())
        loads.append(load)
        totals.append(total)
    return statistics.median(loads), statistics.median(totals)


def empty_docx() -> None:
    import docx

    docx.Document().save(io.BytesIO())


def main() -> None:
    project = example()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        json_save = median_seconds(lambda: save_project(project, folder / "p.json"), repeat=9)
        empty = median_seconds(empty_docx, repeat=9)
        print(f"baseline  save project JSON      {json_save * 1000:7.1f} ms")
        print(f"baseline  python-docx empty doc  {empty * 1000:7.1f} ms")
        for name in ("docx", "html", "md"):
            path = folder / f"report.{name}"
            seconds = median_seconds(lambda p=path: export_report(project, p), repeat=9)
            print(
                f"export    {name:<5} warm             {seconds * 1000:7.1f} ms"
                f"  ({seconds / json_save:5.1f}x JSON save, {path.stat().st_size // 1024} KB)"
            )
        load, cold = cold_docx(folder)
        print(f"baseline  fresh process, load    {load * 1000:7.1f} ms  (imports + read project)")
        print(
            f"export    docx  fresh process    {cold * 1000:7.1f} ms  (load + export; export part"
            f" {(cold - load) * 1000:.0f} ms incl. importing python-docx)"
        )
        verdict = "met" if cold < TARGET_DOCX else "MISSED"
        print(f"target: DOCX < {TARGET_DOCX} s — {verdict}")


if __name__ == "__main__":
    main()
