"""What the narrative rules share: walking the texts and pointing findings at lines.

A finding about the prose names its section and, when the report came from a file, the
line of that file (``SourceText.line_of``) so an editor can jump there; its excerpt is
the sentence concerned, on one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter import forms
from drafter.model import Finding, Location, Severity
from drafter.narrative.text import excerpt, sentences
from drafter.rules.registry import CheckContext

TITLE = "title"
"""Pseudo section key for findings about the report's title."""


def texts(ctx: CheckContext, *, title: bool = False) -> Iterator[tuple[str, str]]:
    """(section key, text) of every section with text, in order; the title first if asked."""
    if title and ctx.report.title:
        yield TITLE, ctx.report.title
    for section in ctx.report.sections:
        if section.text:
            yield section.key, section.text


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]`` (or the span itself when longer)."""
    for a, b in sentences(text):
        if a <= start < b or a < end <= b:
            return min(a, start), max(b, end)
    return start, end


def line_of(ctx: CheckContext, section: str, text: str, offset: int) -> int | None:
    """The 1-based line of the checked file holding ``text[offset]``, when known."""
    source = ctx.source
    if source is None:
        return None
    if section == TITLE:  # the title as written, or its start (spaced, split over lines)
        at = source.text.find(text)
        if at >= 0:
            return source.text.count("\n", 0, at) + 1
        start = re.sub(r"\s+", "", text)[:8]
        for number, line in enumerate(source.text.split("\n")[:30], start=1):
            if start in re.sub(r"\s+", "", line):
                return number
        return None
    return source.line_of(section, text, offset)


def text_finding(
    ctx: CheckContext,
    rule_id: str,
    severity: Severity,
    message: str,
    section: str,
    text: str,
    start: int,
    end: int | None = None,
    *,
    cell: str | None = None,
    cells: list[str] | None = None,
) -> Finding:
    """A finding about ``text[start:end]`` of a section; the excerpt is its sentence."""
    end = start if end is None else end
    a, b = sentence_span(text, start, end)
    location = Location(
        section=None if section == TITLE else section,
        cell=cell,
        line=line_of(ctx, section, text, start),
        cells=cells or ([cell] if cell else []),
    )
    return Finding(
        rule=rule_id,
        severity=severity,
        message=message,
        location=location,
        excerpt=excerpt(text, a, b),
    )


def section_name(key: str) -> str:
    """The official heading of a section, or 标题/前言 for the others."""
    if key == TITLE:
        return "标题"
    if key == forms.PREAMBLE_KEY:
        return "前言"
    return forms.SECTION_BY_KEY[key].heading
