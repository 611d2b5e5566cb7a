"""The core stays headless: importing it loads neither Textual nor openai (nor the web
server of drafter serve, nor python-docx)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "drafter.model",
    "drafter.forms",
    "drafter.headings",
    "drafter.tables",
    "drafter.rules",
    "drafter.store",
    "drafter.checking",
    "drafter.values",
    "drafter.agency",
    "drafter.config",
    "drafter.tomlwrite",
    "drafter.drafting.engine",
    "drafter.drafting.offline",
    "drafter.drafting.apply",
    "drafter.llm",  # openai loads only when a chat model is made
    "drafter.llm.choice",
    "drafter.cli",  # `drafter check` and `drafter draft --offline` start fast
    "drafter.exporters",
    "drafter.exporters.document",
    "drafter.exporters.docx",
    "drafter.exporters.html",
    "drafter.exporters.markdown",
    "drafter.exporters.gate",
    "drafter.narrative",
    "drafter.narrative.numbers",
    "drafter.narrative.claim_table",
    "drafter.narrative.claims",
    "drafter.narrative.years",
    "drafter.narrative.identity",
    "drafter.narrative.outline",
    "drafter.narrative.scan",
    "drafter.importers",
    "drafter.importers.docx",
    "drafter.similarity",
    "drafter.editing",
    "drafter.recent",
    "drafter.recovery",
    "drafter.newproject",
    "drafter.lock",
    "drafter.ledger",
    "drafter.ledger.record",
    "drafter.ledger.counting",
]


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_ui_or_llm(module):
    code = (
        f"import sys, {module}\n"
        "heavy = ('textual', 'openai', 'docx', 'aiohttp', 'textual_serve')\n"
        "bad = [m for m in heavy if m in sys.modules]\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
