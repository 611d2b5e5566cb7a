"""Cell input normalisation: what clerks type and what sources hold."""

from __future__ import annotations

from decimal import Decimal

import pytest

from drafter.forms import CellKind
from drafter.values import parse_cell


@pytest.mark.parametrize(
    ("raw", "value", "noted"),
    [
        (12, 12, False),
        ("12", 12, False),
        ("１２", 12, True),
        ("12件", 12, True),
        (" 12 ", 12, True),
        ("1,234", 1234, True),
        ("3.0", 3, True),
        (3.0, 3, True),
        ("零", 0, True),
        ("+3", 3, True),
        (-2, -2, False),
        ("-2", -2, False),
        ("－２", -2, True),
        (None, None, False),
        ("", None, False),
    ],
)
def test_counts(raw, value, noted):
    parsed = parse_cell(raw, CellKind.COUNT)
    assert parsed.value == value
    assert (parsed.note is not None) is noted
    assert not parsed.rejected


@pytest.mark.parametrize("raw", ["—", "-", "/", "无", "－", "——"])
def test_blank_marks_read_as_blank_with_a_note(raw):
    parsed = parse_cell(raw)
    assert parsed.value is None and not parsed.rejected
    assert "按空白处理" in (parsed.note or "")


@pytest.mark.parametrize("raw", ["1.5", 1.5, "abc", "十二件多", True, [1], {"a": 1}, "1e400"])
def test_unusable_counts_are_rejected_with_a_reason(raw):
    parsed = parse_cell(raw)
    assert parsed.value is None and parsed.rejected and parsed.note


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("0", Decimal("0")),
        ("0.5000", Decimal("0.5000")),
        (0.5, Decimal("0.5")),
        ("96171.6", Decimal("96171.6")),
        ("１２.５万元", Decimal("12.5")),
        (3, Decimal(3)),
    ],
)
def test_amounts_keep_their_digits(raw, value):
    parsed = parse_cell(raw, CellKind.AMOUNT)
    assert parsed.value == value
    assert str(parsed.value) == str(value)


def test_signed_keeps_sign():
    assert parse_cell("+3", CellKind.SIGNED).value == 3
    assert parse_cell("-2", CellKind.SIGNED).value == -2
