"""This year's figures, stated from the tables, for prompts and the offline skeleton.

Numbers never come from the model: a prompt lists exactly the figures a section may
quote, each under the label the form gives it (from ``forms``), and the model is told
to use no other. Sums over a group of rows are computed here, from the cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from drafter import forms
from drafter.forms import CellKind
from drafter.model import CellValue, Report
from drafter.tables import sum_known

UNKNOWN = "【待核实】"
"""What stands in a text for a figure nobody has given (the checker blocks export on it)."""


@dataclass(frozen=True)
class Figure:
    """One figure a section may quote."""

    label: str
    value: CellValue
    unit: str
    paths: tuple[str, ...]
    """The cells it comes from (one, or the rows of a group summed)."""

    @property
    def known(self) -> bool:
        return self.value is not None

    def text(self) -> str:
        """The figure with its unit, or 【待核实】 when the table does not have it."""
        return f"{show(self.value)}{self.unit}" if self.known else UNKNOWN


def show(value: CellValue) -> str:
    """A cell value as written in prose: integers plainly, 万元 exactly as stored."""
    if value is None:
        return UNKNOWN
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _unit(cell: forms.CellDef) -> str:
    return "万元" if cell.kind is CellKind.AMOUNT else "件"


def _cell(report: Report, path: str) -> Figure:
    cell = forms.cell_def(path, report.format)
    return Figure(cell.label, report.tables.get(path), _unit(cell), (path,))


def active_figures(report: Report) -> list[Figure]:
    """Every cell of table 二 (主动公开)."""
    return [_cell(report, c.path) for c in forms.table_form("active", report.format).cells]


def request_figures(report: Report) -> list[Figure]:
    """Table 三 as a narrative states it: totals of the main rows and of each outcome group."""
    rows = forms.request_rows(report.format)
    requests = report.tables.requests
    figures = [
        _cell(report, "requests.new.total"),
        _cell(report, "requests.new.natural_person"),
        _cell(report, "requests.carried_in.total"),
    ]
    groups: dict[str, list[forms.RequestRowDef]] = {}
    for row in rows:
        if not row.outcome:
            continue
        if row.subgroup is None:
            figures.append(_cell(report, f"requests.{row.key}.total"))
        else:
            groups.setdefault(row.subgroup, []).append(row)
    for subgroup, members in groups.items():
        paths = tuple(f"requests.{r.key}.total" for r in members)
        total = sum_known(requests[r.key].total for r in members)
        figures.append(Figure(f"表三「{subgroup}」（各项合计）", total, "件", paths))
        for r in members:  # the items a narrative names, e.g. 本机关不掌握相关政府信息
            if requests[r.key].total:
                figures.append(_cell(report, f"requests.{r.key}.total"))
    figures.append(_cell(report, "requests.total.total"))
    figures.append(_cell(report, "requests.carried_out.total"))
    return figures


def appeal_figures(report: Report) -> list[Figure]:
    """Table 四: each total, and its parts where the total is not zero."""
    figures = []
    for row, _ in forms.APPEAL_ROWS:
        total = _cell(report, f"appeals.{row}.total")
        figures.append(total)
        if total.value:
            figures += [_cell(report, f"appeals.{row}.{col}") for col in forms.APPEAL_PARTS]
    return figures


def section_figures(report: Report, key: str) -> list[Figure]:
    """The figures the narrative section ``key`` may quote."""
    if key == "overview":
        return active_figures(report) + request_figures(report) + appeal_figures(report)
    if key == "other":
        # C2: requests dropped for unpaid fees imply fee notices were sent (section 六).
        fee_row = next((r for r in forms.request_rows(report.format) if r.key == "other_2"), None)
        return [_cell(report, f"requests.{fee_row.key}.total")] if fee_row else []
    return []


def value_of(report: Report, path: str) -> str:
    """A cell as prose text (``【待核实】`` when unknown), for templates."""
    return show(report.tables.get(path))


def sum_of(report: Report, *paths: str) -> str:
    """The sum of cells as prose text (``【待核实】`` when any is unknown)."""
    values = [report.tables.get(p) for p in paths]
    if any(v is None for v in values):
        return UNKNOWN
    return show(sum(v for v in values if v is not None))
