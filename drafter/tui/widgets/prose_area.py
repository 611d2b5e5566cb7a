"""A text area for report prose: Textual's TextArea plus the keys word processors have.

Textual 8.2.8's TextArea has no key for the start and end of the whole text; a clerk
expects Ctrl+Home and Ctrl+End (with Shift: select to there), as in Word and WPS.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import TextArea


class ProseArea(TextArea):
    """A soft-wrapped text area with Ctrl+Home / Ctrl+End."""

    BINDINGS = [
        Binding("ctrl+home", "text_start", "到开头", show=False, tooltip="光标移到全文开头"),
        Binding("ctrl+end", "text_end", "到末尾", show=False, tooltip="光标移到全文末尾"),
        Binding(
            "ctrl+shift+home", "text_start(True)", "选到开头", show=False, tooltip="选中到全文开头"
        ),
        Binding(
            "ctrl+shift+end", "text_end(True)", "选到末尾", show=False, tooltip="选中到全文末尾"
        ),
    ]

    def action_text_start(self, select: bool = False) -> None:
        self.move_cursor((0, 0), select=select)

    def action_text_end(self, select: bool = False) -> None:
        self.move_cursor(self.document.end, select=select)
