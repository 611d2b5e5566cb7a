"""The command palette's commands (Ctrl+P): every screen and action by its Chinese name."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand

if TYPE_CHECKING:
    from drafter.tui.app import DrafterApp


def system_commands(app: DrafterApp) -> Iterable[SystemCommand]:
    """What the palette offers: project commands only while a project is open."""
    from drafter import forms

    yield SystemCommand("打开或新建报告", "回到开始画面", app.action_start)
    if app.session is not None:
        for table in forms.TABLE_KEYS:
            heading = forms.SECTION_BY_KEY[table].heading
            yield SystemCommand(
                f"表{forms.TABLE_NUMERALS[table]}", heading, lambda t=table: app.show_table(t)
            )
        yield SystemCommand("要点", "编辑起草用的要点", lambda: app.figures().show_facts())
        yield SystemCommand(
            "从台账生成",
            "从申请登记台账统计表三、表四",
            lambda: app.figures().action_from_ledger(),
        )
        yield SystemCommand("报告信息", "修改机关全称、报告年度和标题", app.action_details)
        yield SystemCommand("文字", "编辑各部分文字", lambda: app.action_show("narrative"))
        yield SystemCommand("核对", "查看全部错误和警告", lambda: app.action_show("checks"))
        yield SystemCommand("全部起草", "起草一、五、六三个部分", lambda: _draft_all(app))
        yield SystemCommand("导出", "导出为 Word 文档、网页或 Markdown", app.action_export)
        yield SystemCommand("保存", "立即保存项目文件", app.action_save)
    yield SystemCommand("帮助", "按键、表格标记和核对规则", app.action_help)
    yield SystemCommand("主题", "更换配色", app.action_change_theme)
    yield SystemCommand("退出", "保存并退出", app.action_quit)


def _draft_all(app: DrafterApp) -> None:
    from drafter.tui.screens.narrative import NarrativeScreen

    app.action_show("narrative")
    narrative = app.project_screen("narrative")
    assert isinstance(narrative, NarrativeScreen)
    narrative.action_draft_all()
