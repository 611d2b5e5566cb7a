"""Pilot fixtures: the real app on a copy of the example project, cursors not blinking."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from drafter.tui.app import DrafterApp
from tests.factories import EXAMPLE
from tests.fake_openai import FakeOpenAI

SIZE = (120, 40)
TODAY = date(2026, 1, 15)
"""A fixed day: the start screen proposes last year (2025) as the report year."""


@pytest.fixture(autouse=True)
def _frozen_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Snapshots and assertions must not depend on the blink phase."""
    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    """A writable copy of the bundled example (2025 with 2024 as last year)."""
    path = tmp_path / "yunxi-2025.json"
    shutil.copy(EXAMPLE, path)
    return path


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., DrafterApp]:
    def make(
        path: Path | None = None, autosave_delay: float = 0.05, offline: bool = False
    ) -> DrafterApp:
        return DrafterApp(
            path, workdir=tmp_path, today=TODAY, autosave_delay=autosave_delay, offline=offline
        )

    return make


@pytest.fixture
def fake_llm(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAI]:
    """The local OpenAI-compatible server, configured as the drafting endpoint.

    Through the environment and the settings file, as a clerk would configure it: the
    app reads ``drafter.config`` itself. No retries and short timeouts keep fault
    tests quick.
    """
    from drafter.config import update_config_file

    with FakeOpenAI(models=("fake-model",)) as server:
        monkeypatch.setenv("DRAFTER_BASE_URL", server.url)
        monkeypatch.setenv("DRAFTER_MODEL", "fake-model")
        update_config_file({"timeout": "5", "connect_timeout": "2", "max_retries": "0"})
        yield server


async def settle(pilot) -> None:
    """Wait until the open project's first check (run in a worker after the first paint)
    has landed and the screen is redrawn: snapshots must not catch 核对中…… by chance."""
    app = pilot.app
    for _ in range(500):
        session = app.session
        if session is None or not session.first_check_pending:
            break
        await pilot.pause(0.02)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def detail_of(pilot, figures, path: str) -> str:
    """The figures screen's detail line once it describes the cell at ``path``: it
    follows the cursor after the next repaint (the grid announces its move then)."""
    grid = figures.grid(path.split(".", 1)[0])
    label = grid.form.by_path[path].label

    def shown() -> str:
        return str(figures.query_one("#cell-detail").render())

    await eventually(pilot, lambda: shown().startswith(label))
    return shown()


async def handled(pilot, widget) -> None:
    """Wait until the messages already posted to ``widget`` (a Button's Pressed ...) have
    been handled by it, by each ancestor they bubble to, and by the app (a dialog's
    result reaches the app's callback there). Deterministic, not a pause: a sentinel
    is queued behind them at each level in turn, as the message itself travels."""
    chain = [*widget.ancestors_with_self]
    if pilot.app not in chain:
        chain.append(pilot.app)
    arrived: list[bool] = []

    def step(i: int) -> None:
        if i == len(chain):
            arrived.append(True)
        else:
            chain[i].call_later(step, i + 1)

    step(0)
    await eventually(pilot, lambda: arrived, 30)


async def eventually(pilot, condition: Callable[[], object], seconds: float = 10.0) -> None:
    """Let the app run until ``condition()`` holds: autosaves and checks run on timers
    and workers, and a fixed pause that suffices on a quiet machine flakes on a loaded
    CI runner. Fails with the condition's source line when it never holds."""
    steps = int(seconds / 0.02)
    for _ in range(steps):
        if condition():
            return
        await pilot.pause(0.02)
    await pilot.pause()
    assert condition(), f"did not happen within {seconds} s"
