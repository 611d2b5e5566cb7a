"""Rules on the tables of one report: value domains (V1–V3), identities (R1–R4), C3, C4.

Messages are Chinese, name the row and column labels from ``forms`` and show both sides
of the equation, so a clerk can see which figure to correct.

A blank cell is unknown (printed blank, unreadable in the file, or not entered yet): an
identity is an error only when no values of its blank cells could make it hold
(:func:`drafter.tables.certainly_unequal`), so a report is never told its sums are wrong
because a cell could not be read. The blank itself is reported once, where it is (V3, or
the import's I1/I2 note).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from drafter import forms
from drafter.forms import APPEAL_PARTS, APPLICANT_COLUMNS, CellKind
from drafter.model import Finding, Location, Report, Severity, Tables
from drafter.rules.registry import CheckContext, rule
from drafter.tables import certainly_unequal, compute_totals, sum_known

MAX_FEE_DECIMALS = 4
"""Tables print 万元 amounts with at most 4 decimals (元 to the cent is 0.0001 万元)."""


def show(value: object) -> str:
    """A cell value as it reads in a message; a blank cell reads 空."""
    return "空" if value is None else str(value)


def cell_finding(
    rule_id: str,
    severity: Severity,
    message: str,
    cell: str,
    cells: Sequence[str] = (),
) -> Finding:
    """A finding located at a table cell (and at every other cell of its equation)."""
    section = cell.split(".", 1)[0]
    location = Location(section=section, cell=cell, cells=list(cells or [cell]))
    return Finding(rule=rule_id, severity=severity, message=message, location=location)


# --------------------------------------------------------------------------- V1–V3


@rule("V1", "件数为不小于 0 的整数")
def counts_are_natural(ctx: CheckContext) -> Iterator[Finding]:
    for cell, value in ctx.cells:
        if value is not None and cell.kind is CellKind.COUNT and value < 0:
            yield cell_finding(
                "V1", "error", f"{cell.label}为 {value}：件数应为不小于 0 的整数", cell.path
            )


@rule("V2", "收费金额为不小于 0 的数（单位：万元）")
def amounts_are_nonnegative(ctx: CheckContext) -> Iterator[Finding]:
    for cell, value in ctx.cells:
        if value is None or cell.kind is not CellKind.AMOUNT:
            continue
        if value < 0:
            yield cell_finding("V2", "error", f"{cell.label}为 {value}：金额不能为负数", cell.path)
        elif isinstance(value, Decimal):
            exponent = value.as_tuple().exponent
            if isinstance(exponent, int) and -exponent > MAX_FEE_DECIMALS:
                yield cell_finding(
                    "V2",
                    "warning",
                    f"{cell.label}为 {value}：单位是万元，通常保留不超过 "
                    f"{MAX_FEE_DECIMALS} 位小数，请核对单位是否误用了「元」",
                    cell.path,
                )


@rule("V3", "没有空白单元格：数值为零时写 0")
def no_blank_cells(ctx: CheckContext) -> Iterator[Finding]:
    """One finding per table row (table 二: per item), listing its blank cells.

    A blank total whose parts are all blank is not listed: nothing can be typed there
    (its parts are listed, and the total follows them). A blank total beside known parts
    (a published report that left it out) is.
    """
    rows: dict[tuple[str, str], list[forms.CellDef]] = {}
    computed: Tables | None = None
    for cell, value in ctx.cells:
        if value is not None:
            continue
        if cell.computed:
            if computed is None:
                computed = ctx.report.tables.model_copy(deep=True)
                compute_totals(computed, ctx.report.format)
            if computed.get(cell.path) is None:
                continue
        rows.setdefault((cell.table, cell.row), []).append(cell)
    for blanks in rows.values():
        first = blanks[0]
        if len(blanks) == 1:
            message = f"{first.label}为空：数值为零时请填写 0"
        else:
            names = "、".join(c.column_label for c in blanks)
            table = forms.TABLE_NUMERALS[first.table]
            message = (
                f"表{table}「{first.row_label}」有 {len(blanks)} 个空白单元格"
                f"（{names}）：数值为零时请填写 0"
            )
        yield cell_finding("V3", "warning", message, first.path, [c.path for c in blanks])


# --------------------------------------------------------------------------- R1–R4


def _r(report: Report, row: str, col: str) -> int | None:
    value: int | None = getattr(report.tables.requests[row], col)
    return value


def _row_label(report: Report, key: str) -> str:
    return next(r.full_label for r in forms.request_rows(report.format) if r.key == key)


def _blanks_note(values: Sequence[int | None]) -> str:
    """What a message adds when blank cells took part: they could not change the result."""
    n = sum(1 for v in values if v is None)
    return f"（另有 {n} 个单元格为空，填上任何数都不能使两边相等）" if n else ""


@rule("R1", "一 + 二 = 三（七）总计 + 四（表三每一列）")
def requests_balance(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    for col, col_label in forms.REQUEST_COLUMNS:
        new, carried_in = _r(report, "new", col), _r(report, "carried_in", col)
        total, carried_out = _r(report, "total", col), _r(report, "carried_out", col)
        if not certainly_unequal((new, carried_in), (total, carried_out)):
            continue
        left = (new or 0) + (carried_in or 0)
        right = (total or 0) + (carried_out or 0)
        message = (
            f"表三「{col_label}」列：第一项加第二项之和应等于第三项加第四项之和，"
            f"但 一、本年新收 {show(new)} + 二、上年结转 {show(carried_in)} = {left}，"
            f"三、（七）总计 {show(total)} + 四、结转下年度 {show(carried_out)} = {right}"
            + _blanks_note((new, carried_in, total, carried_out))
        )
        paths = [f"requests.{r}.{col}" for r in ("new", "carried_in", "total", "carried_out")]
        yield cell_finding("R1", "error", message, f"requests.carried_out.{col}", paths)


@rule("R2", "三（七）总计 = 各项办理结果之和（表三每一列）")
def outcomes_add_up(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    outcome_rows = [r.key for r in forms.request_rows(report.format) if r.outcome]
    rows = [report.tables.requests[key] for key in outcome_rows]
    for col, col_label in forms.REQUEST_COLUMNS:
        parts = [getattr(row, col) for row in rows]
        total = _r(report, "total", col)
        if not certainly_unequal(parts, (total,)):
            continue
        nonzero = [
            f"{_row_label(report, row)} {v}"
            for row, v in zip(outcome_rows, parts, strict=True)
            if v
        ]
        detail = " + ".join(nonzero) if nonzero else "各项均为 0"
        message = (
            f"表三「{col_label}」列：（七）总计为 {show(total)}，"
            f"但各项办理结果之和为 {sum_known(parts) or 0}（{detail}）"
            + _blanks_note([*parts, total])
        )
        paths = [f"requests.total.{col}"] + [f"requests.{row}.{col}" for row in outcome_rows]
        yield cell_finding("R2", "error", message, f"requests.total.{col}", paths)


@rule("R3", "总计 = 自然人 + 法人或其他组织各列（表三每一行）")
def rows_add_up(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    labels = forms.REQUEST_COLUMN_LABELS
    for row_def in forms.request_rows(report.format):
        row = report.tables.requests[row_def.key]
        parts = [getattr(row, col) for col in APPLICANT_COLUMNS]
        if not certainly_unequal(parts, (row.total,)):
            continue
        detail = " + ".join(
            f"{labels[c]} {show(v)}" for c, v in zip(APPLICANT_COLUMNS, parts, strict=True)
        )
        message = (
            f"表三「{row_def.full_label}」行：总计为 {show(row.total)}，"
            f"但 {detail} = {sum_known(parts) or 0}" + _blanks_note([*parts, row.total])
        )
        paths = [f"requests.{row_def.key}.{c}" for c, _ in forms.REQUEST_COLUMNS]
        yield cell_finding("R3", "error", message, f"requests.{row_def.key}.total", paths)


@rule("R4", "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结（表四）")
def appeals_add_up(ctx: CheckContext) -> Iterator[Finding]:
    labels = dict(forms.APPEAL_COLUMNS)
    for row_key, row_label in forms.APPEAL_ROWS:
        row = getattr(ctx.report.tables.appeals, row_key)
        parts = [getattr(row, col) for col in APPEAL_PARTS]
        if not certainly_unequal(parts, (row.total,)):
            continue
        detail = " + ".join(
            f"{labels[c]} {show(v)}" for c, v in zip(APPEAL_PARTS, parts, strict=True)
        )
        message = (
            f"表四「{row_label}」：总计为 {show(row.total)}，但 {detail} = {sum_known(parts) or 0}"
            + _blanks_note([*parts, row.total])
        )
        paths = [f"appeals.{row_key}.{c}" for c, _ in forms.APPEAL_COLUMNS]
        yield cell_finding("R4", "error", message, f"appeals.{row_key}.total", paths)


# --------------------------------------------------------------------------- C3, C4


@rule("C3", "只有国务院部门和省、设区的市、自治州人民政府可以制定规章")
def regulations_only_where_lawful(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    if report.format != "2021":
        return
    kind = ctx.agency_kind
    if kind.may_make_regulations is not False:
        return
    form = forms.table_form("active", "2021")
    for cell in form.cells:
        if cell.row != "regulations":
            continue
        value = report.tables.get(cell.path)
        if value:
            who = {"township": "乡镇（街道）", "county": "县级机关"}.get(kind.level, "政府部门")
            yield cell_finding(
                "C3",
                "warning",
                f"{cell.label}为 {value}，但{who}不能制定规章（《立法法》：只有国务院部门和"
                f"省、自治区、直辖市、设区的市、自治州人民政府可以制定规章）。"
                f"请核实是否应填入「行政规范性文件」行",
                cell.path,
            )


@rule("C4", "本年无申请时，各项办理结果均应为 0")
def no_requests_no_outcomes(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    new, carried_in = _r(report, "new", "total"), _r(report, "carried_in", "total")
    if new is None or carried_in is None or new + carried_in != 0:
        return
    for row_def in forms.request_rows(report.format):
        if not (row_def.outcome or row_def.key == "carried_out"):
            continue
        value = _r(report, row_def.key, "total")
        if value:
            yield cell_finding(
                "C4",
                "warning",
                f"本年新收和上年结转申请均为 0，但表三「{row_def.full_label}」总计为 {value}",
                f"requests.{row_def.key}.total",
            )
