"""The list of recently opened project files, kept in the user data directory.

A small JSON list of absolute paths, newest first. Reading never fails: a missing or
damaged list is an empty one (it is a convenience, not data the clerk typed).
"""

from __future__ import annotations

import json
from pathlib import Path

from drafter import paths

MAX_RECENT = 10


def recent_file() -> Path:
    return paths.data_dir() / "recent.json"


def load_recent() -> list[Path]:
    """Recently opened project files, newest first (they may no longer exist)."""
    try:
        data = json.loads(recent_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [Path(p) for p in data if isinstance(p, str) and p][:MAX_RECENT]


def _store(entries: list[Path]) -> None:
    from drafter.store import atomic_write  # imported here: the UI's start screen needs no pydantic

    paths.ensure(recent_file().parent)
    text = json.dumps([str(p) for p in entries[:MAX_RECENT]], ensure_ascii=False, indent=1)
    atomic_write(recent_file(), text + "\n")


def remember(path: str | Path) -> None:
    """Put ``path`` at the top of the list. Failing to write the list is not an error."""
    path = Path(path).resolve()
    entries = [p for p in load_recent() if p != path]
    try:
        _store([path, *entries])
    except OSError:
        pass


def forget(path: str | Path) -> None:
    path = Path(path).resolve()
    entries = load_recent()
    if path in entries:
        try:
            _store([p for p in entries if p != path])
        except OSError:
            pass
