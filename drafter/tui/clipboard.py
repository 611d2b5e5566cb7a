"""Copying text out of the editor, with a file as the fallback.

The terminal clipboard (OSC 52) works in most terminals but not all (macOS Terminal,
some tmux and SSH set-ups) and cannot be detected, so every copy is also written to a
text file beside the project, where the clerk looks for it (the user data directory
only when the project's folder cannot be written); the clerk is shown its path.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from drafter import paths
from drafter.store import atomic_write


def copy_text(app: App[object], text: str, beside: Path, name: str) -> Path | None:
    """Copy ``text`` to the terminal clipboard and to ``<beside>/<name>.txt``.

    Falls back to ``<data>/clipboard/<name>.txt``; None when neither can be written.
    """
    app.copy_to_clipboard(text)
    for folder in (beside, paths.data_dir() / "clipboard"):
        target = folder / f"{name}.txt"
        try:
            paths.ensure(folder)
            atomic_write(target, text)
        except OSError:
            continue
        return target
    return None
