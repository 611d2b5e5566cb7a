"""Years, dates, placeholders, superseded basis, copied text: N6, N7, N8.

Severity follows what the finding proves. A title or statistical period naming another
year, a malformed date, a placeholder, the 2019 notice cited in a 2021+ report are
errors: each is wrong on its face. A stale year is an error when it opens a statement
(``2024年，我局…`` in a 2025 report) or names the report itself, a warning when it is a
passing mention that may be legitimate; in 五 (which discusses last year's problems) it
is always a warning. Similarity to last year is a warning: reuse is a judgement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter import forms
from drafter.model import Finding
from drafter.narrative import years
from drafter.narrative.authorship import title_agency
from drafter.rules.prose import TITLE, section_name, text_finding, texts
from drafter.rules.registry import CheckContext, rule
from drafter.similarity import carried_over, is_copied, report_keys


@rule("N6", "年份一致、日期规范、没有占位符")
def years_dates_placeholders(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    year = report.year
    if year is not None:
        yield from _title_and_period(ctx, year)
    for key, text in texts(ctx, title=True):
        if year is not None:
            yield from _stale(ctx, key, text, year)
        for bad in years.malformed_dates(text):
            yield text_finding(
                ctx,
                "N6",
                "error",
                f"「{section_name(key)}」中的「{text[bad.start : bad.end]}」{bad.why}",
                key,
                text,
                bad.start,
                bad.end,
            )
        for start, end in years.placeholders(text):
            mark = text[start:end]
            if mark == years.PENDING_MARK:
                # Quote what the mark follows (规章 1件【待核实】): a sentence may carry many.
                message = (
                    f"「{section_name(key)}」中有「{_lead_in(text, start)}{mark}」："
                    "起草时未能与表格核对的内容，请核实后改正并删除该标记"
                )
            else:
                message = f"「{section_name(key)}」中有占位符「{mark}」：请填写实际内容"
            yield text_finding(ctx, "N6", "error", message, key, text, start, end)


_CLAUSE_END = frozenset("，。；：、！？,;:（）()「」“”\n")
LEAD_IN = 14
"""Characters quoted before a 【待核实】 mark, back to the start of its clause at most."""


def _lead_in(text: str, start: int) -> str:
    """The words a mark follows within its clause: ``答复 3050件`` of ``…，答复 3050件【待核实】``;
    ``…`` where the clause is longer than :data:`LEAD_IN`."""
    begin = start
    while begin > 0 and start - begin < LEAD_IN and text[begin - 1] not in _CLAUSE_END:
        begin -= 1
    clipped = begin > 0 and text[begin - 1] not in _CLAUSE_END
    return ("…" if clipped else "") + text[begin:start].strip()


def _title_and_period(ctx: CheckContext, year: int) -> Iterator[Finding]:
    title = ctx.report.title
    stated = years.title_year(title) if title else None
    if title and stated is None and not years.YEAR.search(title):
        yield text_finding(
            ctx,
            "N6",
            "warning",
            f"标题中没有写年度：应为「{ctx.report.default_title()}」这样的标题",
            TITLE,
            title,
            0,
            len(title),
        )
    if stated is not None and stated != year:
        m = years.TITLE_YEAR.search(title)
        assert m is not None
        yield text_finding(
            ctx,
            "N6",
            "error",
            f"标题写的是 {stated} 年，但报告年度是 {year} 年：请改正标题",
            TITLE,
            title,
            m.start(),
            m.end(),
        )
    for key, text in texts(ctx):
        for first, last, start, end in years.period_years(text):
            if first == year and last == year:
                continue
            yield text_finding(
                ctx,
                "N6",
                "error",
                f"统计期限写的是 {first}年1月1日至{last}年12月31日，但报告年度是 {year} 年："
                f"应为自{year}年1月1日起至{year}年12月31日止",
                key,
                text,
                start,
                end,
            )


def _stale(ctx: CheckContext, key: str, text: str, year: int) -> Iterator[Finding]:
    periods = [(s, e) for _, _, s, e in years.period_years(text)]
    for stale in years.stale_years(text, year):
        m = stale.mention
        if any(s <= m.start < e for s, e in periods):
            continue  # reported with the period
        serious = stale.serious and key != "problems"
        if stale.names_report:
            what = f"把本报告写成了 {m.year} 年度的报告"
        elif serious:
            what = f"以「{m.year}年」开头叙述，像是沿用了往年的文字"
        else:
            what = f"提到「{m.year}年」"
        yield text_finding(
            ctx,
            "N6",
            "error" if serious else "warning",
            f"本报告是 {year} 年度报告，「{section_name(key)}」{what}：请核对是否应为「{year}年」",
            key,
            text,
            m.start,
            m.end,
        )


TITLE_END = "政府信息公开工作年度报告"
"""How the title ends (format-2021.md §1: ``{机关全称}{YYYY}年政府信息公开工作年度报告``)."""


@rule("T1", "标题为「机关全称＋年度＋政府信息公开工作年度报告」")
def title_form(ctx: CheckContext) -> Iterator[Finding]:
    """Warnings: the form is practice, not law; a missing title is not judged (many
    published pages lose it in capture)."""
    report = ctx.report
    title = re.sub(r"\s+", "", report.title or "")
    if not title:
        return
    wrong = []
    if not title.endswith(TITLE_END):
        wrong.append(f"没有以「{TITLE_END}」结尾")
    if not title_agency(title):
        wrong.append("没有写机关名称")
    if wrong:
        hint = f"，如「{report.default_title()}」" if report.agency and report.year else ""
        yield text_finding(
            ctx,
            "T1",
            "warning",
            f"标题「{title}」{'、'.join(wrong)}：标题应为「机关全称＋年度＋{TITLE_END}」{hint}",
            TITLE,
            report.title,
            0,
            len(report.title),
        )


@rule("N8", "2021 年及以后的报告不应以国办公开办函〔2019〕60号为依据")
def superseded_basis(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.report.year is None or ctx.report.year < 2021:
        return
    for key, text in texts(ctx, title=True):
        if "2019" not in text:  # every citation of the notice has its year (quick skip)
            continue
        for m in years.SUPERSEDED_BASIS.finditer(text):
            yield text_finding(
                ctx,
                "N8",
                "error",
                f"「{section_name(key)}」引用了「{m.group().strip()}」："
                "该通知规定的是 2019、2020 年度报告的格式，"
                f"{ctx.report.year} 年度报告应依据国办公开办函〔2021〕30号",
                key,
                text,
                m.start(),
                m.end(),
            )


@rule("N7", "文字部分与上年报告雷同")
def similar_to_last_year(ctx: CheckContext) -> Iterator[Finding]:
    last = ctx.last_year
    if last is None:
        return
    keys = report_keys(last)
    if not keys:
        return
    for key in forms.NARRATIVE_KEYS:
        text = ctx.report.text(key)
        carried = carried_over(text, keys)
        if not is_copied(carried):
            continue
        start = carried.same[0][0]
        whole = (
            "与上年报告完全相同" if len(carried.same) == carried.counted else "沿用了上年报告的原句"
        )
        yield text_finding(
            ctx,
            "N7",
            "warning",
            f"「{section_name(key)}」{carried.percent}% 的句子"
            f"（{len(carried.same)}/{carried.counted} 句）"
            f"{whole}：内容雷同是年报审查的重点问题，请按本年工作改写",
            key,
            text,
            start,
            carried.same[0][1],
        )
