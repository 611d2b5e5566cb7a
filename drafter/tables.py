"""Deterministic table arithmetic: totals (R2, R3, R4) and carry-over (X1, X2).

Totals are never typed: :func:`complete` computes every 总计 cell from its parts, so a
clerk enters each figure once. Carry-over cells are prefilled from last year's report.
Pure functions of the model; the TUI, the CLI and the drafter all call these.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from drafter import forms
from drafter.forms import APPEAL_PARTS, APPLICANT_COLUMNS, FormatId
from drafter.model import ActiveTable, AppealRow, Report, RequestRow, Tables


def sum_known(values: Iterable[int | None]) -> int | None:
    """Sum of the known values; None when none is known (nothing entered yet)."""
    total: int | None = None
    for value in values:
        if value is not None:
            total = value if total is None else total + value
    return total


def certainly_unequal(left: Sequence[int | None], right: Sequence[int | None]) -> bool:
    """True when ``sum(left) = sum(right)`` cannot hold whatever the blank cells hold.

    A blank cell (None) is unknown — printed blank, not read from the file, or not yet
    entered — and counts are never negative, so a blank can only add to its side. The
    identity is certainly broken when the known figures alone differ and no blank can
    make up the difference: no blank at all, or the side with blanks already larger.
    """
    open_left, open_right = None in left, None in right
    if open_left and open_right:
        return False
    a = sum(v for v in left if v is not None)
    b = sum(v for v in right if v is not None)
    if open_left:
        return a > b
    if open_right:
        return b > a
    return a != b


def row_total(row: RequestRow) -> int | None:
    """总计 of a table 三 row: the sum of its applicant columns (R3)."""
    return sum_known(getattr(row, col) for col in APPLICANT_COLUMNS)


def outcome_total(requests: dict[str, RequestRow], column: str, fmt: FormatId) -> int | None:
    """（七）总计 of one column: the sum of the outcome rows (R2)."""
    return sum_known(getattr(requests[r.key], column) for r in forms.request_rows(fmt) if r.outcome)


def appeal_total(row: AppealRow) -> int | None:
    """总计 of a table 四 block: 维持 + 纠正 + 其他 + 尚未审结 (R4)."""
    return sum_known(getattr(row, col) for col in APPEAL_PARTS)


def compute_totals(tables: Tables, fmt: FormatId) -> None:
    """Overwrite every total cell of tables 三 and 四 with the sum of its parts (in place)."""
    requests = tables.requests
    total_row = requests["total"]
    for col in APPLICANT_COLUMNS:
        setattr(total_row, col, outcome_total(requests, col, fmt))
    for row in requests.values():
        row.total = row_total(row)
    for block in (
        tables.appeals.review,
        tables.appeals.litigation_direct,
        tables.appeals.litigation_after_review,
    ):
        block.total = appeal_total(block)


def carry_over(tables: Tables, last_year: Report, fmt: FormatId) -> list[str]:
    """Fill this year's carry-over cells that are still blank from last year's report.

    X1: 上年结转 ← last year's 结转下年度, column by column.
    X2: 现行有效件数 ← last year's 现行有效件数 + 本年制发件数 − 本年废止件数, only when
    both years use the 2021 table 二 (X3: the 2019 column meant something else).
    Returns the paths filled. Cells the clerk already entered are left alone.
    """
    filled: list[str] = []
    last_out = last_year.tables.requests.get("carried_out")
    if last_out is not None:
        row = tables.requests.setdefault("carried_in", RequestRow())
        for col, _ in forms.REQUEST_COLUMNS:
            value = getattr(last_out, col)
            if getattr(row, col) is None and value is not None:
                setattr(row, col, value)
                filled.append(f"requests.carried_in.{col}")
    filled += fill_in_force(tables, last_year, fmt)
    return filled


def expected_in_force(tables: Tables, last_year: Report, item: str) -> int | None:
    """X2: what 现行有效件数 of ``item`` should be, or None when an operand is unknown."""
    last = last_year.tables.active
    this = tables.active
    if not isinstance(last, ActiveTable) or not isinstance(this, ActiveTable):
        return None
    before = getattr(last, item).in_force
    now = getattr(this, item)
    if before is None or now.issued is None or now.repealed is None:
        return None
    value: int = before + now.issued - now.repealed
    return value


def fill_in_force(tables: Tables, last_year: Report, fmt: FormatId) -> list[str]:
    """Prefill blank 现行有效件数 cells by X2; returns the paths filled."""
    if fmt != "2021":
        return []
    filled = []
    for item in ("regulations", "normative_documents"):
        value = expected_in_force(tables, last_year, item)
        path = f"active.{item}.in_force"
        if value is not None and tables.get(path) is None:
            tables.set(path, value)
            filled.append(path)
    return filled


def complete(report: Report, last_year: Report | None = None) -> Report:
    """A copy of ``report`` with carry-over filled from ``last_year`` and every total computed.

    The inputs are the cells a clerk types (every non-total cell). When they are
    consistent (R1 holds), the result satisfies R1–R4.
    """
    done = report.model_copy(deep=True)
    if last_year is not None:
        carry_over(done.tables, last_year, done.format)
    compute_totals(done.tables, done.format)
    return done


def input_cells(fmt: FormatId = "2021") -> tuple[forms.CellDef, ...]:
    """The cells a clerk types: every cell that is not a computed total."""
    return tuple(c for c in forms.all_cells(fmt) if not c.computed)
