"""Reports checked per second over the corpus (target: >= 200 reports/s on one core).

The corpus's text reports (``fixtures/corpus/reports/*.txt``, the seed, ``full/*.txt``)
are repeated to at least 1,000 files; each goes through ``check_file`` exactly as
``drafter check`` runs it: import, infer what the file lacks, every rule.

Baselines measured in the same run, for scale: importing alone, every rule alone on the
imported reports (with their line maps), and the table rules alone.
"""

from __future__ import annotations

from pathlib import Path

from _common import ROOT, TABLE_RULES, median_seconds

from drafter.checking import check_file, check_project, load_any
from drafter.rules import check_report

CORPUS = ROOT / "fixtures" / "corpus"
MIN_FILES = 1_000


def text_files() -> list[Path]:
    files = sorted((CORPUS / "reports").glob("*.txt"))
    files += sorted((CORPUS / "seed").glob("*.txt"))
    files += sorted((CORPUS / "full").glob("*.txt"))
    return files


def repeated(items: list, at_least: int = MIN_FILES) -> list:
    times = -(-at_least // len(items))
    return items * times


def main() -> None:
    files = text_files()
    work = repeated(files)
    n = len(work)
    size = sum(p.stat().st_size for p in files) / len(files)
    print(f"corpus text files:       {len(files)} (mean {size / 1024:.1f} KiB), repeated to {n}")
    full = median_seconds(lambda: [check_file(p) for p in work], repeat=3)
    only_import = median_seconds(lambda: [load_any(p) for p in work], repeat=3)
    loaded = repeated([load_any(p) for p in files])
    rules = median_seconds(
        lambda: [check_project(x.project, source=x.source, options=x.options) for x in loaded],
        repeat=3,
    )
    tables = median_seconds(
        lambda: [check_report(x.project, only=TABLE_RULES) for x in loaded], repeat=3
    )
    for label, seconds in (
        ("import + check (drafter check)", full),
        ("baseline, import only", only_import),
        ("baseline, every rule only", rules),
        ("baseline, table rules only", tables),
    ):
        print(f"{label + ':':31s} {n / seconds:6,.0f} reports/s  ({seconds * 1e3 / n:.2f} ms each)")
    print("target: >= 200 reports/s on one core (text files, import included)")


if __name__ == "__main__":
    main()
