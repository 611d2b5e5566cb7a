"""Where the caret of a focused text field is on screen: the terminal cursor goes there.

An input method opens its candidate window at the terminal cursor, so the cursor must
sit exactly on the caret. Textual 8.2.8's ``Input.cursor_screen_offset`` is one column
right whenever the caret is at the end of the text (the usual place while typing): it
adds the extra cell Input keeps for the caret to scroll into view. Every Input (the
start screen's fields, 要点, the export dialog's 保存为, the command palette's search,
the file picker) is corrected here, in one place; other widgets (the table grid, the
TextArea editor) report their own exact ``cursor_screen_offset``.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.expand_tabs import expand_tabs_inline
from textual.geometry import Offset
from textual.widget import Widget
from textual.widgets import Input


def caret_offset(widget: Widget | None) -> Offset | None:
    """The screen cell of ``widget``'s caret, or None when it has none."""
    if isinstance(widget, Input):
        region = widget.content_region
        position = widget.cursor_position
        typed = widget.value[:position]
        before = position if widget.password else cell_len(expand_tabs_inline(typed, 4))
        return Offset(region.x + before - int(widget.scroll_offset.x), region.y)
    offset = getattr(widget, "cursor_screen_offset", None)
    return offset if isinstance(offset, Offset) else None


class CaretAtFocus:
    """App mixin: the terminal cursor at the caret of the focused field, at every paint.

    Textual 8.2.8 writes ``App.cursor_position`` after each compositor update (the
    supported hook for IME and emoji pickers) but Input and TextArea only set it on
    focus and caret moves, so it goes stale when the layout moves under them
    (scrolling, tab switches, screens). Computing it from the focused widget's caret at
    the moment of drawing (:func:`caret_offset`) keeps the cursor there.
    """

    _cursor_position = Offset(0, 0)

    @property
    def cursor_position(self) -> Offset:
        try:
            focused = self.screen.focused  # type: ignore[attr-defined]
        except Exception:
            return self._cursor_position
        offset = caret_offset(focused)
        return self._cursor_position if offset is None else offset

    @cursor_position.setter
    def cursor_position(self, value: Offset) -> None:
        self._cursor_position = value
