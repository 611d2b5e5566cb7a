"""Property tests: computed tables satisfy R1–R4; any single-cell change is caught."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter import forms
from drafter.rules import check_report
from drafter.tables import complete, input_cells
from tests.factories import random_report

IDENTITIES = {"R1", "R2", "R3", "R4"}
seeds = st.integers(min_value=0, max_value=2**32 - 1)
formats = st.sampled_from(forms.FORMATS)


@settings(max_examples=200, deadline=None)
@given(seed=seeds, fmt=formats)
def test_completed_tables_satisfy_identities(seed, fmt):
    report = random_report(random.Random(seed), fmt)
    findings = check_report(report)
    assert [f for f in findings if f.rule in IDENTITIES | {"V1", "V2", "V3", "C4"}] == []


@settings(max_examples=100, deadline=None)
@given(seed=seeds, fmt=formats)
def test_complete_is_deterministic_and_idempotent(seed, fmt):
    report = random_report(random.Random(seed), fmt)
    assert complete(report) == report
    assert complete(complete(report)) == complete(report)


def _identity_cells(fmt):
    """Cells taking part in an identity: all of tables 三 and 四."""
    return [c for c in forms.all_cells(fmt) if c.table in ("requests", "appeals")]


@settings(max_examples=300, deadline=None)
@given(seed=seeds, fmt=formats, data=st.data())
def test_any_single_cell_change_is_reported_at_that_cell(seed, fmt, data):
    report = random_report(random.Random(seed), fmt)
    cell = data.draw(st.sampled_from(_identity_cells(fmt)))
    old = report.tables.get(cell.path)
    assert isinstance(old, int)
    new = data.draw(
        st.one_of(st.none(), st.integers(min_value=-5, max_value=10_000)).filter(lambda v: v != old)
    )
    report.tables.set(cell.path, new)
    findings = check_report(report)
    naming = [f for f in findings if cell.path in f.location.cells]
    assert naming, f"change of {cell.path} from {old} to {new} went unreported"
    if new is not None and new >= 0:
        assert any(f.rule in IDENTITIES for f in naming)


@settings(max_examples=100, deadline=None)
@given(seed=seeds, data=st.data())
def test_table_two_changes_caught_across_years(seed, data):
    rng = random.Random(seed)
    last = random_report(rng, "2021", year=2024)
    report = random_report(rng, "2021", year=2025)
    for item in ("regulations", "normative_documents"):
        row = getattr(report.tables.active, item)
        row.in_force = getattr(last.tables.active, item).in_force + row.issued - row.repealed
    assert [f for f in check_report(report, last) if f.rule == "X2"] == []
    path = data.draw(
        st.sampled_from(
            [
                f"active.{i}.{c}"
                for i in ("regulations", "normative_documents")
                for c in ("issued", "repealed", "in_force")
            ]
        )
    )
    report.tables.set(path, report.tables.get(path) + data.draw(st.integers(1, 50)))
    assert any(path in f.location.cells for f in check_report(report, last) if f.rule == "X2")


def test_input_cells_are_the_non_totals():
    cells = input_cells("2021")
    assert all(not c.computed for c in cells)
    assert len([c for c in cells if c.table == "requests"]) == 24 * 6
    assert len([c for c in cells if c.table == "appeals"]) == 12
