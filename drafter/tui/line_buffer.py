"""The text of one table cell while it is being typed: characters and a caret.

Kept apart from the widget so the caret arithmetic (wide CJK characters, a window on
text longer than the cell) is plain code with plain tests.
"""

from __future__ import annotations

from rich.cells import cell_len


class LineBuffer:
    """A one-line text with a caret (an index between characters)."""

    def __init__(self, text: str = "") -> None:
        self.text = text
        self.caret = len(text)

    def insert(self, text: str) -> None:
        self.text = self.text[: self.caret] + text + self.text[self.caret :]
        self.caret += len(text)

    def backspace(self) -> None:
        if self.caret:
            self.text = self.text[: self.caret - 1] + self.text[self.caret :]
            self.caret -= 1

    def delete(self) -> None:
        self.text = self.text[: self.caret] + self.text[self.caret + 1 :]

    def move(self, step: int) -> bool:
        """Move the caret; False (and no move) at either end."""
        target = self.caret + step
        if 0 <= target <= len(self.text):
            self.caret = target
            return True
        return False

    def window(self, room: int) -> tuple[str, str, str]:
        """(before, at, after): the visible text around the caret in ``room`` cells.

        ``at`` is the character under the caret ("" at the end). The start scrolls so
        the caret stays visible when the text is wider than the cell.
        """
        at = self.text[self.caret : self.caret + 1]
        caret_width = cell_len(at) if at else 1
        start = 0
        while start < self.caret and cell_len(self.text[start : self.caret]) + caret_width > room:
            start += 1
        before = self.text[start : self.caret]
        left = room - cell_len(before) - caret_width
        after = ""
        for char in self.text[self.caret + 1 :]:
            if cell_len(after + char) > left:
                break
            after += char
        return before, at, after

    def caret_cells(self, room: int) -> int:
        """How many cells from the window's start the caret sits."""
        return cell_len(self.window(room)[0])
