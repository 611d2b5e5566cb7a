"""The count in the project: cells set, totals computed, and the rows behind each cell kept.

The project keeps, under the extra key ``ledger`` (report-json.md allows project data
beyond the report under extra keys), which file and year were counted, each counted
cell's value and rows, the counted rows as written (dates, type, result — not names or
request contents) and the clerk's choices. So provenance survives reopening, and a
re-count can tell a figure the clerk typed from one the last count set.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from drafter import forms
from drafter.editing import carried_values
from drafter.forms import APPEAL_PARTS, APPLICANT_COLUMNS, FormatId
from drafter.ledger.choices import Choices
from drafter.ledger.counting import Count
from drafter.ledger.rows import RowRef
from drafter.model import CellValue, Project
from drafter.tables import complete

EXTRA_KEY = "ledger"


class LedgerRecord(BaseModel):
    """What the last count from a ledger put into the project."""

    file: str
    year: int
    counted: datetime
    tables: list[str] = Field(default_factory=list)
    cells: dict[str, int] = Field(default_factory=dict)
    """Counted input cells and the values the count gave them."""
    sources: dict[str, dict[str, list[int]]] = Field(default_factory=dict)
    """cell path → sheet → row numbers."""
    rows: dict[str, dict[str, dict[str, str]]] = Field(default_factory=dict)
    """sheet → row number → the row's dates, type and result as written."""
    choices: Choices = Field(default_factory=dict)


def stored(project: Project) -> LedgerRecord | None:
    """The project's ledger record, or None (also for one that no longer validates)."""
    raw = (project.model_extra or {}).get(EXTRA_KEY)
    if not isinstance(raw, dict):
        return None
    try:
        return LedgerRecord.model_validate(raw)
    except ValidationError:
        return None


def stored_choices(project: Project) -> Choices:
    record = stored(project)
    return record.choices if record else {}


@dataclass(frozen=True)
class CellChange:
    """One cell a count would change."""

    path: str
    old: CellValue
    new: int
    typed: bool
    """True when ``old`` is the clerk's own figure (not blank, not the last count's, not a
    carry-over prefill): replacing it needs the clerk's consent."""


def changes(project: Project, result: Count) -> list[CellChange]:
    """Every counted cell whose value would change, in table order."""
    previous = stored(project)
    last_counted = previous.cells if previous else {}
    prefilled = carried_values(project, project.last_year)
    found = []
    for path, new in result.values.items():
        old = project.tables.get(path)
        if old == new:
            continue
        typed = old is not None and old != last_counted.get(path) and old != prefilled.get(path)
        found.append(CellChange(path, old, new, typed))
    return found


def apply(project: Project, result: Count, file: str, choices: Choices, when: datetime) -> None:
    """Set the counted cells, recompute totals (``tables.complete``) and record provenance."""
    for path, value in result.values.items():
        project.tables.set(path, value)
    project.tables = complete(project, project.last_year).tables
    rows: dict[str, dict[str, dict[str, str]]] = {}
    for ref, entry in sorted(result.entries.items()):
        rows.setdefault(ref.sheet, {})[str(ref.row)] = {k: v for k, v in entry.written.items() if v}
    record = LedgerRecord(
        file=file,
        year=result.year,
        counted=when,
        tables=list(result.tables),
        cells=dict(result.values),
        sources={path: _by_sheet(refs) for path, refs in result.sources.items()},
        rows=rows,
        choices=choices,
    )
    setattr(project, EXTRA_KEY, record.model_dump(mode="json"))


def _by_sheet(refs: Iterable[RowRef]) -> dict[str, list[int]]:
    grouped: dict[str, list[int]] = {}
    for ref in sorted(refs):
        grouped.setdefault(ref.sheet, []).append(ref.row)
    return grouped


# --------------------------------------------------------------------------- provenance


def parts(path: str, fmt: FormatId) -> list[str]:
    """The input cells a cell is made of: itself, or every part of a total (recursively)."""
    table, row, column = path.split(".")
    if table == "requests":
        outcome_rows = [r.key for r in forms.request_rows(fmt) if r.outcome]
        rows = outcome_rows if row == "total" else [row]
        columns = list(APPLICANT_COLUMNS) if column == "total" else [column]
        return [f"requests.{r}.{c}" for r in rows for c in columns]
    if table == "appeals" and column == "total":
        return [f"appeals.{row}.{c}" for c in APPEAL_PARTS]
    return [path]


def cell_rows(record: LedgerRecord, path: str, fmt: FormatId) -> list[RowRef] | None:
    """The ledger rows behind a cell (a total: behind its parts); None if not counted."""
    table = path.split(".", 1)[0]
    if table not in record.tables or path.count(".") != 2:
        return None
    refs = {
        RowRef(sheet, row)
        for part in parts(path, fmt)
        for sheet, numbers in record.sources.get(part, {}).items()
        for row in numbers
    }
    return sorted(refs)


def row_ranges(numbers: Iterable[int]) -> str:
    """3、5、8–12: row numbers with runs shortened."""
    ordered = sorted(set(numbers))
    runs: list[str] = []
    start = prev = None
    for n in [*ordered, None]:
        if start is not None and (n is None or prev is None or n != prev + 1):
            runs.append(str(start) if start == prev else f"{start}–{prev}")
            start = None
        if n is not None and start is None:
            start = n
        prev = n
    return "、".join(runs)


def describe_rows(refs: list[RowRef]) -> str:
    """「申请登记」第 3、5、8–12 行（共 7 行）."""
    by_sheet: dict[str, list[int]] = {}
    for ref in refs:
        by_sheet.setdefault(ref.sheet, []).append(ref.row)
    parts_text = "；".join(
        f"「{sheet}」第 {row_ranges(rows)} 行" for sheet, rows in by_sheet.items()
    )
    return f"{parts_text}（共 {len(refs)} 行）" if refs else "台账中没有计入这一格的行（0）"


def provenance_line(project: Project, path: str) -> str | None:
    """One line for the cell under the cursor: the ledger rows it was counted from."""
    record = stored(project)
    if record is None:
        return None
    refs = cell_rows(record, path, project.format)
    if refs is None:
        return None
    line = f"台账 {record.file}（{record.year} 年）：{describe_rows(refs)}"
    counted, now = record.cells.get(path), project.tables.get(path)
    if counted is not None and now != counted:  # typed over, or the count undone
        line += f"；台账统计为 {counted}，现在是 {'空' if now is None else now}"
    return line


def explain(project: Project, path: str, limit: int | None = None) -> list[str]:
    """The rows behind a cell, one line each, as ``drafter ledger --explain`` prints them."""
    record = stored(project)
    cell = forms.cell_def(path, project.format)
    value = project.tables.get(path)
    head = f"{cell.label} = {'空' if value is None else value}"
    if record is None:
        return [head, "本项目还没有从台账统计过。"]
    refs = cell_rows(record, path, project.format)
    if refs is None:
        counted = "、".join(f"表{forms.TABLE_NUMERALS[t]}" for t in record.tables)
        return [head, f"这一格不是从台账统计的（台账 {record.file} 统计的是{counted}）。"]
    lines = [
        head,
        f"台账 {record.file}（{record.year} 年，{record.counted:%Y-%m-%d %H:%M} 统计）："
        + describe_rows(refs),
    ]
    for ref in refs[:limit]:
        written: dict[str, Any] = record.rows.get(ref.sheet, {}).get(str(ref.row), {})
        shown = "，".join(f"{k} {v}" for k, v in written.items())
        lines.append(f"  {ref}：{shown}")
    if limit is not None and len(refs) > limit:
        lines.append(f"  ……另有 {len(refs) - limit} 行")
    return lines
