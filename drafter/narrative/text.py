"""Sentences and comparable text: the units the narrative rules work on.

A *sentence* ends at 。！？ (or their half-width forms) or at a line break: published
text puts every paragraph and heading on a line of its own, and a claim never spans
paragraphs. Spans are offsets into the section text, so findings can quote the
sentence and point at its line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from drafter.narrative.scan import Scanner

_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n")
_SENTENCE_ENDS = Scanner(_SENTENCE_END, "。！？!?\n")
CLAUSE_BREAK = re.compile(r"[，,；;：:]")
"""Clause separators inside a sentence."""
_NOT_WORD = re.compile(r"[\W_]+")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank sentence of ``text``, terminator included."""
    start = 0
    for m in _SENTENCE_ENDS.finditer(text):
        end = m.end() if m.group() != "\n" else m.start()
        if text[start:end].strip():
            yield _trim(text, start, end)
        start = m.end()
    if text[start:].strip():
        yield _trim(text, start, len(text))


def lines_matching(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of ``text`` where ``pattern`` finds something.

    A sentence never spans a line break, so a rule looking for sentences that hold a
    pattern need split only these lines (most paragraphs hold none) into sentences:
    ``sentences(text[start:end])`` are then the text's own sentences on that line.
    """
    end = -1
    for m in pattern.finditer(text):
        if m.start() < end:
            continue  # on the line just given
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        if end < 0:
            end = len(text)
        yield start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def comparable(text: str) -> str:
    """Text reduced to what a reader compares: NFKC, no spaces, no punctuation."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    """Start of the clause holding ``pos``: just after the last separator before it."""
    start = floor
    for m in CLAUSE_BREAK.finditer(text, floor, pos):
        start = m.end()
    return start


def excerpt(text: str, start: int, end: int, limit: int = 120) -> str:
    """``text[start:end]`` on one line, shortened around its middle when too long."""
    piece = " ".join(text[start:end].split())
    if len(piece) <= limit:
        return piece
    half = limit // 2 - 1
    return f"{piece[:half]}…{piece[-half:]}"
