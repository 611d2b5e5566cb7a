"""Random application ledgers written as real .xlsx files, and their tables counted here.

The expected tables are computed in this module straight from the definitions of
issue 13 (新收 = received in Y, 上年结转 = received before Y and not answered before Y,
results = answered in Y, 结转下年度 = received by Y-12-31 and not answered by then), not
by calling ``drafter.ledger``: the test compares two independent countings.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

from drafter import forms

APPLICANT_WORDS = {
    "natural_person": ("自然人", "个人", "公民"),
    "business": ("商业企业", "企业", "某某有限公司"),
    "research": ("科研机构", "研究所"),
    "public_interest": ("社会公益组织", "基金会"),
    "legal_services": ("法律服务机构", "律师事务所"),
    "other_org": ("其他", "其他组织"),
}
EXTRA_RESULT_WORDS = {
    "granted": ("同意公开", "公开"),
    "partial": ("部分公开",),
    "unavailable_1": ("信息不存在", "本机关不掌握"),
    "not_processed_2": ("重复申请",),
    "other_3": ("申请人撤回", "撤回"),
}
KIND_WORDS = {
    "review": ("行政复议", "复议"),
    "litigation_direct": ("未经复议直接起诉", "直接起诉"),
    "litigation_after_review": ("复议后起诉",),
}
APPEAL_RESULT_WORDS = {
    "upheld": ("维持", "驳回诉讼请求"),
    "corrected": ("纠正", "撤销", "确认违法"),
    "other": ("其他结果", "撤诉", "终止"),
}
FIRST_DAY = date(2020, 1, 1)
LAST_DAY = date(2026, 2, 28)
TODAY = date(2026, 12, 1)


@dataclass
class Case:
    """One generated application (or appeal): what is true, and how it is written."""

    received: date
    finished: date | None
    category: str
    """Target key: applicant column, or table 四 block."""
    result: str
    """Target key: outcome row, or table 四 result column."""
    category_written: str
    result_written: str


def result_words(key: str) -> tuple[str, ...]:
    row = next(r for r in forms.request_rows("2021") if r.key == key)
    return (row.full_label, row.label, *EXTRA_RESULT_WORDS.get(key, ()))


def random_cases(rng: random.Random, n: int, appeals: bool = False) -> list[Case]:
    cases = []
    span = (LAST_DAY - FIRST_DAY).days
    outcomes = [r.key for r in forms.request_rows("2021") if r.outcome]
    for _ in range(n):
        received = FIRST_DAY + timedelta(days=rng.randint(0, span))
        finished = received + timedelta(days=rng.choice((0, 3, 15, 20, 40, 90, 400)))
        if rng.random() < 0.12 or finished > LAST_DAY:
            finished = None
        if appeals:
            category = rng.choice(list(KIND_WORDS))
            result = rng.choice(list(APPEAL_RESULT_WORDS))
            written = (rng.choice(KIND_WORDS[category]), rng.choice(APPEAL_RESULT_WORDS[result]))
        else:
            category = rng.choice(list(APPLICANT_WORDS))
            result = rng.choice(outcomes)
            written = (rng.choice(APPLICANT_WORDS[category]), rng.choice(result_words(result)))
        cases.append(Case(received, finished, category, result, *written))
    return cases


def expected_requests(cases: list[Case], year: int) -> dict[str, int]:
    """Table 三's input cells of ``year``, counted straight from the definitions."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    counts = {c.path: 0 for c in forms.table_form("requests", "2021").cells if not c.computed}
    for case in cases:
        r, f, col = case.received, case.finished, case.category
        if r.year == year:
            counts[f"requests.new.{col}"] += 1
        if r < start and (f is None or f >= start):
            counts[f"requests.carried_in.{col}"] += 1
        if f is not None and f.year == year:
            counts[f"requests.{case.result}.{col}"] += 1
        if r <= end and (f is None or f > end):
            counts[f"requests.carried_out.{col}"] += 1
    return counts


def expected_appeals(cases: list[Case], year: int) -> dict[str, int]:
    end = date(year, 12, 31)
    counts = {c.path: 0 for c in forms.table_form("appeals").cells if not c.computed}
    for case in cases:
        r, f = case.received, case.finished
        if f is not None and f.year == year:
            counts[f"appeals.{case.category}.{case.result}"] += 1
        elif r <= end and (f is None or f > end):
            counts[f"appeals.{case.category}.pending"] += 1
    return counts


def written_date(value: date, rng: random.Random) -> object:
    """A date in one of the forms offices type, chosen at random."""
    style = rng.randrange(8)
    if style == 0:
        return value
    if style == 1:
        return datetime(value.year, value.month, value.day, rng.randint(8, 17), 30)
    if style == 2:
        return f"{value.year}-{value.month}-{value.day}"
    if style == 3:
        return value.strftime("%Y/%m/%d")
    if style == 4:
        return f"{value.year}年{value.month}月{value.day}日"
    if style == 5:
        return f"{value.year}.{value.month}.{value.day}"
    if style == 6:
        return (value - date(1899, 12, 30)).days
    return int(value.strftime("%Y%m%d"))


def write_ledger(path: Path, cases: list[Case], appeals: list[Case], rng: random.Random) -> None:
    """A workbook: a title row, the application register and a 复议诉讼 register."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "依申请公开登记"
    ws.append(["某某局政府信息公开申请登记台账（2020—2026）"])
    ws.merge_cells("A1:H1")
    ws.append(
        ["序号", "申请日期", "申请人", "申请人类型", "申请内容", "办结日期", "答复类型", "备注"]
    )
    for n, case in enumerate(cases, start=1):
        finished = written_date(case.finished, rng) if case.finished else rng.choice(("", "办理中"))
        ws.append(
            [
                n,
                written_date(case.received, rng),
                f"申请人{n}",
                case.category_written,
                "某项信息",
                finished,
                case.result_written,
                "",
            ]
        )
    sheet = wb.create_sheet("复议诉讼")
    sheet.append(["案号", "类别", "收到日期", "结果", "结案日期"])
    for n, case in enumerate(appeals, start=1):
        closed = written_date(case.finished, rng) if case.finished else ""
        result = case.result_written if case.finished else rng.choice(("", "审理中"))
        sheet.append(
            [f"案{n}", case.category_written, written_date(case.received, rng), result, closed]
        )
    wb.save(path)
