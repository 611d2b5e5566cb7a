"""The offline drafter: last year's text rolled forward, deterministically, with no model.

For a clerk with no endpoint (or ``--offline``). For each narrative section:

1. years move one year on: last year's report year L becomes this year's, L+1 (its
   plans) becomes next year, L-1 (its comparisons) becomes L; older years (laws,
   documents) and 〔2021〕-style document numbers stay; 上年/去年 are relative and
   stay right as they are;
2. every claim sentence the checker can map to a table cell is re-stated with this
   year's figure (:func:`restate_claims`, built on the checker's claim recogniser);
3. every other figure (counts, amounts, percentages) and every dated event is
   marked 【待核实】 right after it, which the checker turns into an export-blocking
   error, so nothing of last year's passes for this year's unseen;
4. with no text from last year, a skeleton stating this year's figures from the tables
   (``prompts/offline/*.j2``) is the start instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from drafter.drafting.checks import check_draft
from drafter.drafting.engine import EventSink, TextDelta, now
from drafter.drafting.figures import UNKNOWN
from drafter.drafting.prompts import Prompts, skeleton
from drafter.model import Draft, Project, Report
from drafter.narrative.claims import find_claims, restate
from drafter.narrative.numbers import DATE_UNITS, extract_numbers

ORIGIN = "offline"

# --------------------------------------------------------------------------- years

_DIGITS = "0123456789"
_WIDE = "０１２３４５６７８９"
_HAN = "〇一二三四五六七八九"
_TO_ASCII = str.maketrans(_WIDE + _HAN + "零", _DIGITS + _DIGITS + "0")

_YEAR = re.compile(
    r"(?<![0-9０-９])([12１２][0-9０-９]{3}|[一二][〇零一二三四五六七八九]{3})"
    r"(?=\s*(?:年|[-—–~～至到]\s*(?:[12１２][0-9０-９]{3}|[一二][〇零一二三四五六七八九]{3})\s*年))"
)


def shift_years(text: str, last_year: int) -> str:
    """Years L-1, L, L+1 (L = last year's report year) moved on by one; others kept."""

    def repl(m: re.Match[str]) -> str:
        written = m.group(1)
        year = int(written.translate(_TO_ASCII))
        if year not in (last_year - 1, last_year, last_year + 1):
            return written
        new = str(year + 1)
        if written[0] in _HAN:
            return new.translate(str.maketrans(_DIGITS, _HAN))
        if written[0] in _WIDE:
            return new.translate(str.maketrans(_DIGITS, _WIDE))
        return new

    return _YEAR.sub(repl, text)


# --------------------------------------------------------------------------- figures

_EVENT_DATE = re.compile(
    r"(?:[12][0-9]{3}年)?(?<![0-9])(?P<month>1[0-2]|[1-9])月(?:(?P<day>[0-9]{1,2})日)?"
)
# A count followed by these is a deadline or an age, not a figure of the year's work.
_NOT_A_FIGURE_AFTER = ("工作日", "周岁", "以内", "日内")


def figure_spans(text: str) -> list[tuple[int, int, int]]:
    """(start of number, end of number, end of unit) of every figure in ``text``.

    A figure is a number with a unit of count, money or share (件, 条, 万元, % …), as the
    checker's :func:`~drafter.narrative.numbers.extract_numbers` finds them; ordinals and
    legal numbering (第二十条), years, dates and deadlines (7个工作日) are not figures.
    """
    spans = []
    for n in extract_numbers(text):
        if n.unit is None or n.unit in DATE_UNITS:
            continue
        if n.start and text[n.start - 1] == "第":
            continue
        if text.startswith(_NOT_A_FIGURE_AFTER, n.unit_end):
            continue
        spans.append((n.start, n.end, n.unit_end))
    return spans


def event_date_spans(text: str) -> list[tuple[int, int]]:
    """Dated events (2024年6月, 3月15日) other than the year's bounds (1月1日, 12月31日, 年底)."""
    spans = []
    for m in _EVENT_DATE.finditer(text):
        month, day = int(m.group("month")), m.group("day")
        if (month, day) in ((1, "1"), (12, "31"), (12, None)) or text.startswith("底", m.end()):
            continue
        if text.startswith(("份", "日内", "个"), m.end()):
            continue
        spans.append((m.start(), m.end()))
    return spans


def mark_unverified(text: str, verified: Sequence[tuple[int, int]] = ()) -> str:
    """``text`` with 【待核实】 after every figure and dated event not in ``verified``.

    ``verified`` holds the (start, end) spans of numbers known to be this year's table
    figures; a mark already in place is not repeated.
    """
    ends: set[int] = set()
    for start, end, unit_end in figure_spans(text):
        if not any(s < end and start < e for s, e in verified):
            ends.add(unit_end)
    for _, end in event_date_spans(text):
        ends.add(end)
    out, last = [], 0
    for end in sorted(ends):
        out.append(text[last:end])
        if not text.startswith(UNKNOWN, end):
            out.append(UNKNOWN)
        last = end
    out.append(text[last:])
    return "".join(out)


# --------------------------------------------------------------------------- claims


@dataclass
class Restated:
    text: str
    verified: list[tuple[int, int]] = field(default_factory=list)
    """Number spans in ``text`` that now equal this year's table figures."""


def restate_claims(text: str, report: Report) -> Restated:
    """Re-state each claim sentence of ``text`` with ``report``'s figures.

    The checker's claim recogniser (:func:`drafter.narrative.claims.restate`) replaces
    every figure it can map to a known table cell; the text is then recognised again
    and the numbers that now agree with the tables are ``verified``. A claim whose cell
    is unknown this year stays as written and is marked 【待核实】 with the rest.
    """
    done = restate(text, report, year=report.year)
    again = find_claims(done.text, report, year=report.year)
    verified = [c.span for c in again if c.number is not None and c.holds]
    return Restated(done.text, verified)


# --------------------------------------------------------------------------- drafter


def roll_forward(text: str, report: Report, last_year: Report | None) -> str:
    """Last year's section text as a start for this year (steps 1–3 of the module doc)."""
    previous = last_year.year if last_year and last_year.year else None
    if previous is None and report.year:
        previous = report.year - 1
    if previous is not None:
        text = shift_years(text, previous)
    restated = restate_claims(text, report)
    return mark_unverified(restated.text, restated.verified).strip()


def offline_text(project: Project, key: str, prompts: Prompts) -> str:
    """The offline draft of section ``key``."""
    previous = project.last_year.text(key).strip() if project.last_year else ""
    if previous:
        return roll_forward(previous, project, project.last_year)
    return skeleton(prompts, project, key)


class OfflineDrafter:
    """Drafts without a model (see the module docstring)."""

    origin = ORIGIN

    def __init__(self, prompts: Prompts) -> None:
        self.prompts = prompts

    async def draft(self, project: Project, key: str, emit: EventSink) -> Draft:
        text = offline_text(project, key, self.prompts)
        emit(TextDelta(key, text, reset=True))
        findings = check_draft(project, key, text)
        return Draft(text=text, status="complete", origin=ORIGIN, created=now(), findings=findings)
