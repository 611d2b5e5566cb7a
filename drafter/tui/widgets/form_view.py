"""An official table drawn as the form: labels from ``forms``, figures from the model.

Drawn line by line (Textual's line API) from :mod:`drafter.tui.form_layout`; the
header rows stay on screen while the body scrolls. Every cell a finding names is
coloured and marked (:mod:`drafter.tui.cell_marks`); the cell being typed into is
drawn with its caret, and the terminal cursor is kept there (``cursor_screen_offset``)
so an input method's window opens where the clerk types. Editing is
:class:`~drafter.tui.widgets.form_grid.FormGrid`'s.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Offset, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from drafter import forms
from drafter.editing import carried_values
from drafter.model import CellValue, Finding
from drafter.tui.cell_marks import cell_marks
from drafter.tui.form_layout import FormLayout, Placed, cut, layout
from drafter.tui.line_buffer import LineBuffer
from drafter.tui.session import Session


def show_value(value: CellValue) -> str:
    return "" if value is None else str(value)


class FormView(ScrollView):
    """One official table (表二, 表三 or 表四) of the open project, with a cursor cell."""

    COMPONENT_CLASSES = {
        "form-grid--header",
        "form-grid--label",
        "form-grid--rule",
        "form-grid--data",
        "form-grid--computed",
        "form-grid--carried",
        "form-grid--error",
        "form-grid--warning",
        "form-grid--related",
        "form-grid--cursor",
        "form-grid--cursor-blurred",
        "form-grid--caret",
    }

    DEFAULT_CSS = """
    FormView { scrollbar-gutter: stable; }
    """

    def __init__(self, session: Session, table: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.table = table
        self.form = forms.table_form(table, session.project.format)
        self._layout: FormLayout | None = None
        first_input = next(c for c in self.form.cells if not c.computed)
        self.cursor = first_input.path
        self.buffer: LineBuffer | None = None
        """The text being typed into the focused cell, or None when not editing."""
        self._prefilled_paths: set[str] = set()
        self._prefilled_revision = -1

    # ---------------------------------------------------------------- geometry

    @property
    def grid_layout(self) -> FormLayout:
        if self._layout is None:
            self._layout = layout(self.form, max(self.scrollable_content_region.width, 40))
            self.virtual_size = Size(self._layout.width, self._layout.height)
        return self._layout

    def on_resize(self, event: events.Resize) -> None:
        self._layout = None
        self.grid_layout  # noqa: B018  (recompute now: sets the virtual size)
        self.refresh()

    def _view_y(self, line: int) -> int:
        """Where layout line ``line`` is drawn in the viewport (header lines do not scroll)."""
        header = self.grid_layout.header_lines
        return line if line < header else line - int(self.scroll_y)

    def _layout_line(self, y: int) -> int:
        header = self.grid_layout.header_lines
        return y if y < header else y + int(self.scroll_y)

    @property
    def caret_x(self) -> int:
        """The caret's x in layout coordinates: after the mark, at the typing position."""
        placed = self.grid_layout.by_path[self.cursor]
        offset = self.buffer.caret_cells(placed.width - 1) if self.buffer else 0
        return placed.x + 1 + offset

    @property
    def cursor_screen_offset(self) -> Offset:
        """The caret in screen coordinates: where the terminal cursor (and IME) belongs."""
        placed = self.grid_layout.by_path[self.cursor]
        region = self.content_region
        x = region.x + self.caret_x - int(self.scroll_x)
        return Offset(x, region.y + self._view_y(placed.top))

    def _scroll_cursor_visible(self) -> None:
        placed = self.grid_layout.by_path[self.cursor]
        header = self.grid_layout.header_lines
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if placed.top >= header:
            if placed.top < top + header:
                top = placed.top - header
            elif placed.top >= top + height:
                top = placed.top - height + 1
        left = int(self.scroll_x)
        width = self.scrollable_content_region.width
        if placed.x < left:
            left = max(placed.x - 1, 0)
        elif placed.x + placed.width >= left + width:
            left = placed.x + placed.width - width + 1
        self.scroll_to(left, max(top, 0), animate=False, immediate=True)

    # ---------------------------------------------------------------- state

    def cell_def(self, path: str | None = None) -> forms.CellDef:
        return self.form.by_path[path or self.cursor]

    def findings_at(self, path: str | None = None) -> list[Finding]:
        """Findings that name the cell (as their cell, or as part of their equation)."""
        path = path or self.cursor
        return [
            f for f in self.session.marks if f.location.cell == path or path in f.location.cells
        ]

    def prefilled(self) -> set[str]:
        """Carried cells still holding the value carried over from last year (X1, X2)."""
        revision = self.session.revision
        if self._prefilled_revision != revision:
            project = self.session.project
            carried = carried_values(project, project.last_year)
            tables = project.tables
            self._prefilled_paths = {p for p, v in carried.items() if tables.get(p) == v}
            self._prefilled_revision = revision
        return self._prefilled_paths

    # ---------------------------------------------------------------- drawing

    def render_line(self, y: int) -> Strip:
        grid = self.grid_layout
        line = self._layout_line(y)
        width = self.scrollable_content_region.width
        if line >= grid.height:
            return Strip.blank(width, self.rich_style)
        if line in grid.rules:
            rule = grid.rule_line(line)
            segments = [Segment(rule, self.get_component_rich_style("form-grid--rule"))]
        else:
            segments = self._cells_line(line)
        strip = Strip(segments)
        return strip.crop(int(self.scroll_x), int(self.scroll_x) + width).extend_cell_length(
            width, self.rich_style
        )

    def _cells_line(self, line: int) -> list[Segment]:
        rule_style = self.get_component_rich_style("form-grid--rule")
        segments: list[Segment] = []
        x = 0
        bar = Segment("│", rule_style)
        for placed in self.grid_layout.by_line.get(line, []):
            if placed.x - 1 > x:
                segments.append(Segment(" " * (placed.x - 1 - x)))
            segments.append(bar)
            if placed.path:
                segments.extend(self._data(placed, line))
            else:
                segments.append(self._text(placed, line))
            x = placed.x + placed.width
        segments.append(bar)
        return segments

    def _text(self, placed: Placed, line: int) -> Segment:
        header = placed.cell.role in ("header", "caption")
        name = "form-grid--header" if header else "form-grid--label"
        return Segment(placed.text_line(line), self.get_component_rich_style(name))

    def _data(self, placed: Placed, line: int) -> list[Segment]:
        path = placed.path
        assert path is not None
        if line != placed.top:
            return [Segment(" " * placed.width)]
        cell = self.form.by_path[path]
        style, mark = self._data_style(cell, self.findings_at(path))
        focused = path == self.cursor
        if focused:
            name = "form-grid--cursor" if self.has_focus else "form-grid--cursor-blurred"
            style = style + self.get_component_rich_style(name)
        if focused and self.buffer is not None:
            return self._editing(placed, style)
        value = cut(show_value(self.session.project.tables.get(path)), placed.width - 1)
        body = value.rjust(placed.width - 1 - (cell_len(value) - len(value)))
        return [Segment(mark + body, style)]

    def _data_style(self, cell: forms.CellDef, findings: list[Finding]) -> tuple[Style, str]:
        states, mark = cell_marks(cell, findings, cell.path in self.prefilled())
        style = self.get_component_rich_style("form-grid--data")
        for state in states:
            style += self.get_component_rich_style(f"form-grid--{state}")
        return style, mark

    def _editing(self, placed: Placed, style: Style) -> list[Segment]:
        assert self.buffer is not None
        room = placed.width - 1
        before, at, after = self.buffer.window(room)
        caret_style = style + self.get_component_rich_style("form-grid--caret")
        used = cell_len(before) + cell_len(at or " ") + cell_len(after)
        return [
            Segment(" " + before, style),
            Segment(at or " ", caret_style),
            Segment(after + " " * max(room - used, 0), style),
        ]
