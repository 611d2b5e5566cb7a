"""Copying text out of the editor, with a file as the fallback.

The terminal clipboard (OSC 52) works in most terminals but not all (macOS Terminal,
some tmux and SSH set-ups) and cannot be detected, so every copy is also written to a
file in the user data directory whose path the clerk is shown.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from drafter import paths
from drafter.store import atomic_write


def copy_text(app: App[object], text: str, name: str) -> Path | None:
    """Copy ``text`` to the terminal clipboard and to ``<data>/clipboard/<name>.txt``."""
    app.copy_to_clipboard(text)
    target = paths.data_dir() / "clipboard" / f"{name}.txt"
    try:
        paths.ensure(target.parent)
        atomic_write(target, text)
    except OSError:
        return None
    return target
