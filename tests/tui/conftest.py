"""Pilot fixtures: the real app on a copy of the example project, cursors not blinking."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from drafter.tui.app import DrafterApp
from tests.factories import EXAMPLE

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
    def make(path: Path | None = None, autosave_delay: float = 0.05) -> DrafterApp:
        return DrafterApp(path, workdir=tmp_path, today=TODAY, autosave_delay=autosave_delay)

    return make
