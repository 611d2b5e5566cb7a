"""Which column is which: header synonyms, and finding the header row by its content.

Offices name the same column many ways (收到日期, 申请日期, 受理日期 …). ``COLUMNS`` is the
one table of those names (the README lists it); a header cell is normalised (full-width
forms, spaces, brackets such as 「（年月日）」 dropped) and matched exactly, then by
containment for the longer names. The header row is the row among the first rows whose
cells name the most columns; a cell of a two-row header is read together with the cell
above it (「收到申请」 over 「日期」). Columns that look like a date but are not the one
counted (答复期限, 延期) are recognised too, so they are never taken for it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from drafter.ledger.reading import Sheet

# role → (label shown to the clerk, header names). Order matters only for the README.
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "seq": ("序号", ("序号", "编号", "登记号", "登记编号", "流水号", "申请编号", "受理编号")),
    "received": (
        "收到日期",
        (
            "收到日期",
            "申请日期",
            "收到申请日期",
            "受理日期",
            "登记日期",
            "收件日期",
            "接收日期",
            "申请时间",
            "收到时间",
            "来件日期",
            "收到申请时间",
            "立案日期",
            "收案日期",
            "收到复议申请日期",
            "收到起诉状日期",
            "应诉通知日期",
        ),
    ),
    "applicant": (
        "申请人",
        ("申请人", "申请人姓名", "申请人姓名或名称", "申请人名称", "姓名或名称", "姓名"),
    ),
    "applicant_type": (
        "申请人类型",
        (
            "申请人类型",
            "申请人类别",
            "申请人性质",
            "申请主体",
            "申请人身份",
            "主体类型",
            "申请主体类型",
        ),
    ),
    "channel": ("申请方式", ("申请方式", "申请渠道", "提交方式", "申请途径")),
    "content": ("申请内容", ("申请内容", "申请事项", "所需信息", "申请公开内容", "申请公开的信息")),
    "finished": (
        "答复日期",
        (
            "答复日期",
            "办结日期",
            "办结时间",
            "答复时间",
            "回复日期",
            "告知日期",
            "答复办结日期",
            "出具答复日期",
            "实际答复日期",
        ),
    ),
    "result": (
        "处理结果",
        (
            "处理结果",
            "答复类型",
            "答复结果",
            "办理结果",
            "答复情况",
            "办理情况",
            "处理情况",
            "答复意见",
            "告知类型",
            "办理结果类型",
            "结果",
            "复议结果",
            "判决结果",
            "审理结果",
            "裁判结果",
            "诉讼结果",
            "结案结果",
            "复议决定",
        ),
    ),
    "extended": ("是否延期", ("是否延期", "延期", "延期答复", "是否延期答复")),
    "deadline": (
        "答复期限",
        ("答复期限", "法定期限", "办理期限", "截止日期", "到期日期", "答复时限"),
    ),
    "note": ("备注", ("备注", "说明")),
    # 行政复议、行政诉讼 (table 四)
    "case_no": ("案号", ("案号", "案件编号", "案件号", "复议案号", "诉讼案号")),
    "kind": (
        "案件类别",
        ("案件类别", "案件类型", "类别", "类型", "复议或诉讼", "种类", "诉讼类型"),
    ),
    "review_first": ("是否经复议", ("是否经复议", "是否经过复议", "经复议", "复议后起诉")),
    "closed": (
        "结案日期",
        (
            "结案日期",
            "审结日期",
            "决定日期",
            "判决日期",
            "裁判日期",
            "复议决定日期",
            "结案时间",
            "审结时间",
        ),
    ),
}
LABELS: dict[str, str] = {role: label for role, (label, _) in COLUMNS.items()}

APPLICATION_ONLY = frozenset({"applicant_type", "channel", "content", "finished", "extended"})
APPEAL_ONLY = frozenset({"case_no", "kind", "review_first", "closed"})
APPEAL_WORDS = ("复议", "诉讼")

HEADER_SEARCH_ROWS = 15
"""The header is looked for among this many leading rows (title rows sit above it)."""
MIN_CONTAINED = 4
"""A header holding a synonym at least this long (「收到申请日期（年月日）」) matches it."""

_BRACKETED = re.compile(r"[（(\[【][^）)\]】]*[）)\]】]")
_DROP = re.compile(r"[\s:：*＊·、，,。.\-_/\\|\"'“”‘’]+")


def normalise(text: object) -> str:
    """A header or value as compared: NFKC, no brackets' content, spaces or punctuation."""
    folded = unicodedata.normalize("NFKC", str(text)).strip().lower()
    return _DROP.sub("", _BRACKETED.sub("", folded))


_EXACT: dict[str, str] = {
    normalise(name): role for role, (_, names) in COLUMNS.items() for name in names
}
_LONG = sorted(
    (
        (normalise(name), role)
        for role, (_, names) in COLUMNS.items()
        for name in names
        if len(name) >= MIN_CONTAINED
    ),
    key=lambda pair: -len(pair[0]),
)


def header_role(text: object) -> str | None:
    """The role a header cell names, or None."""
    key = normalise(text)
    if not key:
        return None
    role = _EXACT.get(key)
    if role is not None:
        return role
    return next((r for name, r in _LONG if name in key), None)


@dataclass
class Header:
    """Where a sheet's table starts and which column holds what."""

    row: int
    """0-based index of the (lower) header row; data follow it."""
    columns: dict[str, int]
    """role → 0-based column index (the first column naming the role)."""
    texts: dict[int, str]
    """column index → header text as written, for messages."""

    @property
    def appeal_like(self) -> bool:
        return bool(APPEAL_ONLY & self.columns.keys())

    @property
    def application_like(self) -> bool:
        return bool(APPLICATION_ONLY & self.columns.keys())


def find_header(sheet: Sheet) -> Header | None:
    """The header of ``sheet``: the leading row naming most columns (at least two)."""
    best: Header | None = None
    for r, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        above = sheet.rows[r - 1] if r > 0 else []
        columns: dict[str, int] = {}
        texts: dict[int, str] = {}
        for c, cell in enumerate(row):
            text = _text(cell)
            role = header_role(text) if text else None
            if role is None and c < len(above) and _text(above[c]) and _text(above[c]) != text:
                combined = _text(above[c]) + text
                role = header_role(combined)
                text = combined if role else text
            if role is not None and role not in columns:
                columns[role] = c
                texts[c] = text
        if len(columns) >= 2 and (best is None or len(columns) > len(best.columns)):
            best = Header(r, columns, texts)
    return best


def _text(cell: object) -> str:
    return cell.strip() if isinstance(cell, str) else ""


def title_text(sheet: Sheet, header: Header) -> str:
    """The sheet's name and any title rows above its header, for telling sheets apart."""
    parts = [sheet.name]
    for row in sheet.rows[: header.row]:
        parts.extend(_text(cell) for cell in row if _text(cell))
    return " ".join(parts)


def is_appeal_sheet(sheet: Sheet, header: Header) -> bool:
    """A 行政复议/行政诉讼 sheet: by its own columns, else by its name or title."""
    if header.appeal_like and not header.application_like:
        return True
    if header.application_like:
        return False
    return any(word in title_text(sheet, header) for word in APPEAL_WORDS)
