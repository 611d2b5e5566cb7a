"""Figures in the prose against the tables, C1 and C2 (format-2021.md §3.4), and against
each other: S1 (project-defined), an itemised list whose parts do not add up.

C1 is an error here although the spec files it under plausibility: a report whose text
says 29 件 where its table says 31 is wrong whichever figure is right, and drafter's
promise is that it never exports such a report unless forced.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from drafter import forms
from drafter.model import Finding
from drafter.narrative.claims import Claim, find_claims, format_value
from drafter.narrative.itemised import mismatched_lists
from drafter.narrative.numbers import extract_numbers
from drafter.rules.prose import section_name, text_finding, texts
from drafter.rules.registry import CheckContext, rule


def _stated(claim: Claim, text: str) -> str:
    if claim.number is None:
        return f"「{text[claim.subject[0] : claim.subject[1]]}」（即 0）"
    return f"{claim.pattern.label} {text[claim.number.start : claim.number.unit_end]}"


@rule("C1", "正文引用的数字与表格一致")
def claims_match_tables(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    for key, text in texts(ctx):
        for claim in find_claims(text, report, section=key):
            if claim.holds is not False:
                continue
            table = format_value(claim.table_value or Decimal(0), claim.number)
            unit = claim.number.unit if claim.number is not None and claim.number.unit else "件"
            where = claim.expression.describe(report.format)
            others = ""
            if len(claim.readings) > 1:
                alt = "；".join(
                    f"{r.describe(report.format)}"
                    for r in claim.readings
                    if r is not claim.expression
                )
                others = f"（也不等于{alt}）"
            message = (
                f"「{section_name(key)}」中写{_stated(claim, text)}，"
                f"但{where}为 {table} {unit}{others}：请核对后修改正文或表格"
            )
            start, end = claim.span
            yield text_finding(
                ctx,
                "C1",
                "error",
                message,
                key,
                text,
                start,
                end,
                cell=claim.expression.paths[0],
                cells=list(claim.expression.paths),
            )


_FEE_NOTICE = re.compile(r"收费通知")
_NO_NOTICE = re.compile(
    r"(?:未|没有|无)[^。；，]{0,8}?收费通知|收费通知[^。；，]{0,4}?(?:0|零)\s?件"
)


@rule("C2", "有因逾期不缴费不再处理的申请时，六、应说明发出收费通知的情况")
def fee_notices_reported(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    if report.format != "2021":
        return
    lapsed = report.tables.requests["other_2"].total
    if not lapsed:
        return
    text = report.text("other")
    notices = [m for m in _FEE_NOTICE.finditer(text)]
    reported = any(
        n.value > 0
        for m in notices
        for n in extract_numbers(text[m.start() : m.end() + 16])
        if n.unit == "件"
    )
    if reported and not _NO_NOTICE.search(text):
        return
    said = "却写明未发出收费通知" if _NO_NOTICE.search(text) else "未说明发出收费通知的件数"
    yield text_finding(
        ctx,
        "C2",
        "warning",
        f"{forms.cell_def('requests.other_2.total').label}为 {lapsed}，"
        f"说明本年发出过信息处理费收费通知；「{section_name('other')}」{said}。"
        "请写明发出收费通知的件数和总金额以及实际收取的总金额",
        "other",
        text,
        0,
        cell="requests.other_2.total",
    )


@rule("S1", "文中列出的分项之和与所说的总数相符")
def itemised_lists_add_up(ctx: CheckContext) -> Iterator[Finding]:
    """A warning: the list may be loosely worded; which figure is wrong, only the writer knows."""
    for key, text in texts(ctx):
        for item in mismatched_lists(text):
            whole = text[item.whole.start : item.whole.unit_end]
            parts = " + ".join(format_value(p.value, p) for p in item.parts)
            total = f"{format_value(item.total, None)}{item.whole.unit or ''}"
            if item.exhaustive:
                why = f"不等于所说的「{whole}」"
            else:
                why = f"多于「{whole}」（「其中」所列的各项不能超过总数）"
            yield text_finding(
                ctx,
                "S1",
                "warning",
                f"「{section_name(key)}」中所列分项 {parts} = {total}，{why}：请核对总数和各项数字",
                key,
                text,
                item.start,
                item.end,
            )
