"""Running the real app in a real terminal for tests: a tmux of our own, waiting helpers.

Pilot cannot show what a terminal shows (where the cursor is, what a wide character
takes), so the terminal tests start ``python -m drafter tui`` in tmux on a private
socket and read the screen and ``#{cursor_x},#{cursor_y}`` back.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from rich.cells import cell_len

COLS, ROWS = 120, 40
TIMEOUT = 20.0
"""Seconds to wait for a screen: generous, the machine may be loaded."""


def app_env(home: Path) -> dict[str, str]:
    # COLUMNS/LINES (set under pytest) would override the terminal's real size.
    dropped = ("TMUX", "PYTEST", "COLUMNS", "LINES")
    env = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    env.update(DRAFTER_HOME=str(home), LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="xterm-256color")
    return env


def wait_until(
    check: Callable[[], object],
    what: str,
    timeout: float = TIMEOUT,
    show: Callable[[], object] | None = None,
) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.1)
    seen = f"; the terminal showed:\n{show()}" if show else ""
    raise AssertionError(f"timed out waiting for {what}{seen}")


class Tmux:
    """One tmux server of our own (private socket), one window running the app."""

    def __init__(
        self, command: list[str], env: dict[str, str], size: tuple[int, int] = (COLS, ROWS)
    ) -> None:
        self.socket = f"drafter-test-{uuid.uuid4().hex[:8]}"
        assignments = " ".join(shlex.quote(f"{k}={v}") for k, v in env.items())
        cols, rows = size
        # env -i: the tmux server's own environment (COLUMNS …) must not reach the app.
        self.run(
            "new-session",
            "-d",
            "-s",
            "app",
            "-x",
            str(cols),
            "-y",
            str(rows),
            f"exec env -i {assignments} {shlex.join(command)}",
        )

    def run(self, *args: str) -> str:
        out = subprocess.run(
            ["tmux", "-u", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return out.stdout

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", "app", "-l", text)

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "app", *keys)

    def screen(self) -> list[str]:
        return self.run("capture-pane", "-t", "app", "-p").split("\n")

    def shown(self) -> str:
        return "\n".join(self.screen())

    def cursor(self) -> tuple[int, int]:
        x, y = self.run("display", "-p", "-t", "app", "#{cursor_x},#{cursor_y}").split(",")
        return int(x), int(y)

    def find(self, text: str) -> tuple[int, int] | None:
        """(column, line) where ``text`` is drawn, in terminal cells."""
        for y, line in enumerate(self.screen()):
            index = line.find(text)
            if index >= 0:
                return cell_len(line[:index]), y
        return None

    def alive(self) -> bool:
        try:
            return "app" in self.run("list-sessions", "-F", "#{session_name}")
        except subprocess.CalledProcessError:
            return False

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
