"""Reports checked per second over the corpus (target: >= 200 reports/s on one core).

The corpus's text reports (``fixtures/corpus/reports/*.txt``, the seed, ``full/*.txt``)
are repeated to at least 1,000 files. With the importer (``drafter.importers``) present,
each file goes through ``check_file`` exactly as ``drafter check`` runs it: import, infer
what the file lacks, every rule. Without it, the files are read into projects (sections
and line map) by the test sectioniser first, and only the checking is timed.

Baselines measured in the same run, for scale: the table rules alone on the same
reports, and (with the importer) importing alone.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

from _common import ROOT, median_seconds

from drafter import forms
from drafter.checking import check_file, importer_available, load_any
from drafter.model import Project, Section
from drafter.rules import check_report
from tests.narrative.corpus import split_sections

CORPUS = ROOT / "fixtures" / "corpus"
MIN_FILES = 1_000
TABLE_RULES = ("V1", "V2", "V3", "R1", "R2", "R3", "R4", "C3", "C4")


def text_files() -> list[Path]:
    files = sorted((CORPUS / "reports").glob("*.txt"))
    files += sorted((CORPUS / "seed").glob("*.txt"))
    files += sorted((CORPUS / "full").glob("*.txt"))
    return files


def repeated(items: list, at_least: int = MIN_FILES) -> list:
    times = -(-at_least // len(items))
    return items * times


def manifest() -> dict[str, dict[str, str]]:
    text = (CORPUS / "manifest.tsv").read_text(encoding="utf-8")
    return {row["file"]: row for row in csv.DictReader(text.splitlines(), delimiter="\t")}


def sectioned(path: Path, rows: dict[str, dict[str, str]]):
    text = path.read_text(encoding="utf-8")
    sections, source = split_sections(text, path.name)
    row = rows.get(path.name, {})
    year = int(row.get("year") or path.name[:4] if path.name[:2] == "20" else 2021)
    project = Project(agency=row.get("agency", ""), year=year, format=row.get("format", "2021"))
    project.sections = [
        Section(key=k, heading="" if k == "preamble" else forms.SECTION_BY_KEY[k].heading, text=v)
        for k, v in sections.items()
    ]
    return project, source


def main() -> None:
    files = text_files()
    work = repeated(files)
    n = len(work)
    size = sum(p.stat().st_size for p in files) / len(files)
    print(f"corpus text files:       {len(files)} (mean {size / 1024:.1f} KiB), repeated to {n}")
    if importer_available():
        full = median_seconds(lambda: [check_file(p) for p in work], repeat=3)
        imported = [load_any(p) for p in files]
        loaded = repeated(imported)
        only_import = median_seconds(lambda: [load_any(p) for p in work], repeat=3)
        tables = median_seconds(
            lambda: [check_report(x.project, only=TABLE_RULES) for x in loaded], repeat=3
        )
        each = f"{full * 1e3 / n:.2f} ms each"
        print(f"import + check (drafter check): {n / full:,.0f} reports/s  ({each})")
        print(f"baseline, import only:          {n / only_import:,.0f} reports/s")
        print(f"baseline, table rules only:     {n / tables:,.0f} reports/s")
        print(f"checking share of the time:     {(full - only_import) / full:.0%}")
    else:
        rows = manifest()
        start = time.perf_counter()
        built = [sectioned(p, rows) for p in files]
        print(
            f"(no drafter.importers yet: files read into projects by the test sectioniser, "
            f"{(time.perf_counter() - start) * 1e3 / len(files):.2f} ms each, not timed below)"
        )
        loaded = repeated(built)
        every = median_seconds(lambda: [check_report(p, source=s) for p, s in loaded], repeat=3)
        tables = median_seconds(
            lambda: [check_report(p, only=TABLE_RULES) for p, _ in loaded], repeat=3
        )
        each = f"{every * 1e3 / n:.2f} ms each"
        print(f"every rule, with line map:   {n / every:,.0f} reports/s  ({each})")
        print(f"baseline, table rules only:  {n / tables:,.0f} reports/s")
        print(f"all rules / table rules:     {every / tables:.1f}x")
    print("target: >= 200 reports/s on one core (text files, import included)")


if __name__ == "__main__":
    main()
