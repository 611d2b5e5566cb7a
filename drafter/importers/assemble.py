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
from drafter.importers.sections import Outline, find_identity, outline
from drafter.model import Finding, ImportInfo, Project, Section
from drafter.rules import EXCERPT, CheckContext, run_rules
from drafter.rules.identity_rules import identity_finding
from drafter.source import SourceText

_NEWLINE = re.compile(r"\r\n|\n|\r")
OUTLINE_RULES = ("N1",)
"""Rules on the headings as written, whose findings the import records (issue 3)."""
COVERED_RULES = (*OUTLINE_RULES, "V3", "A3")
"""Rules whose findings an import's notes already hold, so a check need not run them on
the imported report: N1, V3 because every cell the import leaves null has a note
saying why (V3 blank in the file, I1 not found or unreadable, I2 glued, I3 old layout),
and A3: the import says once what it could not read of the agency and year."""


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
    identity = find_identity(ol)
    if agency is not None:  # given: not questioned
        identity.agency, identity.stated = agency, True
    if year is not None:
        identity.year, identity.year_stated = year, True
    tables = parse_tables(ol, identity.year, blank_as_zero=blank_as_zero)
    if not ol.heading_text and not tables.values and "信息公开" not in condense(ol.title):
        raise ImportFailed(_not_a_report(doc))
    sections, section_lines = _sections(ol, tables)
    findings: list[Finding] = []
    old = pre_2019(ol, tables)
    if old is not None:
        findings.append(old)
    project = Project(
        agency=identity.agency,
        year=identity.year,
        format=tables.format,
        title=ol.title,
        sections=sections,
    )
    for path, value in tables.values.items():
        project.tables.set(path, value)
    findings += tables.findings
    file_lines = _NEWLINE.split(doc.text)
    said = identity_finding(project, identity, lines=file_lines)
    if said is not None:
        findings.append(said)
    source = SourceText(name, doc.text, section_lines, list(ol.headings), dict(tables.lines))
    # What was odd about the outline as written (duplicated, renamed, misnumbered
    # headings) is a finding, not a failure: the checker's own rules say it.
    findings += run_rules(CheckContext(project, source=source), only=OUTLINE_RULES)
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
