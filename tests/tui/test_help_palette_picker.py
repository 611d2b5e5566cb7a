"""Help screen, command palette and file picker."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.widgets import Markdown

from drafter.rules import REGISTRY
from drafter.tui.screens.file_picker import FilePickerScreen, ReportTree
from drafter.tui.screens.help import HelpScreen
from drafter.tui.screens.narrative import NarrativeScreen
from tests.tui.conftest import SIZE, eventually


async def test_help_lists_the_keys_and_every_rule(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one(Markdown).source
        for rule in REGISTRY:
            assert f"| {rule.id} | {rule.title} |" in text
        assert "| f8 | 采用建议 |" in text
        assert "| ^r | 报告信息 |" in text and "| ^home | 到开头 |" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def highlighted(palette) -> str:
    for hits in palette.query(CommandList):
        if hits.option_count and hits.highlighted is not None:
            return str(hits.get_option_at_index(hits.highlighted).prompt)
    return ""


async def test_the_command_palette_runs_drafter_commands(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("文", "字")
        # The search streams its hits: wait until the best one (文字 itself) is highlighted.
        await eventually(pilot, lambda: highlighted(app.screen).startswith("文字"))
        await pilot.press("enter")
        await eventually(pilot, lambda: isinstance(app.screen, NarrativeScreen))


async def test_the_file_picker_shows_only_project_and_report_files(make_app, tmp_path):
    for name in ("a.json", "b.docx", "c.xlsx", ".hidden.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    chosen = []
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        picker = FilePickerScreen("选择", tmp_path, (".json", ".docx"))
        app.push_screen(picker, chosen.append)
        listed = lambda: any(len(t.root.children) == 3 for t in picker.query(ReportTree))  # noqa: E731
        await eventually(pilot, listed)
        tree = picker.query_one(ReportTree)
        names = sorted(str(node.label) for node in tree.root.children)
        assert names == ["a.json", "b.docx", "sub"]
        picker.query_one("#picker-path").value = str(tmp_path / "a.json")
        await pilot.click("#picker-ok")
        await eventually(pilot, lambda: chosen)
    assert chosen == [tmp_path / "a.json"]
