"""Applying what a clerk types or pastes into table cells.

One edit is: parse each raw value (``parse_cell``: ``１２`` → 12 with a note), set the
input cells, let carry-over cells that still hold their prefilled value follow their
inputs (X2 changes when 本年制发/废止 change), refill blank carry-over cells (X1, X2) and
recompute every total (R2–R4). Totals are never set from input: a pasted total that
differs from the computed one is reported, not written. Used by the TUI's table editor;
any other front end can call it the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from drafter import forms
from drafter.model import CellValue, Project, Report, Tables
from drafter.tables import carry_over, compute_totals
from drafter.values import parse_cell


@dataclass(frozen=True)
class CellNote:
    """Something to tell the clerk about one cell of an edit (Chinese)."""

    path: str
    message: str
    rejected: bool = False
    """True when the typed value was not used."""


@dataclass
class EditOutcome:
    changed: list[str] = field(default_factory=list)
    """Input cells whose value changed."""
    notes: list[CellNote] = field(default_factory=list)


def carried_cells(fmt: forms.FormatId) -> tuple[forms.CellDef, ...]:
    return tuple(c for c in forms.all_cells(fmt) if c.carried)


def carried_values(report: Report, last_year: Report | None) -> dict[str, CellValue]:
    """What carry-over (X1, X2) gives each carried cell, as if the clerk had left it blank."""
    if last_year is None:
        return {}
    blank = report.tables.model_copy(deep=True)
    cells = carried_cells(report.format)
    for cell in cells:
        blank.set(cell.path, None)
    carry_over(blank, last_year, report.format)
    values = {cell.path: blank.get(cell.path) for cell in cells}
    return {path: value for path, value in values.items() if value is not None}


def refresh(project: Project) -> None:
    """Fill blank carry-over cells from last year and recompute every total, in place."""
    if project.last_year is not None:
        carry_over(project.tables, project.last_year, project.format)
    compute_totals(project.tables, project.format)


def apply_inputs(project: Project, raw: Mapping[str, str | None]) -> EditOutcome:
    """Set the cells in ``raw`` (path → text as typed; None or "" clears) and refresh."""
    fmt = project.format
    tables = project.tables
    outcome = EditOutcome()
    prefilled = carried_values(project, project.last_year)
    pasted_totals: dict[str, CellValue] = {}
    cleared: set[str] = set()
    for path, text in raw.items():
        cell = forms.cell_def(path, fmt)
        parsed = parse_cell(text, cell.kind)
        if parsed.note:
            outcome.notes.append(CellNote(path, parsed.note, parsed.rejected))
        if parsed.rejected:
            continue
        if cell.computed:
            pasted_totals[path] = parsed.value
            continue
        if parsed.value is None:
            cleared.add(path)
        if tables.get(path) != parsed.value:
            tables.set(path, parsed.value)
            outcome.changed.append(path)
    # A carried cell still holding its prefill follows the inputs it is computed from.
    for path, value in prefilled.items():
        if path not in raw and tables.get(path) == value:
            tables.set(path, None)
    refresh(project)
    for path in sorted(cleared & prefilled.keys()):
        if tables.get(path) is not None:
            outcome.notes.append(CellNote(path, "结转单元格不能留空，已按上年报告重新预填"))
    _check_pasted_totals(tables, pasted_totals, outcome)
    return outcome


def _check_pasted_totals(
    tables: Tables, pasted: Mapping[str, CellValue], outcome: EditOutcome
) -> None:
    for path, value in pasted.items():
        computed = tables.get(path)
        if value is not None and value != computed:
            outcome.notes.append(
                CellNote(
                    path,
                    f"合计由程序计算为 {computed if computed is not None else '空'}，"
                    f"未采用输入的 {value}：请核对各分项",
                    rejected=True,
                )
            )


_TOKEN_SPLIT = re.compile(r"[\s\u3000，、;；]+")


def split_paste(text: str) -> list[list[str]]:
    """Pasted text as rows of cell texts (Excel and web tables: tab-separated lines).

    Lines are rows. With a tab anywhere, cells are split on tabs only (an empty cell
    stays an empty string); otherwise on spaces, 、 and ，(not on ``,``, which groups
    thousands). Trailing empty lines, as Excel adds, are dropped.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    tabbed = "\t" in text
    rows: list[list[str]] = []
    for line in lines:
        if tabbed:
            rows.append([cell.strip() for cell in line.split("\t")])
        else:
            rows.append([t for t in _TOKEN_SPLIT.split(line.strip()) if t])
    return rows
