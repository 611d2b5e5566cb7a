"""Plain text and Markdown: pasted reports, crawler output, OCR output, our own export.

Every file line is a :class:`Line` with its own line number, so findings point at the
file the clerk has. Markdown pipe tables (``| 规章 | 0 | 0 | 0 |``) and HTML ``<table>``
blocks inside Markdown (how drafter's Markdown export carries the merged-cell tables)
become table rows with cells; every other line is text, and tab-, space- or
``|``-separated figures in it are read by the table parser.
"""

from __future__ import annotations

import re

from drafter.importers.document import Cell, Document, Line, row_text

_NEWLINE = re.compile(r"\r\n|\n|\r")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
# Markdown syntax around plain paragraphs: ATX heading markers and backslash escapes
# (CommonMark escapes ASCII punctuation; drafter's export escapes * < # 1. and the like).
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def read_text(text: str, kind: str, encoding: str | None) -> Document:
    """Lines of a .txt/.md file; Markdown and embedded HTML tables as rows."""
    raw = _NEWLINE.split(text)
    lines: list[Line] = [Line(t, i) for i, t in enumerate(raw, start=1)]
    _mark_pipe_tables(lines)
    if kind == "md":
        for line in lines:
            if line.kind == "text":
                line.text = _ESCAPED.sub(r"\1", _ATX_HEADING.sub("", line.text))
    if "<table" in text.lower():
        lines = _embed_html_tables(text, lines)
    return Document(kind, text, lines, encoding)


def _split_pipes(line: str) -> list[Cell]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [Cell(part.strip().replace("\\|", "|")) for part in re.split(r"(?<!\\)\|", body)]


def _mark_pipe_tables(lines: list[Line]) -> None:
    """Markdown tables: a block of ``|…|`` lines with a ``|---|`` rule under its header."""
    i = 0
    while i < len(lines):
        if not _PIPE_ROW.match(lines[i].text):
            i += 1
            continue
        j = i
        while j < len(lines) and _PIPE_ROW.match(lines[j].text):
            j += 1
        block = lines[i:j]
        if any(_PIPE_RULE.match(line.text) for line in block):
            for line in block:
                if _PIPE_RULE.match(line.text):
                    line.kind = "rule"
                else:
                    line.kind, line.cells = "row", _split_pipes(line.text)
        i = j


def _embed_html_tables(text: str, lines: list[Line]) -> list[Line]:
    """Replace the file lines of each ``<table>…</table>`` by its rows."""
    from drafter.importers.html import fragment_tables  # lxml only for text holding a table

    starts = [0]
    for m in _NEWLINE.finditer(text):
        starts.append(m.end())

    def line_at(offset: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    out: list[Line] = []
    cursor = 1  # next file line not yet copied
    for m in _HTML_TABLE.finditer(text):
        first, last = line_at(m.start()), line_at(m.end() - 1)
        if first < cursor:
            continue
        out.extend(lines[cursor - 1 : first - 1])
        before = text[starts[first - 1] : m.start()]
        if before.strip():
            out.append(Line(before, first))
        tables = fragment_tables(m.group(0))
        if not tables:
            out.extend(lines[first - 1 : last])
            cursor = last + 1
            continue
        for _, rows, row_lines in tables:
            for cells, offset in zip(rows, row_lines, strict=True):
                shown = row_text(cells)
                out.append(Line(shown, first + offset - 1, "row", cells))
        end = starts[last] if last < len(starts) else len(text)
        after = text[m.end() : end].rstrip("\r\n")
        if after.strip():
            out.append(Line(after, last))
        cursor = last + 1
    out.extend(lines[cursor - 1 :])
    return out
