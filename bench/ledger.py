"""How long ``drafter ledger`` takes to count a 20,000-row ledger (target: < 1 s).

A random register of 20,000 applications over 2020–2026 (tests/ledger/ledgers.py: every
date form offices type, variant wordings) plus 300 复议/诉讼 cases, written once as
.xlsx with openpyxl. Timed in the same run (median of 5):

- ``count_file``, caches emptied before each run as in a new process: read the workbook,
  find headers, parse dates, map values, count 2025 with provenance: what the clerk waits for;
- the part after reading (``count_workbook`` on the sheets already read);
- baselines: python-calamine's bare read (cells to Python lists), and openpyxl's bare
  read-only iteration of the same file (the reader the issue first named).
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from _common import median_seconds

from drafter.ledger import count_file, count_workbook
from drafter.ledger.dates import _parse_text
from drafter.ledger.reading import read_workbook
from drafter.ledger.vocabulary import candidates, core
from drafter.model import Project
from tests.ledger.ledgers import TODAY, random_cases, write_ledger

ROWS = 20_000
TARGET = 1.0


def cold(fn, *args):  # type: ignore[no-untyped-def]
    """``fn`` as in a fresh process: the caches of dates and wordings emptied first."""
    for cached in (_parse_text, candidates, core):
        cached.cache_clear()
    return fn(*args, today=TODAY)


def cpu_seconds(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    """Median CPU time of ``fn()``: steadier than wall time on a machine shared with others."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def calamine_bare(path: Path) -> None:
    import python_calamine

    with python_calamine.CalamineWorkbook.from_path(path) as book:
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python(skip_empty_area=False)


def openpyxl_bare(path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    for sheet in book.worksheets:
        for _ in sheet.iter_rows(values_only=True):
            pass
    book.close()


def main() -> None:
    rng = random.Random(20_000)
    cases = random_cases(rng, ROWS)
    appeals = random_cases(rng, 300, appeals=True)
    project = Project.empty("某某局", 2025)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "台账.xlsx"
        write_ledger(path, cases, appeals, rng)
        counted = count_file(path, project, today=TODAY)
        assert counted.count.complete
        workbook = read_workbook(path)
        whole = median_seconds(lambda: cold(count_file, path, project))
        cpu = cpu_seconds(lambda: cold(count_file, path, project))
        after = median_seconds(lambda: cold(count_workbook, workbook, project))
        calamine = median_seconds(lambda: calamine_bare(path))
        openpyxl = median_seconds(lambda: openpyxl_bare(path), repeat=3)
        size = path.stat().st_size
    values = counted.count.values
    new = sum(v for p, v in values.items() if p.startswith("requests.new."))
    lines = [
        f"ledger: {ROWS:,} applications + {len(appeals)} appeals, .xlsx {size / 1e6:.1f} MB",
        f"  count_file (read + count 2025, provenance): {whole:.3f} s (target < {TARGET} s)",
        f"    CPU time of the same:                     {cpu:.3f} s",
        f"    of which counting after the read:         {after:.3f} s",
        f"  baseline python-calamine bare read:    {calamine:.3f} s, ratio {whole / calamine:.2f}",
        f"  baseline openpyxl read-only bare read: {openpyxl:.3f} s, ratio {whole / openpyxl:.2f}",
        f"  2025: {new} new, {len(counted.count.entries):,} rows kept as provenance",
    ]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
