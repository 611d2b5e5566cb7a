"""The figures of a section's text and the table cell each was checked against (C1).

One line per figure the checker recognises as stating a table figure
(``drafter.narrative.claims.find_claims``): ✓ when the text agrees with the tables,
✗ when it does not (a C1 error), ? while the cell is still blank. Highlighting a line
selects the figure in the editor; Enter goes to the cell in the tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.tui.session import Session

if TYPE_CHECKING:
    from drafter.forms import FormatId
    from drafter.narrative.claims import Claim

MARKS = {True: "✓", False: "✗", None: "?"}


def claim_line(claim: Claim, text: str, fmt: FormatId) -> Content:
    """``✓29件→表三「一、本年新收…」「总计」=29`` as a clerk reads it.

    Written without spaces: Textual wraps at spaces, and Chinese text is one long
    "word" to it, so a space would leave the mark alone on its line.
    """
    number = claim.number
    stated = text[number.start : number.unit_end] if number else text[slice(*claim.subject)]
    cells = claim.expression.describe(fmt)
    holds = claim.holds
    value = claim.table_value
    shown = format(value.normalize(), "f") if value is not None else ""
    said = {True: f"={shown}", False: f"为{shown}", None: "尚未填写"}[holds]
    tint = {True: "$success", False: "$error", None: "$warning"}[holds]
    return Content.from_markup(
        f"[b {tint}]$mark[/][b]$stated[/]→$cells[{tint}]$said[/]",
        mark=MARKS[holds],
        stated=stated,
        cells=cells,
        said=said,
    )


class ClaimsPanel(OptionList):
    """Every figure of one section's text, with the cell it was checked against."""

    DEFAULT_CSS = """
    ClaimsPanel { height: 9; border: round $primary-muted; border-title-color: $text-muted; }
    ClaimsPanel:focus { border: round $accent; }
    """

    @dataclass
    class Highlighted(Message):
        """A figure was highlighted: select it in the editor (offsets in the text)."""

        panel: ClaimsPanel
        start: int
        end: int

    @dataclass
    class Chosen(Message):
        """Enter on a figure: go to the first cell it was checked against."""

        panel: ClaimsPanel
        cell: str

    def __init__(self, session: Session, key: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.key = key
        self.claims: list[Claim] = []

    def show_claims(self, text: str) -> None:
        """Find the figures of ``text`` and list them against the tables as they are now."""
        from drafter.narrative.claims import find_claims

        project = self.session.project
        self.claims = find_claims(text, project, section=self.key)
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(
            Option(claim_line(claim, text, project.format), id=str(i))
            for i, claim in enumerate(self.claims)
        )
        wrong = sum(1 for c in self.claims if c.holds is False)
        if not self.claims:
            self.border_title = "文中数字：没有找到与表格对应的数字"
        else:
            bad = f"，[b $error]{wrong}个与表格不符[/]" if wrong else ""
            self.border_title = Content.from_markup(
                f"文中数字{len(self.claims)}个{bad} · Enter 转到表格"
            )
        if highlighted is not None and highlighted < len(self.claims):
            self.highlighted = highlighted

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        claim = self.claims[event.option_index]
        number = claim.number
        start, end = claim.subject if number is None else (number.start, number.unit_end)
        self.post_message(self.Highlighted(self, start, end))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        claim = self.claims[event.option_index]
        self.post_message(self.Chosen(self, claim.expression.paths[0]))
