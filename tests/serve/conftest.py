"""``drafter serve`` as the clerk starts it: a real subprocess, stopped with Ctrl+C (SIGINT)."""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.factories import EXAMPLE
from tests.signals import default_sigint

URL = re.compile(r"http://127\.0\.0\.1:(\d+)/([A-Za-z0-9_-]+)/")
START_TIMEOUT = 60.0
"""Generous: the machine is shared and loaded; a healthy start takes about a second."""


@dataclass
class Served:
    """A running ``drafter serve``: its URL, and what it printed so far."""

    process: subprocess.Popen[str]
    url: str = ""
    port: int = 0
    token: str = ""
    lines: list[str] = field(default_factory=list)
    _queue: queue.Queue[str | None] = field(default_factory=queue.Queue)
    _pump: threading.Thread | None = None

    def wait_for_url(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=0.5)
            except queue.Empty:
                assert self.process.poll() is None, f"drafter serve ended: {self.output()}"
                continue
            if line is None:
                break
            self.lines.append(line)
            found = URL.search(line)
            if found:
                self.url, self.port, self.token = found[0], int(found[1]), found[2]
                return
        raise AssertionError(f"no URL printed within {START_TIMEOUT} s: {self.output()}")

    def output(self) -> str:
        while True:
            try:
                line = self._queue.get_nowait()
            except queue.Empty:
                break
            if line is not None:
                self.lines.append(line)
        return "".join(self.lines)

    def close(self) -> None:
        """Kill it if still running, and close its pipes."""
        if self.process.poll() is None:
            tabs = self.tab_processes()
            self.process.kill()
            self.process.wait()
            for pid in tabs:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        if self._pump is not None:
            self._pump.join(timeout=10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()

    def tab_processes(self) -> list[int]:
        """Ids of the app processes the server started (one per open tab)."""
        return children(self.process.pid)

    def interrupt(self, timeout: float = 60.0) -> tuple[int, str, str]:
        """Ctrl+C: (exit status, stdout, stderr) once it has stopped."""
        self.process.send_signal(signal.SIGINT)
        try:
            status = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        assert self.process.stderr is not None
        return status, self.output(), self.process.stderr.read()


def children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def gone(pid: int) -> bool:
    """True once process ``pid`` has ended (a zombie counts as ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


def start(*args: str, cwd: Path) -> Served:
    process = subprocess.Popen(
        [sys.executable, "-m", "drafter", "serve", "--no-browser", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=default_sigint,  # a run started in the background ignores Ctrl+C
    )
    served = Served(process)

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            served._queue.put(line)
        served._queue.put(None)

    served._pump = threading.Thread(target=pump, daemon=True)
    served._pump.start()
    return served


@pytest.fixture
def served_project(tmp_path: Path) -> Path:
    path = tmp_path / "yunxi-2025.json"
    shutil.copy(EXAMPLE, path)
    return path


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[object]:
    """``serve(*args)`` starts ``drafter serve --no-browser *args`` in tmp_path and waits
    for its URL (``wait=False``: returns at once); whatever still runs at the end of the
    test is killed."""
    started: list[Served] = []

    def run(*args: str, wait: bool = True) -> Served:
        served = start(*args, cwd=tmp_path)
        started.append(served)
        if wait:
            served.wait_for_url()
        return served

    yield run
    for served in started:
        served.close()
