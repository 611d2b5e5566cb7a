"""The app's hold on the open project: its lock, autosave, background checks, quitting safely.

:class:`AutosavingApp` owns the open :class:`Session`: it locks the project file
against a second window (``drafter.lock``), saves within a second of
every change (recovery copy first), tells the clerk once when saving starts failing,
refuses to quit while a save fails, and runs the first check of a newly opened project
in a worker after its first screen is drawn. :class:`~drafter.tui.app.DrafterApp`
builds the screens on top of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.worker import Worker, WorkerError, WorkerState

from drafter.tui.messages import FindingsChecked
from drafter.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from pathlib import Path

    from textual.timer import Timer

    from drafter.lock import ProjectLock
    from drafter.model import Finding
    from drafter.tui.session import Session

DRAFT_GROUP = "draft"
"""The worker group of drafting (the narrative screen's)."""

AUTOSAVE_DELAY = 0.5
"""Seconds from a change to its save. Not reset by further typing, so a change is on
disk within this delay (plus the write) however fast the clerk types."""


class AutosavingApp(App[int]):
    """Keeps the open project saved and checked; quitting never loses a change."""

    def __init__(self, autosave_delay: float = AUTOSAVE_DELAY) -> None:
        super().__init__()
        self.autosave_delay = autosave_delay
        self.session: Session | None = None
        self._save_timer: Timer | None = None
        self._save_error_shown = False

    def commit_pending(self) -> None:
        """Take what is being typed into a table cell into the model."""
        if self.is_screen_installed("figures"):
            from drafter.tui.screens.figures import FiguresScreen

            figures = self.get_screen("figures")
            if isinstance(figures, FiguresScreen):
                figures.commit_pending()

    def drafting(self) -> list[Worker[object]]:
        """Draft workers still running."""
        return [
            w
            for w in self.workers
            if w.group == DRAFT_GROUP and w.state in (WorkerState.PENDING, WorkerState.RUNNING)
        ]

    def busy_drafting(self) -> bool:
        """True (and the clerk told so) while a draft of the open project is generated."""
        if not self.drafting():
            return False
        self.notify(
            "正在起草本项目的文字：请等起草完成，或在文字画面（F3）按 Esc 停止后再打开其他项目。",
            severity="warning",
        )
        return True

    async def stop_drafting(self) -> None:
        """Stop drafting and wait until what arrived is recorded as incomplete drafts."""
        for worker in self.drafting():
            worker.cancel()
            try:
                await worker.wait()
            except WorkerError:
                pass

    def lock_project(self, path: Path) -> ProjectLock | None:
        """This window's lock on ``path``, or None (and the clerk told where it is open)."""
        from drafter.lock import ProjectLocked, acquire

        try:
            if self.is_web:
                return acquire(path, "浏览器", "按 Ctrl+Q 退出或关闭那个标签页")
            return acquire(path, "终端", "按 Ctrl+Q 退出")
        except ProjectLocked as exc:
            self.notify(str(exc), title="已在别处打开", severity="error", timeout=30)
            return None

    def close_session(self) -> bool:
        """Save and close the open project; False if its last save failed."""
        session = self.session
        if session is None:
            return True
        self.commit_pending()
        if session.dirty and not self.save_now():
            return False
        session.close()
        session.listeners.clear()
        self.session = None
        return True

    # ---------------------------------------------------------------- checks

    def check_after_paint(self) -> None:
        """Run the first check of the open project in a worker, once it is on screen."""
        session = self.session
        if session is None or not session.first_check_pending:
            return
        revision, copy = session.check_copy()

        def check() -> None:
            from drafter.checking import check_project

            findings = check_project(copy)
            try:
                self.call_from_thread(self._checked, session, revision, findings)
            except RuntimeError:  # the app closed meanwhile: nothing left to mark
                pass

        self.run_worker(check, thread=True, group="checks", exclusive=True, exit_on_error=False)

    def _checked(self, session: Session, revision: int, findings: list[Finding]) -> None:
        if session is not self.session or not self.screen_stack:
            return
        session.accept_findings(revision, findings)
        self.refresh_status()
        self.screen.post_message(FindingsChecked())

    # ---------------------------------------------------------------- saving

    def session_changed(self) -> None:
        """A change to the model: schedule its save and refresh the status line."""
        if self._save_timer is None:  # first change since the last save: say 未保存
            self._save_timer = self.set_timer(self.autosave_delay, self._autosave)
            self.refresh_status()  # not on every keystroke: the findings count is checked

    def _autosave(self) -> None:
        self._save_timer = None
        self.save_now()

    def save_now(self) -> bool:
        """Save the open project now; tell the clerk once when saving starts failing."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        session = self.session
        if session is None:
            return True
        ok = session.save()
        if not ok and not self._save_error_shown:
            where = (
                f"修改已保存在恢复副本 {session.recovery_copy}。" if session.recovery_copy else ""
            )
            self.notify(
                f"{session.save_error}。{where}",  # the error says what to do
                title="自动保存失败",
                severity="error",
                timeout=15,
            )
        self._save_error_shown = not ok
        self.refresh_status()
        return ok

    def refresh_status(self) -> None:
        if not self.screen_stack:  # shutting down: a last autosave may still run
            return
        for line in self.screen.query(StatusLine):
            line.show_session(self.session)

    def action_save(self) -> None:
        if self.session is not None and self.save_now():
            self.notify(f"已保存到 {self.session.path}")

    async def action_quit(self) -> None:
        """Quit after a successful save; when saving fails, ask instead of quitting.

        A draft being generated is stopped first, so what has arrived is saved too.
        """
        await self.stop_drafting()
        session = self.session
        if session is None or self.close_session():
            self.exit(0)
            return
        copy = session.recovery_copy

        def answered(choice: str | None) -> None:
            if choice == "retry":
                self.call_later(self.action_quit)
            elif choice == "quit":
                self.exit(1)

        question = f"无法保存：{session.save_error}。\n"
        choices = [("retry", "重试", "primary"), ("stay", "返回编辑", "default")]
        if copy is not None:
            question += f"修改已保存在恢复副本 {copy}，下次打开该项目时可以恢复。"
            choices.append(("quit", "仍然退出", "error"))
        else:
            question += "恢复副本也无法写入：退出会丢失未保存的修改。请先解决磁盘或权限问题。"
        from drafter.tui.screens.choice import ChoiceScreen

        self.push_screen(ChoiceScreen(question, choices, cancel="stay"), answered)
