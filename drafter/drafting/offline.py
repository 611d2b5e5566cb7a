"""The offline drafter: this year's figures from the tables, last year's text as a start.

For a clerk with no endpoint (or ``--offline``), deterministically, for each narrative
section:

1. last year's text is cleaned (``importers.cleaning``: marks, bullets, sub-heading
   numerals) and moved on a year, its remaining figures, dates and names marked
   【待核实】 (:mod:`.rollforward`);
2. in 一、总体情况 the figures come from this year's tables in the standard wording
   (:mod:`.statements`): 主动公开 under last year's 主动公开 sub-heading, 依申请公开
   and 复议/诉讼 under its 依申请公开 one (at the end when there is none), and last
   year's clauses stating table figures are dropped, so every figure in the draft is
   the table's by construction; elsewhere such figures are re-stated;
3. of last year's sentences that would stand unchanged, no more are kept than the
   checker's N7 allows (half the section): the later sentences of the longest
   paragraphs go first, a paragraph's first sentence and every heading stay, so the
   draft keeps last year's outline as a starting point, not its text (the clerk has
   the whole of it side by side);
4. with no text from last year, a skeleton of this year's figures
   (``prompts/offline/*.j2``) is the start instead.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from drafter.drafting.checks import check_draft
from drafter.drafting.engine import EventSink, TextDelta, now
from drafter.drafting.figures import UNKNOWN
from drafter.drafting.prompts import Prompts, self_name, skeleton
from drafter.drafting.rollforward import (
    drop_claim_clauses,
    mark_unverified,
    restate_claims,
    shift_years,
)
from drafter.drafting.statements import Statements, statements
from drafter.model import Draft, Project, Report
from drafter.narrative.similarity import MIN_SENTENCE_CHARS, sentence_keys
from drafter.narrative.text import comparable, sentences
from drafter.rules.wording_rules import N7_THRESHOLD

ORIGIN = "offline"

# --------------------------------------------------------------------------- structure


@dataclass
class Sentence:
    text: str
    generated: bool = False
    """Stated from this year's tables: never dropped."""
    lead: bool = False
    """A paragraph's first sentence, an item (一是…) or a heading: dropped last."""


Paragraph = list[Sentence]
"""One line of the section; an empty list is a blank line."""

_HEADING = re.compile(r"^(?:（[一二三四五六七八九十]{1,3}）|\d{1,2}\.|（\d{1,2}）)")
_ITEM = re.compile(
    r"^(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]|（\d{1,2}）|\d{1,2}\.)|一是"
)
"""A numbered item (一是…, （1）…) or a sentence listing them: the outline of a passage."""
_RUN_IN_MAX = 30
"""How far into a paragraph a run-in sub-heading (（二）依申请公开。…) may end."""


def paragraphs(text: str) -> list[Paragraph]:
    """The lines of ``text`` as sentences (the checker's sentence boundaries)."""
    out: list[Paragraph] = []
    for line in text.split("\n"):
        spans = list(sentences(line))
        out.append(
            [
                Sentence(line[a:b], lead=i == 0 or bool(_ITEM.search(line[a:b])))
                for i, (a, b) in enumerate(spans)
            ]
        )
    return out


def render(paras: list[Paragraph]) -> str:
    lines = ["".join(s.text for s in p) for p in paras]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _anchor(paras: list[Paragraph], words: re.Pattern[str]) -> int | None:
    """The paragraph opening with a sub-heading about ``words`` (（一）主动公开…)."""
    for i, para in enumerate(paras):
        if not para:
            continue
        first = para[0].text
        lead = first[:_RUN_IN_MAX]
        if (_HEADING.match(first) or len(para) == 1 and len(first) <= _RUN_IN_MAX) and (
            words.search(lead)
        ):
            return i
    return None


_ACTIVE = re.compile(r"主动公开")
_REQUESTS = re.compile(r"依申请|申请公开|公开申请")


def _insert(paras: list[Paragraph], at: int | None, text: str, heading: str) -> None:
    """``text`` under the sub-heading paragraph ``at``, or at the end under ``heading``."""
    stated = [Sentence(text[a:b], generated=True) for a, b in sentences(text)]
    if at is None:
        if any(p and _HEADING.match(p[0].text) for p in paras):
            paras.append([Sentence(heading, lead=True)])
        paras.append(stated)
        return
    para = paras[at]
    if len(para) == 1 and not para[0].text.endswith(("。", "！", "？")):
        paras.insert(at + 1, stated)  # a heading line: the figures open its body
    else:
        para[1:1] = stated  # a run-in heading: right after it


def _next_heading(paras: list[Paragraph], name: str) -> str:
    numerals = "一二三四五六七八九十"
    used = sum(1 for p in paras if p and p[0].text.startswith("（") and _HEADING.match(p[0].text))
    return f"（{numerals[min(used, 9)]}）{name}"


def place_statements(paras: list[Paragraph], stated: Statements) -> None:
    """The standard figure paragraphs under last year's matching sub-headings."""
    _insert(paras, _anchor(paras, _ACTIVE), stated.active, _next_heading(paras, "主动公开"))
    requests = f"{stated.requests}{stated.appeals}"
    at = _anchor(paras, _REQUESTS)
    _insert(paras, at, requests, _next_heading(paras, "依申请公开"))


# --------------------------------------------------------------------------- budget


def _key(sentence: Sentence) -> str:
    return comparable(sentence.text.replace(UNKNOWN, ""))


def keep_within_n7(
    paras: list[Paragraph], last_year: frozenset[str], *, leads: bool = True
) -> None:
    """Drop unchanged sentences of last year's until at most half the section is theirs.

    Counted as N7 counts (sentences of 15 characters or more), marks ignored: a
    sentence that only gained 【待核实】 is still last year's. A statement the tables
    could not make yet (（表三尚未填完…）【待核实】) is not counted as this year's
    text. With ``leads`` off, each paragraph's first sentence and item stays even if
    the section remains over the limit: a section with nothing stated from the tables
    (五, 六) keeps last year's outline, and N7 tells the clerk the rest is to be written.
    """
    counted = [
        s
        for p in paras
        for s in p
        if len(_key(s)) >= MIN_SENTENCE_CHARS and not (s.generated and UNKNOWN in s.text)
    ]
    same = [s for s in counted if not s.generated and _key(s) in last_year]
    # Each drop removes one counted sentence and one unchanged: (S-k) <= t(C-k).
    over = len(same) - N7_THRESHOLD * len(counted)
    if over <= 0:
        return
    need = math.ceil(over / (1 - N7_THRESHOLD))
    same_ids = {id(s) for s in same}
    for _ in range(need):
        victim = _next_victim(paras, same_ids, leads)
        if victim is None:
            return
        p, i = victim
        same_ids.discard(id(paras[p][i]))
        del paras[p][i]


def _next_victim(paras: list[Paragraph], same: set[int], leads: bool) -> tuple[int, int] | None:
    """The last unchanged non-lead sentence of the paragraph holding most of them;
    when only leads are left, the last unchanged lead."""
    best: tuple[int, int, int] | None = None  # (count, paragraph, index)
    for p, para in enumerate(paras):
        droppable = [i for i, s in enumerate(para) if id(s) in same and not s.lead]
        if droppable and (best is None or len(droppable) > best[0]):
            best = (len(droppable), p, droppable[-1])
    if best is not None:
        return best[1], best[2]
    if not leads:
        return None
    for p in range(len(paras) - 1, -1, -1):
        for i in range(len(paras[p]) - 1, -1, -1):
            s = paras[p][i]
            if id(s) in same and not (i == 0 and _HEADING.match(s.text)):
                return p, i
    return None


# --------------------------------------------------------------------------- drafter


def roll_forward(text: str, report: Report, last_year: Report | None, key: str = "") -> str:
    """Last year's section text as a start for this year (the module doc, steps 1–3)."""
    from drafter.importers.cleaning import clean_text

    previous = last_year.year if last_year and last_year.year else None
    if previous is None and report.year:
        previous = report.year - 1
    text = clean_text(text)
    if previous is not None:
        text = shift_years(text, previous)
    lines = []
    for line in text.split("\n"):
        if key == "overview":
            line = drop_claim_clauses(line, report)
            lines.append(mark_unverified(line))
        else:
            restated = restate_claims(line, report)
            lines.append(mark_unverified(restated.text, restated.verified))
    paras = paragraphs("\n".join(lines))
    if key == "overview":
        place_statements(paras, statements(report, self_name(report.agency)))
    if last_year is not None:
        keys = frozenset(k for s in last_year.sections for k in sentence_keys(s.text))
        keep_within_n7(paras, keys, leads=key == "overview")
    return render(paras)


def offline_text(project: Project, key: str, prompts: Prompts) -> str:
    """The offline draft of section ``key``."""
    previous = project.last_year.text(key).strip() if project.last_year else ""
    if previous:
        return roll_forward(previous, project, project.last_year, key)
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
