"""The first screen: open a project, reopen a recent one, or start a new report."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from drafter.recent import load_recent
from drafter.tui.widgets.key_bar import KeyBar
from drafter.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from drafter.tui.app import DrafterApp

NEW_FORM = ("agency", "year", "last-year", "new-path")
"""The new-report form's fields in order: Enter moves on, and submits in the last."""
LISTED_HINTS = 5
"""Import hints listed in the notice after 新建 (the checks screen lists them all)."""


def report_year(today: date) -> int:
    """The year whose report is being prepared on ``today``.

    The report on year Y is written from December of Y (the year's figures are nearly
    all in) to its deadline (31 January of Y+1 for departments, 31 March for
    governments), and looked at again later in Y+1. So December proposes this year and
    January to November last year: in December 2026 and all of 2027 up to November, 2026.
    """
    return today.year if today.month == 12 else today.year - 1


class StartScreen(Screen[None]):
    """Open, reopen or create a project."""

    # Here rather than in app.tcss: parsed when this screen is first shown, not when a
    # project is opened straight from the command line (bench/startup.py).
    DEFAULT_CSS = """
    StartScreen #start-title {
        height: 1; padding: 0 2; text-style: bold; color: $accent; margin: 1 0 0 0;
    }
    StartScreen #start-panes { height: 1fr; }
    StartScreen #start-panes .pane {
        width: 1fr; border: round $primary; border-title-color: $accent;
        padding: 0 1; margin: 0 1;
    }
    StartScreen #start-panes Input {
        border-title-color: $text-muted; border-title-align: left; margin-top: 1;
    }
    StartScreen #start-panes .buttons Button { margin-top: 1; }
    StartScreen #create { margin-top: 1; }
    StartScreen #start-panes .buttons { height: auto; }
    StartScreen #start-panes .buttons Input { width: 1fr; }
    StartScreen #start-panes Button { margin-right: 1; }
    StartScreen #recent {
        height: 1fr; margin-top: 1; border: round $primary-muted; border-title-color: $text-muted;
    }
    StartScreen #start-message { height: auto; padding: 0 2; }
    StartScreen #start-message.error { color: $error; text-style: bold; }
    /* 80×24: no blank lines between the fields, so 新建 stays on screen. */
    StartScreen.-short #start-title { margin: 0; }
    StartScreen.-short #start-panes Input { margin-top: 0; }
    StartScreen.-short #start-panes .buttons Button { margin-top: 0; }
    StartScreen.-short #create { margin-top: 0; }
    StartScreen.-short #recent { margin-top: 0; }
    """

    BINDINGS = [
        Binding(
            "ctrl+b",
            "browse_open",
            "选择文件",
            id="start.browse",
            tooltip="在文件夹中选择要打开的项目文件",
        ),
    ]

    def __init__(self, workdir: Path, today: date) -> None:
        super().__init__(name="start")
        self.workdir = workdir
        self.today = today

    @property
    def drafter_app(self) -> DrafterApp:
        from drafter.tui.app import DrafterApp

        assert isinstance(self.app, DrafterApp)
        return self.app

    def compose(self) -> ComposeResult:
        # Field names are border titles rather than Label widgets: fewer widgets, and
        # the start screen is what a clerk waits for.
        yield Static("政府信息公开工作年度报告 · 起草助手", id="start-title")
        with Horizontal(id="start-panes"):
            with Vertical(id="open-pane", classes="pane") as pane:
                pane.border_title = "打开项目"
                yield self._field("项目文件（.json）", "open-path", "输入路径后按 Enter")
                with Horizontal(classes="buttons"):
                    yield Button("选择文件…", id="browse-open")
                    yield Button("打开", id="open", variant="primary")
                recent = OptionList(id="recent")
                recent.border_title = "最近打开"
                yield recent
            with Vertical(id="new-pane", classes="pane") as pane:
                pane.border_title = "新建报告"
                yield self._field("机关全称", "agency", "如 云溪县市场监督管理局")
                yield self._field("报告年度", "year", value=str(report_year(self.today)))
                with Horizontal(classes="buttons"):
                    yield self._field(
                        "上年报告（可选）", "last-year", "去年的项目文件或已发布的报告"
                    )
                    yield Button("选择…", id="browse-last-year")
                yield self._field("保存为（.json）", "new-path")
                yield Button("新建", id="create", variant="primary")
        yield Static("", id="start-message")
        yield StatusLine()
        yield KeyBar()

    @staticmethod
    def _field(title: str, id: str, placeholder: str = "", value: str = "") -> Input:
        field = Input(value, placeholder=placeholder, id=id)
        field.border_title = title
        return field

    def on_mount(self) -> None:
        self.query_one(StatusLine).show_session(None)
        self.query_one("#open-path", Input).focus()

    def on_screen_resume(self) -> None:
        self.show_recent()

    def show_recent(self) -> None:
        """The recent projects, the first one still there highlighted (Enter opens it)."""
        options = self.query_one("#recent", OptionList)
        options.clear_options()
        for path in load_recent():
            exists = path.is_file()
            label = str(path) if exists else f"{path}（文件已不存在）"
            options.add_option(Option(label, id=str(path), disabled=not exists))
        first = next(
            (i for i in range(options.option_count) if not options.get_option_at_index(i).disabled),
            None,
        )
        options.highlighted = first

    def say(self, message: str, error: bool = True) -> None:
        line = self.query_one("#start-message", Static)
        line.set_class(error, "error")
        line.update(message)

    # ---------------------------------------------------------------- open

    @on(Input.Submitted, "#open-path")
    @on(Button.Pressed, "#open")
    def _open_typed(self) -> None:
        typed = self.query_one("#open-path", Input).value.strip()
        if not typed:
            self.say("请输入项目文件路径，或按「选择文件…」")
            return
        self.drafter_app.open_project(self._resolve(typed))

    @on(OptionList.OptionSelected, "#recent")
    def _open_recent(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.drafter_app.open_project(Path(event.option.id))

    @on(Button.Pressed, "#browse-open")
    def action_browse_open(self) -> None:
        from drafter.newproject import PROJECT_SUFFIXES

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.query_one("#open-path", Input).value = str(path)
                self.drafter_app.open_project(path)

        from drafter.tui.screens.file_picker import FilePickerScreen

        picker = FilePickerScreen("打开项目文件", self.workdir, PROJECT_SUFFIXES)
        self.app.push_screen(picker, chosen)

    # ---------------------------------------------------------------- new

    @on(Button.Pressed, "#browse-last-year")
    def _browse_last_year(self) -> None:
        from drafter.importers import SUFFIXES as REPORT_SUFFIXES
        from drafter.newproject import PROJECT_SUFFIXES

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.query_one("#last-year", Input).value = str(path)

        from drafter.tui.screens.file_picker import FilePickerScreen

        picker = FilePickerScreen("选择上年报告", self.workdir, PROJECT_SUFFIXES + REPORT_SUFFIXES)
        self.app.push_screen(picker, chosen)

    @on(Input.Changed, "#agency")
    @on(Input.Changed, "#year")
    def _suggest_path(self) -> None:
        agency = self.query_one("#agency", Input).value.strip()
        year = self.query_one("#year", Input).value.strip()
        target = self.query_one("#new-path", Input)
        if agency and (not target.value or getattr(self, "_suggested", None) == target.value):
            suggestion = str(self.workdir / f"{agency}{year}年报告.json")
            self._suggested = suggestion
            target.value = suggestion

    @on(Input.Submitted, "#agency, #year, #last-year")
    def _next_field(self, event: Input.Submitted) -> None:
        """Enter in a field of the new-report form goes to the next one."""
        fields = [f"#{name}" for name in NEW_FORM]
        following = fields[fields.index(f"#{event.input.id}") + 1]
        self.query_one(following, Input).focus()

    @on(Input.Submitted, "#new-path")
    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        from drafter.newproject import check_agency_year
        from drafter.store import ProjectError

        agency = self.query_one("#agency", Input).value
        year = self.query_one("#year", Input).value
        last_year = self.query_one("#last-year", Input).value.strip()
        target = self.query_one("#new-path", Input).value.strip()
        try:
            check_agency_year(agency, year)
        except ProjectError as exc:
            self.say(str(exc))
            return
        if not target:
            self.say("请填写新项目文件的保存位置（.json）")
            return
        path = self._resolve(target)
        if path.suffix.lower() != ".json":
            path = path.with_suffix(".json")
        if path.exists():
            self.say(f"{path} 已存在：请换一个文件名，或在左侧直接打开它")
            return
        source = self._resolve(last_year) if last_year else None
        if source is not None:
            self.say(f"正在读取上年报告 {source.name}……", error=False)
        self.run_worker(
            self._start_report(agency, year, source, path), exclusive=True, group="new-report"
        )

    async def _start_report(self, agency: str, year: str, source: Path | None, path: Path) -> None:
        """Read last year's file off the event loop (a PDF takes a moment), then start."""
        from drafter.newproject import start_report
        from drafter.store import ProjectError

        try:
            started = await asyncio.to_thread(start_report, agency, year, last_year_file=source)
        except ProjectError as exc:
            self.say(f"上年报告无法使用：{exc}")
            return
        self.say("")
        if not self.drafter_app.create_project(started.project, path) or not started.notes:
            return
        notes = started.notes
        if started.imported is not None:
            from drafter.importers.summary import summary

            # The first hints, and where all of them stay: the checks screen (F4).
            rest = "全部见核对画面（F4）的「上年报告导入提示」"
            notes = [summary(started.imported, listed=LISTED_HINTS, rest=rest), *notes[1:]]
        self.app.notify("\n".join(notes), title="已新建报告", timeout=20)

    def _resolve(self, typed: str) -> Path:
        path = Path(typed).expanduser()
        return path if path.is_absolute() else self.workdir / path
