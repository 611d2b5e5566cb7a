"""One open project in the editor: the model, its file, findings, cell undo, save state.

The screens change the model only through a session, so every change is counted
(``revision``), checked (``findings``, recomputed when asked after a change) and saved:
the app listens for changes and saves within a second. Saving writes the recovery copy
first and then the project file, both atomically.

The first check of a newly opened project is not run before its first screen is drawn:
the app runs it in a worker (``check_copy`` / ``accept_findings``), and until then
``marks`` is empty and ``counts_known`` None. Whoever needs the findings themselves
(the checks list, the export gate) reads ``findings``, which checks there and then.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.editing import EditOutcome, apply_inputs
from drafter.model import Finding, KeyFact, Project, Tables
from drafter.oserrors import explain
from drafter.recovery import discard_recovery, write_recovery
from drafter.store import save_project

if TYPE_CHECKING:
    from drafter.lock import ProjectLock

MAX_UNDO = 200


class Session:
    """The open project and everything the editor knows about its state."""

    def __init__(
        self,
        project: Project,
        path: Path,
        load_notes: list[Finding] | None = None,
        lock: ProjectLock | None = None,
    ):
        self.project = project
        self.path = path
        self.lock = lock
        """This window's hold on the project file (``drafter.lock``), released by close."""
        self.load_notes: list[Finding] = load_notes or []
        """Values normalised or refused while loading (V1–V3)."""
        self.revision = 0
        self.saved_revision = 0
        self.save_error: str | None = None
        """Why the last save failed (Chinese), or None."""
        self.recovery_copy: Path | None = None
        self.listeners: list[Callable[[], None]] = []
        self._findings: list[Finding] = []
        self._checked_revision = -1
        self.first_check_pending = True
        """True until the first check has run (in the app's worker, or on demand)."""
        self._undo: list[Tables] = []

    # ---------------------------------------------------------------- state

    @property
    def dirty(self) -> bool:
        """True while a change has not reached the project file."""
        return self.revision != self.saved_revision

    @property
    def findings(self) -> list[Finding]:
        """Every finding for the project as it is now (checked again after a change)."""
        if self._checked_revision != self.revision:
            from drafter.checking import check_project

            self._findings = check_project(self.project)
            self._checked_revision = self.revision
            self.first_check_pending = False
        return self._findings

    @property
    def marks(self) -> list[Finding]:
        """The findings to mark in the tables: none until the first check has run."""
        return [] if self.first_check_pending else self.findings

    def counts(self) -> tuple[int, int]:
        """(errors, warnings) among the current findings."""
        errors = sum(1 for f in self.findings if f.severity == "error")
        return errors, len(self.findings) - errors

    def counts_known(self) -> tuple[int, int] | None:
        """(errors, warnings), or None while the first check is still running."""
        return None if self.first_check_pending else self.counts()

    def check_copy(self) -> tuple[int, Project]:
        """The revision and a copy of the project, for checking off the event loop."""
        return self.revision, self.project.model_copy(deep=True)

    def accept_findings(self, revision: int, findings: list[Finding]) -> None:
        """Findings of a copy made at ``revision`` (stale ones are checked again on demand)."""
        if revision == self.revision:
            self._findings = findings
            self._checked_revision = revision
        self.first_check_pending = False

    def changed(self) -> None:
        """Record a change to the model and tell the listeners (autosave, status line)."""
        self.revision += 1
        for listener in list(self.listeners):
            listener()

    # ---------------------------------------------------------------- edits

    def apply_cells(self, raw: Mapping[str, str | None]) -> EditOutcome:
        """Set table cells from typed or pasted text (see ``drafter.editing``)."""
        before = self.project.tables.model_copy(deep=True)
        outcome = apply_inputs(self.project, raw)
        if self.project.tables != before:
            self._undo.append(before)
            del self._undo[:-MAX_UNDO]
            self.changed()
        return outcome

    def replace_tables(self, change: Callable[[Project], None]) -> None:
        """Apply a change to whole tables (a count from the ledger) as one undoable step."""
        before = self.project.tables.model_copy(deep=True)
        change(self.project)
        if self.project.tables != before:
            self._undo.append(before)
            del self._undo[:-MAX_UNDO]
        self.changed()

    def undo_cells(self) -> bool:
        """Put the tables back as they were before the last cell edit or paste."""
        if not self._undo:
            return False
        self.project.tables = self._undo.pop()
        self.changed()
        return True

    def set_text(self, key: str, text: str) -> None:
        if self.project.text(key) != text:
            self.project.set_text(key, text)
            self.changed()

    def change_details(self, agency: str, year: object, title: str) -> list[str]:
        """Rename agency, year and title (``drafter.newproject.change_details``)."""
        from drafter.newproject import change_details

        before = (self.project.agency, self.project.year, self.project.title)
        notes = change_details(self.project, agency, year, title)
        if (self.project.agency, self.project.year, self.project.title) != before:
            self.changed()
        return notes

    def set_key_facts(self, facts: list[KeyFact]) -> None:
        if self.project.key_facts != facts:
            self.project.key_facts = facts
            self.changed()

    # ---------------------------------------------------------------- saving

    def save(self) -> bool:
        """Write the recovery copy, then the project file; False (and ``save_error``) on failure."""
        revision = self.revision
        try:
            self.recovery_copy = write_recovery(self.project, self.path)
        except OSError:
            self.recovery_copy = None
        try:
            save_project(self.project, self.path)
        except OSError as exc:
            self.save_error = f"无法写入 {self.path}：{explain(exc)}"
            return False
        self.saved_revision = revision
        self.save_error = None
        return True

    def close(self) -> None:
        """Let go of the project: its lock, and its recovery copy once all is saved."""
        if not self.dirty:
            discard_recovery(self.path)
        if self.lock is not None:
            self.lock.release()
