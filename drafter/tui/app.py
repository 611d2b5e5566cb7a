"""The drafter terminal app: opens projects, routes between screens, saves everything.

Kept thin: the screens do the work, the core does the computing. The app owns the
open :class:`Session`, saves it within a second of every change (recovery copy first),
refuses to quit while a save fails, and keeps the terminal cursor at the caret of the
focused text field (see :attr:`cursor_position`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.geometry import Offset
from textual.screen import Screen
from textual.timer import Timer

from drafter import forms
from drafter.recent import remember
from drafter.tui.messages import JumpToFinding
from drafter.tui.screens.choice import ChoiceScreen
from drafter.tui.screens.start import StartScreen
from drafter.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from drafter.model import Project
    from drafter.recovery import Recovery
    from drafter.tui.screens.figures import FiguresScreen
    from drafter.tui.session import Session

# The project machinery (pydantic models, rules, store) is imported when a project is
# opened, not at start-up: the start screen is drawn first.

AUTOSAVE_DELAY = 0.5
"""Seconds from a change to its save. Not reset by further typing, so a change is on
disk within this delay (plus the write) however fast the clerk types."""

PROJECT_SCREENS = ("figures", "narrative", "checks")


class DrafterApp(App[int]):
    """政府信息公开工作年度报告 — figures, prose and checks of one project."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "drafter"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "帮助", id="app.help", tooltip="按键、表格标记和核对规则"),
        Binding(
            "f2", "show('figures')", "表格", id="app.figures", tooltip="填写表二、表三、表四和要点"
        ),
        Binding("f3", "show('narrative')", "文字", id="app.narrative", tooltip="编辑各部分文字"),
        Binding("f4", "show('checks')", "核对", id="app.checks", tooltip="查看全部错误和警告"),
        Binding("ctrl+o", "start", "打开/新建", id="app.start", tooltip="打开其他项目或新建报告"),
        Binding(
            "ctrl+s", "save", "保存", id="app.save", tooltip="立即保存（修改本来就会自动保存）"
        ),
        Binding("ctrl+q", "quit", "退出", id="app.quit", priority=True, tooltip="保存并退出"),
        Binding(
            "ctrl+p",
            "command_palette",
            "命令",
            id="app.palette",
            priority=True,
            show=False,
            tooltip="搜索并执行命令",
        ),
    ]

    def __init__(
        self,
        path: Path | None = None,
        *,
        workdir: Path | None = None,
        today: date | None = None,
        autosave_delay: float = AUTOSAVE_DELAY,
    ) -> None:
        self._cursor_position = Offset(0, 0)
        super().__init__()
        self.initial_path = path
        self.workdir = workdir or Path.cwd()
        self.today = today or date.today()
        self.autosave_delay = autosave_delay
        self.session: Session | None = None
        self._save_timer: Timer | None = None
        self._save_error_shown = False

    # ---------------------------------------------------------------- IME caret

    @property
    def cursor_position(self) -> Offset:
        """Where the terminal cursor is parked after every screen update.

        Textual 8.2.8 writes ``App.cursor_position`` after each compositor update (the
        supported hook for IME and emoji pickers) but Input and TextArea only set it on
        focus and caret moves, so it goes stale when the layout moves under them
        (scrolling, tab switches, screens). Computing it here, from the focused widget's
        ``cursor_screen_offset`` at the moment of drawing, keeps the cursor at the caret.
        """
        try:
            focused = self.screen.focused
        except Exception:
            return self._cursor_position
        offset = getattr(focused, "cursor_screen_offset", None)
        return offset if isinstance(offset, Offset) else self._cursor_position

    @cursor_position.setter
    def cursor_position(self, value: Offset) -> None:
        self._cursor_position = value

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Project-only keys are hidden from the footer until a project is open."""
        if action in ("show", "save", "export") and self.session is None:
            return None
        return True

    # ---------------------------------------------------------------- start-up

    def on_mount(self) -> None:
        self.install_screen(StartScreen(self.workdir, self.today), "start")
        if self.initial_path is not None:
            self.open_project(self.initial_path)  # straight to the tables: start is not drawn
        if len(self.screen_stack) == 1:  # no project given, or it could not be opened
            self.push_screen("start")

    def open_project(self, path: Path) -> None:
        """Open a project file, first offering a recovery copy left by a crash."""
        from drafter.recovery import pending_recovery

        path = path.expanduser().resolve()
        found = pending_recovery(path)
        if found is None:
            self._load(path)
            return

        def answered(choice: str | None) -> None:
            if choice == "restore":
                self._restore(found)
            elif choice == "discard":
                self._load(path)

        saved = found.saved.strftime("%Y-%m-%d %H:%M:%S")
        question = (
            f"{path.name} 上次没有正常保存就关闭了。\n"
            f"找到 {saved} 的恢复副本，比项目文件中的内容新。要恢复吗？\n"
            f"（恢复副本：{found.copy_path}）"
        )
        choices = [
            ("restore", "恢复", "primary"),
            ("discard", "打开项目文件", "default"),
            ("cancel", "取消", "default"),
        ]
        if len(self.screen_stack) == 1:
            self.push_screen("start")  # what stays when the clerk cancels
        self.push_screen(ChoiceScreen(question, choices), answered)

    def _load(self, path: Path) -> None:
        from drafter.editing import refresh
        from drafter.store import ProjectError, load_project
        from drafter.tui.session import Session

        try:
            loaded = load_project(path)
        except ProjectError as exc:
            self.notify(str(exc), title="无法打开", severity="error", timeout=10)
            return
        project = loaded.project
        before = project.tables.model_copy(deep=True)
        refresh(project)  # totals are computed, never typed; blank carry-overs are filled
        changed = [
            c.path
            for c in forms.all_cells(project.format)
            if before.get(c.path) != project.tables.get(c.path)
        ]
        self._start(Session(project, path, loaded.findings))
        notes = []
        if loaded.findings:
            notes.append(f"规范了 {len(loaded.findings)} 个单元格的写法（如全角数字）")
        if changed:
            notes.append(f"按各分项和上年报告重新计算了 {len(changed)} 个合计或结转单元格")
        if notes:
            self.notify("打开时" + "，".join(notes) + "，已自动保存。", timeout=8)
            self.session_changed()

    def _restore(self, found: Recovery) -> None:
        from drafter.tui.session import Session

        self._start(Session(found.project, found.project_path))
        self.session_changed()
        self.notify("已恢复上次的内容，并写回项目文件。")

    def create_project(self, project: Project, path: Path) -> None:
        """Start a new project at ``path`` (which must not exist yet)."""
        from drafter.tui.session import Session

        session = Session(project, path.resolve())
        if not session.save():
            self.notify(session.save_error or "无法保存", title="无法新建", severity="error")
            return
        self._start(session)

    def _start(self, session: Session) -> None:
        self.close_session()
        self.session = session
        session.listeners.append(self.session_changed)
        self.call_after_refresh(remember, session.path)
        first = len(self.screen_stack) == 1  # only the default screen: nothing to leave
        if not first and self.screen.name != "start":
            self.switch_screen("start")
        for name in PROJECT_SCREENS:
            if self.is_screen_installed(name):
                self.uninstall_screen(name)
        self.title = f"drafter · {session.path.name}"
        figures = self.project_screen("figures")
        if first:
            self.push_screen(figures)
        else:
            self.switch_screen(figures)
        self.refresh_bindings()

    def project_screen(self, name: str) -> Screen[None]:
        """The screen ``name`` of the open project, built the first time it is wanted.

        Built on demand so opening a project draws the tables without first importing
        and composing the text editors and the checks list.
        """
        if self.is_screen_installed(name):
            return self.get_screen(name)
        assert self.session is not None
        screen: Screen[None]
        if name == "figures":
            from drafter.tui.screens.figures import FiguresScreen

            screen = FiguresScreen(self.session)
        elif name == "narrative":
            from drafter.tui.screens.narrative import NarrativeScreen

            screen = NarrativeScreen(self.session)
        else:
            from drafter.tui.screens.checks import ChecksScreen

            screen = ChecksScreen(self.session)
        self.install_screen(screen, name)
        return screen

    def close_session(self) -> bool:
        """Save and close the open project; False if its last save failed."""
        session = self.session
        if session is None:
            return True
        if self.is_screen_installed("figures"):
            self._figures_screen().commit_pending()
        if session.dirty and not self.save_now():
            return False
        session.close()
        session.listeners.clear()
        self.session = None
        return True

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
                f"{session.save_error}。{where}请检查文件夹权限或磁盘空间。",
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
        """Quit after a successful save; when saving fails, ask instead of quitting."""
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
        self.push_screen(ChoiceScreen(question, choices, cancel="stay"), answered)

    # ---------------------------------------------------------------- navigation

    def action_start(self) -> None:
        self.switch_screen("start")

    def action_show(self, name: str) -> None:
        if self.session is None:
            self.notify("请先打开或新建一个项目")
            return
        self.switch_screen(self.project_screen(name))

    def action_help(self) -> None:
        from drafter.tui.screens.help import HelpScreen, key_groups

        self.push_screen(HelpScreen(key_groups(self.BINDINGS)))

    def action_command_palette(self) -> None:
        if not any(isinstance(s, CommandPalette) for s in self.screen_stack):
            self.push_screen(CommandPalette(placeholder="搜索命令…", id="--command-palette"))

    def action_export(self) -> None:
        """Phase 2 (issue 7) wires export here.

        Contract: push an export ModalScreen (format and path), run the export gate on
        ``session.findings`` (errors listed; export only after the clerk confirms an
        override) and call ``drafter.exporters`` on ``session.project``.
        """
        self.notify("这个版本还不能导出。", severity="warning")

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield SystemCommand("打开或新建报告", "回到开始画面", self.action_start)
        if self.session is not None:
            for table in forms.TABLE_KEYS:
                heading = forms.SECTION_BY_KEY[table].heading
                yield SystemCommand(
                    f"表{forms.TABLE_NUMERALS[table]}", heading, lambda t=table: self._table(t)
                )
            yield SystemCommand("要点", "编辑起草用的要点", self._facts)
            yield SystemCommand("文字", "编辑各部分文字", lambda: self.action_show("narrative"))
            yield SystemCommand("核对", "查看全部错误和警告", lambda: self.action_show("checks"))
            yield SystemCommand("保存", "立即保存项目文件", self.action_save)
        yield SystemCommand("帮助", "按键、表格标记和核对规则", self.action_help)
        yield SystemCommand("主题", "更换配色", self.action_change_theme)
        yield SystemCommand("退出", "保存并退出", self.action_quit)

    def _figures_screen(self) -> FiguresScreen:
        from drafter.tui.screens.figures import FiguresScreen

        screen = self.project_screen("figures")
        assert isinstance(screen, FiguresScreen)
        return screen

    def _figures(self) -> FiguresScreen:
        """Show the figures screen and return it."""
        self.action_show("figures")
        return self._figures_screen()

    def _table(self, table: str) -> None:
        self._figures().show_table(table)

    def _facts(self) -> None:
        self._figures().show_facts()

    @on(JumpToFinding)
    def jump(self, message: JumpToFinding) -> None:
        """Go to where a finding points: a table cell, or a place in a section's text."""
        from drafter.tui.screens.narrative import EDITED_SECTIONS, NarrativeScreen

        location = message.finding.location
        if location.cell:
            self.call_after_refresh(self._figures().focus_cell, location.cell)
        elif location.section in EDITED_SECTIONS:
            self.action_show("narrative")
            narrative = self.project_screen("narrative")
            assert isinstance(narrative, NarrativeScreen)
            self.call_after_refresh(
                narrative.focus_section,
                location.section,
                message.finding.excerpt,
                location.line,
            )
        elif location.section in forms.TABLE_KEYS:
            self._table(location.section)
        else:
            self.notify("这个问题没有具体位置")
