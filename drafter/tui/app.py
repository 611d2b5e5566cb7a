"""The drafter terminal app: opens projects, routes between screens, exports.

Kept thin: the screens do the work, the core does the computing. Saving, the first
check and quitting are :class:`~drafter.tui.autosave.AutosavingApp`'s; this class opens
and creates projects, routes between screens and jumps, runs the export dialog, and
keeps the terminal cursor at the caret of the focused text field (``CaretAtFocus``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from drafter.recent import remember
from drafter.tui import collector
from drafter.tui.autosave import AUTOSAVE_DELAY, AutosavingApp
from drafter.tui.caret import CaretAtFocus
from drafter.tui.messages import JumpToCell, JumpToFinding
from drafter.tui.screens.start import StartScreen

if TYPE_CHECKING:
    from drafter.exporters.gate import ExportOutcome
    from drafter.lock import ProjectLock
    from drafter.model import Project
    from drafter.recovery import Recovery
    from drafter.tui.screens.figures import FiguresScreen
    from drafter.tui.session import Session

# The project machinery (pydantic models, rules, store, forms) is imported when a project
# is opened, not at start-up: the start screen is drawn first. Checking the project, the
# drafting settings (pydantic) and the drafter itself wait until after the first paint.

PROJECT_SCREENS = ("figures", "narrative", "checks")


class DrafterApp(CaretAtFocus, AutosavingApp):
    """政府信息公开工作年度报告 — figures, prose and checks of one project."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "drafter"
    # Classes on every screen by terminal size: app.tcss and the dialogs tighten their
    # layout on an 80×24 terminal (every control stays on screen) and keep room at 120×40.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "帮助", id="app.help", tooltip="按键、表格标记和核对规则"),
        Binding(
            "f2", "show('figures')", "表格", id="app.figures", tooltip="填写表二、表三、表四和要点"
        ),
        Binding("f3", "show('narrative')", "文字", id="app.narrative", tooltip="编辑各部分文字"),
        Binding("f4", "show('checks')", "核对", id="app.checks", tooltip="查看全部错误和警告"),
        Binding(
            "f10",
            "export",
            "导出",
            id="app.export",
            tooltip="导出为 Word 文档、网页或 Markdown（有错误时先列出）",
        ),
        Binding("ctrl+o", "start", "打开/新建", id="app.start", tooltip="打开其他项目或新建报告"),
        Binding(
            "ctrl+r",
            "details",
            "报告信息",
            id="app.details",
            tooltip="修改机关全称、报告年度和标题",
        ),
        # Not in the key bar (room at 80 columns): changes are saved within a second anyway.
        Binding(
            "ctrl+s",
            "save",
            "保存",
            id="app.save",
            show=False,
            tooltip="立即保存（修改本来就会自动保存）",
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
        offline: bool = False,
    ) -> None:
        super().__init__(autosave_delay)
        self.initial_path = path
        self.workdir = workdir or Path.cwd()
        self.today = today or date.today()
        self.offline = offline
        """Started with ``--offline``: draft with the offline drafter whatever is configured."""
        self.endpoint = ""
        """The status line's 模型 @ 主机 or 离线起草 (from the settings, after the first paint)."""
        self.last_export: Path | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Project-only keys are left out of the footer until a project is open, and
        the key of the screen being shown (room for the screen's own keys)."""
        if action in ("show", "save", "export", "details") and self.session is None:
            return False
        if action == "show" and parameters and self.screen_stack:
            return parameters[0] != self.screen.name
        return True

    # ---------------------------------------------------------------- start-up

    def on_load(self) -> None:
        collector.pause()  # until the first paint (see drafter.tui.collector)

    def on_mount(self) -> None:
        self.install_screen(self.sized(StartScreen(self.workdir, self.today)), "start")
        if self.initial_path is not None:
            self.open_project(self.initial_path)  # straight to the tables: start is not drawn
        if len(self.screen_stack) == 1:  # no project given, or it could not be opened
            self.push_screen("start")
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        from drafter.tui.endpoint import describe_endpoint

        collector.resume()
        self.set_endpoint(describe_endpoint(offline=self.offline))

    def on_unmount(self) -> None:
        collector.release()

    def set_endpoint(self, label: str) -> None:
        """What the status line says about drafting (updated whenever a draft starts)."""
        self.endpoint = label
        self.refresh_status()

    def open_project(self, path: Path) -> None:
        """Open a project file, first offering a recovery copy left by a crash."""
        from drafter.recovery import pending_recovery

        if self.busy_drafting():
            return
        path = path.expanduser().resolve()
        if self.session is not None and self.session.path == path:
            self.action_show("figures")  # already open here, and locked by this window
            return
        lock = self.lock_project(path)
        if lock is None:
            return
        found = pending_recovery(path)
        if found is None:
            self._load(path, lock)
            return

        def answered(choice: str | None) -> None:
            if choice == "restore":
                self._restore(found, lock)
            elif choice == "discard":
                self._load(path, lock)
            else:
                lock.release()

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
        from drafter.tui.screens.choice import ChoiceScreen

        self.push_screen(ChoiceScreen(question, choices), answered)

    def _load(self, path: Path, lock: ProjectLock) -> None:
        from drafter import forms
        from drafter.editing import refresh
        from drafter.store import ProjectError, load_project
        from drafter.tui.session import Session

        try:
            loaded = load_project(path)
        except ProjectError as exc:
            lock.release()
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
        self._start(Session(project, path, loaded.findings, lock))
        notes = []
        if loaded.findings:
            notes.append(f"规范了 {len(loaded.findings)} 个单元格的写法（如全角数字）")
        if changed:
            notes.append(f"按各分项和上年报告重新计算了 {len(changed)} 个合计或结转单元格")
        if notes:
            self.notify("打开时" + "，".join(notes) + "，已自动保存。", timeout=8)
            self.session_changed()

    def _restore(self, found: Recovery, lock: ProjectLock) -> None:
        from drafter.tui.session import Session

        self._start(Session(found.project, found.project_path, lock=lock))
        self.session_changed()
        self.notify("已恢复上次的内容，并写回项目文件。")

    def create_project(self, project: Project, path: Path) -> bool:
        """Start a new project at ``path`` (which must not exist yet); False if unsaved."""
        from drafter.tui.session import Session

        if self.busy_drafting():
            return False
        lock = self.lock_project(path.resolve())
        if lock is None:
            return False
        session = Session(project, path.resolve(), lock=lock)
        if not session.save():
            lock.release()
            self.notify(session.save_error or "无法保存", title="无法新建", severity="error")
            return False
        self._start(session)
        return True

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
        self.call_after_refresh(self.check_after_paint)

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
        self.install_screen(self.sized(screen), name)
        return screen

    def sized(self, screen: Screen[None]) -> Screen[None]:
        """``screen`` with the breakpoint classes of the terminal's size already set.

        Textual sets them when the screen gets its first resize, after its widgets are
        styled: every widget was styled twice before the first paint. Corrected on that
        resize if the terminal has changed size meanwhile.
        """
        width, height = self.size
        for breakpoints, extent in (
            (self.HORIZONTAL_BREAKPOINTS, width),
            (self.VERTICAL_BREAKPOINTS, height),
        ):
            fitting = [name for least, name in sorted(breakpoints or []) if extent >= least]
            if fitting:
                screen.add_class(fitting[-1], update=False)
        return screen

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
        from textual.command import CommandPalette

        if not any(isinstance(s, CommandPalette) for s in self.screen_stack):
            self.push_screen(CommandPalette(placeholder="搜索命令…", id="--command-palette"))

    def action_export(self) -> None:
        """The export dialog; what it wrote (or that it was forced) is said afterwards."""
        from drafter.model import Finding
        from drafter.tui.screens.export import CHECKS, ExportScreen, outcome_message

        session = self.session
        if session is None:
            self.notify("请先打开或新建一个项目")
            return
        self.commit_pending()

        def done(result: ExportOutcome | Finding | str | None) -> None:
            if result == CHECKS:
                self.action_show("checks")
            elif isinstance(result, Finding):  # 去填写: the first blank cell
                self.post_message(JumpToFinding(result))
            elif result is not None and not isinstance(result, str):
                self.last_export = result.path
                message, severity = outcome_message(result)
                self.notify(message, title="导出", severity=severity, timeout=12)

        self.push_screen(ExportScreen(session, self.last_export), done)

    def action_details(self) -> None:
        """Change the report's agency, year and title."""
        from drafter.tui.screens.details import DetailsScreen

        session = self.session
        if session is None:
            self.notify("请先打开或新建一个项目")
            return

        def done(changed: bool | None) -> None:
            if changed:
                self.refresh_status()

        self.push_screen(DetailsScreen(session), done)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from drafter.tui.commands import system_commands

        return system_commands(self)

    def figures(self) -> FiguresScreen:
        """Show the figures screen and return it."""
        from drafter.tui.screens.figures import FiguresScreen

        self.action_show("figures")
        screen = self.project_screen("figures")
        assert isinstance(screen, FiguresScreen)
        return screen

    def show_table(self, table: str) -> None:
        self.figures().show_table(table)

    @on(JumpToCell)
    def jump_to_cell(self, message: JumpToCell) -> None:
        self.action_show("figures")
        self.call_after_refresh(self.figures().focus_cell, message.cell)

    @on(JumpToFinding)
    def jump(self, message: JumpToFinding) -> None:
        """Go to where a finding points: a place in a section's text, or a table cell.

        A finding in the prose (C1: a figure that is not the table's) goes to the
        sentence, where it is written; its cell is one Enter away in the figures list.
        """
        from drafter import forms
        from drafter.tui.screens.narrative import EDITED_SECTIONS, NarrativeScreen

        location = message.finding.location
        if location.section in EDITED_SECTIONS:
            self.action_show("narrative")
            narrative = self.project_screen("narrative")
            assert isinstance(narrative, NarrativeScreen)
            self.call_after_refresh(
                narrative.focus_section,
                location.section,
                message.finding.excerpt,
                location.line,
            )
        elif location.cell:
            self.call_after_refresh(self.figures().focus_cell, location.cell)
        elif location.section in forms.TABLE_KEYS:
            self.show_table(location.section)
        else:
            self.notify("这个问题没有具体位置")
