"""Recovery copies: the last state of an open project, kept where a crash cannot take it.

The editor writes a copy of the project to the user data directory on every autosave,
before it writes the project file itself. After a clean exit the copy is removed. On
the next open, a copy that differs from the project file means the last session ended
without saving everything (a crash, a full disk, a file that became read-only): the
clerk is offered the copy. Nothing the clerk typed depends on the project file's own
location being writable.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from drafter import paths
from drafter.model import Project
from drafter.store import ProjectError, atomic_write, dump_project, load_project, parse_project

SCHEMA = "drafter.recovery/1"


@dataclass
class Recovery:
    """A recovery copy found for a project file."""

    project_path: Path
    copy_path: Path
    saved: datetime
    project: Project


def recovery_dir() -> Path:
    return paths.data_dir() / "recovery"


def recovery_path(project_path: str | Path) -> Path:
    """Where the recovery copy of ``project_path`` lives (one per project file)."""
    key = str(Path(project_path).resolve())
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return recovery_dir() / f"{digest}.json"


def write_recovery(project: Project, project_path: str | Path) -> Path:
    """Write the recovery copy atomically; returns its path. Raises OSError."""
    copy = recovery_path(project_path)
    paths.ensure(copy.parent)
    envelope = {
        "schema": SCHEMA,
        "project_path": str(Path(project_path).resolve()),
        "saved": datetime.now().isoformat(timespec="seconds"),
        "project": json.loads(dump_project(project)),
    }
    atomic_write(copy, json.dumps(envelope, ensure_ascii=False, indent=1) + "\n")
    return copy


def read_recovery(project_path: str | Path) -> Recovery | None:
    """The recovery copy of ``project_path`` if there is a usable one."""
    copy = recovery_path(project_path)
    try:
        envelope = json.loads(copy.read_text(encoding="utf-8"))
        saved = datetime.fromisoformat(envelope["saved"])
        loaded = parse_project(json.dumps(envelope["project"], ensure_ascii=False), copy.name)
    except (OSError, ValueError, KeyError, TypeError, ProjectError):
        return None
    return Recovery(Path(project_path), copy, saved, loaded.project)


def pending_recovery(project_path: str | Path) -> Recovery | None:
    """A recovery copy holding more than the project file does, or None.

    A copy equal to the file is stale (the last save went through) and is removed.
    """
    found = read_recovery(project_path)
    if found is None:
        return None
    try:
        on_disk = dump_project(load_project(project_path).project)
    except ProjectError:
        return found
    if on_disk == dump_project(found.project):
        discard_recovery(project_path)
        return None
    return found


def discard_recovery(project_path: str | Path) -> None:
    try:
        recovery_path(project_path).unlink(missing_ok=True)
    except OSError:
        pass
