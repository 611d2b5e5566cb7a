"""Whose report is it: A1, A2, A3 (project-defined rules, see the README).

- A1: the self-designation fits the agency (我镇 in a 镇 report, not 我局).
- A2: the title names the report's own agency; no other body speaks as the author.
- A3: the agency and year are stated; when a file left them out and they were
  inferred from the text, say so (and warn when the text mixes years).
"""

from __future__ import annotations

from collections.abc import Iterator

from drafter.model import Finding, Location
from drafter.narrative.identity import (
    Identity,
    designations,
    judge_designation,
    other_agencies,
    same_agency,
    title_agency,
)
from drafter.rules.prose import TITLE, section_name, text_finding, texts
from drafter.rules.registry import CheckContext, rule

INFERRED = "inferred_identity"
"""``CheckContext.options`` key: the :class:`Identity` inferred for a file lacking them."""


@rule("A1", "自称与机关类型相符（镇的报告称我镇，局的报告称我局）")
def self_designation(ctx: CheckContext) -> Iterator[Finding]:
    agency = ctx.report.agency
    seen: dict[str, int] = {}
    first: dict[str, tuple[str, str, int, int]] = {}
    for key, text in texts(ctx):
        for d in designations(text):
            seen[d.word] = seen.get(d.word, 0) + 1
            first.setdefault(d.word, (key, text, d.start, d.end))
    if not agency:
        yield from _mixed(ctx, seen, first)
        return
    for word, (key, text, start, end) in first.items():
        wrong = judge_designation(agency, word[1:])
        if wrong is None:
            continue
        times = f"（共 {seen[word]} 处）" if seen[word] > 1 else ""
        yield text_finding(
            ctx,
            "A1",
            "error" if wrong.serious else "warning",
            f"「{section_name(key)}」中自称「{word}」{times}：{wrong.why}。可能是从其他单位的报告复制而来",
            key,
            text,
            start,
            end,
        )


_TOWNSHIP_WORDS = {"我镇", "本镇", "我乡", "本乡", "我街道", "本街道", "我街"}
_BUREAU_WORDS = {"我局", "本局", "我委", "本委", "我厅", "本厅"}


def _mixed(
    ctx: CheckContext, seen: dict[str, int], first: dict[str, tuple[str, str, int, int]]
) -> Iterator[Finding]:
    township = [w for w in seen if w in _TOWNSHIP_WORDS]
    bureau = [w for w in seen if w in _BUREAU_WORDS]
    if not township or not bureau:
        return
    minority = township if sum(seen[w] for w in township) < sum(seen[w] for w in bureau) else bureau
    word = minority[0]
    key, text, start, end = first[word]
    yield text_finding(
        ctx,
        "A1",
        "warning",
        f"报告中自称不一致：既有「{'、'.join(township)}」又有「{'、'.join(bureau)}」。"
        "可能有文字是从其他单位的报告复制而来",
        key,
        text,
        start,
        end,
    )


@rule("A2", "标题和正文中的机关名称是本机关")
def agency_names(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    agency = report.agency
    if not agency:
        return
    named = title_agency(report.title) if report.title else None
    if named and not same_agency(named, agency):
        yield text_finding(
            ctx,
            "A2",
            "error",
            f"标题中的机关名称「{named}」与报告机关「{agency}」不一致：请改正",
            TITLE,
            report.title,
            0,
            len(named),
        )
    reported: set[str] = set()
    for key, text in texts(ctx):
        for other in other_agencies(text, agency):
            if other.name in reported:
                continue
            reported.add(other.name)
            yield text_finding(
                ctx,
                "A2",
                "warning",
                f"「{section_name(key)}」中出现了「{other.name}」，而本报告是「{agency}」的报告："
                "请核实是否为从其他单位报告复制的文字",
                key,
                text,
                other.start,
                other.end,
            )


@rule("A3", "写明了机关名称和年度（未写明时按正文推断）")
def identity_stated(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    inferred = ctx.options.get(INFERRED)
    if isinstance(inferred, Identity):
        how = "；".join(inferred.evidence) or "依据正文"
        what, missing = [], []
        if inferred.agency and report.agency == inferred.agency:
            what.append(f"机关「{inferred.agency}」")
            missing.append("机关名称")
        if inferred.year is not None and report.year == inferred.year:
            what.append(f"年度 {inferred.year} 年")
            missing.append("年度")
        if what:
            yield Finding(
                rule="A3",
                severity="warning",
                message=f"文件未写明{'和'.join(missing)}，已推断为{'、'.join(what)}（{how}）。"
                "如不正确，请在检查时指定机关名称和年度",
                location=_where(ctx, inferred.agency or str(inferred.year or "")),
            )
        if inferred.competing_years and report.year == inferred.year:
            years = "、".join(f"{y}年" for y in [inferred.year, *inferred.competing_years])
            yield Finding(
                rule="A3",
                severity="warning",
                message=f"正文中 {years} 出现的次数相近，无法确定报告年度："
                "请在检查时指定年度，并统一正文中的年份",
                location=_where(ctx, f"{inferred.year}年"),
            )
    if not report.agency:
        yield Finding(
            rule="A3",
            severity="warning",
            message="未写明机关名称，与机关有关的核对（自称、规章、人民政府报告内容）未进行："
            "请在标题中写明机关全称，或在检查时指定机关名称",
            location=_where(ctx, ""),
        )
    if report.year is None:
        yield Finding(
            rule="A3",
            severity="warning",
            message="未写明报告年度，年份核对未进行：请在标题中写明年度，或在检查时指定年度",
            location=_where(ctx, ""),
        )


def _where(ctx: CheckContext, found: str) -> Location:
    """Where the file says what was inferred (its first line naming it), else its title
    line: where a report states its agency and year."""
    source = ctx.source
    if source is None:
        return Location(section="preamble")
    lines = source.lines
    hit = next((n for n, t in enumerate(lines, 1) if found and found in t), None)
    first = next((n for n, t in enumerate(lines, 1) if t.strip()), None)
    return Location(section="preamble", line=hit or first)
