"""The bottom status line: which report, whether it is saved, findings, drafting endpoint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from drafter.tui.endpoint import describe_endpoint

if TYPE_CHECKING:
    from drafter.tui.session import Session


class StatusLine(Static):
    """One line of state; screens own one each and the app refreshes the visible one."""

    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; background: $panel; color: $text; }
    """

    def show_session(self, session: Session | None) -> None:
        if session is None:
            self.update(describe_endpoint())
            return
        project = session.project
        if session.save_error:
            saved = Content.from_markup("[b $error]保存失败：$why[/]", why=session.save_error)
        elif session.dirty:
            saved = Content("未保存（1 秒内自动保存）")
        else:
            saved = Content("已保存")
        errors, warnings = session.counts()
        tint = "$error" if errors else "$success"
        year = f"{project.year}年" if project.year else ""
        self.update(
            Content.from_markup(
                f"$report · $file · $saved │ [{tint}]错误 $errors[/] · 警告 $warnings │ $endpoint",
                report=f"{project.agency}{year}",
                file=session.path.name,
                saved=saved,
                errors=str(errors),
                warnings=str(warnings),
                endpoint=describe_endpoint(),
            )
        )
