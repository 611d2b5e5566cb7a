"""This year's figures stated in the standard wording of 一、总体情况, from the tables.

The offline drafter writes these paragraphs itself instead of restating last year's
sentences, so every figure in them is the table's by construction; the model drafter
gives them to the model as the figures' wording. Three statements:

* 主动公开: 规章 and 行政规范性文件 制发/废止/现行有效, 行政许可/处罚/强制 decisions,
  行政事业性收费 (2019 format: 新制作/新公开/对外公开总数量 and the decisions);
* 依申请公开: 新收 and 上年结转, 办结 by result (the sub-items of a result named when
  not zero), 结转下年度继续办理;
* 行政复议 and 行政诉讼, each by result.

A zero is said the way a clerk says it (「本年度未收到政府信息公开申请」, not 「收到0
件」); 万元 amounts are written exactly as stored, trailing zeros aside (0.5000 → 0.5).
A statement whose cells are not all filled is not guessed at: it says which table to
fill, marked 【待核实】 (the checker blocks export on it, as on the blank cells).
The wording is what the checker's claim recogniser (rule C1) reads, which the tests
verify figure by figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from drafter import forms
from drafter.drafting.figures import UNKNOWN
from drafter.model import CellValue, Report
from drafter.tables import input_cells

ACTIVE, REQUESTS, APPEALS = "active", "requests", "appeals"


@dataclass(frozen=True)
class Statements:
    """The three standard paragraphs (each one or more sentences, no line breaks)."""

    active: str
    requests: str
    appeals: str

    def all(self) -> list[str]:
        return [self.active, self.requests, self.appeals]


class _Blank(Exception):
    """A cell the statement needs is not filled in."""


def _require(report: Report, table: str) -> None:
    """Every cell of ``table`` the clerk types is filled in (a total over a blank cell
    would be a figure made of what happens to be filled)."""
    for cell in input_cells(report.format):
        if cell.table == table and report.tables.get(cell.path) is None:
            raise _Blank(cell.path)


def _value(report: Report, path: str) -> int | Decimal:
    value: CellValue = report.tables.get(path)
    if value is None:
        raise _Blank(path)
    return value


def amount(value: int | Decimal) -> str:
    """A 万元 amount exactly, without the trailing zeros of its stored places."""
    if isinstance(value, int):
        return str(value)
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _join(parts: Sequence[str], last: str = "、") -> str:
    """一、二和三 style: ``last`` between the final two, 、 before."""
    if len(parts) <= 1:
        return "".join(parts)
    return "、".join(parts[:-1]) + last + parts[-1]


def _unfilled(table: str) -> str:
    numeral = forms.TABLE_NUMERALS[table]
    return f"（表{numeral}尚未填完：填写后重新起草，本段按表{numeral}的数字生成）{UNKNOWN}"


# --------------------------------------------------------------------------- 主动公开


def _documents(report: Report, doc: str, name: str) -> str | None:
    """规章 / 行政规范性文件: 制发, 废止, 现行有效 (2021 format)."""
    issued = _value(report, f"active.{doc}.issued")
    repealed = _value(report, f"active.{doc}.repealed")
    in_force = _value(report, f"active.{doc}.in_force")
    if doc == "regulations" and not (issued or repealed or in_force):
        return None  # most bodies cannot make 规章 (C3): nothing to say
    if issued and repealed:
        head = f"制发{name}{issued}件，废止{repealed}件"
    elif issued:
        head = f"制发{name}{issued}件，未废止{name}"
    elif repealed:
        head = f"未制发{name}，废止{name}{repealed}件"
    else:
        head = f"未制发、废止{name}"
    if in_force:
        return f"{head}，现行有效{name}{in_force}件"
    return f"{head}，目前没有现行有效的{name}"


def _documents_2019(report: Report, doc: str, name: str) -> str | None:
    made = _value(report, f"active.{doc}.made")
    published = _value(report, f"active.{doc}.published")
    total = _value(report, f"active.{doc}.public_total")
    if doc == "regulations" and not (made or published or total):
        return None
    said = [
        f"新制作{name}{made}件" if made else f"未新制作{name}",
        f"新公开{published}件" if published else "未新公开",
        f"对外公开{name}总数{total}件" if total else f"没有对外公开的{name}",
    ]
    return "，".join(said)


_DECISIONS = (("licensing", "行政许可"), ("penalty", "行政处罚"), ("enforcement", "行政强制"))


def _decisions(report: Report) -> str:
    suffix = "" if report.format == "2021" else ".decisions"
    made, none = [], []
    for key, name in _DECISIONS:
        count = _value(report, f"active.{key}{suffix}")
        if count:
            made.append(f"{name}决定{count}件")
        else:
            none.append(name)
    said = f"作出{_join(made)}" if made else ""
    if none:
        nil = f"未作出{_join(none, '和')}决定"
        said = f"{said}，{nil}" if said else nil
    return said


def active_statement(report: Report, self_name: str) -> str:
    """主动公开: documents, decisions and (2021) fees."""
    try:
        _require(report, ACTIVE)
        if report.format == "2021":
            documents = [
                _documents(report, "regulations", "规章"),
                _documents(report, "normative_documents", "行政规范性文件"),
            ]
        else:
            documents = [
                _documents_2019(report, "regulations", "规章"),
                _documents_2019(report, "normative_documents", "规范性文件"),
            ]
        first = "；".join(d for d in documents if d)
        second = _decisions(report)
        if report.format == "2021":
            fees = _value(report, "active.fees_wan_yuan")
            charged = f"收取行政事业性收费{amount(fees)}万元" if fees else "未收取行政事业性收费"
            second = f"{second}；{charged}"
    except _Blank:
        return _unfilled(ACTIVE)
    return f"本年度，{self_name}{first}。全年{second}。"


# --------------------------------------------------------------------------- 依申请公开


def _item_label(row: forms.RequestRowDef) -> str:
    """1.属于国家秘密 → 属于国家秘密; 3.其他 → 其他原因."""
    label = row.label.split(".", 1)[-1]
    return "其他原因" if label == "其他" else label


def _result_name(label: str) -> str:
    """（二）部分公开（区分处理的…） → 部分公开."""
    return re.sub(r"（[^）]*）", "", label)


def _outcomes(report: Report) -> list[tuple[str, int, list[str]]]:
    """(result, count, its non-zero sub-items) in table order, zero results left out."""
    found: dict[str, tuple[int, list[str]]] = {}
    for row in forms.request_rows(report.format):
        if not row.outcome:
            continue
        count = int(_value(report, f"requests.{row.key}.total"))
        name = _result_name(row.subgroup or row.label)
        total, items = found.get(name, (0, []))
        if count and row.subgroup is not None:
            items = [*items, f"{_item_label(row)}{count}件"]
        found[name] = (total + count, items)
    return [(name, total, items) for name, (total, items) in found.items() if total]


def requests_statement(report: Report) -> str:
    """依申请公开: received, carried in, handled by result, carried to next year."""
    try:
        _require(report, REQUESTS)
        new = int(_value(report, "requests.new.total"))
        carried_in = int(_value(report, "requests.carried_in.total"))
        handled = int(_value(report, "requests.total.total"))
        carried_out = int(_value(report, "requests.carried_out.total"))
        outcomes = _outcomes(report)
    except _Blank:
        return _unfilled(REQUESTS)
    if not new and not carried_in:
        return "本年度未收到政府信息公开申请，也没有上年结转的申请。"
    if new and carried_in:
        received = f"本年度新收政府信息公开申请{new}件，上年结转{carried_in}件。"
    elif new:
        received = f"本年度新收政府信息公开申请{new}件，没有上年结转的申请。"
    else:
        received = f"本年度没有新收到政府信息公开申请，上年结转{carried_in}件。"
    if not handled:
        return f"{received}上述申请均结转下年度继续办理，共{carried_out}件。"
    if len(outcomes) == 1 and not outcomes[0][2]:
        results = f"均{outcomes[0][0]}"
    else:
        parts = []
        for name, count, items in outcomes:
            detail = f"（{'、'.join(items)}）" if len(items) > 1 else ""
            if len(items) == 1:
                detail = f"（{items[0].removesuffix(f'{count}件')}）"
            parts.append(f"{name}{count}件{detail}")
        results = "其中" + "，".join(parts)
    done = f"本年度办结政府信息公开申请{handled}件，{results}。"
    if carried_out:
        return f"{received}{done}结转下年度继续办理{carried_out}件。"
    return f"{received}{done}没有结转下年度继续办理的申请。"


# --------------------------------------------------------------------------- 复议、诉讼


def _by_result(report: Report, row: str, total: int) -> str:
    """结果维持1件、尚未审结1件; 均为结果维持 when one result holds them all."""
    parts = []
    for col, name in forms.APPEAL_COLUMNS[:-1]:
        count = _value(report, f"appeals.{row}.{col}")
        if count:
            parts.append((name, count))
    if len(parts) == 1 and parts[0][1] == total:
        return parts[0][0] if total == 1 else f"均为{parts[0][0]}"
    return "、".join(f"{name}{count}件" for name, count in parts)


def appeals_statement(report: Report) -> str:
    """行政复议 and 行政诉讼 caused by information disclosure, each by result."""
    rows = dict(forms.APPEAL_ROWS)
    try:
        _require(report, APPEALS)
        review = int(_value(report, "appeals.review.total"))
        suits = [
            (rows[row], count, _by_result(report, row, count))
            for row in ("litigation_direct", "litigation_after_review")
            if (count := int(_value(report, f"appeals.{row}.total")))
        ]
        reviewed = _by_result(report, "review", review) if review else ""
    except _Blank:
        return _unfilled(APPEALS)
    if not review and not suits:
        return "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。"
    said = []
    if review:
        said.append(f"被申请行政复议{review}件（{reviewed.removeprefix('均为')}）")
    sued = sum(count for _, count, _ in suits)
    if len(suits) == 1:
        name, _, result = suits[0]
        result = result.removeprefix("均为")
        said.append(f"被提起行政诉讼{sued}件（{result}），{'均为' if sued > 1 else '为'}{name}")
    elif suits:
        each = "、".join(f"{name}{count}件（{result}）" for name, count, result in suits)
        said.append(f"被提起行政诉讼{sued}件，其中{each}")
    text = "本年度因政府信息公开工作" + "；".join(said)
    if not review:
        text += "；未发生因政府信息公开工作被申请行政复议的情况"
    elif not suits:
        text += "；未发生因政府信息公开工作被提起行政诉讼的情况"
    return text + "。"


def statements(report: Report, self_name: str) -> Statements:
    """The three standard paragraphs for ``report``'s tables."""
    return Statements(
        active_statement(report, self_name),
        requests_statement(report),
        appeals_statement(report),
    )
