"""How a table cell is marked: its kind (total, carried over) and its findings.

Colour alone is not a signal (colour-blind clerks, monochrome terminals), so every
state also has a one-character mark drawn before the value.
"""

from __future__ import annotations

from drafter.forms import CellDef
from drafter.model import Finding

MARKS = {"error": "!", "warning": "?", "computed": "=", "carried": "<"}
"""One-character marks before a value."""


def cell_marks(cell: CellDef, findings: list[Finding], prefilled: bool) -> tuple[list[str], str]:
    """(states, mark): the states style the cell in order; the mark is the strongest one.

    States: ``computed`` (a total), ``carried`` (still holding last year's carry-over),
    ``error``/``warning`` (a finding located at this cell), ``related`` (the cell takes
    part in an equation an error says does not hold).
    """
    states: list[str] = []
    mark = " "
    if cell.computed:
        states.append("computed")
        mark = MARKS["computed"]
    elif cell.carried and prefilled:
        states.append("carried")
        mark = MARKS["carried"]
    own = [f for f in findings if f.location.cell == cell.path]
    if any(f.severity == "error" for f in own):
        return [*states, "error"], MARKS["error"]
    if own:
        return [*states, "warning"], MARKS["warning"]
    if any(f.severity == "error" for f in findings):
        states.append("related")
    return states, mark
