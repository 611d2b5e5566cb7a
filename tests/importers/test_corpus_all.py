"""Every corpus file imports without a crash, and recovery never regresses.

For each file in ``fixtures/corpus`` (seed, partial reports, complete reports) the test
records the sections found and the table cells recovered, prints them at the end of
the run (see ``conftest.py``), and fails if a file now gives fewer sections or cells
than the committed baseline ``corpus_baseline.json``. After an improvement, refresh the
baseline with ``DRAFTER_UPDATE_BASELINE=1 .venv/bin/pytest tests/importers/test_corpus_all.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from drafter import forms
from drafter.importers import import_file
from tests.factories import CORPUS
from tests.importers.conftest import CORPUS_RESULTS

BASELINE = Path(__file__).with_name("corpus_baseline.json")
FILES = sorted(
    p
    for p in CORPUS.rglob("*")
    if p.suffix in (".txt", ".html", ".pdf", ".docx", ".md") and p.name != "README.md"
)


def _baseline() -> dict[str, dict[str, object]]:
    if not BASELINE.exists():
        return {}
    data: dict[str, dict[str, object]] = json.loads(BASELINE.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_corpus_file_imports_without_regression(path):
    imported = import_file(path)
    project = imported.project
    assert project.imported is not None
    sections = [s.key for s in project.sections if s.key != forms.PREAMBLE_KEY]
    record = {
        "sections": sections,
        "cells": project.imported.recovered_cells,
        "of": len(forms.all_cells(project.format)),
        "format": project.format,
        "agency": project.agency,
        "year": project.year,
    }
    name = str(path.relative_to(CORPUS))
    CORPUS_RESULTS[name] = record
    # Findings always point inside the file and at real cells.
    n_lines = imported.source.text.count("\n") + 1
    paths = {c.path for c in forms.all_cells(project.format)}
    for finding in project.imported.findings:
        assert finding.location.line is None or 1 <= finding.location.line <= n_lines
        assert set(finding.location.cells) <= paths
    if os.environ.get("DRAFTER_UPDATE_BASELINE"):
        return
    before = _baseline().get(name)
    assert before is not None, f"{name} 不在基线中：请用 DRAFTER_UPDATE_BASELINE=1 更新基线"
    assert set(before["sections"]) <= set(sections), "sections lost"  # type: ignore[arg-type]
    assert record["cells"] >= before["cells"], "cells lost"  # type: ignore[operator]


def test_corpus_covers_every_file():
    assert len(FILES) >= 69
    names = {str(p.relative_to(CORPUS)) for p in FILES}
    baseline = _baseline()
    if os.environ.get("DRAFTER_UPDATE_BASELINE"):
        return
    assert set(baseline) == names, "baseline and corpus differ: refresh the baseline"
