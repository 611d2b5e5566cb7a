"""Rows printed with fewer cells than the form has columns: placed by the identities or not at all.

A PDF drops a row's empty cells (``一、本年新收… 3 3``), a web page leaves them out
(``<td>3</td><td>3</td>`` in a table of nine columns). Which columns the printed figures
belong to is then unknown, and shifting them left (自然人 3, 商业企业 3) invents figures.
So every order-keeping way of putting the printed fields into the row's columns is tried,
and a way is kept only where the row's own identity can hold (R3: six parts and their
total; R4: four parts and their total, three times). A column left out, like a blank,
is unknown — not 0: a blank printed for a figure the clerk forgot must not make another
arrangement look right — so a way is dropped only when no values of its unknown cells
make the sums agree (:func:`drafter.tables.certainly_unequal`). The true arrangement is
therefore always kept. Table 三's rows are narrowed further by the column identities
R1/R2 together with the other rows (:func:`drafter.importers.glued.consistent_readings`).
A cell is read when every way left puts the same figure there, blank when every way
leaves it without a figure, and unread (I1) otherwise: a figure is never guessed. (``258
12 _ _ 1 1`` with its 总计 left out: the last 1 cannot be the total of 272, so only the
total is missing; ``3 3`` could be 自然人 and 总计 or any two parts: unread.)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from math import comb

from drafter.tables import certainly_unequal

Slots = tuple[int | None, ...]
"""A row as placed: a figure per column, None where the source shows nothing."""

MAX_PLACEMENTS = 20_000
"""Ways to try at most (15 columns of table 四 with 7 figures: 6,435)."""


def holds(row: Slots, groups: Sequence[int]) -> bool:
    """Whether each group of parts can add up to the total after it (blanks unknown)."""
    pos = 0
    for size in groups:
        if certainly_unequal(row[pos : pos + size], (row[pos + size],)):
            return False
        pos += size + 1
    return True


def placements(fields: Sequence[int | None], width: int, groups: Sequence[int]) -> list[Slots]:
    """Every way to put ``fields`` (in order) into ``width`` columns that keeps the
    row identity; [] when none does, or when there are too many to try."""
    k = len(fields)
    if k > width or comb(width, k) > MAX_PLACEMENTS:
        return []
    found: dict[Slots, None] = {}
    for columns in itertools.combinations(range(width), k):
        row: list[int | None] = [None] * width
        for column, field in zip(columns, fields, strict=True):
            row[column] = field
        placed = tuple(row)
        if holds(placed, groups):
            found[placed] = None
    return list(found)


@dataclass
class Settled:
    """What the remaining placements agree on, column by column."""

    values: list[int | None]
    """The figure every placement puts in a column, else None."""
    blank: list[int]
    """Columns every placement leaves blank."""
    unsure: list[int]
    """Columns where the placements differ: unread."""


def settle(options: Iterable[Slots], width: int) -> Settled:
    """The columns the placements agree on (all unsure when there are none)."""
    rows = list(options)
    values: list[int | None] = [None] * width
    blank: list[int] = []
    unsure: list[int] = []
    for column in range(width):
        seen = {row[column] for row in rows}
        if len(seen) != 1:
            unsure.append(column)
            continue
        value = seen.pop()
        if value is None:
            blank.append(column)
        else:
            values[column] = value
    return Settled(values, blank, unsure)
