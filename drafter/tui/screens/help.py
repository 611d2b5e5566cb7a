"""The help screen: every key, what the marks in the tables mean, and every rule."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from drafter.rules import REGISTRY
from drafter.tui.cell_marks import MARKS


def key_groups(app_bindings: Iterable[BindingType]) -> list[tuple[str, Iterable[BindingType]]]:
    """Every key of the app, grouped by where it works."""
    from drafter.tui.screens.figures import FiguresScreen
    from drafter.tui.screens.narrative import NarrativeScreen
    from drafter.tui.widgets.form_grid import FormGrid
    from drafter.tui.widgets.key_facts import KeyFactsEditor
    from drafter.tui.widgets.prose_area import ProseArea

    return [
        ("全局", app_bindings),
        ("表格", [*FiguresScreen.BINDINGS, *FormGrid.BINDINGS]),
        ("要点", KeyFactsEditor.BINDINGS),
        ("文字", [*NarrativeScreen.BINDINGS, *ProseArea.BINDINGS]),
    ]


def _keys(app_keys: Iterable[tuple[str, Iterable[BindingType]]], app: App[object]) -> str:
    lines = []
    for title, bindings in app_keys:
        lines += [f"### {title}", "", "| 按键 | 作用 | 说明 |", "|---|---|---|"]
        for binding in Binding.make_bindings(bindings):
            if not binding.description:
                continue
            key = app.get_key_display(binding)
            lines.append(f"| {key} | {binding.description} | {binding.tooltip} |")
        lines.append("")
    return "\n".join(lines)


def help_markdown(groups: Iterable[tuple[str, Iterable[BindingType]]], app: App[object]) -> str:
    rules = "\n".join(f"| {r.id} | {r.title} |" for r in REGISTRY)
    marks = (
        f"- `{MARKS['error']}` 红底：有错误（导出前必须修正）\n"
        f"- `{MARKS['warning']}` 黄底：有警告（请核实）\n"
        f"- `{MARKS['computed']}` 灰色：合计，由程序计算，不能输入\n"
        f"- `{MARKS['carried']}` 青色：由上年报告结转预填，可以修改\n"
        "- 红字：参与一个不成立的等式的单元格"
    )
    return (
        "# 帮助\n\n"
        "## 按键\n\n"
        f"{_keys(groups, app)}\n"
        "在表格中直接输入数字即可（全角数字也可以）；从 Excel 或网页复制一行或一列数字，"
        "粘贴时从光标所在单元格起依次填入。\n\n"
        "## 表格中的标记\n\n"
        f"{marks}\n\n"
        "## 核对规则\n\n"
        "| 规则 | 内容 |\n|---|---|\n"
        f"{rules}\n"
    )


class HelpScreen(ModalScreen[None]):
    """Keys, marks and rules; Esc or F1 closes."""

    BINDINGS = [
        Binding("escape,f1", "close", "关闭帮助", id="help.close", tooltip="回到刚才的画面"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 110; max-width: 100%; height: 90%; border: thick $accent; background: $surface;
    }
    """

    def __init__(self, groups: list[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        from drafter.tui.widgets.key_bar import KeyBar

        with VerticalScroll():
            yield Markdown(help_markdown(self.groups, self.app))
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
