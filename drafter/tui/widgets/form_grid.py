"""One official table as an editable form: labels from ``forms``, figures from the model.

Drawn line by line (Textual's line API) from :mod:`drafter.tui.form_layout`; the
header rows stay on screen while the body scrolls. Only input cells take typing;
totals are computed (``drafter.editing``), carry-over cells are marked, and every cell
a finding names is coloured. Typing starts an edit of the focused cell; the terminal
cursor is kept at the caret so an input method's window opens where the clerk types.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Offset, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from drafter import forms
from drafter.editing import CellNote, EditOutcome, carried_values, split_paste
from drafter.model import CellValue, Finding
from drafter.tui.cell_marks import cell_marks
from drafter.tui.form_layout import FormLayout, Placed, cut, layout
from drafter.tui.line_buffer import LineBuffer
from drafter.tui.session import Session


def show_value(value: CellValue) -> str:
    return "" if value is None else str(value)


class FormGrid(ScrollView, can_focus=True):
    """An editable official table (表二, 表三 or 表四) of the open project."""

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

    BINDINGS = [
        Binding("up", "move(0, -1)", "上移", show=False, id="grid.up", tooltip="上一格"),
        Binding("down", "move(0, 1)", "下移", show=False, id="grid.down", tooltip="下一格"),
        Binding("left", "move(-1, 0)", "左移", show=False, id="grid.left", tooltip="左一格"),
        Binding("right", "move(1, 0)", "右移", show=False, id="grid.right", tooltip="右一格"),
        Binding(
            "enter", "commit_down", "确认", id="grid.enter", tooltip="保存本格的输入并下移一格"
        ),
        Binding("tab", "step(1)", "下一格", id="grid.next", tooltip="保存本格的输入并移到下一格"),
        Binding(
            "shift+tab", "step(-1)", "上一格", show=False, id="grid.previous", tooltip="上一格"
        ),
        Binding(
            "escape",
            "cancel_edit",
            "取消输入",
            show=False,
            id="grid.cancel",
            tooltip="放弃本格正在输入的内容",
        ),
        Binding(
            "backspace",
            "backspace",
            "退格",
            show=False,
            id="grid.backspace",
            tooltip="删除插入点前的一个字；未在输入时，修改本格的值",
        ),
        Binding("delete", "clear_cell", "清空", id="grid.clear", tooltip="清空本格（合计除外）"),
        Binding("home", "caret_home", "行首", show=False, id="grid.home", tooltip="插入点移到开头"),
        Binding("end", "caret_end", "行尾", show=False, id="grid.end", tooltip="插入点移到末尾"),
        Binding("ctrl+z", "undo", "撤销", id="grid.undo", tooltip="撤销上一次表格修改或粘贴"),
    ]

    DEFAULT_CSS = """
    FormGrid { scrollbar-gutter: stable; }
    """

    @dataclass
    class CursorMoved(Message):
        """The focused cell changed (or its value or findings did)."""

        grid: FormGrid
        path: str

    @dataclass
    class Edited(Message):
        """Cells were set from typing or pasting; notes say what was odd."""

        grid: FormGrid
        outcome: EditOutcome

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
            f for f in self.session.findings if f.location.cell == path or path in f.location.cells
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

    def _announce(self) -> None:
        self.app.cursor_position = self.cursor_screen_offset
        self.post_message(self.CursorMoved(self, self.cursor))

    def focus_cell(self, path: str) -> None:
        """Move the cursor to ``path`` (a cell of this table) and focus the grid."""
        if path not in self.form.by_path:
            return
        self._finish_edit()
        self.cursor = path
        self.focus()
        self.call_after_refresh(self._after_move)

    def _after_move(self) -> None:
        self._scroll_cursor_visible()
        self.refresh()
        self._announce()

    def refresh_values(self) -> None:
        """Redraw after the model changed elsewhere (undo, another screen)."""
        self.refresh()
        self._announce()

    # ---------------------------------------------------------------- editing

    def _editable(self) -> bool:
        return not self.cell_def().computed

    def commit(self) -> bool:
        """Commit what is being typed in the focused cell (before saving or quitting)."""
        return self._finish_edit()

    def _finish_edit(self) -> bool:
        """Commit the cell being typed; False when the value was refused (edit stays open)."""
        if self.buffer is None:
            return True
        outcome = self.session.apply_cells({self.cursor: self.buffer.text})
        refused = any(n.rejected and n.path == self.cursor for n in outcome.notes)
        if not refused:
            self.buffer = None
        self.refresh()
        self.post_message(self.Edited(self, outcome))
        return not refused

    def _start_edit(self, text: str = "") -> bool:
        if not self._editable():
            note = CellNote(self.cursor, "合计由程序计算，不能输入：请修改它的各分项", True)
            self.post_message(self.Edited(self, EditOutcome(notes=[note])))
            return False
        self.buffer = LineBuffer(text)
        return True

    def _go(self, target: str | None) -> None:
        if target is None or not self._finish_edit():
            self.refresh()
            return
        self.cursor = target
        self._after_move()

    def action_move(self, dx: int, dy: int) -> None:
        if self.buffer is not None and dx and self.buffer.move(dx):
            self.refresh()
            self._announce()
            return
        self._go(self.grid_layout.neighbour(self.cursor, dx, dy) or self.cursor)

    def action_step(self, step: int) -> None:
        self._go(self.grid_layout.next_in_order(self.cursor, step) or self.cursor)

    def action_commit_down(self) -> None:
        self._go(self.grid_layout.neighbour(self.cursor, 0, 1) or self.cursor)

    def action_cancel_edit(self) -> None:
        self.buffer = None
        self.refresh()
        self._announce()

    def action_backspace(self) -> None:
        if self.buffer is None:
            current = show_value(self.session.project.tables.get(self.cursor))
            if not self._start_edit(current):
                return
        assert self.buffer is not None
        self.buffer.backspace()
        self.refresh()
        self._announce()

    def action_clear_cell(self) -> None:
        if self.buffer is not None:
            self.buffer.delete()
            self.refresh()
            return
        if self._start_edit(""):
            self._finish_edit()
            self._announce()

    def action_caret_home(self) -> None:
        if self.buffer is not None:
            self.buffer.caret = 0
            self.refresh()
            self._announce()

    def action_caret_end(self) -> None:
        if self.buffer is not None:
            self.buffer.caret = len(self.buffer.text)
            self.refresh()
            self._announce()

    def action_undo(self) -> None:
        self.buffer = None
        if self.session.undo_cells():
            self.refresh_values()

    def type_text(self, text: str) -> None:
        """Type ``text`` into the focused cell, starting an edit if needed."""
        if self.buffer is None and not self._start_edit():
            return
        assert self.buffer is not None
        self.buffer.insert(text)
        self.refresh()
        self._announce()

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character is not None:
            event.stop()
            event.prevent_default()
            self.type_text(event.character)

    def on_paste(self, event: events.Paste) -> None:
        """Text pasted from Excel or a web page: one value types, many fill cells in turn."""
        event.stop()
        rows = split_paste(event.text)
        if not rows:
            return
        if len(rows) == 1 and len(rows[0]) == 1:
            self.type_text(rows[0][0])
            return
        self.buffer = None
        self.paste_rows(rows)

    def paste_rows(self, rows: list[list[str]]) -> EditOutcome:
        """Fill the cells right of and below the cursor with ``rows`` (row by row)."""
        raw, dropped = self.grid_layout.paste_targets(self.cursor, rows)
        outcome = self.session.apply_cells(raw)
        if dropped:
            outcome.notes.append(
                CellNote(self.cursor, f"有 {dropped} 个数超出表格范围，未粘贴", rejected=True)
            )
        self.refresh()
        self.post_message(self.Edited(self, outcome))
        self._announce()
        return outcome

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = self._layout_line(offset.y)
        x = offset.x + int(self.scroll_x)
        for placed in self.grid_layout.by_line.get(line, []):
            if placed.path and placed.x <= x < placed.x + placed.width:
                self._go(placed.path)
                self.focus()
                return

    def on_focus(self) -> None:
        self.refresh()
        self._announce()

    def on_blur(self) -> None:
        self._finish_edit()
        self.refresh()

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
