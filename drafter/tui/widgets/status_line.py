"""The bottom status line: which report, whether it is saved, findings, drafting endpoint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from drafter.tui.session import Session


class StatusLine(Static):
    """One line of state; screens own one each and the app refreshes the visible one."""

    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; background: $panel; color: $text; }
    """

    @property
    def endpoint(self) -> str:
        """``模型 @ 主机`` or 离线起草, as the app last learnt it (blank until then)."""
        return str(getattr(self.app, "endpoint", ""))

    def show_session(self, session: Session | None) -> None:
        if session is None:
            self.update(self.endpoint)
            return
        project = session.project
        if session.save_error:
            saved = Content.from_markup("[b $error]保存失败：$why[/]", why=session.save_error)
        elif session.dirty:
            saved = Content("未保存（1 秒内自动保存）")
        else:
            saved = Content("已保存")
        counts = session.counts_known()
        if counts is None:
            checked = Content("核对中……")
        else:
            errors, warnings = counts
            tint = "$error" if errors else "$success"
            checked = Content.from_markup(
                f"[{tint}]错误 $errors[/] · 警告 $warnings",
                errors=str(errors),
                warnings=str(warnings),
            )
        year = f"{project.year}年" if project.year else ""
        self.update(
            Content.from_markup(
                "$report · $file · $saved │ $checked │ $endpoint",
                report=f"{project.agency}{year}",
                file=session.path.name,
                saved=saved,
                checked=checked,
                endpoint=self.endpoint,
            )
        )
