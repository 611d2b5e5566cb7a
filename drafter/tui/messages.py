"""Messages that cross screens: the app routes them (jumps from the checks list)."""

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
