"""Import last year's report from the files clerks really have.

``import_file(path)`` reads a .docx, .pdf (text layer), .html/.htm, .txt or .md report —
UTF-8, GBK/GB18030 or UTF-16, detected from the bytes — and returns the report as a
:class:`~drafter.model.Project` (sections with their exact text, every table cell that
the file gives, ``imported`` saying what was recovered and what not) together with the
file as :class:`~drafter.source.SourceText` for line-numbered findings. A file that is
not a readable report raises :class:`ImportFailed`, whose text is one Chinese line
saying what was found and what to do.

Pipeline: :mod:`.decoding` (bytes → kind and text) → a reader (:mod:`.text`,
:mod:`.html`, :mod:`.docx`, :mod:`.pdf`) → :mod:`.sections` (outline, title, agency,
year) → :mod:`.rows` and :mod:`.matching` (tables) → :mod:`.assemble`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.importers.decoding import ImportFailed, decode, sniff_kind
from drafter.importers.document import Document
from drafter.store import read_input

if TYPE_CHECKING:
    from drafter.importers.assemble import COVERED_RULES, OUTLINE_RULES, Imported

_FROM_ASSEMBLE = frozenset({"COVERED_RULES", "OUTLINE_RULES", "Imported"})


def __getattr__(name: str) -> Any:
    """The assembly step's names, imported on first use (it loads the table parser, ~30
    ms): the exporters use ``importers.cleaning`` and should not pay for the rest."""
    if name in _FROM_ASSEMBLE:
        from drafter.importers import assemble

        return getattr(assemble, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "COVERED_RULES",
    "OUTLINE_RULES",
    "SUFFIXES",
    "ImportFailed",
    "Imported",
    "import_bytes",
    "import_file",
    "import_text",
]

SUFFIXES = (".docx", ".pdf", ".html", ".htm", ".txt", ".md")
"""File types ``drafter import`` reads (the content decides, these are for file dialogs)."""


def import_file(
    path: str | Path,
    *,
    agency: str | None = None,
    year: int | None = None,
    blank_as_zero: bool = False,
) -> Imported:
    """Import a report file; ``agency``/``year`` override what the file says.

    ``blank_as_zero``: a blank cell in a table row that was found is read as 0 (noted as
    V3) instead of null — for a clerk who knows the file's blanks mean zero.
    """
    path = Path(path)
    data = read_input(path, ImportFailed)
    return import_bytes(data, str(path), agency=agency, year=year, blank_as_zero=blank_as_zero)


def import_bytes(
    data: bytes,
    name: str,
    *,
    agency: str | None = None,
    year: int | None = None,
    blank_as_zero: bool = False,
) -> Imported:
    """Import a report from the bytes of a file called ``name``."""
    kind = sniff_kind(data, Path(name).suffix.lower())
    doc = _read(data, kind)
    from drafter.importers.assemble import build

    return build(doc, name, agency=agency, year=year, blank_as_zero=blank_as_zero)


def import_text(
    text: str,
    name: str = "粘贴的文字.txt",
    *,
    agency: str | None = None,
    year: int | None = None,
    blank_as_zero: bool = False,
) -> Imported:
    """Import a report from text already decoded (pasted, or read by the caller).

    ``name`` says what the text is: a name ending in .html/.htm is read as HTML, .md as
    Markdown, anything else as plain text.
    """
    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm") or text.lstrip().lower().startswith(("<!doctype", "<html")):
        from drafter.importers.html import read_html

        doc = read_html(text, None)
    else:
        from drafter.importers.text import read_text

        doc = read_text(text, "md" if suffix in (".md", ".markdown") else "txt", None)
    from drafter.importers.assemble import build

    return build(doc, name, agency=agency, year=year, blank_as_zero=blank_as_zero)


def _read(data: bytes, kind: str) -> Document:
    if kind == "pdf":
        from drafter.importers.pdf import read_pdf

        return read_pdf(data)
    if kind == "docx":
        from drafter.importers.docx import read_docx

        return read_docx(data)
    text, encoding = decode(data, html=kind == "html")
    if kind == "html":
        from drafter.importers.html import read_html

        return read_html(text, encoding)
    from drafter.importers.text import read_text

    return read_text(text, kind, encoding)
