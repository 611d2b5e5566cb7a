"""Check files: load each one, run every rule, and say plainly when a file is unusable.

Used by ``drafter check`` and by the export gate. A file that cannot be read is a
result (``unusable``) rather than an exception, so the other files are still checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from drafter.model import Finding, Project, Report
from drafter.rules import check_report
from drafter.store import ProjectError, load_project


@dataclass
class FileCheck:
    """The outcome of checking one file."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    unusable: str | None = None
    """Why the file could not be checked (Chinese), or None."""
    project: Project | None = None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


def load_report(path: Path) -> tuple[Project, list[Finding]]:
    """Load a project file; raises ProjectError with a Chinese message."""
    loaded = load_project(path)
    return loaded.project, loaded.findings


def check_project(project: Project, last_year: Report | None = None) -> list[Finding]:
    """Every finding for a project; its own ``last_year`` is used unless one is given."""
    return check_report(project, last_year if last_year is not None else project.last_year)


def check_file(path: str | Path, last_year: Report | None = None) -> FileCheck:
    """Load and check one file; never raises for a bad file."""
    name = str(path)
    try:
        project, notes = load_report(Path(path))
    except ProjectError as exc:
        return FileCheck(name, unusable=str(exc))
    findings = notes + check_project(project, last_year)
    for finding in findings:
        finding.file = name
    return FileCheck(name, findings, project=project)
