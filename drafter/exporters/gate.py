"""The export gate: a report with error findings is not exported unless forced.

Shared by ``drafter export`` and the TUI's export dialog, so both refuse, force and
report in the same way; they differ only in how they show the outcome. Warnings never
block. The findings are those of ``drafter check`` (``checking.check_project``) plus the
notes made while loading the project (values that could not be used are V1/V2 errors).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from drafter.checking import check_project
from drafter.exporters import check_output_path, export_format, export_report
from drafter.exporters.docx import open_template
from drafter.exporters.errors import ExportError
from drafter.model import Finding, Project


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
    findings = [*notes, *check_project(project)]
    outcome = ExportOutcome(path, findings)
    if outcome.errors and not force:
        return outcome
    outcome.forced = bool(outcome.errors)
    outcome.export_notes = export_report(project, path, template=template)
    outcome.written = True
    return outcome


def _check_template(template: Path, path: Path) -> None:
    if export_format(path) != "docx":
        raise ExportError("只有导出 Word 文档（.docx）时才能使用 --template")
    open_template(template)
