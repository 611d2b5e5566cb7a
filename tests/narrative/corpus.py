"""Corpus reports for the checker's tests, read by the real importer.

Every report file goes through ``drafter.importers`` exactly as ``drafter check`` reads
it (sections, the file's lines, every heading as written). The helpers here only choose
what a test needs beyond the file: the tables of a partial page (figures its prose
states, or the hand-checked ``truth.json``), and text for sections a cut-off page lacks.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from drafter import forms
from drafter.importers import Imported, import_file
from drafter.model import Finding, Project, Report, Tables
from drafter.rules import check_report
from drafter.tables import complete
from tests.factories import CORPUS

REPORTS = CORPUS / "reports"
FULL = CORPUS / "full"
SEED = CORPUS / "seed" / "000_20272e85d49a1cc6.txt"


def read(name: str) -> str:
    return (REPORTS / name).read_text(encoding="utf-8")


def imported(path: Path, *, agency: str | None = None, year: int | None = None) -> Imported:
    """A corpus file through the importer (``agency``/``year`` as ``drafter check`` options)."""
    return import_file(path, agency=agency, year=year)


def check(
    found: Imported, report: Report | None = None, last_year: Report | None = None
) -> list[Finding]:
    """Every rule on an imported report (or on ``report`` made from it), lines from its file."""
    return check_report(report or found.project, last_year, source=found.source)


def with_figures(report: Project, figures: dict[str, int]) -> Project:
    """``report`` with every input cell 0 but ``figures``, totals computed."""
    for cell in forms.all_cells(report.format):
        zero = Decimal(0) if cell.kind is forms.CellKind.AMOUNT else 0
        report.tables.set(cell.path, zero)
    for path, value in figures.items():
        report.tables.set(path, value)
    done = complete(report)
    assert isinstance(done, Project)
    return done


def truth(name: str) -> dict[str, Any]:
    """The hand-checked agency, year, format and tables of a complete report in ``full/``."""
    entries: dict[str, Any] = json.loads((FULL / "truth.json").read_text(encoding="utf-8"))
    return dict(entries[name])


def with_truth(found: Imported, name: str) -> Project:
    """The imported report with the hand-checked tables (cells the file leaves unsure)."""
    entry = truth(name)
    report = found.project
    report.agency, report.year, report.format = entry["agency"], entry["year"], entry["format"]
    report.tables = Tables.model_validate(entry["tables"])
    return report
