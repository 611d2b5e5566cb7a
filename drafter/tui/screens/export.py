"""The export dialog: format and path, then the export gate shared with ``drafter export``.

The decision is the core's (``drafter.exporters.gate.export_project``): while errors
remain it refuses, and the dialog lists them; the clerk may then explicitly confirm an
override (an export with force, said so afterwards). Blank table cells are one line per
table, and 「去填写」 goes to the first of them. Warnings never block. A path that
cannot be written (a file open in Word, a missing folder) is explained in the dialog.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from drafter.tui.session import Session

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from drafter.exporters.gate import ExportOutcome
    from drafter.model import Finding

MAX_LISTED = 40
"""Errors listed in the dialog (the checks screen has them all)."""

CHECKS = "checks"
"""Dismissed with this when the clerk chooses to go and fix the errors."""

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def formats() -> dict[str, tuple[str, str]]:
    """Export format → (file suffix, name), as ``drafter.exporters`` supports them."""
    from drafter.exporters import FORMAT_NAMES, SUFFIXES

    found: dict[str, tuple[str, str]] = {}
    for suffix, fmt in SUFFIXES.items():
        found.setdefault(fmt, (suffix, FORMAT_NAMES[fmt]))  # the first suffix is the usual one
    return found


def default_path(session: Session, suffix: str) -> Path:
    """Next to the project file, named from the report's title."""
    project = session.project
    title = project.title or f"{project.agency}{project.year or ''}年政府信息公开工作年度报告"
    name = _UNSAFE.sub("_", title).strip("._") or session.path.stem
    return session.path.parent / f"{name}{suffix}"


def finding_line(finding: Finding) -> Content:
    tint = "$error" if finding.severity == "error" else "$warning"
    return Content.from_markup(
        f"[b {tint}]$rule[/] $message", rule=f"{finding.rule} ", message=finding.message
    )


class ExportScreen(ModalScreen["ExportOutcome | Finding | str | None"]):
    """Choose format and path; export, or say why not and offer the override."""

    BINDINGS = [
        Binding("escape", "cancel", "取消", id="export.cancel", tooltip="不导出，关闭对话框"),
    ]

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    ExportScreen RadioSet { layout: horizontal; width: 100%; border: none; padding: 0; }
    ExportScreen RadioSet > RadioButton { width: auto; margin-right: 2; }
    ExportScreen Input { margin-top: 1; border-title-color: $text-muted; }
    ExportScreen #export-message { height: auto; margin-top: 1; }
    ExportScreen #export-message.error { color: $error; text-style: bold; }
    ExportScreen #export-errors { height: auto; max-height: 14; display: none; }
    ExportScreen #export-errors.shown { display: block; }
    ExportScreen .buttons { height: auto; align-horizontal: right; margin-top: 1; }
    ExportScreen Button { margin-left: 1; }
    ExportScreen .override { display: none; }
    ExportScreen.refused .override { display: block; }
    ExportScreen .blank { display: none; }
    ExportScreen.blanks .blank { display: block; }
    /* 80×24: no blank lines, fewer errors at a time (they scroll), so the formats,
       保存为 and every button stay on screen (app.tcss narrows the buttons). */
    ExportScreen.-short > Vertical { padding: 0 1; }
    ExportScreen.-short Input, ExportScreen.-short #export-message,
    ExportScreen.-short .buttons { margin-top: 0; }
    ExportScreen.-short #export-errors { max-height: 6; }
    """

    def __init__(self, session: Session, path: Path | None = None) -> None:
        super().__init__()
        self.session = session
        self.formats = formats()
        fmt = "docx"
        if path is not None:
            fmt = next((f for f, (s, _) in self.formats.items() if s == path.suffix.lower()), fmt)
        self.fmt = fmt
        self.path = path or default_path(session, self.formats[fmt][0])
        self.refusal: ExportOutcome | None = None
        self.first_blank: Finding | None = None
        """The refusal's blank-cell error, whose cell 「去填写」 goes to."""

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "导出报告"
            with RadioSet(id="export-format"):
                for fmt, (suffix, name) in self.formats.items():
                    yield RadioButton(f"{name}（{suffix}）", value=fmt == self.fmt, id=f"fmt-{fmt}")
            field = Input(str(self.path), id="export-path")
            field.border_title = "保存为"
            yield field
            yield Static("", id="export-message")
            with VerticalScroll(id="export-errors"):
                yield Static("", id="export-error-list")
            with Horizontal(classes="buttons"):
                yield Button("去填写", id="export-blank", classes="blank")
                yield Button("去核对", id="export-checks", classes="override")
                yield Button("仍然导出", id="export-force", variant="error", classes="override")
                yield Button("导出", id="export-go", variant="primary")
                yield Button("取消", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-go", Button).focus()

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        button_id = event.pressed.id or ""
        self.fmt = button_id.removeprefix("fmt-")
        field = self.query_one("#export-path", Input)
        typed = Path(field.value.strip() or str(self.path))
        field.value = str(typed.with_suffix(self.formats[self.fmt][0]))
        self._clear()

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        self._clear()

    def _clear(self) -> None:
        """A new choice: what was refused before no longer stands."""
        self.refusal = None
        self.first_blank = None
        self.remove_class("refused", "blanks")
        self.query_one("#export-errors").remove_class("shown")
        self.say("")

    def say(self, message: str | Content, error: bool = False) -> None:
        line = self.query_one("#export-message", Static)
        line.set_class(error, "error")
        line.update(message)

    def target(self) -> Path:
        typed = self.query_one("#export-path", Input).value.strip()
        path = Path(typed).expanduser() if typed else self.path
        return path if path.is_absolute() else self.session.path.parent / path

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def _go(self) -> None:
        self.export(force=False)

    @on(Button.Pressed, "#export-force")
    def _force(self) -> None:
        if self.refusal is not None:  # only after the clerk has seen the list
            self.export(force=True)

    @on(Button.Pressed, "#export-checks")
    def _checks(self) -> None:
        self.dismiss(CHECKS)

    @on(Button.Pressed, "#export-blank")
    def _first_blank(self) -> None:
        if self.first_blank is not None:
            self.dismiss(self.first_blank)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def export(self, *, force: bool) -> None:
        """Run the gate; dismiss with what was written, or show why nothing was."""
        from drafter.exporters import ExportError
        from drafter.exporters.gate import export_project

        try:
            outcome = export_project(
                self.session.project, self.target(), force=force, notes=self.session.load_notes
            )
        except ExportError as exc:
            self.say(f"无法导出：{exc}", error=True)
            return
        if outcome.written:
            self.dismiss(outcome)
            return
        self.refusal = outcome
        self.show_refusal(outcome)

    def show_refusal(self, outcome: ExportOutcome) -> None:
        errors = outcome.errors
        self.say(
            Content.from_markup(
                "[b $error]报告还有$n项错误，已拒绝导出。[/]请先修正（按「去核对」逐项处理），"
                "或确认仍然导出：导出的文件中这些错误原样保留，发布前必须改正。",
                n=str(len(errors)),
            )
        )
        lines = [finding_line(f) for f in errors[:MAX_LISTED]]
        if len(errors) > MAX_LISTED:
            lines.append(Content(f"……另有{len(errors) - MAX_LISTED}项，见核对画面（F4）"))
        self.query_one("#export-error-list", Static).update(Content("\n").join(lines))
        self.query_one("#export-errors").add_class("shown")
        self.add_class("refused")
        self.query_one("#export-force", Button).label = f"仍然导出（有{len(errors)}项错误）"
        from drafter.exporters.gate import BLANK_RULE

        self.first_blank = next(
            (f for f in errors if f.rule == BLANK_RULE and f.location.cell), None
        )
        self.set_class(self.first_blank is not None, "blanks")
        first = "#export-blank" if self.first_blank is not None else "#export-checks"
        self.query_one(first, Button).focus()


def outcome_message(outcome: ExportOutcome) -> tuple[str, SeverityLevel]:
    """(message, severity) telling the clerk what was written (Chinese)."""
    from drafter.exporters import FORMAT_NAMES, export_format

    kind = FORMAT_NAMES[export_format(outcome.path)]
    warnings = len(outcome.warnings) + len(outcome.export_notes)
    tail = f"警告{warnings}项（不影响导出，建议在核对画面查看）。" if warnings else ""
    if outcome.forced:
        return (
            f"已强制导出（{kind}）：\n{outcome.path}\n报告仍有{len(outcome.errors)}项错误，"
            f"发布前请修正。{tail}",
            "warning",
        )
    return f"已导出（{kind}）：\n{outcome.path}\n{tail}".rstrip(), "information"
