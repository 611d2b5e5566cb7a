"""The official rows the importer looks for, from :mod:`drafter.forms`, per format.

Tables 二 and 三 are found by row label; each :class:`RowDef` says which cells a row's
figures fill, in order, of what kind, and the sums inside the row (R3) that decide how
glued or short rows are read. Table 四 has no row labels: its 15 cells are in
:data:`APPEAL_PATHS` with its sums in :data:`APPEAL_GROUPS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from drafter import forms
from drafter.forms import APPEAL_COLUMNS, APPEAL_ROWS, REQUEST_COLUMNS, CellKind, FormatId
from drafter.importers.normalise import condense

_NUMBERING = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])\s*"
)


@dataclass(frozen=True)
class RowDef:
    """An official row to look for, with the cells its figures fill (in order)."""

    table: str
    key: str
    label: str
    variants: tuple[str, ...]
    paths: tuple[str, ...]
    kinds: tuple[CellKind, ...]
    groups: tuple[int, ...] | None = None
    """Sum groups of the row (R3: six parts and their total) for splitting glued runs."""


def _variants(label: str) -> tuple[str, ...]:
    core = _NUMBERING.sub("", label)
    full = condense(core)
    short = condense(re.split(r"[（(]", core, maxsplit=1)[0])
    return (full,) if short == full or len(short) < 2 else (full, short)


@cache
def row_defs(fmt: FormatId) -> tuple[RowDef, ...]:
    """The rows of tables 二 and 三 in table order (table 四 has no row labels)."""
    defs: list[RowDef] = []
    for block in forms.active_blocks(fmt):
        for item, label in block.items:
            paths = tuple(
                f"active.{item}.{c}" if c else f"active.{item}" for c, _, _ in block.columns
            )
            kinds = tuple(k for _, _, k in block.columns)
            defs.append(RowDef("active", item, label, _variants(label), paths, kinds))
    counts = tuple(CellKind.COUNT for _ in REQUEST_COLUMNS)
    for row in forms.request_rows(fmt):
        if fmt == "2021" and row.key == "other_1":
            # Some 2021-layout tables keep the single （六）其他处理 row of 2019.
            defs.append(
                RowDef(
                    "requests",
                    "other_single",
                    forms.OTHER,
                    _variants(forms.OTHER),
                    request_paths("other_1"),
                    counts,
                    (6,),
                )
            )
        defs.append(
            RowDef(
                "requests",
                row.key,
                row.label,
                _variants(row.label),
                request_paths(row.key),
                counts,
                (6,),
            )
        )
    return tuple(defs)


def request_paths(key: str) -> tuple[str, ...]:
    return tuple(f"requests.{key}.{c}" for c, _ in REQUEST_COLUMNS)


APPEAL_PATHS = tuple(f"appeals.{r}.{c}" for r, _ in APPEAL_ROWS for c, _ in APPEAL_COLUMNS)
APPEAL_GROUPS = (4, 4, 4)
"""Table 四 in printed order: three blocks of four parts and their total (R4)."""
