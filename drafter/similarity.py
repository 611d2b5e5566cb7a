"""How much of a section is last year's text carried over unchanged: the one measure.

The notice forbids 内容雷同 (国办公开办函〔2021〕30号 (四)明确责任); reviewers catch it by
putting two years side by side. We count, per section, the sentences of this year's text
that also stand in last year's report (any of its sections: a paragraph moved from 一 to
六 is still copied), word for word once spaces and punctuation are ignored. Figures
count: a sentence whose figures were updated is not carried over.

Short sentences are not counted: sub-headings (（一）主动公开), nil statements
(未收取信息处理费) and stock phrases are the same every year by design and would make
every report look copied.

Rule N7 (``drafter.rules.wording_rules``) and the editor's 与去年相同的句子 line both
use :func:`section_carried` and :func:`is_copied`, so the two never show different
figures for one section.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from functools import lru_cache

from drafter.model import Report
from drafter.narrative.text import comparable, sentences

MIN_SENTENCE_CHARS = 15
"""Sentences shorter than this (in characters, punctuation excluded) are not counted."""

COPIED_SHARE = 0.5
"""Share of a section's sentences carried over unchanged above which N7 warns.

Measured on the corpus: consecutive reports of one agency carry over 0–25 % of their
sentences word for word (median about 10 %, stock intro sentences included), the bundled
example 0 % in its narrative sections; two bodies filling one template in the same year
reached 56 %. Half the sentences unchanged is well above normal reuse and well below a
wholesale copy (the 内容雷同 of format-2021.md E2 is 100 %).
"""
MIN_COUNTED = 3
"""Sections with fewer countable sentences are not judged: two stock sentences are no copy."""


@dataclass(frozen=True)
class Carried:
    """The countable sentences of a section and those of them found in last year's text."""

    counted: int
    same: list[tuple[int, int]]
    """Spans (in this year's text) of the sentences carried over unchanged."""

    @property
    def share(self) -> float:
        return len(self.same) / self.counted if self.counted else 0.0

    @property
    def percent(self) -> int:
        """The share as a whole percentage, rounded half up."""
        return int(self.share * 100 + 0.5)


@lru_cache(maxsize=64)
def sentence_keys(text: str) -> frozenset[str]:
    """The comparable form of every countable sentence of ``text``."""
    keys = set()
    for start, end in sentences(text):
        key = comparable(text[start:end])
        if len(key) >= MIN_SENTENCE_CHARS:
            keys.add(key)
    return frozenset(keys)


def report_keys(report: Report) -> frozenset[str]:
    """The countable sentences of every section of ``report`` (last year's)."""
    keys: set[str] = set()
    for section in report.sections:
        keys.update(sentence_keys(section.text))
    return frozenset(keys)


def carried_over(text: str, last_year: Set[str]) -> Carried:
    """Which countable sentences of ``text`` stand unchanged in ``last_year``'s keys."""
    counted = 0
    same = []
    for start, end in sentences(text):
        key = comparable(text[start:end])
        if len(key) < MIN_SENTENCE_CHARS:
            continue
        counted += 1
        if key in last_year:
            same.append((start, end))
    return Carried(counted, same)


def section_carried(report: Report, key: str, last_year: Report) -> Carried:
    """Section ``key`` of ``report`` against the whole of ``last_year``."""
    return carried_over(report.text(key), report_keys(last_year))


def is_copied(carried: Carried) -> bool:
    """True when rule N7 warns: enough sentences to judge, more than half carried over."""
    return carried.counted >= MIN_COUNTED and carried.share > COPIED_SHARE
