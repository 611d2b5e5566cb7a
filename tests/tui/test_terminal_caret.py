"""The terminal cursor sits exactly at the caret of every text field of the app.

An input method opens its candidate window at the terminal cursor, so a cursor one
column off puts the candidates beside the text. In tmux, Chinese is typed (as an IME
commits it) into each text input the app has: a table cell, the editor, both 要点
fields, the export dialog's 保存为, the command palette, the report details, the start
screen's five fields and the file picker; after each, the cursor must be right after
the typed text. At 120×40 and at 80×24 (where long fields scroll).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.factories import EXAMPLE
from tests.tui.terminal import Tmux, app_env, wait_until

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Caret:
    """Type into the focused field of the app in ``term`` and check the cursor."""

    def __init__(self, term: Tmux) -> None:
        self.term = term
        self.checked: list[str] = []

    def wait_for(self, text: str) -> None:
        wait_until(lambda: self.term.find(text), f"「{text}」 on screen", show=self.term.shown)

    def move(self, *keys: str, title: str | None = None) -> None:
        """Press ``keys`` that move the focus, and wait until the cursor has moved (into the
        field titled ``title``): a key sent at once could reach the field left behind."""
        term = self.term
        before = term.cursor()

        def arrived() -> bool:
            x, y = term.cursor()
            if (x, y) == before:
                return False
            return title is None or (y > 0 and title in term.screen()[y - 1])

        term.keys(*keys)
        wait_until(arrived, f"the focus to move ({' '.join(keys)})", show=term.shown)

    def close(self, text: str) -> None:
        """Esc, then wait until ``text`` is gone: an Esc followed at once by another key
        would reach the app as Alt+that key."""
        self.term.keys("Escape")
        wait_until(lambda: not self.term.find(text), f"「{text}」 closed", show=self.term.shown)

    def type_and_check(self, field: str, typed: str, title: str | None = None) -> None:
        """Type ``typed`` into ``field``; the cursor must be just after it. With
        ``title``, the field's bordered title must be on the line above (the right field)."""
        term = self.term
        term.type(typed)
        wait_until(lambda: term.find(typed), f"{field}: 「{typed}」 on screen", show=term.shown)
        x, y = term.find(typed) or (0, 0)
        if title is not None:
            above = term.screen()[y - 1]
            assert title in above, f"{field}: typed into the wrong field:\n{term.shown()}"
        caret = (x + cell_len(typed), y)
        wait_until(
            lambda: term.cursor() == caret,
            f"{field}: the cursor at {caret} (it is at {term.cursor()})",
            5,
            show=term.shown,
        )
        self.checked.append(field)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_the_cursor_sits_at_the_caret_of_every_text_field(tmp_path: Path, size):
    project = tmp_path / "yunxi-2025.json"
    shutil.copy(EXAMPLE, project)
    command = [sys.executable, "-m", "drafter", "tui", str(project)]
    term = Tmux(command, app_env(tmp_path / "home"), size)
    caret = Caret(term)
    try:
        caret.wait_for("行政规范性文件")
        caret.type_and_check("表格单元格", "１２")
        caret.close("１２")  # the typing is cancelled

        term.keys("F6", "F6", "F6")  # 要点
        caret.wait_for("起草时使用的要点")
        term.keys("C-n")
        caret.wait_for("事项，如 主动公开信息")  # the new row, its field focused
        caret.type_and_check("要点·事项", "甲事项")
        caret.move("Tab")
        caret.type_and_check("要点·内容", "乙内容")

        term.keys("F10")
        caret.wait_for("导出报告")
        caret.move("BTab", title="保存为")  # from 导出 back to 保存为
        caret.type_and_check("导出·保存为", "丙丁")
        caret.close("导出报告")

        term.keys("C-p")
        caret.wait_for("搜索命令")
        caret.type_and_check("命令面板", "戊己")
        caret.close("戊己")

        term.keys("C-r")
        caret.wait_for("按机关和年度生成的标题")
        caret.type_and_check("报告信息·机关全称", "庚", "机关全称")
        caret.move("Tab", title="报告年度")
        caret.type_and_check("报告信息·报告年度", "辛", "报告年度")
        caret.move("Tab", title="标题")
        caret.type_and_check("报告信息·标题", "壬", "标题")
        caret.close("按机关和年度生成的标题")

        term.keys("F3")
        caret.wait_for("今年（编辑区）")
        caret.type_and_check("文字编辑区", "本年新收申请29件，“引号”也在。")

        term.keys("C-o")
        caret.wait_for("新建报告")
        caret.type_and_check("开始·项目文件", "癸子", "项目文件")
        # 选择文件… 打开 最近打开, then 机关全称
        caret.move("Tab", "Tab", "Tab", "Tab", title="机关全称")
        caret.type_and_check("开始·机关全称", "子丑", "机关全称")
        caret.move("Enter", title="报告年度")  # Enter moves through the new-report form
        caret.type_and_check("开始·报告年度", "辰", "报告年度")
        caret.move("Enter", title="上年报告")
        caret.type_and_check("开始·上年报告", "未申", "上年报告")
        caret.move("Enter", title="保存为")
        caret.type_and_check("开始·保存为", "巳午", "保存为")

        term.keys("C-b")
        caret.wait_for("或直接输入文件路径")
        caret.move("Tab")  # from the folder tree to the path field
        caret.type_and_check("选择文件·路径", "酉戌")
        caret.close("酉戌")
    finally:
        term.close()
    assert len(caret.checked) == 15
