"""How much of a section is last year's text carried over unchanged (rule N7).

The notice forbids 内容雷同 (国办公开办函〔2021〕30号 (四)明确责任); reviewers catch it by
putting two years side by side. We count, per section, the sentences of this year's text
that also stand in last year's report, word for word once spaces and punctuation are
ignored. Figures count: a sentence whose figures were updated is not carried over.

Short sentences are not counted: sub-headings (（一）主动公开), nil statements
(未收取信息处理费) and stock phrases are the same every year by design and would make
every report look copied.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from functools import lru_cache

from drafter.narrative.text import comparable, sentences

MIN_SENTENCE_CHARS = 15
"""Sentences shorter than this (in characters, punctuation excluded) are not counted."""


@dataclass(frozen=True)
class Carried:
    """The sentences of a section and those of them found in last year's text."""

    counted: int
    same: list[tuple[int, int]]
    """Spans (in this year's text) of the sentences carried over unchanged."""

    @property
    def share(self) -> float:
        return len(self.same) / self.counted if self.counted else 0.0


@lru_cache(maxsize=64)
def sentence_keys(text: str) -> frozenset[str]:
    """The comparable form of every countable sentence of ``text``."""
    keys = set()
    for start, end in sentences(text):
        key = comparable(text[start:end])
        if len(key) >= MIN_SENTENCE_CHARS:
            keys.add(key)
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
