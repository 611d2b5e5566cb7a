"""HTML reports: the web page a clerk saved, or an HTML fragment copied from a site.

Block elements (``p``, ``div``, ``h1``…, ``li``) and ``<br>`` make lines; a data table
becomes one row line per ``<tr>`` with rowspan/colspan expanded (see :class:`Cell`).
Pages laid out with tables (a table holding the whole article, tables inside it) are
walked as text, their inner data tables read as tables. lxml does the parsing: it
copes with the unclosed tags and stray entities of government CMS output.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import lxml.html

from drafter.importers.document import Cell, Document, document_lines, row_text

_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd section article header footer main "
    "blockquote pre center caption figure figcaption form address aside nav title hr".split()
)
_SKIP = frozenset("script style head noscript template iframe svg button select option".split())
_SPACES = re.compile(r"[ \t\r\n\f\v\xa0\u3000]+")
_MAX_SPAN = 60


def read_html(text: str, encoding: str | None) -> Document:
    """Lines and table rows of an HTML page or fragment."""
    text, lines = document_lines(list(_lines(text)))
    doc = Document("html", text, lines, encoding=encoding)
    return doc


def _parse(text: str) -> Any:
    # lxml refuses str input that declares an encoding; the text is decoded already.
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    try:
        return lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.ParserError):
        return None


def _lines(text: str) -> Iterator[tuple[str, list[Cell] | None]]:
    root = _parse(text)
    if root is None:
        return
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    yield from walker.out


class _Walker:
    def __init__(self) -> None:
        self.out: list[tuple[str, list[Cell] | None]] = []
        self.buffer: list[str] = []

    def flush(self, keep_empty: bool = False) -> None:
        line = _SPACES.sub(" ", "".join(self.buffer)).strip()
        self.buffer = []
        if line or keep_empty:
            self.out.append((line, None))

    def add(self, text: str | None) -> None:
        if text:
            self.buffer.append(text)

    def walk(self, el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP:
            return
        if tag == "br":
            self.flush(keep_empty=True)
            return
        if tag == "table" and is_data_table(el):
            self.flush()
            for cells in table_rows(el):
                self.out.append((row_text(cells), cells))
            return
        block = tag in _BLOCKS or tag in ("table", "tr", "td", "th")
        if block:
            self.flush()
        if tag:  # comments and processing instructions carry no text of their own
            self.add(el.text)
        for child in el:
            self.walk(child)
            self.add(child.tail)
        if block:
            self.flush(keep_empty=tag == "p")


def is_data_table(table: Any) -> bool:
    """A table of figures, not a page-layout table (which holds tables or one cell)."""
    if table.find(".//table") is not None:
        return False
    rows = _rows(table)
    return len(rows) > 1 or (len(rows) == 1 and len(_cells(rows[0])) > 1)


def _rows(table: Any) -> list[Any]:
    return [tr for tr in table.iter("tr")]


def _cells(tr: Any) -> list[Any]:
    return [td for td in tr if isinstance(td.tag, str) and td.tag.lower() in ("td", "th")]


def cell_text(td: Any) -> str:
    """The text of a cell, lines kept (``本年新<br/>制作数量``), spaces collapsed."""
    parts: list[str] = []

    def collect(el: Any) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            return
        if tag == "br" or tag in _BLOCKS:
            parts.append("\n")
        if tag and el.text:
            parts.append(el.text)
        for child in el:
            collect(child)
            if child.tail:
                parts.append(child.tail)

    collect(td)
    lines = (_SPACES.sub(" ", p).strip() for p in "".join(parts).split("\n"))
    return "\n".join(p for p in lines if p)


def _span(td: Any, name: str) -> int:
    try:
        return max(1, min(_MAX_SPAN, int(str(td.get(name, "1")).strip() or 1)))
    except ValueError:
        return 1


def table_rows(table: Any) -> list[list[Cell]]:
    """The rows of a data table with rowspan/colspan expanded into :class:`Cell` copies."""
    grid: dict[tuple[int, int], Cell] = {}
    rows = _rows(table)
    for r, tr in enumerate(rows):
        c = 0
        for td in _cells(tr):
            while (r, c) in grid:
                c += 1
            text = cell_text(td)
            rowspan, colspan = _span(td, "rowspan"), _span(td, "colspan")
            for i in range(rowspan):
                for j in range(colspan):
                    cell = Cell(text) if i == j == 0 else Cell(text, "col" if j else "row")
                    grid.setdefault((r + i, c + j), cell)
            c += colspan
    out = []
    for r in range(len(rows)):
        cols = sorted(c for (rr, c) in grid if rr == r)
        out.append([grid[(r, c)] for c in cols])
    return out


def fragment_tables(text: str) -> list[tuple[int, list[list[Cell]], list[int]]]:
    """Data tables in an HTML fragment (e.g. inside Markdown): (index, rows, row lines).

    Row lines are 1-based lines of ``text`` where each ``<tr>`` starts.
    """
    root = _parse(text)
    if root is None:
        return []
    found = []
    for i, table in enumerate(root.iter("table")):
        if is_data_table(table):
            lines = [tr.sourceline or 1 for tr in _rows(table)]
            found.append((i, table_rows(table), lines))
    return found
