from __future__ import annotations

from pathlib import Path

import pytest

from drafter.model import Project
from tests.factories import example


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test gets its own config/data/log folders; no test touches the real ones."""
    home = tmp_path_factory.mktemp("drafter-home")
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    monkeypatch.delenv("DRAFTER_API_KEY", raising=False)
    monkeypatch.delenv("DRAFTER_BASE_URL", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("DRAFTER_MODEL", raising=False)
    # Kill switch: a test that reaches for a real endpoint fails instead of calling it.
    monkeypatch.setenv("DRAFTER_LOCAL_ONLY", "1")
    return home


@pytest.fixture
def project() -> Project:
    """A fresh copy of the bundled example project."""
    return example()


@pytest.fixture
def write_json(tmp_path: Path):
    def write(project: Project, name: str = "project.json") -> Path:
        from drafter.store import save_project

        path = tmp_path / name
        save_project(project, path)
        return path

    return write
