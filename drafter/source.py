"""The checked file as text: lets findings point at lines of the file the user has.

An importer returns a :class:`SourceText` alongside the report it recovered. It records,
for every section, which file line each line of that section's text came from, and every
heading-like line it met in order (duplicates and renamed headings included), so the
narrative rules (N1) can judge the outline as written and name the line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from drafter import forms


@dataclass(frozen=True)
class HeadingHit:
    """A section heading as it stands in the file."""

    text: str
    """The heading line as written (normalised punctuation and spaces)."""
    key: str | None
    """The section it was taken for (``overview`` …), or None when unrecognised."""
    line: int
    """1-based line in the file."""


@dataclass
class SourceText:
    """The text of an imported file and where each section's text sits in it."""

    path: str
    text: str
    """The decoded text; for docx/html/pdf the extracted text, a paragraph a line."""
    section_lines: dict[str, list[int]] = field(default_factory=dict)
    """For each section key: the 1-based file line of each line of the section's text."""
    headings: list[HeadingHit] = field(default_factory=list)
    """Every section heading found, in file order."""
    cell_lines: dict[str, int] = field(default_factory=dict)
    """For each table cell path read from the file, the line it was read from."""

    def line_of(self, section: str, section_text: str, offset: int) -> int | None:
        """The file line holding character ``offset`` of ``section_text``, if known."""
        lines = self.section_lines.get(section)
        if not lines:
            return None
        index = section_text.count("\n", 0, max(offset, 0))
        return lines[min(index, len(lines) - 1)]

    def heading_line(self, section: str) -> int | None:
        """The line of the first heading taken for ``section``."""
        return next((h.line for h in self.headings if h.key == section), None)

    @cached_property
    def lines(self) -> list[str]:
        """The file's lines (``lines[n - 1]`` is line ``n``)."""
        return self.text.splitlines()

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, trimmed ('' outside the file)."""
        return self.lines[line - 1].strip() if 1 <= line <= len(self.lines) else ""

    @cached_property
    def last_line(self) -> int | None:
        """The last line with text (where a file cut short ends)."""
        return next((n for n in range(len(self.lines), 0, -1) if self.lines[n - 1].strip()), None)

    def where_missing(self, section: str) -> tuple[int | None, HeadingHit | None]:
        """Where a section the file lacks should be; see :func:`where_missing`."""
        return where_missing(self.headings, section, self.last_line)


def where_missing(
    headings: Sequence[HeadingHit], section: str, last_line: int | None
) -> tuple[int | None, HeadingHit | None]:
    """The line a missing section belongs before: the first heading of a later section
    (returned too), else the file's last line with text (the file ends without it)."""
    order = {key: i for i, key in enumerate(forms.SECTION_KEYS)}
    later = [h for h in headings if h.key is not None and order[h.key] > order.get(section, 0)]
    if later:
        first = min(later, key=lambda h: h.line)
        return first.line, first
    return last_line, None
