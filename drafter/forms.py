"""The official format, defined once: sections, the three tables, their labels and merges.

Everything that shows, reads or checks a table label takes it from here: the rules name
cells with these labels, the importers match source rows against them, the exporters and
the TUI lay the tables out from the grids built here. Source: 国办公开办函〔2021〕30号
(format "2021") and its predecessor 〔2019〕60号 (format "2019"); see format-2021.md §1, §2, §4.

A *cell path* names one data cell: ``"requests.new.natural_person"``,
``"active.regulations.issued"``, ``"active.licensing"``, ``"appeals.review.total"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Literal

FormatId = Literal["2021", "2019"]
FORMATS: tuple[FormatId, ...] = ("2021", "2019")

# --------------------------------------------------------------------------- sections


@dataclass(frozen=True)
class SectionDef:
    """One of the six mandatory sections (plus the preamble before 一、)."""

    key: str
    heading: str
    numeral: str
    narrative: bool
    """True for sections written as prose (一、五、六), False for the table sections."""


PREAMBLE_KEY = "preamble"

SECTIONS: tuple[SectionDef, ...] = (
    SectionDef("overview", "一、总体情况", "一", True),
    SectionDef("active", "二、主动公开政府信息情况", "二", False),
    SectionDef("requests", "三、收到和处理政府信息公开申请情况", "三", False),
    SectionDef("appeals", "四、政府信息公开行政复议、行政诉讼情况", "四", False),
    SectionDef("problems", "五、存在的主要问题及改进情况", "五", True),
    SectionDef("other", "六、其他需要报告的事项", "六", True),
)
SECTION_KEYS: tuple[str, ...] = (PREAMBLE_KEY, *(s.key for s in SECTIONS))
SECTION_BY_KEY: dict[str, SectionDef] = {s.key: s for s in SECTIONS}
NARRATIVE_KEYS: tuple[str, ...] = tuple(s.key for s in SECTIONS if s.narrative)

# The five aspects 一、总体情况 must cover (format-2021.md §1, N3).
OVERVIEW_ASPECTS: tuple[str, ...] = (
    "主动公开",
    "依申请公开",
    "政府信息管理",
    "政府信息公开平台建设",
    "监督保障",
)

# --------------------------------------------------------------------------- cells


class CellKind(StrEnum):
    COUNT = "count"
    """An integer ≥ 0 (V1)."""
    SIGNED = "signed"
    """A signed integer: 本年增/减 of the 2019 table 二 (V4)."""
    AMOUNT = "amount"
    """A decimal ≥ 0, kept exactly as written (V2): 万元 amounts."""


@dataclass(frozen=True)
class CellDef:
    """One data cell of a table, with the labels that name it to a clerk."""

    path: str
    table: str
    row: str
    column: str
    row_label: str
    column_label: str
    kind: CellKind = CellKind.COUNT
    computed: bool = False
    """A total: computed from its parts, never typed (R2, R3, R4)."""
    carried: bool = False
    """Prefilled from last year's report (X1, X2); the clerk may still correct it."""

    @property
    def label(self) -> str:
        """Row and column label together, as a clerk reads the cell in the form."""
        return f"表{TABLE_NUMERALS[self.table]}「{self.row_label}」「{self.column_label}」"


TABLE_NUMERALS = {"active": "二", "requests": "三", "appeals": "四"}


@dataclass(frozen=True)
class GridCell:
    """One cell of the printed form: a caption, header, row label or data cell.

    ``row``/``col`` are 0-based positions in the table grid; spans are ≥ 1.
    Exactly one of ``text`` and ``path`` is set.
    """

    row: int
    col: int
    text: str | None = None
    path: str | None = None
    rowspan: int = 1
    colspan: int = 1
    role: Literal["caption", "header", "label", "data"] = "label"


@dataclass(frozen=True)
class TableForm:
    """A table as the format prescribes it: its data cells and its printed grid."""

    key: str
    numeral: str
    n_cols: int
    header_rows: int
    """How many leading grid rows repeat on every page."""
    grid: tuple[GridCell, ...]
    cells: tuple[CellDef, ...]
    by_path: dict[str, CellDef] = field(default_factory=dict, compare=False)

    @property
    def n_rows(self) -> int:
        return max(g.row + g.rowspan for g in self.grid)


# --------------------------------------------------------------------------- table 三


@dataclass(frozen=True)
class RequestRowDef:
    key: str
    label: str
    group: str | None = None
    """三、本年度办理结果 for the outcome rows."""
    subgroup: str | None = None
    """（三）不予公开 etc. for numbered sub-items."""
    outcome: bool = False
    """One of the outcome rows RES summed into （七）总计 (R2)."""

    @property
    def full_label(self) -> str:
        if self.subgroup:
            return f"{self.subgroup} {self.label}"
        return self.label


REQUEST_COLUMNS: tuple[tuple[str, str], ...] = (
    ("natural_person", "自然人"),
    ("business", "商业企业"),
    ("research", "科研机构"),
    ("public_interest", "社会公益组织"),
    ("legal_services", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
)
APPLICANT_COLUMNS: tuple[str, ...] = tuple(k for k, _ in REQUEST_COLUMNS[:-1])
"""The set A of format-2021.md §3: every applicant column, 总计 excluded."""
ORG_COLUMNS: tuple[str, ...] = APPLICANT_COLUMNS[1:]
REQUEST_COLUMN_LABELS = dict(REQUEST_COLUMNS)

REQUESTS_CAPTION = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS_HEADER = "申请人情况"
ORG_HEADER = "法人或其他组织"
RESULTS_GROUP = "三、本年度办理结果"
WITHHELD = "（三）不予公开"
UNAVAILABLE = "（四）无法提供"
NOT_PROCESSED = "（五）不予处理"
OTHER = "（六）其他处理"


def _sub(prefix: str, subgroup: str, labels: tuple[str, ...]) -> list[RequestRowDef]:
    return [
        RequestRowDef(f"{prefix}_{i}", f"{i}.{label}", RESULTS_GROUP, subgroup, outcome=True)
        for i, label in enumerate(labels, start=1)
    ]


def _request_rows(fmt: FormatId) -> tuple[RequestRowDef, ...]:
    rows = [
        RequestRowDef("new", "一、本年新收政府信息公开申请数量"),
        RequestRowDef("carried_in", "二、上年结转政府信息公开申请数量"),
        RequestRowDef("granted", "（一）予以公开", RESULTS_GROUP, outcome=True),
        RequestRowDef(
            "partial",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            RESULTS_GROUP,
            outcome=True,
        ),
        *_sub(
            "withheld",
            WITHHELD,
            (
                "属于国家秘密",
                "其他法律行政法规禁止公开",
                "危及“三安全一稳定”",
                "保护第三方合法权益",
                "属于三类内部事务信息",
                "属于四类过程性信息",
                "属于行政执法案卷",
                "属于行政查询事项",
            ),
        ),
        *_sub(
            "unavailable",
            UNAVAILABLE,
            ("本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"),
        ),
        *_sub(
            "not_processed",
            NOT_PROCESSED,
            (
                "信访举报投诉类申请",
                "重复申请",
                "要求提供公开出版物",
                "无正当理由大量反复申请",
                "要求行政机关确认或重新出具已获取信息",
            ),
        ),
    ]
    if fmt == "2021":
        rows += _sub(
            "other",
            OTHER,
            (
                "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "其他",
            ),
        )
    else:  # 2019: （六）其他处理 is one row without sub-items (format-2021.md §4)
        rows.append(RequestRowDef("other_1", OTHER, RESULTS_GROUP, outcome=True))
    rows += [
        RequestRowDef("total", "（七）总计", RESULTS_GROUP),
        RequestRowDef("carried_out", "四、结转下年度继续办理"),
    ]
    return tuple(rows)


@cache
def request_rows(fmt: FormatId = "2021") -> tuple[RequestRowDef, ...]:
    """The body rows of table 三 in table order."""
    return _request_rows(fmt)


def _requests_form(fmt: FormatId) -> TableForm:
    rows = request_rows(fmt)
    grid: list[GridCell] = [
        GridCell(0, 0, REQUESTS_CAPTION, rowspan=3, colspan=3, role="header"),
        GridCell(0, 3, APPLICANTS_HEADER, colspan=7, role="header"),
        GridCell(1, 3, REQUEST_COLUMN_LABELS["natural_person"], rowspan=2, role="header"),
        GridCell(1, 4, ORG_HEADER, colspan=5, role="header"),
        GridCell(1, 9, REQUEST_COLUMN_LABELS["total"], rowspan=2, role="header"),
        *(
            GridCell(2, 4 + i, REQUEST_COLUMN_LABELS[key], role="header")
            for i, key in enumerate(ORG_COLUMNS)
        ),
    ]
    cells: list[CellDef] = []
    top = 3
    for i, row in enumerate(rows):
        r = top + i
        if row.group is None:
            grid.append(GridCell(r, 0, row.label, colspan=3))
        else:
            if i == 0 or rows[i - 1].group != row.group:
                span = sum(1 for x in rows if x.group == row.group)
                grid.append(GridCell(r, 0, row.group, rowspan=span))
            if row.subgroup is None:
                grid.append(GridCell(r, 1, row.label, colspan=2))
            else:
                if rows[i - 1].subgroup != row.subgroup:
                    span = sum(1 for x in rows if x.subgroup == row.subgroup)
                    grid.append(GridCell(r, 1, row.subgroup, rowspan=span))
                grid.append(GridCell(r, 2, row.label))
        for j, (col, col_label) in enumerate(REQUEST_COLUMNS):
            path = f"requests.{row.key}.{col}"
            grid.append(GridCell(r, 3 + j, path=path, role="data"))
            cells.append(
                CellDef(
                    path=path,
                    table="requests",
                    row=row.key,
                    column=col,
                    row_label=row.full_label,
                    column_label=col_label,
                    computed=(col == "total" or row.key == "total"),
                    carried=(row.key == "carried_in"),
                )
            )
    return _finish(TableForm("requests", "三", 10, 3, tuple(grid), tuple(cells)))


# --------------------------------------------------------------------------- table 四

APPEAL_ROWS: tuple[tuple[str, str], ...] = (
    ("review", "行政复议"),
    ("litigation_direct", "未经复议直接起诉"),
    ("litigation_after_review", "复议后起诉"),
)
APPEAL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
APPEAL_PARTS: tuple[str, ...] = tuple(k for k, _ in APPEAL_COLUMNS[:-1])
LITIGATION_HEADER = "行政诉讼"


def _appeals_form() -> TableForm:
    review_label = dict(APPEAL_ROWS)["review"]
    grid: list[GridCell] = [
        GridCell(0, 0, review_label, colspan=5, role="header"),
        GridCell(0, 5, LITIGATION_HEADER, colspan=10, role="header"),
        *(
            GridCell(1, j, label, rowspan=2, role="header")
            for j, (_, label) in enumerate(APPEAL_COLUMNS)
        ),
        GridCell(1, 5, dict(APPEAL_ROWS)["litigation_direct"], colspan=5, role="header"),
        GridCell(1, 10, dict(APPEAL_ROWS)["litigation_after_review"], colspan=5, role="header"),
        *(
            GridCell(2, 5 + 5 * b + j, label, role="header")
            for b in range(2)
            for j, (_, label) in enumerate(APPEAL_COLUMNS)
        ),
    ]
    cells: list[CellDef] = []
    for b, (row, row_label) in enumerate(APPEAL_ROWS):
        if row != "review":
            row_label = f"{LITIGATION_HEADER}·{row_label}"
        for j, (col, col_label) in enumerate(APPEAL_COLUMNS):
            path = f"appeals.{row}.{col}"
            grid.append(GridCell(3, 5 * b + j, path=path, role="data"))
            cells.append(
                CellDef(path, "appeals", row, col, row_label, col_label, computed=(col == "total"))
            )
    return _finish(TableForm("appeals", "四", 15, 3, tuple(grid), tuple(cells)))


# --------------------------------------------------------------------------- table 二


@dataclass(frozen=True)
class ActiveBlock:
    """One 第二十条第（x）项 block of table 二: a caption, a header row, item rows."""

    caption: str
    columns: tuple[tuple[str, str, CellKind], ...]
    """(key, header label, kind); key "" for a block whose items hold a single value."""
    items: tuple[tuple[str, str], ...]
    """(key, row label)."""
    first_header: str = "信息内容"


ACTIVE_BLOCKS_2021: tuple[ActiveBlock, ...] = (
    ActiveBlock(
        "第二十条第（一）项",
        (
            ("issued", "本年制发件数", CellKind.COUNT),
            ("repealed", "本年废止件数", CellKind.COUNT),
            ("in_force", "现行有效件数", CellKind.COUNT),
        ),
        (("regulations", "规章"), ("normative_documents", "行政规范性文件")),
    ),
    ActiveBlock(
        "第二十条第（五）项",
        (("", "本年处理决定数量", CellKind.COUNT),),
        (("licensing", "行政许可"),),
    ),
    ActiveBlock(
        "第二十条第（六）项",
        (("", "本年处理决定数量", CellKind.COUNT),),
        (("penalty", "行政处罚"), ("enforcement", "行政强制")),
    ),
    ActiveBlock(
        "第二十条第（八）项",
        (("", "本年收费金额（单位：万元）", CellKind.AMOUNT),),
        (("fees_wan_yuan", "行政事业性收费"),),
    ),
)

_DECISIONS_2019 = (
    ("previous", "上一年项目数量", CellKind.COUNT),
    ("change", "本年增/减", CellKind.SIGNED),
    ("decisions", "处理决定数量", CellKind.COUNT),
)
ACTIVE_BLOCKS_2019: tuple[ActiveBlock, ...] = (
    ActiveBlock(
        "第二十条第（一）项",
        (
            ("made", "本年新制作数量", CellKind.COUNT),
            ("published", "本年新公开数量", CellKind.COUNT),
            ("public_total", "对外公开总数量", CellKind.COUNT),
        ),
        (("regulations", "规章"), ("normative_documents", "规范性文件")),
    ),
    ActiveBlock(
        "第二十条第（五）项",
        _DECISIONS_2019,
        (("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")),
    ),
    ActiveBlock(
        "第二十条第（六）项",
        _DECISIONS_2019,
        (("penalty", "行政处罚"), ("enforcement", "行政强制")),
    ),
    ActiveBlock(
        "第二十条第（八）项",
        _DECISIONS_2019[:2],
        (("fees", "行政事业性收费"),),
    ),
    ActiveBlock(
        "第二十条第（九）项",
        (
            ("projects", "采购项目数量", CellKind.COUNT),
            ("amount", "采购总金额", CellKind.AMOUNT),
        ),
        (("procurement", "政府集中采购"),),
    ),
)


def active_blocks(fmt: FormatId) -> tuple[ActiveBlock, ...]:
    return ACTIVE_BLOCKS_2021 if fmt == "2021" else ACTIVE_BLOCKS_2019


def _spans(n_values: int) -> list[tuple[int, int]]:
    """(first column, colspan) of each value column in the 4-column grid of table 二."""
    if n_values == 1:
        return [(1, 3)]
    if n_values == 2:
        return [(1, 1), (2, 2)]
    return [(1, 1), (2, 1), (3, 1)]


def _active_form(fmt: FormatId) -> TableForm:
    grid: list[GridCell] = []
    cells: list[CellDef] = []
    r = 0
    for block in active_blocks(fmt):
        spans = _spans(len(block.columns))
        grid.append(GridCell(r, 0, block.caption, colspan=4, role="caption"))
        grid.append(GridCell(r + 1, 0, block.first_header, role="header"))
        for (_, label, _), (c, span) in zip(block.columns, spans, strict=True):
            grid.append(GridCell(r + 1, c, label, colspan=span, role="header"))
        r += 2
        for item, item_label in block.items:
            grid.append(GridCell(r, 0, item_label))
            for (col, col_label, kind), (c, span) in zip(block.columns, spans, strict=True):
                path = f"active.{item}.{col}" if col else f"active.{item}"
                grid.append(GridCell(r, c, path=path, colspan=span, role="data"))
                cells.append(
                    CellDef(
                        path,
                        "active",
                        item,
                        col,
                        item_label,
                        col_label,
                        kind=kind,
                        carried=(col == "in_force"),
                    )
                )
            r += 1
    return _finish(TableForm("active", "二", 4, 0, tuple(grid), tuple(cells)))


# --------------------------------------------------------------------------- access


def _finish(form: TableForm) -> TableForm:
    form.by_path.update({c.path: c for c in form.cells})
    return form


@cache
def table_form(table: str, fmt: FormatId = "2021") -> TableForm:
    """The form of table ``active`` (二), ``requests`` (三) or ``appeals`` (四)."""
    if table == "active":
        return _active_form(fmt)
    if table == "requests":
        return _requests_form(fmt)
    if table == "appeals":
        return _appeals_form()
    raise KeyError(table)


TABLE_KEYS: tuple[str, ...] = ("active", "requests", "appeals")


@cache
def all_cells(fmt: FormatId = "2021") -> tuple[CellDef, ...]:
    """Every data cell of tables 二, 三 and 四, in reading order."""
    return tuple(c for t in TABLE_KEYS for c in table_form(t, fmt).cells)


@cache
def cells_by_path(fmt: FormatId = "2021") -> dict[str, CellDef]:
    return {c.path: c for c in all_cells(fmt)}


def cell_def(path: str, fmt: FormatId = "2021") -> CellDef:
    """The definition of one cell; KeyError for a path the format does not have."""
    return cells_by_path(fmt)[path]


@cache
def cells_of_kind(kind: CellKind, fmt: FormatId = "2021") -> tuple[CellDef, ...]:
    """The cells of one value kind (counts, signed changes or amounts)."""
    return tuple(c for c in all_cells(fmt) if c.kind is kind)
