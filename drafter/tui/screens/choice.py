"""A modal question with a few answers (confirm an overwrite, restore a recovery copy …)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

Choice = tuple[str, str, str]
"""(answer id, button label, button variant: default/primary/warning/error/success)."""


class ChoiceScreen(ModalScreen[str]):
    """Ask one question; dismisses with the chosen answer id (``cancel`` on Esc)."""

    BINDINGS = [
        Binding("escape", "cancel", "取消", id="choice.cancel", tooltip="不做选择，关闭对话框"),
    ]

    DEFAULT_CSS = """
    ChoiceScreen { align: center middle; }
    ChoiceScreen > Vertical {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    ChoiceScreen #question { margin-bottom: 1; }
    ChoiceScreen Horizontal { height: auto; align-horizontal: right; }
    ChoiceScreen Button { margin-left: 1; }
    """

    def __init__(self, question: str, choices: list[Choice], cancel: str = "cancel") -> None:
        super().__init__()
        self.question = question
        self.choices = choices
        self.cancel_id = cancel

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="question", markup=False)
            with Horizontal():
                for answer, label, variant in self.choices:
                    yield Button(label, id=f"choice-{answer}", variant=variant)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        self.dismiss(event.button.id.removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(self.cancel_id)
