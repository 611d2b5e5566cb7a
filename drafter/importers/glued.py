"""Splitting figures a crawler glued together, using only what is certain.

``21710000218`` under the seven columns of 一、本年新收 is 217, 1, 0, 0, 0, 0, 218: the
only way to cut it into seven figures without leading zeros whose first six add up to
the seventh (R3). A split is taken when it is the only one the table allows — first by
the digits alone, then by the row identity (R3, R4), then by the column identities of
the whole table 三 (R1, R2). Where more than one split remains, the cells on which all
remaining splits agree are kept and the others stay ``null`` with an I2 finding: a
figure is never guessed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

Split = tuple[int, ...]
MAX_OPTIONS = 5_000
MAX_COMBINATIONS = 20_000


def count_splits(digits: str, parts: int) -> int:
    """How many ways ``digits`` cuts into ``parts`` figures without leading zeros."""
    n = len(digits)
    # ways[pos]: the cuts of digits[pos:] into the figures left to place; none left
    # to place, only the end of the digits is a cut.
    ways = [0] * n + [1]
    for _ in range(parts):
        # after[p] = sum(ways[p:])
        after = list(itertools.accumulate(reversed(ways), initial=0))[::-1]
        # A figure starting at pos ends anywhere after it, or right there if it is a 0.
        ways = [ways[pos + 1] if digits[pos] == "0" else after[pos + 1] for pos in range(n)] + [0]
    return ways[0]


def all_splits(digits: str, parts: int, limit: int = MAX_OPTIONS) -> list[Split] | None:
    """Every cut of ``digits`` into ``parts`` figures; None when there are over ``limit``."""
    if count_splits(digits, parts) > limit:
        return None
    out: list[Split] = []

    def walk(pos: int, left: int, acc: list[int]) -> None:
        if left == 0:
            if pos == len(digits):
                out.append(tuple(acc))
            return
        for end in range(pos + 1, len(digits) - left + 2):
            piece = digits[pos:end]
            if len(piece) > 1 and piece[0] == "0":
                break
            walk(end, left - 1, [*acc, int(piece)])

    walk(0, parts, [])
    return out


def sum_splits(digits: str, groups: Sequence[int]) -> list[Split]:
    """Cuts where each group of ``k`` figures is followed by their sum (R3: 6+1, R4: 4+1)."""
    out: list[Split] = []
    n = len(digits)

    def group(pos: int, g: int, acc: list[int]) -> None:
        if g == len(groups):
            if pos == n:
                out.append(tuple(acc))
            return
        parts(pos, g, groups[g], [], acc)

    def parts(pos: int, g: int, left: int, chosen: list[int], acc: list[int]) -> None:
        if left == 0:
            total = str(sum(chosen))
            if digits.startswith(total, pos):
                group(pos + len(total), g + 1, [*acc, *chosen, int(total)])
            return
        for end in range(pos + 1, n - left + 1):
            piece = digits[pos:end]
            if len(piece) > 1 and piece[0] == "0":
                break
            # The total is at least as long as its longest part.
            if n - end < (left - 1) + len(piece):
                break
            parts(end, g, left - 1, [*chosen, int(piece)], acc)

    group(0, 0, [])
    return out


def options(digits: str, parts: int, groups: Sequence[int] | None) -> list[Split]:
    """The splits of a glued run the digits and the row identity allow."""
    if count_splits(digits, parts) == 1:
        unique = all_splits(digits, parts)
        return unique or []
    if groups:
        return sum_splits(digits, groups)
    return all_splits(digits, parts) or []


def agreed(candidates: Sequence[Sequence[int | None]], width: int) -> list[int | None]:
    """Per position, the value every candidate gives, or None where they differ."""
    if not candidates:
        return [None] * width
    out: list[int | None] = []
    for i in range(width):
        values = {c[i] for c in candidates}
        out.append(values.pop() if len(values) == 1 else None)
    return out


Row = tuple[int | None, ...]


def resolve_requests(
    rows: dict[str, list[Row]], outcome_keys: Sequence[str]
) -> dict[str, list[int | None]]:
    """Choose among the splits of glued table 三 rows by the column identities R1 and R2.

    ``rows`` maps a row key to its possible readings (one for a row read cleanly).
    Returns, for every row, the values that are certain (None where not).
    """
    readings = consistent_readings(rows, outcome_keys)
    return {k: agreed(opts, 7) for k, opts in readings.items()}


def consistent_readings(
    rows: dict[str, list[Row]], outcome_keys: Sequence[str]
) -> dict[str, list[Row]]:
    """For each row, the readings that fit R1 and R2 with some reading of every other row.

    All of a row's readings stay when no combination fits (the source itself breaks
    R1/R2: only what each row fixes is certain) or when there are too many to try.
    """
    out = {k: list(opts) for k, opts in rows.items()}
    ambiguous = [k for k, opts in rows.items() if len(opts) > 1]
    if not ambiguous:
        return out
    sizes = 1
    for k in ambiguous:
        sizes *= len(rows[k])
    if sizes > MAX_COMBINATIONS:
        return out
    fixed = {k: opts[0] for k, opts in rows.items() if len(opts) == 1}
    consistent: dict[str, dict[Row, None]] = {k: {} for k in ambiguous}
    for combo in itertools.product(*(rows[k] for k in ambiguous)):
        chosen = dict(fixed)
        chosen.update(zip(ambiguous, combo, strict=True))
        if _identities_hold(chosen, outcome_keys):
            for k, row in zip(ambiguous, combo, strict=True):
                consistent[k][row] = None
    if not any(consistent.values()):
        return out
    for k in ambiguous:
        out[k] = list(consistent[k])
    return out


def _identities_hold(rows: dict[str, Row], outcome_keys: Sequence[str]) -> bool:
    total, new, carried_in, carried_out = (
        rows.get(k) for k in ("total", "new", "carried_in", "carried_out")
    )
    outcomes = [rows.get(k) for k in outcome_keys]
    for col in range(7):
        if total is not None and all(o is not None for o in outcomes):
            parts = [o[col] for o in outcomes if o is not None]
            if total[col] is not None and None not in parts:
                if sum(p for p in parts if p is not None) != total[col]:  # R2
                    return False
        sides = (new, carried_in, total, carried_out)
        if all(s is not None and s[col] is not None for s in sides):
            a, b, c, d = (s[col] for s in sides if s is not None)
            if a is not None and b is not None and c is not None and d is not None:
                if a + b != c + d:  # R1
                    return False
    return True
