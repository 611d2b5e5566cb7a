"""The report laid out as a document, once, for every export format.

Each exporter (Word, HTML, Markdown) renders the same sequence of blocks: the title,
the preamble, then the six sections of ``forms.SECTIONS`` in order, each under its
official heading, narrative split into paragraphs and the table sections carrying their
table. Deciding that here keeps the three formats from drifting apart.

Text is made safe on the way in: characters that XML cannot hold (control characters
pasted from other programs) would make a corrupt Word file, so they are removed and
reported as a warning finding rather than exported or crashed on. Markdown and HTML
marks typed, pasted or returned by a model (``**一是**``, ``- `` bullets, ``### ``) are
not printed: a line is cleaned as an import cleans last year's text
(``importers.cleaning.strip_marks``), and what was marked as a heading (``### …``, a
whole line in bold) or reads as one (``（一）…``, ``一、…`` on a line of its own) is
exported as a sub-heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from drafter import forms
from drafter.forms import FormatId, TableForm
from drafter.model import CellValue, Finding, Location, Report

EXPORT_RULE = "EX"
"""Project-defined rule id of findings made while exporting (README, 核对规则)."""

# Word's manual line break (U+000B) and page break (U+000C) arrive with text pasted from
# Word; they mean "new line", so they become one. Every other C0/C1 control character,
# lone surrogates and U+FFFE/U+FFFF cannot be written to XML (or UTF-8) and are dropped.
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n"})
_INVALID = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

# （一）… at the start of a line: the second heading level of GB/T 9704 (楷体).
_SUBHEADING = re.compile(r"（[一二三四五六七八九十]{1,3}）")
# 一、… on a line of its own inside a section: numbered like a section (N1 warns), but a
# heading all the same, exported as a sub-heading rather than as a paragraph.
_NUMBERED = re.compile(r"[一二三四五六七八九十]{1,2}、")
# A line that may carry a mark: Markdown/HTML syntax, a bullet, a half-width （一）.
_MAY_BE_MARKED = re.compile(r"[*_`~<&\\\[]|^[#>+\-•·●○◆◇■□▪▫►▶➢➤√✓✔※(]")
_MARKED_HEADING = re.compile(r"^(?:#{1,6}[ \t]|(?:\*\*|__)[^*_]+(?:\*\*|__)[。.：:]?$)")
_SENTENCE_END = "。！？；;"
_MAX_HEADING = 40
"""A line longer than this is a paragraph that merely starts with a numeral."""
_MAX_RUN_IN = 30
"""How far into a paragraph a run-in heading （一）主动公开。 may end."""


@dataclass(frozen=True)
class Heading:
    """A heading: level 1 is a section (一、 黑体), level 2 a sub-heading (（一） 楷体)."""

    text: str
    level: int
    section: str | None = None
    """The section key for level-1 headings."""


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; ``lead`` is a run-in sub-heading such as ``（一）主动公开。``."""

    text: str
    lead: str = ""

    @property
    def full_text(self) -> str:
        return self.lead + self.text


@dataclass(frozen=True)
class TableBlock:
    """One of tables 二, 三, 四: its official form and the text of each data cell."""

    form: TableForm
    values: dict[str, str]
    """Cell path → the text printed in the cell (empty for an unknown value)."""

    def text_of(self, cell: forms.GridCell) -> str:
        """What a grid cell shows: its label, or the value of its data cell."""
        if cell.path is not None:
            return self.values.get(cell.path, "")
        return cell.text or ""


Block = Heading | Paragraph | TableBlock


@dataclass
class ExportDocument:
    """The report as blocks, plus what was noticed while laying it out."""

    title: str
    agency: str
    format: FormatId
    blocks: list[Block] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def clean_text(text: str) -> tuple[str, list[str]]:
    """Text safe for XML: line breaks unified, invalid characters removed (and listed)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    removed = _INVALID.findall(text)
    if removed:
        text = _INVALID.sub("", text)
    return text, removed


def cell_text(value: CellValue) -> str:
    """How a cell value is printed: as written, ``""`` when unknown (never a made-up 0)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")  # exactly as written, never 1E+1
    return str(value)


def split_paragraphs(text: str) -> list[Paragraph | Heading]:
    """Narrative text as blocks: one per non-empty line, heading lines as sub-headings."""
    blocks: list[Paragraph | Heading] = []
    for raw in text.split("\n"):
        line = raw.strip(" \t\u3000")
        marked = False
        if _MAY_BE_MARKED.search(line):
            from drafter.importers.cleaning import normalise_numbering, strip_marks

            marked = bool(_MARKED_HEADING.match(line))
            line = normalise_numbering(strip_marks(line))
        if not line:
            continue
        match = _SUBHEADING.match(line) or _NUMBERED.match(line)
        short = len(line) <= _MAX_HEADING and line[-1] not in _SENTENCE_END + "，,"
        if marked and len(line) <= _MAX_HEADING or match is not None and short:
            blocks.append(Heading(line, 2))
        elif match is None or _NUMBERED.match(line):
            blocks.append(Paragraph(line))
        else:
            end = _run_in_end(line, match.end())
            blocks.append(Paragraph(line[end:], lead=line[:end]) if end else Paragraph(line))
    return blocks


def _run_in_end(line: str, start: int) -> int:
    """End of a run-in heading ``（一）主动公开。`` followed by more text; 0 if none."""
    for i in range(start + 1, min(len(line), start + _MAX_RUN_IN)):
        if line[i] in "，,":
            return 0  # a sentence, not a heading
        if line[i] in _SENTENCE_END:
            return i + 1 if i + 1 < len(line) else 0
    return 0


def build_document(report: Report) -> ExportDocument:
    """Lay the report out: title, preamble, the six sections in the official order."""
    findings: list[Finding] = []

    def clean(text: str, section: str | None, what: str) -> str:
        cleaned, removed = clean_text(text)
        if removed:
            findings.append(_removed_finding(removed, section, what))
        return cleaned

    title = clean(report.title.strip() or report.default_title(), None, "标题")
    doc = ExportDocument(
        title=" ".join(title.split()),
        agency=clean(report.agency, None, "机关名称"),
        format=report.format,
        findings=findings,
    )
    preamble = split_paragraphs(
        clean(report.text(forms.PREAMBLE_KEY), forms.PREAMBLE_KEY, "开头部分")
    )
    if preamble and _same_line(preamble[0], doc.title):
        preamble = preamble[1:]  # an imported preamble may start with the title (report-json.md)
    doc.blocks.extend(preamble)
    for section in forms.SECTIONS:
        doc.blocks.append(Heading(section.heading, 1, section.key))
        text = clean(report.text(section.key), section.key, section.heading)
        doc.blocks.extend(split_paragraphs(text))
        if not section.narrative:
            form = forms.table_form(section.key, report.format)
            values = {
                cell.path: cell_text(value)
                for cell, value in report.tables.values(report.format, form.cells)
            }
            doc.blocks.append(TableBlock(form, values))
    return doc


def _same_line(block: Paragraph | Heading, title: str) -> bool:
    text = block.full_text if isinstance(block, Paragraph) else block.text
    return "".join(text.split()) == "".join(title.split())


def _removed_finding(removed: list[str], section: str | None, what: str) -> Finding:
    codes = "、".join(sorted({f"U+{ord(ch):04X}" for ch in removed})[:3])
    return Finding(
        rule=EXPORT_RULE,
        severity="warning",
        message=(
            f"「{what}」中有 {len(removed)} 个无法写入文档的控制字符（{codes}），"
            "多来自从其他软件粘贴的文字，导出时已删除；请核对该处文字是否完整"
        ),
        location=Location(section=section),
    )
