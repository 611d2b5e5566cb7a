"""The key-facts list: label/value pairs the clerk gives the drafter (项目 key_facts).

Each fact is a row of two inputs and a remove button; every keystroke is written to
the model (and autosaved). Rows with neither label nor value are not stored.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Static

from drafter.model import KeyFact
from drafter.tui.session import Session


class KeyFactRow(Horizontal):
    """One fact: 事项 and 内容 inputs and a remove button."""

    DEFAULT_CSS = """
    KeyFactRow { height: 1; margin: 0 1 1 1; }
    KeyFactRow .fact-label { width: 30; }
    KeyFactRow .fact-value { width: 1fr; }
    KeyFactRow Button { min-width: 8; width: 8; }
    """

    def __init__(self, fact: KeyFact) -> None:
        super().__init__()
        self.fact = fact

    def compose(self) -> ComposeResult:
        yield Input(
            self.fact.label, placeholder="事项，如 主动公开信息", classes="fact-label", compact=True
        )
        yield Input(
            self.fact.value, placeholder="内容，如 1268条", classes="fact-value", compact=True
        )
        yield Button("删除", classes="fact-remove", variant="error", compact=True)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        """Keep ``fact`` current; the event goes on to the editor, which stores the list."""
        text = event.value.strip()
        if event.input.has_class("fact-label"):
            self.fact = KeyFact(label=text, value=self.fact.value)
        else:
            self.fact = KeyFact(label=self.fact.label, value=text)


class KeyFactsEditor(Vertical):
    """Add, edit and remove the project's key facts."""

    BINDINGS = [
        Binding(
            "ctrl+n",
            "add_fact",
            "添加要点",
            id="facts.add",
            priority=True,
            tooltip="在列表末尾添加一条要点",
        ),
        # Priority: the inputs would otherwise take Ctrl+D (delete right).
        Binding(
            "ctrl+d",
            "remove_fact",
            "删除要点",
            id="facts.remove",
            priority=True,
            tooltip="删除光标所在的要点",
        ),
    ]

    DEFAULT_CSS = """
    KeyFactsEditor { height: 1fr; }
    KeyFactsEditor #facts-help { height: auto; color: $text-muted; padding: 0 1; }
    KeyFactsEditor #facts { height: 1fr; }
    KeyFactsEditor #facts-columns { height: 1; margin: 0 1; color: $text-muted; }
    KeyFactsEditor #facts-columns .fact-label { width: 30; }
    KeyFactsEditor #facts-add { margin: 0 1; }
    """

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self._focus_when_mounted = False

    def compose(self) -> ComposeResult:
        yield Static(
            "起草时使用的要点（表格以外的事实），如 主动公开信息条数、培训场次、平台名称。",
            id="facts-help",
        )
        with Horizontal(id="facts-columns"):
            yield Static("事项", classes="fact-label")
            yield Static("内容", classes="fact-value")
        with VerticalScroll(id="facts"):
            for fact in self.session.project.key_facts:
                yield KeyFactRow(fact)
        yield Button("添加要点", id="facts-add", compact=True)

    def focus_first(self) -> None:
        """Focus the first fact (or 添加要点); if still being mounted, once it is."""
        if self.is_mounted:
            self.query("Input, Button").first().focus()
        else:
            self._focus_when_mounted = True

    def on_mount(self) -> None:
        if self._focus_when_mounted:  # composed: the rows are there
            self.query("Input, Button").first().focus()

    def _store(self) -> None:
        facts = [row.fact for row in self.query(KeyFactRow)]
        self.session.set_key_facts([f for f in facts if f.label or f.value])

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._store()

    @on(Button.Pressed, "#facts-add")
    async def action_add_fact(self) -> None:
        row = KeyFactRow(KeyFact(label=""))
        await self.query_one("#facts", VerticalScroll).mount(row)
        row.query(Input).first().focus()
        row.scroll_visible()

    @on(Button.Pressed, ".fact-remove")
    async def _remove_pressed(self, event: Button.Pressed) -> None:
        row = next(a for a in event.button.ancestors if isinstance(a, KeyFactRow))
        await self._remove(row)

    async def action_remove_fact(self) -> None:
        focused = self.app.focused
        row = next(
            (a for a in (focused.ancestors if focused else []) if isinstance(a, KeyFactRow)), None
        )
        if row is not None:
            await self._remove(row)

    async def _remove(self, row: KeyFactRow) -> None:
        await row.remove()
        self._store()
