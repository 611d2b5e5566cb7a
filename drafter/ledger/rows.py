"""The ledger's sheets to entries: one application (table 三) or one appeal case (table 四) a row.

Each sheet with a recognisable header is an application register or a 复议/诉讼 register
(``columns.is_appeal_sheet``); several of each are read together (one sheet a year is
common). Blank rows, rows holding only a 序号 (registers are often numbered in advance)
and 合计/小计 rows are skipped. Dates are parsed here; a date that cannot be read is kept
as a problem of its row, for the counting to judge (it matters only if the row may fall
in the report year).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from drafter.ledger.columns import (
    LABELS,
    Header,
    find_header,
    header_role,
    is_appeal_sheet,
    title_text,
)
from drafter.ledger.dates import DateProblem, parse_date
from drafter.ledger.reading import LedgerError, Sheet, Value, Workbook

SUMMARY_WORDS = ("合计", "总计", "小计", "共计")
YES = ("是", "√", "✓", "y", "yes", "经复议", "复议后")
NO = ("否", "×", "n", "no", "未经", "直接")


@dataclass(frozen=True, order=True)
class RowRef:
    """Where an entry is in the ledger: the sheet and the row number the clerk sees."""

    sheet: str
    row: int

    def __str__(self) -> str:
        return f"「{self.sheet}」第 {self.row} 行"


@dataclass
class Entry:
    """One application or appeal case as its ledger row gives it."""

    ref: RowRef
    received: date | None
    finished: date | None
    """答复/办结日期 (applications) or 结案日期 (appeals)."""
    category: str
    """申请人类型 (applications) or 复议/诉讼类别 (appeals), as written."""
    result: str
    """处理结果 or 复议/诉讼结果, as written."""
    problems: list[str] = field(default_factory=list)
    """Dates that could not be read (Chinese)."""
    cells: list[Value] = field(default_factory=list, repr=False)
    layout: Layout | None = field(default=None, repr=False)

    @property
    def written(self) -> dict[str, str]:
        """收到日期, 答复日期, 类型, 结果 as written: what provenance shows the clerk.

        Built on demand: only the rows counted in the year are ever shown.
        """
        layout = self.layout
        if layout is None:
            return {}
        labels = layout.labels
        return {
            LABELS["received"]: _shown(self.cells, layout.received, self.received),
            labels[1]: _shown(self.cells, layout.finished, self.finished),
            labels[0]: self.category,
            labels[2]: self.result,
        }


@dataclass(frozen=True)
class Layout:
    """Where a register's columns are, and what its date and value columns are called."""

    received: int
    finished: int | None
    labels: tuple[str, str, str]
    """The category, finish date and result columns' names for the clerk."""


@dataclass
class SheetUse:
    name: str
    kind: str
    """applications or appeals"""
    header: Header
    entries: int


@dataclass
class Ledger:
    file: str
    applications: list[Entry] = field(default_factory=list)
    appeals: list[Entry] = field(default_factory=list)
    sheets: list[SheetUse] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What the clerk should know about how the ledger was read (Chinese)."""


def extract(workbook: Workbook, only: Sequence[str] = ()) -> Ledger:
    """Entries of every register sheet (or of the sheets named in ``only``)."""
    sheets = workbook.sheets
    if only:
        missing = [name for name in only if name not in {s.name for s in sheets}]
        if missing:
            names = "、".join(f"「{s.name}」" for s in sheets)
            raise LedgerError(f"台账中没有工作表「{'、'.join(missing)}」：工作表有 {names}")
        sheets = [s for s in sheets if s.name in only]
    ledger = Ledger(workbook.file)
    headers = [(sheet, find_header(sheet)) for sheet in sheets]
    found = [(sheet, header) for sheet, header in headers if header is not None]
    if not found:
        names = "、".join(f"「{s.name}」" for s in sheets) or "（没有工作表）"
        raise LedgerError(
            f"{workbook.file} 中没有找到申请登记台账（工作表 {names} 的前几行都没有「收到日期」"
            "「申请人类型」「处理结果」等表头）：请确认选对了文件或工作表"
        )
    for sheet, header in found:
        appeals = is_appeal_sheet(sheet, header)
        if "received" not in header.columns:
            seen = "、".join(header.texts.values())
            what = "收到日期（或立案日期）" if appeals else "收到日期（或申请日期）"
            raise LedgerError(
                f"台账「{sheet.name}」没有{what}列（找到的表头：{seen}）：统计按日期进行，"
                "请在表头中写明「收到日期」这一列"
            )
        entries = (
            _appeal_entries(sheet, header)
            if appeals
            else _application_entries(sheet, header, ledger)
        )
        (ledger.appeals if appeals else ledger.applications).extend(entries)
        ledger.sheets.append(
            SheetUse(sheet.name, "appeals" if appeals else "applications", header, len(entries))
        )
    return ledger


def _application_entries(sheet: Sheet, header: Header, ledger: Ledger) -> list[Entry]:
    cols = header.columns
    # A bare 类型/类别 column in an application register is the applicant's type.
    category_col = cols.get("applicant_type", cols.get("kind"))
    if category_col is None:
        category_col = cols.get("applicant")
        if category_col is not None:
            ledger.notes.append(
                f"「{sheet.name}」没有申请人类型列，按申请人名称判断类型（如「……有限公司」为商业企业）；"
                "判断不了的名称请在取值对照中选择"
            )
    return list(_entries(sheet, header, category_col, cols.get("finished"), cols.get("result")))


def _appeal_entries(sheet: Sheet, header: Header) -> list[Entry]:
    cols = header.columns
    title = title_text(sheet, header)
    words = [word for word in ("行政复议", "行政诉讼") if word[2:] in title]
    default_kind = words[0] if len(words) == 1 else ""  # a sheet for both needs a 类别 column
    finished = cols.get("closed", cols.get("finished"))
    entries = []
    entries_read = _entries(
        sheet, header, cols.get("kind"), finished, cols.get("result"), APPEAL_LABELS
    )
    for entry in entries_read:
        kind = entry.category or default_kind
        flag = _cell_text(sheet.rows[entry.ref.row - 1], cols.get("review_first")).lower()
        if flag and kind and "复议后" not in kind and "直接" not in kind and "诉" in kind:
            if flag.startswith(YES):
                kind += "（复议后起诉）"
            elif flag.startswith(NO):
                kind += "（未经复议直接起诉）"
        entry.category = kind
        entries.append(entry)
    return entries


APPLICATION_LABELS = ("申请人类型", "答复日期", "处理结果")
APPEAL_LABELS = ("类别", "结案日期", "结果")


def _entries(
    sheet: Sheet,
    header: Header,
    category: int | None,
    finished: int | None,
    result: int | None,
    labels: tuple[str, str, str] = APPLICATION_LABELS,
) -> list[Entry]:
    received = header.columns["received"]
    layout = Layout(received, finished, labels)
    ignored = {header.columns.get("seq"), header.columns.get("note")}
    entries = []
    for index in range(header.row + 1, len(sheet.rows)):
        row = sheet.rows[index]
        if all(_blank(c) for i, c in enumerate(row) if i not in ignored):
            continue
        first = next((str(c).strip() for c in row if not _blank(c)), "")
        if first.replace(" ", "").startswith(SUMMARY_WORDS):
            continue
        if _repeated_header(row, received):
            continue
        entry = Entry(
            RowRef(sheet.name, index + 1),
            None,
            None,
            _cell_text(row, category),
            _cell_text(row, result),
        )
        entry.received = _date(row, received, LABELS["received"], entry)
        if finished is not None:
            entry.finished = _date(row, finished, labels[1], entry)
        entry.cells, entry.layout = row, layout
        entries.append(entry)
    return entries


def _date(row: list[Value], col: int, label: str, entry: Entry) -> date | None:
    if col >= len(row):
        return None
    try:
        return parse_date(row[col])
    except DateProblem as exc:
        entry.problems.append(f"{label}{exc}")
        return None


def _repeated_header(row: list[Value], received: int) -> bool:
    """The header again in the data (registers pasted together page by page)."""
    cell = row[received] if received < len(row) else ""
    return (
        isinstance(cell, str) and not cell.strip()[:1].isdigit() and header_role(cell) == "received"
    )


def _blank(cell: Value) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _cell_text(row: list[Value], col: int | None) -> str:
    if col is None or col >= len(row) or _blank(row[col]):
        return ""
    value = row[col]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _shown(row: list[Value], col: int | None, parsed: date | None) -> str:
    """A date cell as the clerk should recognise it in provenance: text as typed, else ISO."""
    if col is None or col >= len(row) or _blank(row[col]):
        return ""
    if isinstance(row[col], str) or parsed is None:
        return _cell_text(row, col)
    return parsed.isoformat()
