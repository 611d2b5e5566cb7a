"""Report builders for tests and benchmarks: random consistent tables, planted errors.

``random_report(rng)`` returns a completed report whose inputs satisfy R1, so every
identity holds; tests then break one cell and expect a finding naming it.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

from drafter import forms
from drafter.forms import APPEAL_PARTS, APPLICANT_COLUMNS, FormatId
from drafter.model import Project, Report
from drafter.store import load_project
from drafter.tables import complete

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
EXAMPLE = FIXTURES / "example" / "yunxi-2025.json"
EXAMPLE_LAST_YEAR = FIXTURES / "example" / "yunxi-2024.json"
CORPUS = FIXTURES / "corpus"
"""A copy of ../shared/corpus (published reports), shipped so CI needs nothing outside."""


def example() -> Project:
    """The bundled example project (2025, with its 2024 report as last year)."""
    return load_project(EXAMPLE).project


def fill_requests(report: Report, rng: random.Random, scale: int = 30) -> None:
    """Random applicant-column inputs of table 三 that satisfy R1 in every column."""
    outcomes = [r.key for r in forms.request_rows(report.format) if r.outcome]
    req = report.tables.requests
    for col in APPLICANT_COLUMNS:
        heavy = col == "natural_person"
        top = scale if heavy else max(1, scale // 10)
        parts = {row: rng.choice((0, 0, 0, rng.randint(0, top))) for row in outcomes}
        carried_out = rng.randint(0, top // 3 + 1)
        carried_in = rng.randint(0, top // 3 + 1)
        handled = sum(parts.values()) + carried_out
        new = handled - carried_in
        if new < 0:  # more carried in than handled: carry the surplus out
            carried_out -= new
            new = 0
        for row, value in parts.items():
            setattr(req[row], col, value)
        setattr(req["new"], col, new)
        setattr(req["carried_in"], col, carried_in)
        setattr(req["carried_out"], col, carried_out)


def fill_active(report: Report, rng: random.Random) -> None:
    for cell in forms.table_form("active", report.format).cells:
        if cell.kind is forms.CellKind.AMOUNT:
            value: int | Decimal = Decimal(rng.randint(0, 999999)) / 100
        elif cell.kind is forms.CellKind.SIGNED:
            value = rng.randint(-20, 20)
        else:
            value = rng.choice((0, rng.randint(0, 5000)))
        report.tables.set(cell.path, value)


def fill_appeals(report: Report, rng: random.Random) -> None:
    for row, _ in forms.APPEAL_ROWS:
        for col in APPEAL_PARTS:
            report.tables.set(f"appeals.{row}.{col}", rng.choice((0, 0, rng.randint(0, 9))))


def random_report(
    rng: random.Random, fmt: FormatId = "2021", year: int = 2025, agency: str = "示例县交通运输局"
) -> Project:
    """A completed report with random but consistent figures (R1–R4 hold)."""
    report = Project.empty(agency, year, fmt)
    fill_active(report, rng)
    fill_requests(report, rng, scale=rng.choice((3, 30, 300)))
    fill_appeals(report, rng)
    done = complete(report)
    assert isinstance(done, Project)
    return done
