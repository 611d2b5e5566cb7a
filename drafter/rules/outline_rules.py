"""The shape and required content of the narrative: N1–N5 (format-2021.md §3.5).

N1 judges the headings *as written*: from the checked file when the report was imported
(every heading line the importer met, duplicates included, plus every line numbered like
a section), else from each section's ``heading`` and the lines of its text numbered
like a section (which would print as a second 一、 under 一、总体情况).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from drafter import forms
from drafter.agency import classify as classify_agency
from drafter.headings import Status, numeral_of
from drafter.headings import classify as classify_heading
from drafter.model import Finding, Location, Severity
from drafter.narrative import outline
from drafter.rules.prose import section_name, text_finding
from drafter.rules.registry import CheckContext, rule

_ORDER = {s.key: i for i, s in enumerate(forms.SECTIONS)}
_WORDS = re.compile(r"[^\W_]")


def _at_heading(ctx: CheckContext, key: str) -> Location:
    """A whole-section finding's place: the section, at its heading's line when known."""
    return Location(section=key, line=ctx.source.heading_line(key) if ctx.source else None)


class _Heading(NamedTuple):
    text: str
    key: str | None
    status: Status
    line: int | None
    numeral: str | None


def _headings(ctx: CheckContext) -> list[_Heading]:
    """The report's top-level headings as written, in order."""
    source = ctx.source
    if source is None:
        found = []
        for section in ctx.report.sections:
            if section.key == forms.PREAMBLE_KEY or not section.heading.strip():
                continue  # a blank heading is a missing one
            kind = classify_heading(section.heading, section.key)
            found.append(
                _Heading(
                    section.heading,
                    section.key,
                    kind.status,
                    None,
                    numeral_of(section.heading),
                )
            )
            # A project's text is what will be printed under the heading: a line in it
            # numbered like a section (一、2025年工作开展情况) is numbering only.
            for line in outline.outline_of_text(section.text):
                found.append(_Heading(line.text, None, "unknown", None, line.numeral))
        return found
    found = []
    taken = set()
    for hit in source.headings:
        kind = classify_heading(hit.text, hit.key)
        found.append(_Heading(hit.text, kind.key, kind.status, hit.line, numeral_of(hit.text)))
        taken.add(hit.line)
    for line in outline.outline_of_text(source.text):
        if line.line in taken:
            continue
        kind = classify_heading(line.text)
        if kind.status in ("official", "variant"):
            found.append(_Heading(line.text, kind.key, kind.status, line.line, line.numeral))
        else:  # a sub-heading numbered like a section: numbering only, not a section
            found.append(_Heading(line.text, None, "unknown", line.line, line.numeral))
    found.sort(key=lambda h: h.line or 0)
    return found


def _finding(
    severity: Severity, message: str, heading: _Heading | None, key: str | None
) -> Finding:
    location = Location(section=key, line=heading.line if heading else None)
    return Finding(
        rule="N1",
        severity=severity,
        message=message,
        location=location,
        excerpt=heading.text if heading else None,
    )


@rule("N1", "六个一级标题齐全、顺序正确、用规定的文字、不重复")
def headings_as_prescribed(ctx: CheckContext) -> Iterator[Finding]:
    headings = _headings(ctx)
    sections = [h for h in headings if h.key is not None]
    present = {h.key for h in sections}
    if ctx.source is not None:
        present |= {
            s.key
            for s in ctx.report.sections
            if s.key != forms.PREAMBLE_KEY and ctx.source.heading_line(s.key)
        }
    for section in forms.SECTIONS:
        if section.key not in present:
            yield _missing(ctx, section.key)
    by_key: dict[str, list[_Heading]] = {}
    for h in sections:
        by_key.setdefault(h.key or "", []).append(h)
    for key, same in by_key.items():
        if len(same) > 1:
            lines = "、".join(str(h.line) for h in same if h.line)
            where = f"（第 {lines} 行）" if lines else ""
            yield _finding(
                "error",
                f"一级标题「{forms.SECTION_BY_KEY[key].heading}」出现了 {len(same)} 次{where}："
                "请删除重复的标题",
                same[1],
                key,
            )
    yield from _order(sections)
    yield from _wording(sections)
    yield from _numbering(headings)


def _missing(ctx: CheckContext, key: str) -> Finding:
    """A missing heading, at the line it should come before (or where the file ends)."""
    heading = forms.SECTION_BY_KEY[key].heading
    message = f"缺少一级标题「{heading}」：六个部分都必须有"
    if ctx.source is None:
        return _finding("error", message, None, key)
    line, before = ctx.source.where_missing(key)
    where = f"，应在「{before.text}」之前" if before else "（原文到此结束，后面没有这一部分）"
    excerpt = ctx.source.line_text(line) if line else ""
    if before is None and len(excerpt) > 40:
        excerpt = excerpt[-40:]  # where the file ends
    return Finding(
        rule="N1",
        severity="error",
        message=message + where,
        location=Location(section=key, line=line),
        excerpt=excerpt or None,
    )


def _order(sections: list[_Heading]) -> Iterator[Finding]:
    seen: set[str] = set()
    latest: _Heading | None = None
    for h in sections:
        if h.key is None or h.key in seen:
            continue
        seen.add(h.key)
        if latest is not None and latest.key is not None and _ORDER[h.key] < _ORDER[latest.key]:
            yield _finding(
                "error",
                f"「{forms.SECTION_BY_KEY[h.key].heading}」排在「{forms.SECTION_BY_KEY[latest.key].heading}」之后："
                "六个部分应按规定顺序排列",
                h,
                h.key,
            )
        if latest is None or latest.key is None or _ORDER[h.key] > _ORDER[latest.key]:
            latest = h


def _wording(sections: list[_Heading]) -> Iterator[Finding]:
    for h in sections:
        if h.key is None:
            continue
        official = forms.SECTION_BY_KEY[h.key].heading
        if h.status == "variant":
            yield _finding(
                "warning",
                f"标题「{h.text}」是《条例》的表述，可以接受，但格式规定的标题是「{official}」",
                h,
                h.key,
            )
        elif h.status == "renamed":
            yield _finding(
                "error",
                f"标题「{h.text}」与格式规定的「{official}」不符：请改用规定的标题",
                h,
                h.key,
            )


def _numbering(headings: list[_Heading]) -> Iterator[Finding]:
    previous: _Heading | None = None
    for h in headings:
        if h.key is not None:
            expected = forms.SECTION_BY_KEY[h.key].numeral
            if h.numeral and h.numeral != expected:
                yield _finding(
                    "warning",
                    f"「{h.text}」的编号应为「{expected}、」",
                    h,
                    h.key,
                )
        elif h.numeral and previous is not None:
            yield _finding(
                "warning",
                f"「{h.text}」用了一级标题的编号「{h.numeral}、」，与「{previous.text}」"
                "的编号冲突：部分内的小标题请用「（一）」「1.」等下级编号",
                h,
                previous.key,
            )
        if h.key is not None:
            previous = h


# --------------------------------------------------------------------------- N2


@rule("N2", "文字部分（一、五、六）不为空")
def narrative_not_empty(ctx: CheckContext) -> Iterator[Finding]:
    for key in forms.NARRATIVE_KEYS:
        section = ctx.report.section(key)
        if section is None:
            continue  # N1 reports the missing heading
        if not _WORDS.search(section.text):
            yield Finding(
                rule="N2",
                severity="error",
                message=f"「{section_name(key)}」没有内容：请补写",
                location=_at_heading(ctx, key),
            )


# --------------------------------------------------------------------------- N3

_ASPECTS: dict[str, re.Pattern[str]] = {
    forms.OVERVIEW_ASPECTS[0]: re.compile(r"主动公开"),
    forms.OVERVIEW_ASPECTS[1]: re.compile(r"依申请|申请公开|公开申请"),
    forms.OVERVIEW_ASPECTS[2]: re.compile(r"信息管理|信息资源|发布审核|保密审查|公开属性|审核机制"),
    forms.OVERVIEW_ASPECTS[3]: re.compile(r"平台|网站|专栏|新媒体|公众号"),
    forms.OVERVIEW_ASPECTS[4]: re.compile(r"监督|保障|考核|培训|责任追究|评议"),
}
"""Key words that show an aspect is covered (the aspect names come from forms)."""
_GOVERNMENT_ASPECTS: dict[str, re.Pattern[str]] = {
    "工作考核": re.compile(r"考核"),
    "社会评议": re.compile(r"评议"),
    "责任追究": re.compile(r"责任追究|追究责任|追责|问责"),
}
"""条例第五十条第四项: what a 人民政府's report adds under 监督保障."""


def _is_people_government(agency: str) -> bool:
    """A 人民政府 (乡镇 included), not its 办公室 nor a 街道办事处 or 管委会."""
    name = agency.strip()
    return (
        classify_agency(name).body == "government"
        and bool(re.search(r"政府$", name))
        and not name.endswith(("办公室", "办公厅"))
    )


@rule("N3", "一、总体情况涵盖五个方面（人民政府报告还包括考核、社会评议、责任追究）")
def overview_covers_aspects(ctx: CheckContext) -> Iterator[Finding]:
    text = ctx.report.text("overview")
    if not _WORDS.search(text):
        return  # N1/N2
    at = _at_heading(ctx, "overview")
    missing = [name for name, pattern in _ASPECTS.items() if not pattern.search(text)]
    if missing:
        yield Finding(
            rule="N3",
            severity="warning",
            message=f"「{section_name('overview')}」未写到：{'、'.join(missing)}。"
            f"总体情况应涵盖{'、'.join(forms.OVERVIEW_ASPECTS)}五个方面",
            location=at,
        )
    if _is_people_government(ctx.report.agency):
        absent = [name for name, pattern in _GOVERNMENT_ASPECTS.items() if not pattern.search(text)]
        if absent:
            yield Finding(
                rule="N3",
                severity="warning",
                message="人民政府的年度报告应说明工作考核、社会评议和责任追究结果情况（《条例》第五十条），"
                f"「{section_name('overview')}」未写到：{'、'.join(absent)}",
                location=at.model_copy(),
            )


# --------------------------------------------------------------------------- N4

_PROBLEM = re.compile(
    r"问题|不足|短板|差距|薄弱|欠缺|滞后|单一|有待|仍需|尚需|还需|不够|不高|不强|不深|不全|"
    r"不到位|不充分|不及时|不规范|不平衡|不精准|参差不齐"
)
"""Words that name a shortcoming (a keyword test, as N3's)."""
_MEASURE = re.compile(
    r"改进|整改|措施|下一步|今后|下一年|将(?:进一步|继续|持续)?(?:加强|加大|完善|推进|强化|提升|提高|"
    r"健全|规范|丰富|拓展|落实|探索|建立|制定|开展|做好)|加强|完善|健全|强化|着力|计划"
)
"""Words that state what will be done about it."""
_FOLLOW_UP = re.compile(
    r"上年|上一年|去年|以往|前期|整改|已(?:经)?(?:建立|完成|落实|制定|开展)|得到(?:改进|改善|解决)|"
    r"有所(?:改进|改善|提升|提高)|改进情况"
)
"""Words that report on last year's problems (五 is 问题**及改进情况**)."""


@rule("N4", "五、写明具体问题和改进措施，并说明上年问题的改进情况")
def problems_and_measures(ctx: CheckContext) -> Iterator[Finding]:
    text = ctx.report.text("problems")
    if not _WORDS.search(text):
        return  # N1/N2
    at = _at_heading(ctx, "problems")
    missing = [
        what
        for what, words in (("存在的问题", _PROBLEM), ("改进措施", _MEASURE))
        if not words.search(text)
    ]
    if missing:
        yield Finding(
            rule="N4",
            severity="warning",
            message=f"「{section_name('problems')}」没有写到{'和'.join(missing)}："
            "应写明本机关存在的具体问题和相应的改进措施",
            location=at,
        )
    last = ctx.last_year.text("problems") if ctx.last_year is not None else ""
    last_words = _PROBLEM.search(last)
    year = ctx.report.year
    prior = re.compile(rf"{year - 1}年") if year is not None else None
    if last_words and not _FOLLOW_UP.search(text) and not (prior and prior.search(text)):
        yield Finding(
            rule="N4",
            severity="warning",
            message=f"「{section_name('problems')}」没有说明上年报告所列问题的改进情况："
            "请对照上年报告提出的问题，写明本年的改进结果",
            location=at.model_copy(),
        )


# --------------------------------------------------------------------------- N5

_FEE_STATEMENT = re.compile(r"信息处理费|处理费|收费通知|信息公开费|收取\S{0,4}?费用")
"""A statement on 信息处理费 (not 行政事业性收费, which is table 二's fee)."""


@rule("N5", "六、说明信息处理费的收取情况（没有收取也要写明）")
def fees_stated(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    if report.section("other") is None:
        return  # N1
    text = report.text("other")
    if _FEE_STATEMENT.search(text):
        return
    elsewhere = next(
        (s for s in report.sections if s.key != "other" and _FEE_STATEMENT.search(s.text)), None
    )
    if elsewhere is not None:
        m = _FEE_STATEMENT.search(elsewhere.text)
        assert m is not None
        yield text_finding(
            ctx,
            "N5",
            "warning",
            f"信息处理费的情况写在了「{section_name(elsewhere.key)}」中，按格式应在"
            f"「{section_name('other')}」中说明（发出收费通知的件数和总金额、实际收取的总金额，没有则写明）",
            elsewhere.key,
            elsewhere.text,
            m.start(),
            m.end(),
        )
        return
    yield Finding(
        rule="N5",
        severity="warning",
        message=f"「{section_name('other')}」没有说明信息处理费的收取情况：请写明发出收费通知的件数和总金额"
        "以及实际收取的总金额，没有收取也要写明",
        location=_at_heading(ctx, "other"),
    )
