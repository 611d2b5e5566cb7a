"""The intermediate form every reader produces: the document as lines, tables as cells.

A reader (text, HTML, DOCX, PDF) turns a file into a :class:`Document`: one
:class:`Line` per paragraph (or per file line for text files) and one line per table
row, the row keeping its cells. Everything after reading — sections, tables, agency and
year — works on this form only, so each format is handled once, in its reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

LineKind = Literal["text", "row", "rule"]


@dataclass(frozen=True)
class Cell:
    """One cell of a real table (DOCX, HTML, Markdown) after spans are expanded.

    A merged cell appears once per grid position it covers; ``continued`` marks the
    copies: ``"row"`` below a rowspan (a group label such as 三、本年度办理结果 that
    applies to every row it spans), ``"col"`` right of a colspan (a value printed once
    across several columns, which must not be read twice).
    """

    text: str
    continued: Literal["row", "col"] | None = None


@dataclass
class Line:
    """One line of the document: a paragraph, a file line, or a table row."""

    text: str
    lineno: int
    """1-based line in :attr:`Document.text` (for text files: the file line)."""
    kind: LineKind = "text"
    """``row``: a table row (``cells`` set); ``rule``: Markdown table rule or other
    decoration that is part of the text but carries no content."""
    cells: list[Cell] | None = None


@dataclass
class Document:
    """A decoded, extracted file ready for parsing."""

    kind: str
    """docx, html, pdf, txt or md."""
    text: str
    """The text the line numbers refer to (the file itself for txt/md)."""
    lines: list[Line] = field(default_factory=list)
    encoding: str | None = None


def row_text(cells: list[Cell]) -> str:
    """A table row as one line of text: its cells (each merged cell once) between tabs.

    A cell's own line breaks (``本年新<br>制作数量``) become spaces: the row is one line,
    so the lines after it keep their numbers.
    """
    return "\t".join(" ".join(c.text.split("\n")) for c in cells if c.continued != "col")


def numbered(texts: list[str]) -> list[Line]:
    """Lines for extracted text whose line numbers are positions in that text."""
    return [Line(t, i) for i, t in enumerate(texts, start=1)]


def document_lines(
    pieces: list[tuple[str, list[Cell] | None]],
) -> tuple[str, list[Line]]:
    """The text and lines of extracted paragraphs and table rows, numbered in that text.

    A line break inside a paragraph (Word's soft break, HTML's ``<br>``) makes two lines;
    inside a table row it is a space: the row stays one line. Either way every line
    number is a line of the returned text.
    """
    lines: list[Line] = []
    for text, cells in pieces:
        if cells:
            lines.append(Line(text.replace("\n", " "), len(lines) + 1, "row", cells))
        else:
            for part in text.split("\n"):
                lines.append(Line(part, len(lines) + 1))
    return "\n".join(line.text for line in lines), lines
