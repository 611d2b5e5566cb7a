"""Check files: load each one, run every rule, and say plainly when a file is unusable.

Used by ``drafter check`` and by the export gate. A project file (``.json``) is loaded
as it is; any other file (a published report as .txt/.md/.html/.docx/.pdf) goes through
the importer, and the rules then see the file's text too (for line numbers and the
headings as written). A file that cannot be read is a result (``unusable``) rather than
an exception, so the other files are still checked.

What a file states of its agency and year is read once (``narrative.authorship``): by the
importer for a published file, here for a project file whose fields are empty; rule A3
says what could not be read. ``agency``/``year`` override both.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from drafter.model import Finding, Project, Report
from drafter.narrative.authorship import identify
from drafter.rules import REGISTRY, check_report
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
    checked: tuple[str, ...] = ()
    """Rules whose findings are among ``notes`` already (the import's), not run again."""


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
    from drafter.importers import COVERED_RULES, ImportFailed, import_file

    try:
        imported = import_file(path, agency=agency, year=year)
    except ImportFailed as exc:
        raise ProjectError(str(exc)) from None
    project = imported.project
    notes = list(project.imported.findings) if project.imported is not None else []
    return Opened(project, imported.source, notes, checked=COVERED_RULES)


def _settle_identity(loaded: Opened, agency: str | None, year: int | None) -> None:
    """Apply overrides; read what a project file leaves empty from its text (rule A3).

    An imported file was read by the importer already (with the overrides), and what it
    could not read is left empty rather than guessed: the rules needing it do not run.
    """
    project = loaded.project
    if agency:
        project.agency = agency
    if year is not None:
        project.year = year
    if loaded.source is not None or (project.agency and project.year is not None):
        return
    identity = identify(project.title, _all_text(project))
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
    checked: Iterable[str] = (),
) -> list[Finding]:
    """Every finding for a project; its own ``last_year`` is used unless one is given.

    Rules in ``checked`` are not run again (the import ran them on the same text).
    """
    skip = set(checked)
    return check_report(
        project,
        last_year if last_year is not None else project.last_year,
        source=source,
        only=[r.id for r in REGISTRY if r.id not in skip] if skip else None,
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
    found = check_project(
        loaded.project,
        last_year,
        source=loaded.source,
        options=loaded.options,
        checked=loaded.checked,
    )
    findings = _merge(loaded.notes, found)
    for finding in findings:
        finding.file = name
    return FileCheck(name, findings, project=loaded.project)


_BLANK_NOTES = frozenset({"V3", "I1", "I2", "I3"})
"""Notes that leave cells blank: blank in the file, not found, glued, old layout."""


def _merge(notes: list[Finding], found: list[Finding]) -> list[Finding]:
    """Load notes first; what a note already says about a cell or line is not repeated.

    Cells the import left blank and said why (blank in the file, row not found, glued
    figures) are not reported blank again by rule V3: the import's reason is the more
    useful one. A note a rule repeats at the same line is kept as the rule says it.
    """
    if any(f.rule == "V3" for f in found):  # an imported file's check does not run V3
        noted = {cell for n in notes if n.rule in _BLANK_NOTES for cell in n.location.cells}
        found = [f for f in found if not (f.rule == "V3" and set(f.location.cells) <= noted)]
    again = {(f.rule, f.location.line) for f in found if f.location.line is not None}
    kept = [n for n in notes if (n.rule, n.location.line) not in again]
    return kept + found
