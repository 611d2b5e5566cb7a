"""Glued figures: split only where the digits and the table identities leave one reading."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter import forms
from drafter.importers import ImportFailed, import_text
from drafter.importers.glued import agreed, count_splits, options, resolve_requests, sum_splits
from tests import writers
from tests.factories import random_report


def test_count_splits_respects_leading_zeros():
    assert count_splits("000", 3) == 1
    assert count_splits("1000", 3) == 1  # only 10|0|0
    assert count_splits("123", 2) == 2
    assert count_splits("05", 2) == 1  # 0|5, never 05


def test_row_identity_picks_the_only_split():
    # The corpus example: 217 1 0 0 0 0 218.
    assert options("21710000218", 7, (6,)) == [(217, 1, 0, 0, 0, 0, 218)]
    assert options("710000071", 7, (6,)) == [(71, 0, 0, 0, 0, 0, 71)]


def test_unique_by_digits_even_when_the_row_does_not_add_up():
    # Seven digits for seven cells: certain, whatever R3 says (the checker reports R3).
    assert options("1100003", 7, (6,)) == [(1, 1, 0, 0, 0, 0, 3)]


def test_appeals_identity_per_block():
    splits = sum_splits("21317000001324019", (4, 4, 4))
    assert (2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19) in splits


def test_ambiguous_run_keeps_only_agreed_cells():
    opts = options("6233440", 3, None)
    assert len(opts) > 1
    assert agreed(opts, 3) == [None, None, None]
    assert agreed([(1, 2, 3), (1, 5, 3)], 3) == [1, None, 3]


def test_column_identities_choose_between_row_readings():
    outcome = [r.key for r in forms.request_rows("2021") if r.outcome]
    zero = (0, 0, 0, 0, 0, 0, 0)
    rows: dict[str, list[tuple[int | None, ...]]] = {k: [zero] for k in outcome}
    rows["granted"] = [(11, 0, 0, 0, 0, 0, 11), (1, 1, 0, 0, 0, 0, 2)]
    rows["new"] = [(11, 0, 0, 0, 0, 0, 11)]
    rows["carried_in"] = [zero]
    rows["carried_out"] = [zero]
    rows["total"] = [(11, 0, 0, 0, 0, 0, 11)]
    certain = resolve_requests(rows, outcome)
    assert certain["granted"] == [11, 0, 0, 0, 0, 0, 11]
    # Without the other rows nothing decides: only the agreed cells stay.
    alone = resolve_requests({"granted": rows["granted"]}, outcome)
    assert alone["granted"] == [None, None, 0, 0, 0, 0, None]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), fmt=st.sampled_from(forms.FORMATS))
def test_crawler_text_never_gives_a_wrong_number(seed, fmt):
    """Every cell of a fully glued report is right, or null with an I2 finding."""
    report = random_report(random.Random(seed), fmt)
    imported = import_text(writers.to_crawler(report), "page.txt").project
    assert imported.format == fmt
    assert imported.imported is not None
    flagged = {p for f in imported.imported.findings if f.rule == "I2" for p in f.location.cells}
    for cell, expected in report.tables.values(fmt):
        got = imported.tables.get(cell.path)
        assert got == expected or (got is None and cell.path in flagged), cell.path
    # Table 三 and 四 rows carry their identities: most of them split with certainty.
    recovered = sum(
        1 for c, v in imported.tables.values(fmt) if v is not None and c.table != "active"
    )
    assert recovered >= 0.8 * (
        len(forms.all_cells(fmt)) - len(forms.table_form("active", fmt).cells)
    )


def test_a_row_without_any_table_header_is_not_a_table():
    """Figures come from tables only: a lone row with no caption, header or section is
    not read (and here, with nothing else, the text is not a report)."""
    with pytest.raises(ImportFailed):
        import_text("一、本年新收政府信息公开申请数量21710000218")
    project = import_text(
        "二、主动公开政府信息情况\n第二十条第（一）项\n三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量21710000218\n"
    ).project
    new = [project.tables.get(f"requests.new.{c}") for c, _ in forms.REQUEST_COLUMNS]
    assert new == [217, 1, 0, 0, 0, 0, 218]
