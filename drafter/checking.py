"""Check files: load each one, run every rule, and say plainly when a file is unusable.

Used by ``drafter check`` and by the export gate. A project file (``.json``) is loaded
as it is; any other file (a published report as .txt/.md/.html/.docx/.pdf) goes through
the importer, and the rules then see the file's text too (for line numbers and the
headings as written). A file that cannot be read is a result (``unusable``) rather than
an exception, so the other files are still checked.

When a file states neither agency nor year, they are inferred from its text
(``narrative.identity``) and rule A3 says so; ``agency``/``year`` override both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from drafter.model import Finding, Project, Report
from drafter.narrative.identity import infer_identity
from drafter.rules import check_report
from drafter.rules.identity_rules import INFERRED
from drafter.source import SourceText
from drafter.store import ProjectError, load_project

PROJECT_SUFFIXES = (".json",)


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


@dataclass
class Opened:
    """A report ready to check: the project, its source text if imported, load notes."""

    project: Project
    source: SourceText | None = None
    notes: list[Finding] = field(default_factory=list)
    options: dict[str, object] = field(default_factory=dict)


def load_report(path: str | Path) -> tuple[Project, list[Finding]]:
    """Load a project file; raises ProjectError with a Chinese message."""
    loaded = load_any(path)
    return loaded.project, loaded.notes


def load_any(path: str | Path, *, agency: str | None = None, year: int | None = None) -> Opened:
    """Load a project file or import a report file; raises ProjectError (Chinese)."""
    path = Path(path)
    if path.suffix.lower() in PROJECT_SUFFIXES:
        result = load_project(path)
        loaded = Opened(result.project, None, list(result.findings))
    else:
        loaded = _import(path, agency, year)
    _settle_identity(loaded, agency, year)
    return loaded


def _import(path: Path, agency: str | None, year: int | None) -> Opened:
    # Imported on first use: checking project files (the export gate) needs no importer.
    from drafter.importers import ImportFailed, import_file

    try:
        imported = import_file(path, agency=agency, year=year)
    except ImportFailed as exc:
        raise ProjectError(str(exc)) from None
    project = imported.project
    notes = list(project.imported.findings) if project.imported is not None else []
    return Opened(project, imported.source, notes)


def _settle_identity(loaded: Opened, agency: str | None, year: int | None) -> None:
    """Apply overrides; infer what the file does not state (rule A3 reports it)."""
    project = loaded.project
    if agency:
        project.agency = agency
    if year is not None:
        project.year = year
    if project.agency and project.year is not None:
        return
    text = loaded.source.text if loaded.source is not None else _all_text(project)
    identity = infer_identity(text)
    if not project.agency and identity.agency:
        project.agency = identity.agency
    if project.year is None and identity.year is not None:
        project.year = identity.year
    loaded.options[INFERRED] = identity


def _all_text(report: Report) -> str:
    return "\n".join(filter(None, [report.title, *(s.text for s in report.sections)]))


def check_project(
    project: Project,
    last_year: Report | None = None,
    *,
    source: SourceText | None = None,
    options: dict[str, object] | None = None,
) -> list[Finding]:
    """Every finding for a project; its own ``last_year`` is used unless one is given."""
    return check_report(
        project,
        last_year if last_year is not None else project.last_year,
        source=source,
        options=options,
    )


def check_file(
    path: str | Path,
    last_year: Report | None = None,
    *,
    agency: str | None = None,
    year: int | None = None,
) -> FileCheck:
    """Load (or import) and check one file; never raises for a bad file."""
    name = str(path)
    try:
        loaded = load_any(Path(path), agency=agency, year=year)
    except ProjectError as exc:
        return FileCheck(name, unusable=str(exc))
    found = check_project(loaded.project, last_year, source=loaded.source, options=loaded.options)
    findings = _merge(loaded.notes, found)
    for finding in findings:
        finding.file = name
    return FileCheck(name, findings, project=loaded.project)


def _merge(notes: list[Finding], found: list[Finding]) -> list[Finding]:
    """Load notes first; a finding both the import and a rule made is kept once.

    The headings (N1, which the import runs too) are kept as the rule says them: a note
    is dropped when a rule found the same at the same line, or said the same without
    one (a missing heading). The same blank cell (V3) is kept as the importer says it
    ("在原文中为空白").
    """
    noted_cells = {(n.rule, n.location.cell) for n in notes if n.location.cell}
    found = [f for f in found if (f.rule, f.location.cell) not in noted_cells]
    again = {(f.rule, f.location.line) for f in found if f.location.line is not None}
    said = {(f.rule, f.message) for f in found}
    kept = [
        n
        for n in notes
        if (n.rule, n.location.line) not in again and (n.rule, n.message) not in said
    ]
    return kept + found
