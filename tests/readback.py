"""Read exported files back, independently of the exporters, to compare with ``forms``.

A table is read as a set of ``Cell(row, col, rowspan, colspan, text)`` in grid
coordinates: from Word's ``gridSpan``/``vMerge`` markup, or from HTML ``rowspan``/
``colspan`` (the HTML algorithm: each cell takes the next free grid slot in its row).
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from docx.oxml.ns import qn

from drafter import forms
from drafter.exporters.document import cell_text
from drafter.model import Report


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str


def expected_cells(report: Report, table: str) -> set[Cell]:
    """The cells the official form of ``table`` prescribes, with the report's values."""
    form = forms.table_form(table, report.format)
    cells = set()
    for g in form.grid:
        text = cell_text(report.tables.get(g.path)) if g.path else g.text
        cells.add(Cell(g.row, g.col, g.rowspan, g.colspan, text or ""))
    return cells


# --------------------------------------------------------------------------- Word


def docx_cells(table: Any) -> set[Cell]:
    """The merged cells of a python-docx table, from its gridSpan and vMerge markup."""
    open_cells: dict[int, list[Any]] = {}  # grid column → [row, col, rowspan, colspan, text]
    done: list[list[Any]] = []
    for r, tr in enumerate(table._tbl.findall(qn("w:tr"))):
        col = 0
        for tc in tr.findall(qn("w:tc")):
            pr = tc.find(qn("w:tcPr"))
            span_el = pr.find(qn("w:gridSpan")) if pr is not None else None
            span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
            merge = pr.find(qn("w:vMerge")) if pr is not None else None
            text = "\n".join(paragraph_text(p) for p in tc.findall(qn("w:p")))
            if merge is not None and merge.get(qn("w:val")) != "restart":
                cell = open_cells[col]
                assert cell[3] == span, f"row {r}: vMerge continuation with another span"
                assert text == "", f"row {r}: text in a merged-away cell: {text!r}"
                cell[2] += 1
            else:
                cell = [r, col, 1, span, text]
                done.append(cell)
                open_cells[col] = cell
            col += span
    return {Cell(*c) for c in done}


def paragraph_text(p: Any) -> str:
    """The text of a w:p (lxml's itertext repeats python-docx's .text properties)."""
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def run_fonts(run_element: Any) -> dict[str, str]:
    """The w:rFonts attributes of a run (local names), {} when it has none."""
    fonts = run_element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    if fonts is None:
        return {}
    return {key.split("}")[1]: value for key, value in fonts.attrib.items()}


# --------------------------------------------------------------------------- HTML


@dataclass
class HtmlCell:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""


class TableParser(HTMLParser):
    """Every ``<table>`` of a page as rows of cells, plus the page's visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[HtmlCell]]] = []
        self.cell: HtmlCell | None = None
        self.tags: list[str] = []
        self.text: list[tuple[str, str]] = []
        """(enclosing tag, text) of text outside tables."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = HtmlCell(tag, dict(attrs))
            self.tables[-1][-1].append(self.cell)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self.cell = None
        while self.tags and self.tags.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.text += data
        elif "table" not in self.tags and data.strip():
            self.text.append((self.tags[-1] if self.tags else "", data))


def html_cells(rows: list[list[HtmlCell]]) -> set[Cell]:
    """Grid cells of a parsed HTML table, placing each cell as browsers do."""
    taken: set[tuple[int, int]] = set()
    cells = set()
    for r, row in enumerate(rows):
        col = 0
        for c in row:
            while (r, col) in taken:
                col += 1
            rowspan = int(c.attrs.get("rowspan") or 1)
            colspan = int(c.attrs.get("colspan") or 1)
            taken.update((r + i, col + j) for i in range(rowspan) for j in range(colspan))
            cells.add(Cell(r, col, rowspan, colspan, c.text))
            col += colspan
    return cells


def parse_html(text: str) -> TableParser:
    parser = TableParser()
    parser.feed(text)
    parser.close()
    return parser
