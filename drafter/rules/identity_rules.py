"""Whose report is it: A1, A2, A3 (project-defined rules, see the README).

- A1: the self-designation fits the agency (我镇 in a 镇 report, not 我局).
- A2: the title names the report's own agency; no other body speaks as the author.
- A3: the agency and year are stated; when a file left them out and they were
  inferred from the text, say so (and warn when the text mixes years).
"""

from __future__ import annotations

from collections.abc import Iterator

from drafter import forms
from drafter.agency import classify
from drafter.model import Finding, Location, Report
from drafter.narrative.authorship import Candidate, Identity, named_authors, title_agency
from drafter.narrative.identity import (
    WrongDesignation,
    designations,
    judge_designation,
    other_agencies,
    part_of,
    same_agency,
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
    speaker = ""
    if not agency:
        # Not known whose report it is: still, the body the opening speaks as (2025年，
        # XX街道办事处坚持…) is no 局, and a township is no 局 whatever its name.
        said = (c for _, _, c in _named_in_openings(ctx.report) if c.source != "联系方式")
        speaker = next((c.name for c in said), "")
        if not speaker:
            yield from _mixed(ctx, seen, first)
            return
    for word, (key, text, start, end) in first.items():
        wrong = judge_designation(agency or speaker, word[1:])
        if wrong is None or (speaker and not wrong.serious):
            continue
        if speaker:
            wrong = WrongDesignation(
                wrong.noun, True, f"正文开头以「{speaker}」的名义叙述，{wrong.why}"
            )
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
_BUREAU_WORDS = {"我局", "本局", "我厅", "本厅"}


def _mixed(
    ctx: CheckContext, seen: dict[str, int], first: dict[str, tuple[str, str, int, int]]
) -> Iterator[Finding]:
    """Without a known agency: a report calling itself both 我镇 and 我局 is wrong either way.

    No body is both a township and a bureau, so one of the two came with another body's
    text: an error, shown at the rarer word (the likelier copy).
    """
    township = [w for w in seen if w in _TOWNSHIP_WORDS]
    bureau = [w for w in seen if w in _BUREAU_WORDS]
    if not township or not bureau:
        return
    minority = township if sum(seen[w] for w in township) < sum(seen[w] for w in bureau) else bureau
    word = minority[0]
    key, text, start, end = first[word]
    counts = "、".join(f"「{w}」{seen[w]} 处" for w in township + bureau)
    yield text_finding(
        ctx,
        "A1",
        "error",
        f"报告中自称不一致（{counts}）：同一机关不会既是乡镇（街道）又是局，"
        f"「{word}」可能是从其他单位的报告复制而来",
        key,
        text,
        start,
        end,
    )


@rule("A2", "标题和正文中的机关名称是本机关")
def agency_names(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    agency = report.agency
    named = title_agency(report.title) if report.title else None
    if not agency:
        yield from _author_named_elsewhere(ctx, None)
        return
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
    else:
        yield from _author_named_elsewhere(ctx, named)
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


def _author_named_elsewhere(ctx: CheckContext, named: str | None) -> Iterator[Finding]:
    """The opening says another body of the same kind wrote the report: one is copied.

    ``本报告由Y编制``, ``现将Y2025年度…报告如下``, ``请与Y联系``, ``2025年，Y坚持…`` where Y
    is neither the report's agency (or, when it is not known, the body named first) nor
    one of its offices. Shown at the sentence: a title is written anew each year, the
    text is what gets copied.
    """
    report = ctx.report
    reference = report.agency
    readings: dict[tuple[str, int], list[tuple[str, str, Candidate]]] = {}
    for key, text, cand in _named_in_openings(report):
        readings.setdefault((key, cand.start), []).append((key, text, cand))
    for group in readings.values():
        key, text, _ = group[0]
        cands = [c for _, _, c in group]
        source = cands[0].source
        if not reference:
            reference = cands[0].name
            continue
        if any(part_of(c.name, reference) for c in cands) or cands[0].name[0] in _LEVELS:
            continue  # the body itself, one of its offices, or 区审计局 (itself, unplaced)
        other = cands[0]
        if not _same_kind(other.name, reference):
            continue  # another kind of body: not a copy of this one's report
        if named:
            said = f"标题写的是「{named}」，{source}中却写的是「{other.name}」"
        elif report.agency:
            said = f"本报告是「{report.agency}」的报告，{source}中却写的是「{other.name}」"
        else:
            said = f"前文写的是「{reference}」，{source}中却写的是「{other.name}」"
        yield text_finding(
            ctx,
            "A2",
            "error",
            f"{said}：这段文字可能是从其他单位的报告复制而来，请改正",
            key,
            text,
            other.start,
            other.end,
        )
        return


def _named_in_openings(report: Report) -> Iterator[tuple[str, str, Candidate]]:
    """(section, text, body) of every body the opening lines name as the author."""
    for key, text, paragraphs in _openings(report):
        for cand in named_authors(text, paragraphs=paragraphs):
            yield key, text, cand


def _openings(report: Report) -> Iterator[tuple[str, str, int]]:
    """(section, text, paragraphs read for their opening body): the lines before 一 and
    the first lines of 一, where a report says who wrote it."""
    preamble = report.text(forms.PREAMBLE_KEY)
    yield forms.PREAMBLE_KEY, preamble, preamble.count("\n") + 1
    yield "overview", "\n".join(report.text("overview").split("\n")[:5]), 5


_LEVELS = frozenset("省市区县镇乡")


def _same_kind(a: str, b: str) -> bool:
    x, y = classify(a), classify(b)
    return x.body == y.body and (x.level == "township") == (y.level == "township")


@rule("A3", "写明了机关名称和年度（未写明时按正文推断）")
def identity_stated(ctx: CheckContext) -> Iterator[Finding]:
    inferred = ctx.options.get(INFERRED)
    identity = inferred if isinstance(inferred, Identity) else None
    lines = ctx.source.lines if ctx.source is not None else None
    finding = identity_finding(ctx.report, identity, project_file=True, lines=lines)
    if finding is not None:
        yield finding


AGENCY_RULES = "自称（A1）、其他机关名称（A2）、规章（C3）、人民政府报告内容（N3）"
"""The checks that need to know the agency, named in the A3 message when they were skipped."""


def identity_finding(
    report: Report,
    identity: Identity | None,
    *,
    project_file: bool = False,
    lines: list[str] | None = None,
) -> Finding | None:
    """The one A3 warning about a report's agency and year, or None when both are stated.

    ``identity`` is what the text says (``narrative.authorship``); ``report`` holds what
    was decided (a value given with --agency/--year, or read from a project file, is not
    questioned). From a published file, a title or an opening statement is the agency
    stated; for a project file whose field is empty, whatever fills it is an inference.
    ``lines`` are the checked file's: the finding points at the line naming what was
    inferred, else the first line (where a report states its agency and year).
    """
    said: list[str] = []
    unchecked: list[str] = []
    if identity is not None and report.agency and report.agency == identity.agency:
        if project_file or not identity.stated:
            said.append(f"机关名称按{identity.agency_from}定为「{identity.agency}」")
    elif not report.agency:
        if identity is not None and identity.guess:
            said.append(
                f"不能确定机关名称（{identity.guess_from}中有「{identity.guess}」，"
                "但标题和开头段都没有写明是谁的报告）"
            )
        else:
            said.append("原文没有写明机关名称")
        unchecked.append(f"与机关有关的核对（{AGENCY_RULES}）未进行：请在检查时指定机关名称")
    if identity is not None and report.year is not None and report.year == identity.year:
        if project_file or not identity.year_stated:
            said.append(f"年度按{identity.year_from}定为 {identity.year} 年")
    elif report.year is None:
        if identity is not None and identity.competing_years:
            years = "、".join(f"{y}年" for y in identity.competing_years)
            said.append(f"正文中 {years} 出现的次数相近，不能确定报告年度")
        else:
            said.append("原文没有写明报告年度")
        unchecked.append("年份核对（N6、N8）未进行：请在检查时指定报告年度")
    if not said:
        return None
    advice = "；".join(unchecked) if unchecked else "如不正确，请在检查时指定机关名称和年度"
    named = (identity.agency or str(identity.year or "")) if identity is not None else ""
    return Finding(
        rule="A3",
        severity="warning",
        message=f"{'；'.join(said)}。{advice}",
        location=Location(section="preamble", line=_where(lines, named)),
    )


def _where(lines: list[str] | None, found: str) -> int | None:
    """The first line naming what was inferred, else the first line with text."""
    if not lines:
        return None
    hit = next((n for n, t in enumerate(lines, 1) if found and found in t), None)
    return hit or next((n for n, t in enumerate(lines, 1) if t.strip()), None)
