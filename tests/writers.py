"""Write a report as the files clerks have — .txt, .md, .html, .docx — for round trips.

Independent of drafter's exporters on purpose: the importer must read files laid out the
way published reports are, not only the files drafter itself writes (the exporters' own
round trips are in ``tests/exporters``). Each lays the three tables out from
``forms.table_form(...).grid`` (the official merged-cell layout). The text file is what a
PDF gives when copied: one table row a line, cells separated by tabs, a merged label
printed once; the Markdown file carries the tables as HTML ``<table>`` with
rowspan/colspan, as drafter's Markdown export will.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from drafter import forms
from drafter.forms import GridCell
from drafter.model import CellValue, Report

EXAMPLE_JSON = Path(__file__).resolve().parent.parent / "fixtures" / "example" / "yunxi-2025.json"

BLANK = "—"
"""How a blank cell is written in text (what clerks type; drafter reads it as blank)."""


def show(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def grid_rows(report: Report, table: str) -> list[list[GridCell]]:
    """The cells of the printed form that start in each grid row, left to right."""
    form = forms.table_form(table, report.format)
    rows: list[list[GridCell]] = [[] for _ in range(form.n_rows)]
    for cell in form.grid:
        rows[cell.row].append(cell)
    return [sorted(r, key=lambda c: c.col) for r in rows]


def cell_text(report: Report, cell: GridCell) -> str:
    return cell.text if cell.path is None else show(report.tables.get(cell.path))


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []


def _body(report: Report) -> Iterator[tuple[str, str, str]]:
    """(section key, heading, text) in order; the preamble has no heading."""
    for section in report.sections:
        yield section.key, section.heading, section.text


# --------------------------------------------------------------------------- text


def to_txt(report: Report) -> str:
    out = [report.title, ""]
    for key, heading, text in _body(report):
        if heading:
            out += [heading, ""]
        out += _lines(text)
        if key in forms.TABLE_KEYS:
            if text:
                out.append("")
            for row in grid_rows(report, key):
                fields = [cell_text(report, c) or (BLANK if c.path else "") for c in row]
                out.append("\t".join(fields))
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- HTML, Markdown


def html_table(report: Report, table: str) -> str:
    rows = []
    for row in grid_rows(report, table):
        cells = []
        for c in row:
            span = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (
                f' colspan="{c.colspan}"' if c.colspan > 1 else ""
            )
            cells.append(f"<td{span}>{html.escape(cell_text(report, c))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table border="1">\n' + "\n".join(rows) + "\n</table>"


def to_html(report: Report) -> str:
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
            out.append(html_table(report, key))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def to_md(report: Report) -> str:
    out = [f"# {report.title}", ""]
    for key, heading, text in _body(report):
        if heading:
            out += [f"## {heading}", ""]
        out += _lines(text)
        if key in forms.TABLE_KEYS:
            out += ["", html_table(report, key)]
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- Word


def to_docx(report: Report, path: Path) -> None:
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
            table = doc.add_table(rows=form.n_rows, cols=form.n_cols)
            # table.cell() rescans the whole table on every call: take the cells once.
            cells = table._cells
            at = {
                (r, c): cells[r * form.n_cols + c]
                for r in range(form.n_rows)
                for c in range(form.n_cols)
            }
            for c in form.grid:  # merge first, then write (python-docx joins merged text)
                cell = at[(c.row, c.col)]
                if c.rowspan > 1 or c.colspan > 1:
                    cell = cell.merge(at[(c.row + c.rowspan - 1, c.col + c.colspan - 1)])
                cell.text = cell_text(report, c)
    doc.save(str(path))


WRITERS = {"txt": to_txt, "md": to_md, "html": to_html}


def write(report: Report, kind: str, folder: Path, stem: str = "report") -> Path:
    """Write ``report`` as a ``kind`` file in ``folder``; returns its path."""
    path = folder / f"{stem}.{kind}"
    if kind == "docx":
        to_docx(report, path)
    else:
        path.write_text(WRITERS[kind](report), encoding="utf-8")
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
