"""The figures screen: tables 二, 三 and 四 as the official forms, and the key facts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from drafter import forms
from drafter.tui.messages import FindingsChecked
from drafter.tui.session import Session
from drafter.tui.widgets.form_grid import FormGrid
from drafter.tui.widgets.key_bar import KeyBar
from drafter.tui.widgets.status_line import StatusLine
from drafter.tui.widgets.tab_strip import TabStrip

if TYPE_CHECKING:
    from drafter.tui.widgets.key_facts import KeyFactsEditor

FACTS_TAB = "facts-pane"
FIRST_TABLE = forms.TABLE_KEYS[0]


def tab_id(table: str) -> str:
    """The id of a table's tab, which is its grid's."""
    return f"grid-{table}"


class FiguresScreen(Screen[None]):
    """Type this year's figures; totals, carry-over and findings follow live."""

    BINDINGS = [
        Binding(
            "f6",
            "next_tab",
            "下一张表",
            id="figures.next_tab",
            tooltip="在表二、表三、表四和要点之间切换",
        ),
        Binding(
            "ctrl+l",
            "from_ledger",
            "从台账生成",
            show=False,  # the key bar is full at 80 columns; help and the palette list it
            id="figures.from_ledger",
            tooltip="从政府信息公开申请登记台账统计表三、表四",
        ),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(name="figures")
        self.session = session
        self.notes: dict[str, str] = {}
        """The last parse/edit note per cell, shown while the cell is focused."""

    def compose(self) -> ComposeResult:
        tabs = [(tab_id(t), f"表{forms.TABLE_NUMERALS[t]}") for t in forms.TABLE_KEYS]
        yield TabStrip([*tabs, (FACTS_TAB, "要点")], id="figure-tabs")
        with ContentSwitcher(initial=tab_id(FIRST_TABLE), id="figure-panes"):
            # 表三 and 表四 are built when first shown (see grid): the first paint builds one.
            yield FormGrid(self.session, FIRST_TABLE, id=tab_id(FIRST_TABLE))
            yield Container(id=FACTS_TAB)  # its editor is mounted when first shown (facts)
        yield Static("", id="cell-detail")
        yield StatusLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.grid("active").focus()

    def on_screen_resume(self) -> None:
        self.query_one(StatusLine).show_session(self.session)
        for grid in self.query(FormGrid):
            grid.refresh()
        self.show_detail(self.current_grid())

    @on(FindingsChecked)
    def _checked(self) -> None:
        """The first check has run: mark its findings at their cells."""
        for grid in self.query(FormGrid):
            grid.refresh()
        self.show_detail(self.current_grid())

    def commit_pending(self) -> None:
        """Take what is being typed into a cell into the model."""
        for grid in self.query(FormGrid):
            grid.commit()

    def grid(self, table: str) -> FormGrid:
        """The grid of ``table``, mounted (hidden) the first time it is wanted."""
        try:
            return self.query_one(f"#{tab_id(table)}", FormGrid)
        except NoMatches:
            grid = FormGrid(self.session, table, id=tab_id(table))
            grid.display = False  # until shown: the switcher shows one pane at a time
            self.query_one(ContentSwitcher).mount(grid, before=f"#{FACTS_TAB}")
            return grid

    def facts(self) -> KeyFactsEditor:
        """The key-facts editor, mounted the first time its tab is wanted."""
        from drafter.tui.widgets.key_facts import KeyFactsEditor

        try:
            return self.query_one(KeyFactsEditor)
        except NoMatches:
            editor = KeyFactsEditor(self.session, id="key-facts")
            self.query_one(f"#{FACTS_TAB}").mount(editor)
            return editor

    def current_grid(self) -> FormGrid | None:
        table = self.query_one(TabStrip).active.removeprefix("grid-")
        return self.grid(table) if table in forms.TABLE_KEYS else None

    def _show(self, tab: str) -> None:
        if tab == FACTS_TAB:
            self.facts()  # built on first show, as are the grids
        else:
            self.grid(tab.removeprefix("grid-"))
        self.query_one(TabStrip).active = tab
        self.query_one(ContentSwitcher).current = tab

    def focus_cell(self, path: str) -> None:
        """Show the table holding ``path`` and put the cursor on that cell."""
        table = path.split(".", 1)[0]
        self._show(tab_id(table))
        self.grid(table).focus_cell(path)

    def show_table(self, table: str) -> None:
        self._show(tab_id(table))
        self.grid(table).focus()

    def action_next_tab(self) -> None:
        tabs = [tab for tab, _ in self.query_one(TabStrip).tabs]
        self._show(tabs[(tabs.index(self.query_one(TabStrip).active) + 1) % len(tabs)])
        self._focus_active()

    def action_from_ledger(self) -> None:
        """「从台账生成」: see ``screens/ledger.py``."""
        from drafter.tui.screens.ledger import LedgerFlow

        self.commit_pending()
        LedgerFlow(self).start()

    def tables_replaced(self) -> None:
        """Whole tables changed (a count from the ledger): redraw them and the detail line."""
        for grid in self.query(FormGrid):
            grid.refresh()
        self.show_detail(self.current_grid())

    def show_facts(self) -> None:
        self._show(FACTS_TAB)
        self._focus_active()

    @on(TabStrip.Clicked)
    def _tab_clicked(self, event: TabStrip.Clicked) -> None:
        self._show(event.tab)
        self._focus_active()

    def _focus_active(self) -> None:
        grid = self.current_grid()
        if grid is not None:
            grid.focus()
        else:
            self.facts().focus_first()
        self.show_detail(grid)

    # ---------------------------------------------------------------- detail line

    @on(FormGrid.CursorMoved)
    def _cursor_moved(self, event: FormGrid.CursorMoved) -> None:
        # F6 pressed quickly: a grid passed on the way may speak after the next tab shows.
        if event.grid is self.current_grid():
            self.show_detail(event.grid)

    @on(FormGrid.Edited)
    def _edited(self, event: FormGrid.Edited) -> None:
        for note in event.outcome.notes:
            self.notes[note.path] = note.message
        for path in event.outcome.changed:
            if not any(n.path == path for n in event.outcome.notes):
                self.notes.pop(path, None)
        for grid in self.query(FormGrid):
            grid.refresh()
        self.show_detail(event.grid)

    def last_year_figure(self, path: str) -> str:
        """`` · 上年 23`` — last year's figure of the cell, to compare while typing."""
        last = self.session.project.last_year
        if last is None or path not in forms.cells_by_path(last.format):
            return ""
        value = last.tables.get(path)
        year = f"{last.year}年" if last.year else "上年"
        return f" · {year} {'空' if value is None else value}"

    def show_detail(self, grid: FormGrid | None) -> None:
        """Full label, kind and every finding of the focused cell, in Chinese."""
        detail = self.query_one("#cell-detail", Static)
        if grid is None:
            detail.update("每条要点一行：左边写事项，右边写内容。Ctrl+N 添加，Ctrl+D 删除。")
            return
        cell = grid.cell_def()
        kind = ""
        if cell.computed:
            kind = "（合计，自动计算）"
        elif cell.carried and cell.path in grid.prefilled():
            kind = "（由上年报告结转预填，可修改）"
        elif cell.kind is forms.CellKind.AMOUNT:
            kind = "（单位：万元）"
        lines = [
            Content.from_markup(
                "[b]$label[/b]$kind[$text-muted]$before[/]",
                label=cell.label,
                kind=kind,
                before=self.last_year_figure(cell.path),
            )
        ]
        if "ledger" in (self.session.project.model_extra or {}):  # counted from a ledger
            from drafter.ledger.record import provenance_line

            source = provenance_line(self.session.project, cell.path)
            if source:
                lines.append(Content(source))
        note = self.notes.get(cell.path)
        if note:
            lines.append(Content.from_markup("[$warning]输入：$note[/]", note=note))
        for finding in grid.findings_at():
            tint = "$error" if finding.severity == "error" else "$warning"
            lines.append(
                Content.from_markup(
                    f"[{tint}]$rule[/]$message", rule=f"{finding.rule} ", message=finding.message
                )
            )
        detail.update(Content("\n").join(lines))
