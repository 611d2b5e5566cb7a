"""Fixtures for tests that drive the real openai client against the local fake server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from drafter.config import Settings
from drafter.model import Project
from tests.factories import example
from tests.fake_openai import FakeOpenAI


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(models=("fake-model", "fake-model-pro")) as fake:
        yield fake


@pytest.fixture
def settings(server: FakeOpenAI) -> Settings:
    """Short timeouts, one retry: fault tests finish in seconds, yet a loaded CI runner
    still answers a healthy local request well within them."""
    return Settings(
        base_url=server.url, model="fake-model", timeout=3.0, connect_timeout=2.0, max_retries=1
    )


@pytest.fixture
def blank() -> Project:
    """The example project with its narrative sections still empty (nothing typed yet)."""
    project = example()
    for key in ("overview", "problems", "other"):
        project.set_text(key, "")
    return project
