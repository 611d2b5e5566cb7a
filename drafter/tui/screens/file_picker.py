"""Choosing a file: a directory tree showing only project and report files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Input, Static


class ReportTree(DirectoryTree):
    """A directory tree listing folders and files with the wanted suffixes only."""

    def __init__(self, path: Path, suffixes: tuple[str, ...], *, id: str | None = None) -> None:
        super().__init__(path, id=id)
        self.suffixes = suffixes

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [
            p
            for p in paths
            if not p.name.startswith(".") and (p.is_dir() or p.suffix.lower() in self.suffixes)
        ]


class FilePickerScreen(ModalScreen[Path | None]):
    """Pick a file; dismisses with its path, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "取消", id="picker.cancel", tooltip="不选择文件，关闭"),
        Binding("backspace", "up", "上一级", id="picker.up", tooltip="显示上一级文件夹"),
    ]

    DEFAULT_CSS = """
    FilePickerScreen { align: center middle; }
    FilePickerScreen > Vertical {
        width: 90; max-width: 100%; height: 32; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    FilePickerScreen #picker-folder { height: 1; color: $text-muted; }
    FilePickerScreen ReportTree { height: 1fr; }
    FilePickerScreen Horizontal { height: auto; align-horizontal: right; }
    FilePickerScreen Button { margin-left: 1; }
    """

    def __init__(self, title: str, start: Path, suffixes: tuple[str, ...]) -> None:
        super().__init__()
        self.title_text = title
        self.start = start if start.is_dir() else start.parent
        self.suffixes = suffixes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"{self.title_text}（只显示 {'、'.join(self.suffixes)} 文件）")
            yield Static("", id="picker-folder", markup=False)
            yield ReportTree(self.start, self.suffixes, id="picker-tree")
            yield Input(placeholder="或直接输入文件路径", id="picker-path")
            with Horizontal():
                yield Button("上一级文件夹", id="picker-up")
                yield Button("选择", id="picker-ok", variant="primary")
                yield Button("取消", id="picker-cancel")

    def on_mount(self) -> None:
        self.show_folder()
        self.query_one(ReportTree).focus()

    def show_folder(self) -> None:
        """The folder shown, and how to leave it (the tree cannot show its parent)."""
        folder = Path(self.query_one(ReportTree).path)
        self.query_one("#picker-folder", Static).update(f"{folder} · Backspace 上一级")

    @on(DirectoryTree.FileSelected)
    def _file_selected(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss(event.path)

    @on(DirectoryTree.DirectorySelected)
    def _directory_selected(self, event: DirectoryTree.DirectorySelected) -> None:
        self.query_one("#picker-path", Input).value = str(event.path)

    @on(Input.Submitted, "#picker-path")
    @on(Button.Pressed, "#picker-ok")
    def _ok(self) -> None:
        typed = self.query_one("#picker-path", Input).value.strip()
        if typed and Path(typed).expanduser().is_file():
            self.dismiss(Path(typed).expanduser())
        elif typed and Path(typed).expanduser().is_dir():
            self.query_one(ReportTree).path = Path(typed).expanduser()
            self.show_folder()
        else:
            self.notify("请选择一个文件，或输入文件的完整路径", severity="warning")

    @on(Button.Pressed, "#picker-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#picker-up")
    def action_up(self) -> None:
        tree = self.query_one(ReportTree)
        tree.path = Path(tree.path).resolve().parent
        self.show_folder()
        tree.focus()
