"""From a read document to a project: sections with their exact text, tables, findings.

This is where the pieces meet: the outline (:mod:`.sections`) says which lines belong
to which section, the table parser (:mod:`.matching`) says which lines were table and
what every cell holds, and what is left of each section is its text, kept line for line
with the file line each came from (:class:`~drafter.source.SourceText`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter import forms
from drafter.importers.cleaning import clean_lines
from drafter.importers.decoding import ImportFailed
from drafter.importers.document import Document
from drafter.importers.matching import TableResult, parse_tables, pre_2019
from drafter.importers.normalise import condense
from drafter.importers.sections import Outline, find_agency, find_year, outline
from drafter.model import Finding, ImportInfo, Location, Project, Section
from drafter.rules import EXCERPT, CheckContext, run_rules
from drafter.source import SourceText

_NEWLINE = re.compile(r"\r\n|\n|\r")
OUTLINE_RULES = ("N1",)
"""Rules on the headings as written, whose findings the import records (issue 3)."""
COVERED_RULES = (*OUTLINE_RULES, "V3")
"""Rules whose findings an import's notes already hold, so a check need not run them on
the imported report: N1, and V3 because every cell the import leaves null has a note
saying why (V3 blank in the file, I1 not found or unreadable, I2 glued, I3 old layout)."""


@dataclass
class Imported:
    """A report imported from a file, and the file as text for line-numbered findings."""

    project: Project
    source: SourceText


def build(
    doc: Document,
    name: str,
    *,
    agency: str | None,
    year: int | None,
    blank_as_zero: bool = False,
) -> Imported:
    """Parse a read document into a project; raises ImportFailed for a non-report."""
    ol = outline(doc)
    found_year, year_from = find_year(ol)
    tables = parse_tables(ol, year if year is not None else found_year, blank_as_zero=blank_as_zero)
    if not ol.heading_text and not tables.values and "信息公开" not in condense(ol.title):
        raise ImportFailed(_not_a_report(doc))
    sections, section_lines = _sections(ol, tables)
    findings: list[Finding] = []
    found_agency, agency_from = find_agency(ol)
    title = _title_line(ol)
    if agency is None and not found_agency:
        findings.append(
            _note(
                "I1",
                "原文中没有找到机关名称（标题或落款）：报告标题应写明机关全称，"
                "检查时也可以另行指定机关名称",
                title,
            )
        )
    if year is None and found_year is None:
        findings.append(
            _note(
                "I1",
                "原文中没有找到报告年度（标题或统计期限）：报告标题应写明年度，"
                "检查时也可以另行指定年度",
                title,
            )
        )
    elif year is None and year_from not in ("标题", "统计期限"):
        findings.append(
            _note("I3", f"标题中没有年份，报告年度按{year_from}定为 {found_year} 年，请核对", title)
        )
    old = pre_2019(ol, tables)
    if old is not None:
        findings.append(old)
    project = Project(
        agency=agency if agency is not None else found_agency,
        year=year if year is not None else found_year,
        format=tables.format,
        title=ol.title,
        sections=sections,
    )
    for path, value in tables.values.items():
        project.tables.set(path, value)
    findings += tables.findings
    source = SourceText(name, doc.text, section_lines, list(ol.headings), dict(tables.lines))
    # What was odd about the outline as written (duplicated, renamed, misnumbered
    # headings) is a finding, not a failure: the checker's own rules say it.
    findings += run_rules(CheckContext(project, source=source), only=OUTLINE_RULES)
    file_lines = _NEWLINE.split(doc.text)
    for finding in findings:
        finding.file = name
        line = finding.location.line
        if line and line <= len(file_lines) and (finding.location.cells or not finding.excerpt):
            finding.excerpt = file_lines[line - 1].strip()[:EXCERPT] or finding.excerpt
    # The cells the tables gave are all there is: the rest of the project's cells are null.
    cells = forms.all_cells(project.format)
    missing = [c.path for c in cells if tables.values.get(c.path) is None]
    project.imported = ImportInfo(
        file=name,
        kind=doc.kind,
        encoding=doc.encoding,
        recovered_cells=len(cells) - len(missing),
        missing_cells=missing,
        findings=findings,
    )
    return Imported(project, source)


def _note(rule: str, message: str, line: int | None) -> Finding:
    return Finding(
        rule=rule,
        severity="warning",
        message=message,
        location=Location(section="preamble", line=line),
    )


_TITLE_LINES = 20
"""A title is among a report's first lines (``sections.find_title`` looks at 15)."""


def _title_line(ol: Outline) -> int | None:
    """The line where a report states its agency and year: its title, else its first."""
    texts = [s for s in ol.segments[:_TITLE_LINES] if s.kind == "text" and s.text.strip()]
    titled = [s for s in texts if ol.title and condense(s.text) and condense(s.text) in ol.title]
    first = titled or texts
    return first[0].lineno if first else None


def _not_a_report(doc: Document) -> str:
    chars = len(condense(doc.text))
    return (
        f"这不像政府信息公开工作年度报告：{chars} 个字中没有找到「一、总体情况」等章节标题，"
        "也没有找到统计表：请确认选对了去年的报告文件"
    )


def _sections(ol: Outline, tables: TableResult) -> tuple[list[Section], dict[str, list[int]]]:
    """Each section's text as written, cleaned (headings, table rows, page furniture and
    Markdown/HTML marks out; sub-heading numerals levelled: importers.cleaning)."""
    parts: dict[str, list[list[tuple[str, int]]]] = {}
    for i, segment in enumerate(ol.segments):
        key = segment.section
        if segment.heading:
            parts.setdefault(key, []).append([])
            continue
        if segment.furniture or i in tables.consumed:
            continue
        if key not in parts:
            parts[key] = [[]]
        parts[key][-1].append((segment.text, segment.lineno))
    sections: list[Section] = []
    section_lines: dict[str, list[int]] = {}
    for key in forms.SECTION_KEYS:
        if key not in parts:
            continue
        lines: list[tuple[str, int]] = []
        for chunk in parts[key]:
            # Marks, bullets, page furniture, heading numerals: see importers.cleaning.
            chunk = clean_lines(chunk, ol.title, furniture=key != forms.PREAMBLE_KEY)
            if chunk and lines:  # a repeated heading: keep both texts, one blank line apart
                lines.append(("", chunk[0][1]))
            lines += chunk
        if key == forms.PREAMBLE_KEY and not lines:
            continue
        heading = ol.heading_text.get(key, "")
        sections.append(Section(key=key, heading=heading, text="\n".join(t for t, _ in lines)))
        section_lines[key] = [n for _, n in lines]
    return sections, section_lines
