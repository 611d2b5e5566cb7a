"""Rules across two consecutive reports of one agency: X1 and X2 (format-2021.md §3.3).

Both are warnings: legitimate deviations exist (a 修改 counted as 制发, documents that
lapsed without a 废止, 清理 or restructuring), but each is worth a look.
"""

from __future__ import annotations

from collections.abc import Iterator

from drafter import forms
from drafter.model import ActiveTable, Finding
from drafter.rules.registry import CheckContext, rule
from drafter.rules.table_rules import cell_finding, show
from drafter.tables import expected_in_force


@rule("X1", "本年「上年结转」= 上年报告「结转下年度继续办理」")
def carried_in_matches_last_year(ctx: CheckContext) -> Iterator[Finding]:
    last = ctx.last_year
    if last is None:
        return
    this_in = ctx.report.tables.requests["carried_in"]
    last_out = last.tables.requests["carried_out"]
    for col, col_label in forms.REQUEST_COLUMNS:
        now, before = getattr(this_in, col), getattr(last_out, col)
        if before is None or now is None or now == before:  # a blank is V3's, not X1's
            continue
        yield cell_finding(
            "X1",
            "warning",
            f"表三「二、上年结转」「{col_label}」为 {show(now)}，但{last.year or '上'}年报告"
            f"「四、结转下年度继续办理」为 {before}：两者应相等",
            f"requests.carried_in.{col}",
        )


@rule("X2", "现行有效件数 = 上年现行有效件数 + 本年制发 − 本年废止")
def in_force_follows_last_year(ctx: CheckContext) -> Iterator[Finding]:
    last = ctx.last_year
    report = ctx.report
    if last is None or not isinstance(report.tables.active, ActiveTable):
        return
    if not isinstance(last.tables.active, ActiveTable):
        return  # X3: the 2019 对外公开总数量 is not comparable
    form = forms.table_form("active", "2021")
    for item in ("regulations", "normative_documents"):
        expected = expected_in_force(report.tables, last, item)
        path = f"active.{item}.in_force"
        actual = report.tables.get(path)
        if expected is None or actual is None or actual == expected:
            continue
        row = getattr(report.tables.active, item)
        before = getattr(last.tables.active, item).in_force
        label = form.by_path[path].row_label
        yield cell_finding(
            "X2",
            "warning",
            f"表二「{label}」现行有效件数为 {show(actual)}，但上年现行有效 {before} + "
            f"本年制发 {row.issued} − 本年废止 {row.repealed} = {expected}。"
            f"如有修改、到期失效或清理，请在报告中说明",
            path,
            [path, f"active.{item}.issued", f"active.{item}.repealed"],
        )
