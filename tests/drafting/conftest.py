"""Fixtures for tests that drive the real openai client against the local fake server."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from drafter.config import Settings
from drafter.model import Finding, Location, Project
from drafter.rules import REGISTRY, CheckContext, Rule
from tests.factories import example
from tests.fake_openai import FakeOpenAI


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(models=("fake-model", "fake-model-pro")) as fake:
        yield fake


@pytest.fixture
def settings(server: FakeOpenAI) -> Settings:
    """Short timeouts, one retry: fault tests finish in well under a second each."""
    return Settings(
        base_url=server.url, model="fake-model", timeout=0.5, connect_timeout=0.5, max_retries=1
    )


@pytest.fixture
def blank() -> Project:
    """The example project with its narrative sections still empty (nothing typed yet)."""
    project = example()
    for key in ("overview", "problems", "other"):
        project.set_text(key, "")
    return project


# --------------------------------------------------------------------------- a C1 stand-in

CLAIM = re.compile(r"[^。\n]*新收政府信息公开申请(\d+)件[^。\n]*")


def _new_requests_claims(ctx: CheckContext) -> Iterator[Finding]:
    """Test-only C1: '新收政府信息公开申请N件' must equal 表三 本年新收 总计."""
    table = ctx.report.tables.get("requests.new.total")
    for key in ("overview", "problems", "other"):
        for m in CLAIM.finditer(ctx.report.text(key)):
            if table is not None and int(m.group(1)) != table:
                yield Finding(
                    rule="C1",
                    severity="error",
                    message=f"文中新收申请 {m.group(1)} 件，与表三「本年新收」总计 {table} 件不符",
                    location=Location(section=key),
                    excerpt=m.group(0),
                )


@pytest.fixture
def fake_c1() -> Iterator[Rule]:
    """Registers a C1-like rule for the test (the real C1 comes with the checker, issue 4).

    The drafting code filters findings by rule id only, so the same tests keep working
    when the real C1 is registered too.
    """
    entry = Rule("C1", "测试用：文中新收申请数与表三一致", _new_requests_claims)
    REGISTRY.append(entry)
    yield entry
    REGISTRY.remove(entry)
