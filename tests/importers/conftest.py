"""Collects the per-file corpus figures and prints them after the run."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

CORPUS_RESULTS: dict[str, dict[str, Any]] = {}
"""Per corpus file: sections found and cells recovered (filled by test_corpus_all)."""


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not CORPUS_RESULTS:
        return
    write = terminalreporter.write_line
    terminalreporter.section("import: sections found and table cells recovered per corpus file")
    for name, r in sorted(CORPUS_RESULTS.items()):
        sections = ",".join(k[:3] for k in r["sections"]) or "-"
        found = f"{len(r['sections'])}/6 {sections:27s}"
        write(f"{name:42s} {r['format']} {found} {r['cells']:3d}/{r['of']}")
    total = sum(r["cells"] for r in CORPUS_RESULTS.values())
    write(f"{len(CORPUS_RESULTS)} files, {total} cells recovered")
    if os.environ.get("DRAFTER_UPDATE_BASELINE"):
        path = Path(__file__).with_name("corpus_baseline.json")
        data = {
            name: {"sections": r["sections"], "cells": r["cells"]}
            for name, r in sorted(CORPUS_RESULTS.items())
        }
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        write(f"baseline written: {path}")
