"""Changing the report's agency, year and title after the project was created.

A typo in the agency's name or the wrong year is found late (often by rule A2 or N6);
the clerk fixes it here rather than starting a new project. The work is the core's
(``drafter.newproject.change_details``); the dialog asks and says what follows.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from drafter.tui.session import Session

FIELDS = ("details-agency", "details-year", "details-title")
"""The form's fields in order: Enter moves on, and saves in the last."""


class DetailsScreen(ModalScreen[bool]):
    """Agency, year and title of the open report; dismisses True when changed."""

    BINDINGS = [
        Binding("escape", "cancel", "取消", id="details.cancel", tooltip="不修改，关闭对话框"),
    ]

    DEFAULT_CSS = """
    DetailsScreen { align: center middle; }
    DetailsScreen > Vertical {
        width: 90; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    DetailsScreen Input { border-title-color: $text-muted; }
    DetailsScreen #details-note { color: $text-muted; height: auto; }
    DetailsScreen #details-message { height: auto; color: $error; text-style: bold; }
    DetailsScreen Horizontal { height: auto; align-horizontal: right; }
    DetailsScreen Button { margin-left: 1; }
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        project = self.session.project
        with Vertical() as box:
            box.border_title = "报告信息"
            yield self._field("机关全称", "details-agency", project.agency)
            yield self._field("报告年度", "details-year", str(project.year or ""))
            title = self._field("标题", "details-title", project.title)
            title.placeholder = "留空：按机关和年度自动生成"
            yield title
            yield Static(
                "按机关和年度生成的标题会随之更改。正文中的旧名称和年份不会自动修改：\n"
                "核对画面（F4）会列出每一处（A2、N6）。",
                id="details-note",
            )
            yield Static("", id="details-message")
            with Horizontal():
                yield Button("保存", id="details-save", variant="primary")
                yield Button("取消", id="details-cancel")

    @staticmethod
    def _field(title: str, id: str, value: str) -> Input:
        field = Input(value, id=id)
        field.border_title = title
        return field

    def on_mount(self) -> None:
        self.query_one("#details-agency", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        index = FIELDS.index(event.input.id or "")
        if index + 1 < len(FIELDS):
            self.query_one(f"#{FIELDS[index + 1]}", Input).focus()
        else:
            self._save()

    @on(Button.Pressed, "#details-save")
    def _save(self) -> None:
        from drafter.store import ProjectError

        agency, year, title = (self.query_one(f"#{f}", Input).value for f in FIELDS)
        try:
            notes = self.session.change_details(agency, year, title)
        except ProjectError as exc:
            self.query_one("#details-message", Static).update(str(exc))
            return
        project = self.session.project
        said = f"报告信息已修改：{project.title}"
        self.notify("\n".join([said, *notes]), severity="warning" if notes else "information")
        self.dismiss(True)

    @on(Button.Pressed, "#details-cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
