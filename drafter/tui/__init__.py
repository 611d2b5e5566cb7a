"""The terminal UI (Textual). Nothing in the core imports this package.

``run(path)`` is what ``drafter`` and ``drafter tui`` call. Textual is imported only
when the UI starts, so the other commands stay fast.
"""

from __future__ import annotations

from pathlib import Path


def run(path: Path | None = None) -> int:
    """Run the UI until the clerk quits; returns the exit status."""
    from drafter.tui.app import DrafterApp

    app = DrafterApp(path)
    status = app.run()
    # Belt and braces: whatever ended the app, what was typed reaches the disk.
    session = app.session
    if session is not None and session.dirty and not session.save():
        copy = f"，修改保存在恢复副本 {session.recovery_copy}" if session.recovery_copy else ""
        print(f"退出时无法保存：{session.save_error}{copy}")
        return 1
    if session is not None:
        session.close()
    return status if isinstance(status, int) else 0
