"""The outline of a report: title, the preamble and the six sections, found by headings.

Headings are recognised by what they say, not by their numbering: published reports
renumber (``一、主动公开政府信息情况`` as the first section), rename (the 条例 wording of
四 and 五, ``其他需要汇报事项``), repeat (``六、`` twice), drop the numeral
(``总体情况``) or run everything into one line (crawler output). Every heading-like
line is recorded as a :class:`~drafter.source.HeadingHit` in file order so the N1 rule
can judge the outline as written (the import runs it too and records what it says).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

from drafter import forms
from drafter.headings import NUMERALS, TABLE_ROW_TITLES, WORDINGS, section_of
from drafter.importers.document import Cell, Document, LineKind
from drafter.importers.normalise import (
    condense,
    is_page_number,
    is_running_header,
    nfkc,
    similar,
    strip_markup,
)
from drafter.narrative.authorship import (
    Identity,
    arabic_years,
    identify,
    title_agency,
)
from drafter.source import HeadingHit

# Every known wording of each heading, condensed: a line close to one is a heading.
_CONDENSED = {k: tuple(condense(h) for h in hs) for k, hs in WORDINGS.items()}
_NUMBERED = re.compile(rf"^(?P<num>[{NUMERALS}]{{1,2}})\s*[、.．，,]\s*(?P<title>.*)$")
_SUB_NUMBERED = re.compile(r"^(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[、.．])")
_SENTENCE_INSIDE = re.compile(r"[，。；！？,;!?]")
_CELL_BAR = re.compile(r"[|｜\t]")
_FIGURES = re.compile(r"(?:^|\s)[+-]?\d+(?:\.\d+)?(?=\s|$)")
# Table 三 has numbered rows that look like headings (一、本年新收… 四、结转下年度…).
_TABLE_LABELS = tuple(condense(label) for label in TABLE_ROW_TITLES)


def close_to(title: str, key: str, at_least: float) -> bool:
    """Whether a condensed title is at least ``at_least`` similar to a known wording of
    ``key``'s heading (0–1)."""
    return any(similar(title, h, at_least) for h in _CONDENSED[key])


@dataclass
class Segment:
    """A line, or the part of a line on one side of a heading found inside it."""

    text: str
    lineno: int
    kind: LineKind = "text"
    cells: list[Cell] | None = None
    section: str = forms.PREAMBLE_KEY
    heading: bool = False
    """True for a heading that opens (or re-opens) a section."""
    furniture: bool = False
    """A page number or running header: neither text nor table."""


@dataclass
class Outline:
    segments: list[Segment]
    headings: list[HeadingHit] = field(default_factory=list)
    heading_text: dict[str, str] = field(default_factory=dict)
    """The first heading of each section, as written (markup removed)."""
    title: str = ""


# --------------------------------------------------------------------------- headings


def _loose(text: str) -> str:
    """A regex for ``text`` tolerant of spaces and of full/half-width punctuation."""
    classes = {"、": "[、，,]", "，": "[、，,]", "（": "[（(]", "）": "[）)]", "：": "[：:]"}
    return r"\s*".join(classes.get(ch, re.escape(ch)) for ch in text)


_INLINE = re.compile(
    rf"[{NUMERALS}]\s*[、.．]\s*(?:"
    + "|".join(_loose(h) for hs in WORDINGS.values() for h in sorted(hs, key=len, reverse=True))
    + r")(?:[。.]?)"
)


def classify_heading(line: str) -> tuple[str, str | None] | None:
    """(heading as written, section key or None) if ``line`` is a heading line."""
    text = strip_markup(line)
    if not text or len(text) > 60 or _FIGURES.search(text) or _CELL_BAR.search(text):
        return None
    if _SUB_NUMBERED.match(text):  # （一）主动公开政府信息情况 is a sub-heading of 一、
        return None
    m = _NUMBERED.match(text)
    title = m.group("title") if m else text
    core = condense(title)
    if not 2 <= len(core) <= 30 or _SENTENCE_INSIDE.search(title.rstrip("。.：:")):
        return None
    if any(core.startswith(label) or similar(core, label, 0.8) for label in _TABLE_LABELS):
        return None
    key = section_of(core)
    if m is None:  # unnumbered: only a heading if it reads as an accepted one
        if key is None or not close_to(core, key, 0.85):
            return None
        return text, key
    if key is not None and m.group("num") != forms.SECTION_BY_KEY[key].numeral:
        # 一、存在的问题 inside 五 is a sub-heading, 一、主动公开政府信息情况 a renumbered section
        if not close_to(core, key, 0.75):
            key = None
    return text, key


def _split_inline(segment: Segment) -> list[Segment]:
    """Split a line that holds headings after text (crawler output joins all lines)."""
    text = segment.text
    matches = [m for m in _INLINE.finditer(text)]
    if not matches:
        return [segment]
    at_start = not strip_markup(text[: matches[0].start()])
    if at_start and len(matches) == 1 and not text[matches[0].end() :].strip():
        return [segment]
    # A list of the section names (本报告包括：一、总体情况；二、…) is not a set of headings.
    gaps = [b.start() - a.end() for a, b in zip(matches, matches[1:], strict=False)]
    if gaps and min(gaps) < 15:
        return [segment]
    pieces: list[Segment] = []
    cursor = 0
    for m in matches:
        before = text[cursor : m.start()]
        if strip_markup(before):
            pieces.append(Segment(before.strip() if pieces else before.rstrip(), segment.lineno))
            start = m.start()
        else:  # only bullets or Markdown marks before it: they belong to the heading
            start = cursor
        pieces.append(Segment(text[start : m.end()], segment.lineno))
        cursor = m.end()
    rest = text[cursor:].lstrip()
    if rest:
        pieces.append(Segment(rest, segment.lineno))
    return pieces


# --------------------------------------------------------------------------- title


_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_TITLE_PREFIX = re.compile(r"^(?:标题|题目|title)\s*[:：]\s*", re.IGNORECASE)
_CHROME = ("当前位置", "首页", "发布时间", "来源", "浏览", "字号", "打印")
_CHROME_AFTER = re.compile(
    r"\s+(?:发布时间|发布日期|来源|信息来源|浏览次数|点击|字号|打印)[\s:：].*$"
)
"""Page chrome a crawler left after the title on its line: 发布时间：2024-01-20 …"""


_SENTENCE = re.compile(r"[《》，,。；;]|^\s*(?:根据|依据|按照|为|现将|现公布)")
"""A sentence (a preamble naming the report), not a title."""


def is_title(text: str) -> bool:
    core = condense(text)
    return (
        len(core) <= 50
        and not _SENTENCE.search(text)
        and ("报告" in core or "年报" in core)
        and ("政府信息公开" in core or "信息公开" in core or "年度报告" in core)
        and not any(c in core for c in _CHROME)
    )


def find_title(segments: list[Segment], stop: int) -> tuple[str, set[int]]:
    """The report title among the first lines (before the first heading), joined if split."""
    lines = (
        (i, _CHROME_AFTER.sub("", strip_markup(s.text)))
        for i, s in enumerate(segments[:stop])
        if s.kind == "text"
    )
    texts = list(islice(((i, t) for i, t in lines if t), 15))
    candidates = [(i, t) for i, t in texts if is_title(t)]
    if not candidates:
        return "", set()
    with_year = [c for c in candidates if _YEAR.search(arabic_years(nfkc(c[1])))]
    i, title = (with_year or candidates)[0]
    used = {i}
    if not title_agency(title):  # 淮安市人民政府 / 2024年政府信息公开工作年度报告
        earlier = [(j, t) for j, t in texts if j < i]
        if earlier:
            j, prev = earlier[-1]
            if len(condense(prev)) <= 30 and title_agency(prev + title):
                title, used = prev + title, {j, i}
    title = _TITLE_PREFIX.sub("", title)
    return re.sub(r"\s+", "", title).strip("|｜"), used


# --------------------------------------------------------------------------- outline


def outline(doc: Document) -> Outline:
    """Split the document into segments, find headings, title and page furniture."""
    segments: list[Segment] = []
    for line in doc.lines:
        segment = Segment(line.text, line.lineno, line.kind, line.cells)
        segments.extend(_split_inline(segment) if line.kind == "text" else [segment])
    first_heading = len(segments)
    found: list[tuple[int, str, str | None]] = []
    for i, segment in enumerate(segments):
        if segment.kind != "text":
            continue
        hit = classify_heading(segment.text)
        if hit is not None:
            found.append((i, *hit))
            if hit[1] is not None:
                first_heading = min(first_heading, i)
    title, title_segments = find_title(segments, first_heading)
    result = Outline(segments, title=title)
    title_core = condense(title)
    after_title = max(title_segments, default=-1)
    for i, segment in enumerate(segments):
        if i in title_segments:
            segment.furniture = True
        elif segment.kind == "text" and (
            is_page_number(segment.text)
            or (i > after_title and is_running_header(segment.text, title_core))
        ):
            segment.furniture = True
    _assign_sections(result, found)
    return result


def _assign_sections(result: Outline, found: list[tuple[int, str, str | None]]) -> None:
    segments = result.segments
    hits = {i: (text, key) for i, text, key in found}
    current = forms.PREAMBLE_KEY
    seen: set[str] = set()
    for i, segment in enumerate(segments):
        hit = hits.get(i)
        if hit is not None and not segment.furniture:
            text, key = hit
            unnumbered = _NUMBERED.match(text) is None
            # An unnumbered heading (a caption repeating 主动公开政府信息情况 under 二) only
            # opens a section not met before.
            if key is not None and not (unnumbered and (key in seen or key == current)):
                result.headings.append(HeadingHit(_normalise_heading(text), key, segment.lineno))
                result.heading_text.setdefault(key, text)
                segment.heading = True
                current = key
                seen.add(key)
            elif key is None and not unnumbered:
                result.headings.append(HeadingHit(_normalise_heading(text), None, segment.lineno))
        segment.section = current


_HALF_TO_FULL = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"})


def _normalise_heading(text: str) -> str:
    """A heading with spaces removed and Chinese (full-width) punctuation."""
    return re.sub(r"\s+", "", text).translate(_HALF_TO_FULL).rstrip("。.")


# --------------------------------------------------------------------------- agency and year


def find_identity(result: Outline) -> Identity:
    """Agency and year as the file states them (``narrative.authorship``, one place for both
    the importer and ``drafter check``)."""
    texts = [s.text for s in result.segments if not s.furniture]
    return identify(result.title, "\n".join(texts))
