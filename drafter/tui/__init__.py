"""The terminal UI (Textual). Nothing in the core imports this package.

``run(path)`` is what ``drafter`` and ``drafter tui`` call. Textual is imported only
when the UI starts, so the other commands stay fast.
"""

from __future__ import annotations

import sys
from pathlib import Path


def run(path: Path | None = None, *, offline: bool = False) -> int:
    """Run the UI until the clerk quits; returns the exit status.

    ``offline``: draft with the offline drafter even when an endpoint is configured.
    """
    from drafter.tui.app import DrafterApp

    app = DrafterApp(path, offline=offline)
    status = app.run()
    # Belt and braces: whatever ended the app, what was typed reaches the disk.
    session = app.session
    if session is None:
        return status if isinstance(status, int) else 0
    failed = session.dirty and not session.save()
    session.close()  # the lock goes either way; the recovery copy stays if unsaved
    if failed:
        copy = f"，修改保存在恢复副本 {session.recovery_copy}" if session.recovery_copy else ""
        # stderr: under drafter serve, stdout is the browser's channel
        print(f"退出时无法保存：{session.save_error}{copy}", file=sys.stderr)
        return 1
    return status if isinstance(status, int) else 0
