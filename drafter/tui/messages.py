"""Messages that cross screens: the app routes them (jumps to a cell or a sentence)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from drafter.model import Finding


@dataclass
class JumpToFinding(Message):
    """Show where a finding points: its table cell, or its place in a section's text."""

    finding: Finding


@dataclass
class JumpToCell(Message):
    """Show a table cell (a figure of the prose was checked against it)."""

    cell: str


class FindingsChecked(Message):
    """The first check of the open project has run: redraw the marks."""
