"""The key bar at the bottom of a screen: every key shown, wrapped rather than cut.

Textual's ``Footer`` is one scrolling line: at 80 columns the figures screen's keys
ran off its right edge (F4, F10 and Ctrl+P unseen). This draws the same keys (the
focused widget's, the screen's, the app's, each action once) as one text that wraps
at the spaces between keys, so a narrow terminal gets a second line instead of a cut.
A click on a key presses it, as in ``Footer``. One widget instead of one per key.
"""

from __future__ import annotations

from functools import lru_cache

from textual.content import Content, Span
from textual.screen import Screen
from textual.widgets import Static

PALETTE_KEY = "ctrl+p"


class KeyBar(Static):
    """The keys that work here, ``^p命令`` last."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom; height: auto; max-height: 3;
        background: $footer-background; color: $footer-description-foreground;
        link-style: none; link-style-hover: reverse;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self.show_keys)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.show_keys()

    def show_keys(self) -> None:
        """Redraw from the bindings active now (focus decides which apply)."""
        seen: set[str] = set()
        keys: list[Content] = []
        palette: Content | None = None
        for _, binding, enabled, _ in self.screen.active_bindings.values():
            if binding.key == PALETTE_KEY:
                palette = self._key(binding.key, self.app.get_key_display(binding), "命令", True)
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            display = self.app.get_key_display(binding)
            keys.append(self._key(binding.key, display, binding.description, enabled))
        if palette is not None:
            keys.append(palette)
        self.update(Content(" ").join(keys))

    @staticmethod
    @lru_cache(maxsize=256)  # redrawn on every focus change; Content is immutable
    def _key(key: str, display: str, description: str, enabled: bool) -> Content:
        """``[@click=…][b $footer-key-foreground]F1[/]帮助[/]``, built without parsing
        markup (13 keys, drawn before the first paint)."""
        dim = "" if enabled else " dim"
        text = display + description
        return Content(
            text,
            [
                Span(0, len(text), f"@click=app.simulate_key('{key}'){dim}"),
                Span(0, len(display), "b $footer-key-foreground"),
            ],
        )
