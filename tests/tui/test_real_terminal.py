"""The real app in a real terminal: Chinese typing, the caret under the IME, kill -9.

Pilot cannot show what a terminal shows (where the cursor is, what a wide character
takes) nor what survives a SIGKILL, so these start ``python -m drafter tui`` in tmux
(skipped with a reason when tmux is missing) or on a pseudo-terminal.
"""

from __future__ import annotations

import fcntl
import os
import pty
import shutil
import signal
import struct
import sys
import termios
import threading
from pathlib import Path

import pytest
from rich.cells import cell_len

from drafter import recovery
from drafter.store import load_project
from tests.factories import EXAMPLE
from tests.tui.terminal import COLS, ROWS, Tmux, app_env, wait_until


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    path = tmp_path / "yunxi-2025.json"
    shutil.copy(EXAMPLE, path)
    return path


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_chinese_typed_in_tmux_is_drawn_and_the_cursor_sits_at_the_caret(project_copy, tmp_path):
    command = [sys.executable, "-m", "drafter", "tui", str(project_copy)]
    term = Tmux(command, app_env(tmp_path / "home"))
    try:
        wait_until(lambda: term.find("行政规范性文件"), "the figures screen")

        # A cell: full-width digits typed as an IME would commit them.
        term.type("１２")
        wait_until(lambda: term.find("１２"), "the digits in the cell")
        x, y = term.find("１２") or (0, 0)
        wait_until(lambda: term.cursor() == (x + 4, y), f"the cursor at {(x + 4, y)}", 5)
        term.keys("Escape")

        # The editor: Chinese text with full-width punctuation (pilot cannot type these).
        term.keys("F3")
        wait_until(lambda: term.find("今年（编辑区）"), "the narrative screen")
        typed = "本年新收政府信息公开申请29件，“引号”也在。"
        term.type(typed)
        wait_until(lambda: term.find(typed), "the typed text", show=term.screen)
        x, y = term.find(typed) or (0, 0)
        end = (x + cell_len(typed), y)
        wait_until(lambda: term.cursor() == end, f"the cursor at {end}", 5)

        wait_until(
            lambda: load_project(project_copy).project.text("overview").startswith(typed),
            "the autosave",
            5,
        )
        term.keys("C-q")
        wait_until(lambda: not term.alive(), "the app to quit")
    finally:
        term.close()
    assert load_project(project_copy).project.text("overview").startswith(typed)
    assert not recovery.recovery_path(project_copy).exists()


class PtyApp:
    """The app on a pseudo-terminal of 120×40, its output drained by a thread."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # child: size the terminal before the app asks for it
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            os.execve(command[0], command, env)
        self.pid, self.fd = pid, fd
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def shows(self, text: str) -> bool:
        return text.encode("utf-8") in self.output

    def said(self, *texts: str, since: int = 0) -> bool:
        """``texts`` were drawn in this order after output offset ``since``."""
        at = since
        for text in texts:
            found = self.output.find(text.encode("utf-8"), at)
            if found < 0:
                return False
            at = found + 1
        return True

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode("utf-8"))

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def test_sigkill_after_an_edit_loses_nothing_the_status_line_called_saved(project_copy, tmp_path):
    env = app_env(tmp_path / "home")
    command = [sys.executable, "-m", "drafter", "tui", str(project_copy)]
    app = PtyApp(command, env)
    try:
        wait_until(lambda: app.shows("行政规范性文件"), "the figures screen")
        app.type("\x1bOR")  # F3
        wait_until(lambda: app.shows("今年（编辑区）"), "the narrative screen")
        first = "第一段：状态行报告保存完成后才结束进程。"  # no status word in it
        mark = len(app.output)
        app.type(first)
        wait_until(lambda: app.shows(first[:6]), "the first text on screen")
        # The status line says 未保存 at the edit, then 已保存 (within a second, however
        # long that second takes on a loaded machine): from then on nothing may be lost.
        wait_until(lambda: app.said("未保存", "已保存", since=mark), "未保存, then 已保存")
        app.type("第二段：刚输入就被杀掉。")
    finally:
        app.kill()
    assert load_project(project_copy).project.text("overview").startswith(first)

    # Restart: the app opens the project (offering the recovery copy if the kill fell
    # between the copy and the project file) and shows what was typed.
    again = PtyApp(command, env)
    try:
        wait_until(lambda: again.shows("行政规范性文件") or again.shows("恢复副本"), "a restart")
    finally:
        again.kill()
    copy = recovery.read_recovery(project_copy)
    if copy is not None:
        assert copy.project.text("overview").startswith(first)
