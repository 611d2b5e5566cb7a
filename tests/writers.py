"""Write a report as the files clerks have — .txt, .md, .html, .docx — for round trips.

Independent of drafter's exporters on purpose: the importer must read files laid out the
way published reports are, not only the files drafter itself writes (the exporters' own
round trips are in ``tests/exporters``). Each lays the three tables out from
``forms.table_form(...).grid`` (the official merged-cell layout). The text file is what a
PDF gives when copied: one table row a line, cells separated by tabs, a merged label
printed once; the Markdown file carries the tables as HTML ``<table>`` with
rowspan/colspan, as drafter's Markdown export will.

A :class:`Printed` says how a table is printed when it is not printed cleanly, as in
real published files: cells printed as text that is not a figure, cells left out of
their row (a web page's ragged row, a PDF's dropped blanks), blank cells merged into
one, rows left out, and text tables whose cells are separated by single spaces (what
copying a PDF gives: blank cells vanish).
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from drafter import forms
from drafter.forms import GridCell
from drafter.model import CellValue, Report

EXAMPLE_JSON = Path(__file__).resolve().parent.parent / "fixtures" / "example" / "yunxi-2025.json"

BLANK = "—"
"""How a blank cell is written in text (what clerks type; drafter reads it as blank)."""


@dataclass
class Printed:
    """How the tables are printed, where not cleanly (default: cleanly)."""

    text: dict[str, str] = field(default_factory=dict)
    """Cell path → the text printed instead of its value (e.g. an OCR misreading)."""
    omitted: set[str] = field(default_factory=set)
    """Cell paths left out of their row: the row prints fewer cells."""
    merged: set[str] = field(default_factory=set)
    """Blank cells printed as one merged (colspan) cell with their blank neighbours."""
    dropped: set[str] = field(default_factory=set)
    """Rows left out: ``table.row`` as in :func:`row_id` (table 四's data row: ``appeals``)."""
    spaces: bool = False
    """Text files: cells separated by one space and blank cells not printed (PDF text)."""


CLEAN = Printed()


def row_id(path: str) -> str:
    """The row a cell path belongs to, as :attr:`Printed.dropped` names it."""
    table, rest = path.split(".", 1)
    return "appeals" if table == "appeals" else f"{table}.{rest.split('.', 1)[0]}"


def show(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _dropped_rows(report: Report, table: str, printed: Printed) -> set[int]:
    form = forms.table_form(table, report.format)
    return {c.row for c in form.grid if c.path and row_id(c.path) in printed.dropped}


def grid_rows(report: Report, table: str, printed: Printed = CLEAN) -> list[list[GridCell]]:
    """The cells of the printed form that start in each grid row, left to right
    (rows and cells ``printed`` leaves out are not there; a merged label spans the
    rows that are left)."""
    form = forms.table_form(table, report.format)
    dropped = _dropped_rows(report, table, printed)
    rows: list[list[GridCell]] = [[] for _ in range(form.n_rows)]
    for cell in form.grid:
        gone = sum(1 for r in range(cell.row + 1, cell.row + cell.rowspan) if r in dropped)
        rows[cell.row].append(replace(cell, rowspan=cell.rowspan - gone))
    return [
        sorted((c for c in row if c.path not in printed.omitted), key=lambda c: c.col)
        for r, row in enumerate(rows)
        if r not in dropped
    ]


def cell_text(report: Report, cell: GridCell, printed: Printed = CLEAN) -> str:
    if cell.path is None:
        return cell.text or ""
    if cell.path in printed.text:
        return printed.text[cell.path]
    return show(report.tables.get(cell.path))


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []


def _body(report: Report) -> Iterator[tuple[str, str, str]]:
    """(section key, heading, text) in order; the preamble has no heading."""
    for section in report.sections:
        yield section.key, section.heading, section.text


# --------------------------------------------------------------------------- text


def to_txt(report: Report, printed: Printed = CLEAN) -> str:
    out = [report.title, ""]
    for key, heading, text in _body(report):
        if heading:
            out += [heading, ""]
        out += _lines(text)
        if key in forms.TABLE_KEYS:
            if text:
                out.append("")
            for row in grid_rows(report, key, printed):
                if printed.spaces:  # PDF text: a blank cell leaves nothing
                    out.append(" ".join(t for c in row if (t := cell_text(report, c, printed))))
                    continue
                fields = [cell_text(report, c, printed) or (BLANK if c.path else "") for c in row]
                out.append("\t".join(fields))
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- HTML, Markdown


def _merged_runs(
    report: Report, row: list[GridCell], printed: Printed
) -> list[tuple[GridCell, int, str]]:
    """(cell, colspan, text): blank cells in ``printed.merged`` joined with the one before."""
    runs: list[tuple[GridCell, int, str]] = []
    for c in row:
        text = cell_text(report, c, printed)
        if runs and c.path in printed.merged and not text:
            first, span, before = runs[-1]
            if first.path and not before and first.rowspan == c.rowspan == 1:
                runs[-1] = (first, span + c.colspan, "")
                continue
        runs.append((c, c.colspan, text))
    return runs


def html_table(report: Report, table: str, printed: Printed = CLEAN) -> str:
    rows = []
    for row in grid_rows(report, table, printed):
        cells = []
        for c, colspan, text in _merged_runs(report, row, printed):
            span = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (
                f' colspan="{colspan}"' if colspan > 1 else ""
            )
            cells.append(f"<td{span}>{html.escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table border="1">\n' + "\n".join(rows) + "\n</table>"


def to_html(report: Report, printed: Printed = CLEAN) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8"><title>' + html.escape(report.title) + "</title></head>",
        "<body>",
        f"<h1>{html.escape(report.title)}</h1>",
    ]
    for key, heading, text in _body(report):
        if heading:
            out.append(f"<h2>{html.escape(heading)}</h2>")
        out += [f"<p>{html.escape(line)}</p>" for line in _lines(text)]
        if key in forms.TABLE_KEYS:
            out.append(html_table(report, key, printed))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def to_md(report: Report, printed: Printed = CLEAN) -> str:
    out = [f"# {report.title}", ""]
    for key, heading, text in _body(report):
        if heading:
            out += [f"## {heading}", ""]
        out += _lines(text)
        if key in forms.TABLE_KEYS:
            out += ["", html_table(report, key, printed)]
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- Word


def to_docx(report: Report, path: Path, printed: Printed = CLEAN) -> None:
    """A Word file; a Word table keeps its grid, so omitted cells print blank."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(report.title)
    for key, heading, text in _body(report):
        if heading:
            doc.add_paragraph(heading)
        for line in _lines(text):
            doc.add_paragraph(line)
        if key in forms.TABLE_KEYS:
            form = forms.table_form(key, report.format)
            printed_rows = [
                [c for c in row] for row in grid_rows(report, key, replace(printed, omitted=set()))
            ]
            kept = sorted({row[0].row for row in printed_rows if row})
            new_row = {r: i for i, r in enumerate(kept)}
            table = doc.add_table(rows=len(kept), cols=form.n_cols)
            # table.cell() rescans the whole table on every call: take the cells once.
            cells = table._cells
            at = {
                (r, c): cells[r * form.n_cols + c]
                for r in range(len(kept))
                for c in range(form.n_cols)
            }
            for row in printed_rows:  # merge first, then write (python-docx joins text)
                for c, colspan, text in _merged_runs(report, row, printed):
                    r = new_row[c.row]
                    cell = at[(r, c.col)]
                    if c.rowspan > 1 or colspan > 1:
                        cell = cell.merge(at[(r + c.rowspan - 1, c.col + colspan - 1)])
                    cell.text = "" if c.path in printed.omitted else text
    doc.save(str(path))


WRITERS = {"txt": to_txt, "md": to_md, "html": to_html}


def write(
    report: Report, kind: str, folder: Path, stem: str = "report", printed: Printed = CLEAN
) -> Path:
    """Write ``report`` as a ``kind`` file in ``folder``; returns its path."""
    path = folder / f"{stem}.{kind}"
    if kind == "docx":
        to_docx(report, path, printed)
    else:
        path.write_text(WRITERS[kind](report, printed), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- crawler text


def to_crawler(report: Report) -> str:
    """What a crawler saves: the whole page on one line, table cells glued together.

    ``一、本年新收政府信息公开申请数量21710000218`` — labels and figures with no
    separator between cells, as in the 平潭 pages of the corpus.
    """
    parts = [report.title, "\n"]
    for key, heading, text in _body(report):
        parts.append(heading)
        parts.append(text.replace("\n", ""))
        if key in forms.TABLE_KEYS:
            for row in grid_rows(report, key):
                parts += [cell_text(report, c) for c in row]
    return "".join(parts) + "\n"
