"""The figures screen's tab labels (表二 表三 表四 要点) drawn as one widget.

Textual's ``TabbedContent`` builds a dozen widgets (``Tabs``, a ``Tab`` per label, an
``Underline``, a ``ContentSwitcher`` and a pane per tab) and was a visible share of
opening a project (``bench/startup.py``). This draws the same two lines, the labels and
the bar under the active one, with Textual's own ``Bar``; the screen switches the panes
with a ``ContentSwitcher``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.renderables.bar import Bar
from textual.widget import Widget


class TabStrip(Widget):
    """A row of tab labels; a click on one posts :class:`TabStrip.Clicked`."""

    DEFAULT_CSS = """
    TabStrip { height: 2; width: 1fr; }
    TabStrip > .tab-strip--tab { color: $foreground 50%; }
    TabStrip > .tab-strip--active { color: $foreground; }
    TabStrip > .tab-strip--bar { color: $block-cursor-background; background: $foreground 10%; }
    TabStrip:ansi > .tab-strip--tab { text-style: dim; }
    TabStrip:ansi > .tab-strip--active { text-style: not dim bold; }
    TabStrip:ansi > .tab-strip--bar { background: $border-blurred; }
    """

    COMPONENT_CLASSES = {"tab-strip--tab", "tab-strip--active", "tab-strip--bar"}

    active: reactive[str] = reactive("")
    """The id of the active tab."""

    @dataclass
    class Clicked(Message):
        """The clerk clicked the tab ``tab``."""

        tab: str

    def __init__(self, tabs: list[tuple[str, str]], *, id: str | None = None) -> None:
        """``tabs``: (id, label) pairs in order; the first is active."""
        super().__init__(id=id)
        self.tabs = tabs
        self.set_reactive(TabStrip.active, tabs[0][0])

    def spans(self) -> dict[str, tuple[int, int]]:
        """Each tab's columns (start, end), its label padded by one space each side."""
        spans: dict[str, tuple[int, int]] = {}
        x = 0
        for tab, label in self.tabs:
            width = cell_len(label) + 2
            spans[tab] = (x, x + width)
            x += width
        return spans

    def render(self) -> RenderableType:
        plain = self.get_component_rich_style("tab-strip--tab")
        active = self.get_component_rich_style("tab-strip--active")
        labels = Text(no_wrap=True, overflow="crop")
        for tab, label in self.tabs:
            labels.append(f" {label} ", active if tab == self.active else plain)
        bar = self.get_component_rich_style("tab-strip--bar")
        return Group(
            labels,
            Bar(
                highlight_range=self.spans()[self.active],
                highlight_style=Style.from_color(bar.color),
                background_style=Style.from_color(bar.bgcolor),
            ),
        )

    def on_click(self, event: events.Click) -> None:
        for tab, (start, end) in self.spans().items():
            if start <= event.x < end:
                self.post_message(self.Clicked(tab))
                return
