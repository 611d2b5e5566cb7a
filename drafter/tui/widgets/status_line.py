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

    _session: Session | None = None

    @property
    def endpoint(self) -> str:
        """``模型 @ 主机`` or 离线起草, as the app last learnt it (blank until then)."""
        return str(getattr(self.app, "endpoint", ""))

    def on_resize(self) -> None:
        self.show_session(self._session)

    def show_session(self, session: Session | None) -> None:
        """Say the state of ``session``: the report's name is left out when the line
        would not fit (80 columns), the file name, saving, findings and endpoint never."""
        self._session = session
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
        state = Content.from_markup(
            "$file · $saved │ $checked │ $endpoint",
            file=session.path.name,
            saved=saved,
            checked=checked,
            endpoint=self.endpoint,
        )
        whole = Content(f"{project.agency}{year} · ") + state
        room = self.content_region.width or self.app.size.width
        self.update(whole if whole.cell_length <= room else state)
