"""One official table as an editable form: only input cells take typing.

Totals are computed (``drafter.editing``), carry-over cells follow their inputs until
typed over, and a paste of a row, column or block from Excel or a web page fills the
cells right of and below the cursor. Typing starts an edit of the focused cell; Enter,
Tab and the arrows commit it and move. Drawing and geometry are
:class:`~drafter.tui.widgets.form_view.FormView`'s.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.message import Message

from drafter.editing import CellNote, EditOutcome, split_paste
from drafter.tui.line_buffer import LineBuffer
from drafter.tui.widgets.form_view import FormView, show_value

MAX_LISTED = 10
"""Refused pasted values listed in the notice (each cell still explains its own)."""


class FormGrid(FormView, can_focus=True):
    """An editable official table (表二, 表三 or 表四) of the open project."""

    BINDINGS = [
        Binding("up", "move(0, -1)", "上移", show=False, id="grid.up", tooltip="上一格"),
        Binding("down", "move(0, 1)", "下移", show=False, id="grid.down", tooltip="下一格"),
        Binding("left", "move(-1, 0)", "左移", show=False, id="grid.left", tooltip="左一格"),
        Binding("right", "move(1, 0)", "右移", show=False, id="grid.right", tooltip="右一格"),
        Binding(
            "enter",
            "commit_down",
            "确认",
            id="grid.enter",
            tooltip="保存本格的输入并下移到下一个可输入的单元格",
        ),
        Binding(
            "tab",
            "step(1)",
            "下一格",
            id="grid.next",
            tooltip="保存本格的输入并移到下一个可输入的单元格（跳过合计）",
        ),
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
        """Tab: the next input cell in reading order (totals are computed: skipped)."""
        target = self.grid_layout.next_in_order(self.cursor, step)
        while target is not None and self.form.by_path[target].computed:
            target = self.grid_layout.next_in_order(target, step)
        self._go(target or self.cursor)

    def action_commit_down(self) -> None:
        """Enter: the next input cell below (a total row in between is skipped)."""
        target = self.grid_layout.neighbour(self.cursor, 0, 1)
        while target is not None and self.form.by_path[target].computed:
            target = self.grid_layout.neighbour(target, 0, 1)
        self._go(target or self.cursor)

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
        refused = [
            f"{self.cell_def(n.path).label}：{n.message}" for n in outcome.notes if n.rejected
        ]
        if dropped:
            outside = f"有 {dropped} 个数超出表格范围，未粘贴"
            outcome.notes.append(CellNote(self.cursor, outside, rejected=True))
            refused.append(outside)
        self.refresh()
        self.post_message(self.Edited(self, outcome))
        self._announce()
        if refused:
            self._tell_refused(refused)
        return outcome

    def _tell_refused(self, lines: list[str]) -> None:
        """Say at once which pasted values were not used, each with its cell: a total
        that disagrees with its parts would otherwise show only when the cursor lands
        on it."""
        shown = lines[:MAX_LISTED]
        if len(lines) > MAX_LISTED:
            shown.append(f"……另有{len(lines) - MAX_LISTED}项，光标移到该单元格时下方有说明")
        title = f"粘贴的数有{len(lines)}处未采用"
        self.notify("\n".join(shown), title=title, severity="warning", timeout=20)

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
