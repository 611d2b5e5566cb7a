"""The export gate: a report with error findings is not exported unless forced.

Shared by ``drafter export`` and the TUI's export dialog, so both refuse, force and
report in the same way; they differ only in how they show the outcome. Warnings never
block. The findings are those of ``drafter check`` (``checking.check_project``) plus the
notes made while loading the project (values that could not be used are V1/V2 errors),
plus what only an export must not let through (:func:`blank_cells`).

*A clerk's own project* is what reaches this gate: only a project file is ever exported
(``drafter export`` takes a project, the TUI exports the open one), and exporting is the
step before publishing it. So here a table cell left blank is an error — the clerk
types 0 for zero — summed up in one line per table (「表三还有 38 个单元格未填写」)
that points at the first blank cell, instead of the checker's V3 warning per row. A
report checked as a published file (``drafter check 报告.pdf``), or a project checked
with ``drafter check``, keeps V3 as a warning: checking reviews what is written,
exporting publishes it. An empty 一、五 or 六 (N2) and a leftover 【待核实】 (N6) are
errors of the checker already, so they block here too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from drafter import forms
from drafter.checking import check_project
from drafter.exporters import check_output_path, export_format, export_report
from drafter.exporters.docx import open_template
from drafter.exporters.errors import ExportError
from drafter.model import Finding, Location, Project
from drafter.tables import input_cells

BLANK_RULE = "V3"
"""Blank cells are rule V3's subject (format-2021.md §3.1), an error at export."""


@dataclass
class ExportOutcome:
    """What the gate decided and, when it let the export through, what was written."""

    path: Path
    findings: list[Finding]
    """Every checker finding (errors and warnings) at the time of export."""
    forced: bool = False
    """True when errors remained and the export went ahead because it was forced."""
    written: bool = False
    export_notes: list[Finding] = field(default_factory=list)
    """Warnings from the exporter itself (control characters removed, template body)."""

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.blocking]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.blocking]

    @property
    def refused(self) -> bool:
        return not self.written


def export_project(
    project: Project,
    path: str | Path,
    *,
    force: bool = False,
    template: str | Path | None = None,
    notes: Iterable[Finding] = (),
) -> ExportOutcome:
    """Check ``project``; export it to ``path`` unless errors remain and ``force`` is off.

    ``notes`` are findings made while loading the project file. Raises ExportError for an
    unusable output path or template (checked before the report, so a clerk fixing
    errors is not told about the path only afterwards).
    """
    path = check_output_path(path)
    if template is not None:
        _check_template(Path(template), path)
    findings = gated([*notes, *check_project(project)], project)
    outcome = ExportOutcome(path, findings)
    if outcome.errors and not force:
        return outcome
    outcome.forced = bool(outcome.errors)
    outcome.export_notes = export_report(project, path, template=template)
    outcome.written = True
    return outcome


def blank_cells(project: Project) -> list[Finding]:
    """One error per table with cells the clerk has not filled in (totals aside: they
    are computed); it points at the first blank cell and lists them all."""
    blanks: dict[str, list[str]] = {}
    for cell in input_cells(project.format):
        if project.tables.get(cell.path) is None:
            blanks.setdefault(cell.table, []).append(cell.path)
    findings = []
    for table, paths in blanks.items():
        numeral = forms.TABLE_NUMERALS[table]
        findings.append(
            Finding(
                rule=BLANK_RULE,
                severity="error",
                message=f"表{numeral}还有 {len(paths)} 个单元格未填写：导出前每格都要填写，"
                "数值为零时请填写 0",
                location=Location(section=table, cell=paths[0], cells=paths),
            )
        )
    return findings


def gated(findings: list[Finding], project: Project) -> list[Finding]:
    """``findings`` as the export gate sees them: blank cells as one error per table
    (first), and no V3 warning left that only says again that those cells are blank."""
    summary = blank_cells(project)
    blank = {p for f in summary for p in f.location.cells}
    computed = {c.path for c in forms.all_cells(project.format) if c.computed}

    def repeats(f: Finding) -> bool:
        cells = set(f.location.cells) or ({f.location.cell} if f.location.cell else set())
        return f.rule == BLANK_RULE and bool(cells) and cells <= blank | computed

    return [*summary, *(f for f in findings if not repeats(f))]


def _check_template(template: Path, path: Path) -> None:
    if export_format(path) != "docx":
        raise ExportError("只有导出 Word 文档（.docx）时才能使用 --template")
    open_template(template)
