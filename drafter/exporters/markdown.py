"""The report as Markdown: readable as plain text, tables as embedded HTML.

Markdown's pipe tables cannot merge cells, and the official tables are mostly merges, so
each table is the same ``<table>`` markup as the HTML export, with ``rowspan`` and
``colspan`` (CommonMark and GFM pass raw HTML blocks through; the importer reads them
back). Headings: ``#`` the title, ``##`` the six sections, ``###`` （一） sub-headings.
One paragraph per line of the section text, separated by blank lines.

Text is escaped only where Markdown would otherwise change it (``*``, ``<``, a ``#`` or
``1.`` at the start of a line …), with standard backslash escapes, so ordinary Chinese
prose stays exactly as typed.
"""

from __future__ import annotations

import re

from drafter.exporters.document import ExportDocument, Heading, Paragraph
from drafter.exporters.html import render_table

_ALWAYS = re.compile(r"([\\`*\[\]<])")
"""Characters that may start inline markup anywhere (backslash first: it escapes)."""
_ENTITY = re.compile(r"&(?=#?\w+;)")
_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
"""``_`` that could open or close emphasis; inside a word (a_b in a URL) it cannot."""
_BLOCK_START = re.compile(r"^(#|>|[-+](?=\s|$)|=+$|-+$|~~~|(\d{1,9})([.)])(?=\s|$))")


def escape_markdown(text: str) -> str:
    """``text`` as Markdown that renders back to exactly ``text`` (one line)."""
    text = _ALWAYS.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    match = _BLOCK_START.match(text)
    if match:
        if match.group(2):  # "1. " would start an ordered list: escape the dot
            end = match.end(2)
            text = text[:end] + "\\" + text[end:]
        else:
            text = "\\" + text
    return text


def render_markdown(doc: ExportDocument) -> str:
    """The whole report as Markdown text (UTF-8 when written, ending in a newline)."""
    chunks = [f"# {escape_markdown(doc.title)}"]
    for block in doc.blocks:
        if isinstance(block, Heading):
            marks = "##" if block.level == 1 else "###"
            chunks.append(f"{marks} {escape_markdown(block.text)}")
        elif isinstance(block, Paragraph):
            chunks.append(escape_markdown(block.full_text))
        else:
            chunks.append(render_table(block))
    return "\n\n".join(chunks) + "\n"
