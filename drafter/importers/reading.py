"""The figures of the rows found, into cells: whole rows, short rows, glued rows, table 四.

A row printed with as many fields as it has columns is read field by field; a blank field
is a blank cell (V3). A row with fewer fields is placed by its sums or not at all
(:mod:`.placement`); digits glued together are split only where certain (:mod:`.glued`).
Table 三's uncertain rows are settled together by the column identities R1 and R2. Every
cell left empty gets a note at its line (:mod:`.notes`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from drafter import forms
from drafter.forms import CellKind, FormatId
from drafter.importers import glued, labels, notes, placement
from drafter.importers.rowdefs import APPEAL_GROUPS, APPEAL_PATHS, RowDef, request_paths
from drafter.importers.rows import Candidate, Value
from drafter.model import CellValue, Finding
from drafter.values import parse_cell


@dataclass
class TableResult:
    format: FormatId
    format_reason: str
    values: dict[str, CellValue] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    """The document line each matched row's cells were read from."""
    consumed: set[int] = field(default_factory=set)
    tables_found: set[str] = field(default_factory=set)
    blank_as_zero: bool = False
    """Cells a found row leaves blank are read as 0 (the clerk says so), not null."""

    def blank(self, subject: str, names: str, paths: Sequence[str], where: Candidate) -> None:
        """Cells the file prints blank: null (or 0 when the clerk said so), with a V3 note."""
        if self.blank_as_zero:
            self.values.update(dict.fromkeys(paths, 0))
        self.findings.append(
            notes.blank_cells(subject, names, paths, where, as_zero=self.blank_as_zero)
        )


@dataclass
class Uncertain:
    """A table 三 row whose cells are not fixed by the row alone: glued or short."""

    candidate: Candidate
    defn: RowDef
    options: list[glued.Split] | list[placement.Slots]
    fraction: str = ""
    """A glued run's decimal part (采购总金额), kept for the last cell."""
    short: bool = False
    """Fewer fields than columns (placements), rather than glued digits (splits)."""


def row_name(defn: RowDef, fmt: FormatId) -> str:
    cell = forms.cell_def(defn.paths[0], fmt)
    return f"表{forms.TABLE_NUMERALS[cell.table]}「{cell.row_label}」"


def _fields(values: Sequence[Value], n: int) -> list[Value]:
    """A row's fields, outer blanks dropped where there are more fields than columns."""
    fields = list(values)
    while len(fields) > n and fields[-1].blank:
        fields.pop()
    while len(fields) > n and fields[0].blank:
        fields.pop(0)
    return fields


def _counts(fields: Sequence[Value]) -> list[int | None] | None:
    """The fields as counts (blank: None), or None when one is not a count."""
    out: list[int | None] = []
    for f in fields:
        if f.blank:
            out.append(None)
            continue
        parsed = parse_cell(f.raw, CellKind.COUNT)
        if parsed.rejected or not isinstance(parsed.value, int):
            return None
        out.append(parsed.value)
    return out


def read_rows(
    result: TableResult,
    candidates: list[Candidate],
    defs: Sequence[RowDef],
    matched: list[tuple[int, int]],
) -> None:
    """The cells of tables 二 and 三 from the matched candidates."""
    fmt = result.format
    uncertain: dict[str, Uncertain] = {}
    clean: dict[str, list[int | None]] = {}
    for ci, dj in matched:
        candidate, defn = candidates[ci], defs[dj]
        result.tables_found.add(defn.table)
        if candidate.lineno:
            result.lines.update(dict.fromkeys(defn.paths, candidate.lineno))
        n = len(defn.paths)
        if n > 1 and candidate.glued and len(candidate.values) < n:
            if len(candidate.values) > 1:  # signed runs glued together: no certain cut
                uncertain[defn.key] = Uncertain(candidate, defn, [])
                continue
            run = re.fullmatch(r"(\d+)(\.\d+)?", candidate.values[0].raw)
            # A decimal point can only belong to the last cell, an amount (采购总金额).
            if run and (run.group(2) is None or defn.kinds[-1] is CellKind.AMOUNT):
                opts = glued.options(run.group(1), n, defn.groups)
                uncertain[defn.key] = Uncertain(candidate, defn, opts, run.group(2) or "")
                continue
        fields = _fields(candidate.values, n)
        figures = sum(1 for v in fields if not v.blank)
        if len(fields) < n and defn.groups is not None and figures <= n:
            counts = _counts(fields)
            if counts is not None:
                ways = placement.placements(counts, n, defn.groups)
                uncertain[defn.key] = Uncertain(candidate, defn, ways, short=True)
                continue
        if len(fields) != n:
            result.findings.append(notes.unplaced(defn.paths, candidate, row_name(defn, fmt), n))
            continue
        row = _read_fields(result, defn.paths, defn.kinds, fields, candidate, row_name(defn, fmt))
        if defn.table == "requests":
            clean[defn.key] = row
        if defn.key == "other_single" and fmt == "2021":
            result.findings.append(
                notes.finding(
                    "I3",
                    "表三「（六）其他处理」在原文中只有一行（2019 年格式的写法），"
                    "其数字已记入「1.申请人无正当理由逾期不补正…」，2、3 两项记为空："
                    "请按 2021 年格式分项填写",
                    [*request_paths("other_2"), *request_paths("other_3")],
                    candidate.lineno,
                    candidate.excerpt,
                )
            )
    if uncertain:
        _settle(result, uncertain, clean)


def _read_fields(
    result: TableResult,
    paths: Sequence[str],
    kinds: Sequence[CellKind],
    fields: Sequence[Value],
    candidate: Candidate,
    name: str,
) -> list[int | None]:
    """A row with one field per cell: figures, blanks (V3) and unreadable text (I1)."""
    fmt = result.format
    blanks: list[str] = []
    row: list[int | None] = []
    for path, kind, value in zip(paths, kinds, fields, strict=True):
        if value.blank:
            blanks.append(path)
            row.append(None)
            continue
        parsed = parse_cell(value.raw, kind)
        if parsed.rejected:
            row.append(None)
            result.findings.append(
                notes.finding(
                    "I1",
                    f"{forms.cell_def(path, fmt).label}：{parsed.note}，未读出（记为空）："
                    "请对照原文填写",
                    [path],
                    candidate.lineno,
                    candidate.excerpt,
                )
            )
            continue
        result.values[path] = parsed.value
        row.append(parsed.value if isinstance(parsed.value, int) else None)
    if blanks:
        result.blank(name, notes.column_names(blanks, fmt), blanks, candidate)
    return row


def _settle(
    result: TableResult,
    rows: dict[str, Uncertain],
    clean: dict[str, list[int | None]],
) -> None:
    """Glued and short rows of table 三 settled together by R1/R2; table 二's by their own."""
    fmt = result.format
    readings: dict[str, list[glued.Row]] = {k: [tuple(v)] for k, v in clean.items()}
    for key, row in rows.items():
        if row.defn.table == "requests":
            readings[key] = list(row.options)
    outcome_keys = [r.key for r in forms.request_rows(fmt) if r.outcome]
    consistent = glued.consistent_readings(readings, outcome_keys)
    for key, row in rows.items():
        defn, width = row.defn, len(row.defn.paths)
        name = row_name(defn, fmt)
        if row.short:
            _place(result, row, placement.settle(consistent.get(key, []), width), name)
            continue
        values = (
            glued.agreed(consistent[key], width)
            if defn.table == "requests"
            else glued.agreed(row.options, width)
        )
        unsure: list[str] = []
        for k, (path, value) in enumerate(zip(defn.paths, values, strict=True)):
            if value is None:
                unsure.append(path)
            elif k == width - 1 and defn.kinds[k] is CellKind.AMOUNT:
                result.values[path] = Decimal(f"{value}{row.fraction}")
            else:
                result.values[path] = value
        if unsure:
            names = notes.column_names(unsure, fmt)
            result.findings.append(
                notes.glued(defn.paths, unsure, row.candidate, name, names, len(row.options))
            )


def _place(result: TableResult, row: Uncertain, settled: placement.Settled, name: str) -> None:
    """A short row's cells: what every remaining placement agrees on, the rest unread."""
    fmt, paths = result.format, row.defn.paths
    read = [(paths[k], v) for k, v in enumerate(settled.values) if v is not None]
    result.values.update(read)
    blanks = [paths[k] for k in settled.blank]
    if blanks:
        result.blank(name, notes.column_names(blanks, fmt), blanks, row.candidate)
    if settled.unsure:
        unsure = [paths[k] for k in settled.unsure]
        shown = "、".join(f"{forms.cell_def(p, fmt).column_label} {v}" for p, v in read)
        result.findings.append(
            notes.short_row(
                name,
                row.candidate,
                len(paths),
                shown,
                unsure,
                notes.column_names(unsure, fmt),
            )
        )


# --------------------------------------------------------------------------- table 四


def _appeal_row(candidates: list[Candidate]) -> tuple[list[Candidate], list[Value]]:
    """The candidates holding table 四's data row and its first 15 figures."""

    # Start at the first figures after the header; a blank-only run before more header
    # text is layout (the empty corner of the header), not the data row.
    def header_words(c: Candidate) -> int:
        return sum(1 for w in labels.APPEAL_WORDS if w in c.label) if c.values else 0

    # The data row follows the printed header (结果维持 结果纠正 …), not a sentence that
    # mentions 行政复议 once.
    most = max((header_words(c) for c in candidates), default=0)
    need = 3 if most >= 3 else 1
    start = next(
        (
            k
            for k, c in enumerate(candidates)
            if header_words(c) >= need and any(not v.blank for v in c.values)
        ),
        len(candidates),
    )
    values: list[Value] = []
    used: list[Candidate] = []
    for k, candidate in enumerate(candidates[start:]):
        if k and all(v.blank for v in candidate.values) and not values:
            continue
        if len(values) >= 15:
            break
        values += candidate.values
        used.append(candidate)
    return used, values


def read_appeals(result: TableResult, candidates: list[Candidate]) -> list[Candidate]:
    """Table 四: the first 15 figures after its header, in the printed column order.

    Returns the candidates the data row was read from.
    """
    used, values = _appeal_row(candidates)
    if not used:
        return used
    result.tables_found.add("appeals")
    first = used[0]
    if first.lineno:
        result.lines.update(dict.fromkeys(APPEAL_PATHS, first.lineno))
    width = len(APPEAL_PATHS)
    if first.glued and len(values) < width and first.values[0].raw.isdigit():
        opts = glued.options(first.values[0].raw, width, APPEAL_GROUPS)
        unsure = []
        for path, figure in zip(APPEAL_PATHS, glued.agreed(opts, width), strict=True):
            if figure is None:
                unsure.append(path)
            else:
                result.values[path] = figure
        if unsure:
            names = notes.appeal_names(unsure)
            result.findings.append(
                notes.glued(APPEAL_PATHS, unsure, first, "表四", names, len(opts))
            )
        return used
    fields = _fields(values, width)
    figures = sum(1 for v in fields if not v.blank)
    counts = _counts(fields) if len(fields) < width and figures <= width else None
    if counts is not None:
        settled = placement.settle(placement.placements(counts, width, APPEAL_GROUPS), width)
        read = [(APPEAL_PATHS[k], v) for k, v in enumerate(settled.values) if v is not None]
        result.values.update(read)
        blanks = [APPEAL_PATHS[k] for k in settled.blank]
        if blanks:
            result.blank("表四", notes.appeal_names(blanks), blanks, first)
        if settled.unsure:
            unsure = [APPEAL_PATHS[k] for k in settled.unsure]
            shown = "、".join(f"{notes.appeal_names([p])} {v}" for p, v in read)
            result.findings.append(
                notes.short_row("表四", first, width, shown, unsure, notes.appeal_names(unsure))
            )
        return used
    if len(fields) != width:
        result.findings.append(notes.unplaced(APPEAL_PATHS, first, "表四", width))
        return used
    _read_appeal_fields(result, fields, first)
    return used


def _read_appeal_fields(result: TableResult, fields: Sequence[Value], first: Candidate) -> None:
    blanks: list[str] = []
    unreadable: list[str] = []
    for path, value in zip(APPEAL_PATHS, fields, strict=True):
        if value.blank:
            blanks.append(path)
            continue
        parsed = parse_cell(value.raw, CellKind.COUNT)
        if parsed.rejected:
            unreadable.append(path)
        else:
            result.values[path] = parsed.value
    if unreadable:
        names = notes.appeal_names(unreadable)
        result.findings.append(
            notes.finding(
                "I1",
                f"表四有 {len(unreadable)} 个单元格在原文中无法读取（{names}），"
                "未读出（记为空）：请对照原文填写",
                unreadable,
                first.lineno,
                first.excerpt,
            )
        )
    if blanks:
        result.blank("表四", notes.appeal_names(blanks), blanks, first)
