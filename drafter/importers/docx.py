"""Word (.docx) reports: paragraphs in order, tables with merged cells expanded.

Reads ``word/document.xml`` with lxml directly rather than through python-docx: it is
several times faster to start, and merged cells need the raw ``w:gridSpan`` and
``w:vMerge`` anyway. Headers and footers (page numbers, running titles) live in other
parts of the package and are never read. Tracked deletions are left out, text boxes too
(Word stores them twice, once as a fallback picture).
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from typing import Any

from lxml import etree

from drafter.importers.decoding import ImportFailed
from drafter.importers.document import Cell, Document, document_lines, row_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP = {f"{W}txbxContent", f"{W}del", f"{W}delText", f"{W}instrText", f"{W}fldData"}
_SKIP_LOCAL = {"Fallback", "txbxContent"}


def read_docx(data: bytes) -> Document:
    """Lines and table rows of a .docx file."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            xml = zf.read("word/document.xml")
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, huge_tree=True))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        raise ImportFailed(
            "Word 文件已损坏，无法读取正文：请在 Word 或 WPS 中打开并另存为 .docx 后再导入"
        ) from None
    body = root.find(f"{W}body")
    out: list[tuple[str, list[Cell] | None]] = []
    if body is not None:
        _blocks(body, out)
    text, lines = document_lines(out)
    doc = Document("docx", text, lines)
    return doc


def _blocks(parent: Any, out: list[tuple[str, list[Cell] | None]]) -> None:
    for el in parent:
        if el.tag == f"{W}p":
            for line in paragraph_text(el).split("\n"):
                out.append((line, None))
        elif el.tag == f"{W}tbl":
            if el.find(f".//{W}tbl") is not None:  # a layout table: read its content as text
                for tc in el.iter(f"{W}tc"):
                    if tc.getparent().getparent() is el:
                        _blocks(tc, out)
            else:
                for cells in table_rows(el):
                    out.append((row_text(cells), cells))
        elif el.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins"):
            _blocks(el.find(f"{W}sdtContent") if el.tag == f"{W}sdt" else el, out)


def paragraph_text(p: Any) -> str:
    """The visible text of a ``w:p``: runs, hyperlinks, fields; tabs and breaks kept."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            local = tag.rsplit("}", 1)[-1]
            if local in _SKIP_LOCAL:
                continue
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag == f"{W}tab":
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def _cell_text(tc: Any) -> str:
    lines = []
    for p in tc.iter(f"{W}p"):
        text = paragraph_text(p).strip()
        if text:
            lines.append(text)
    return "\n".join(lines)


def _int(el: Any, default: int = 1) -> int:
    try:
        return max(1, min(60, int(el.get(f"{W}val")))) if el is not None else default
    except (TypeError, ValueError):
        return default


def table_rows(tbl: Any) -> list[list[Cell]]:
    """Rows of a ``w:tbl`` with ``gridSpan`` and ``vMerge`` expanded into :class:`Cell` copies."""
    rows: list[list[Cell]] = []
    above: dict[int, str] = {}  # grid column -> text of the vMerge cell it continues
    for tr in tbl.iterchildren(f"{W}tr"):
        row: list[Cell] = []
        col = 0
        before = tr.find(f"{W}trPr/{W}gridBefore")
        if before is not None:
            col = _int(before, 0)
        for tc in tr.iterchildren(f"{W}tc"):
            span = _int(tc.find(f"{W}tcPr/{W}gridSpan"))
            vmerge = tc.find(f"{W}tcPr/{W}vMerge")
            if vmerge is not None and vmerge.get(f"{W}val", "continue") == "continue":
                text = above.get(col, "")
                row.append(Cell(text, "row"))
            else:
                text = _cell_text(tc)
                for j in range(span):
                    if vmerge is not None:
                        above[col + j] = text
                    else:
                        above.pop(col + j, None)
                row.append(Cell(text))
            row.extend(Cell(text, "col") for _ in range(span - 1))
            col += span
        rows.append(row)
    return rows
