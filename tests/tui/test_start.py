"""The start screen: open by path, reopen a recent project, create a new report."""

from __future__ import annotations

from textual.widgets import Button, Input, OptionList, Static

from drafter import recent
from drafter.store import load_project
from drafter.tui.screens.figures import FiguresScreen
from drafter.tui.screens.start import StartScreen
from tests.factories import EXAMPLE_LAST_YEAR
from tests.tui.conftest import SIZE, eventually, handled


async def create(pilot) -> None:
    """Press 新建 (directly: a second click within 0.2 s is ignored by Button)."""
    button = pilot.app.screen.query_one("#create", Button)
    button.press()
    await handled(pilot, button)  # the import worker has started
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_opens_a_project_typed_as_a_path_and_remembers_it(make_app, project_file):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        app.screen.query_one("#open-path", Input).value = str(project_file)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FiguresScreen)
        assert app.session.path == project_file.resolve()
    assert recent.load_recent() == [project_file.resolve()]


async def test_recent_projects_reopen_and_missing_ones_are_marked(make_app, project_file, tmp_path):
    recent.remember(tmp_path / "已删除.json")
    recent.remember(project_file)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        options = app.screen.query_one("#recent", OptionList)
        assert options.option_count == 2
        assert "文件已不存在" in str(options.get_option_at_index(1).prompt)
        assert options.get_option_at_index(1).disabled
        options.focus()
        options.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FiguresScreen)


async def test_a_bad_file_gives_a_chinese_message_not_a_crash(make_app, tmp_path):
    bad = tmp_path / "report.json"
    bad.write_text("这不是 JSON", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_project(bad)
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert app.session is None
        [note] = list(app._notifications)
        assert "不是有效的 JSON" in note.message


async def test_new_blank_report(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert screen.query_one("#year", Input).value == "2025"
        screen.query_one("#agency", Input).value = "示例镇人民政府"
        await pilot.pause()
        target = screen.query_one("#new-path", Input).value
        assert target == str(tmp_path / "示例镇人民政府2025年报告.json")
        await create(pilot)
        assert isinstance(app.screen, FiguresScreen)
    project = load_project(target).project
    assert (project.agency, project.year, project.last_year) == ("示例镇人民政府", 2025, None)
    assert project.tables.get("requests.new.natural_person") is None


async def test_new_report_from_last_years_project_file(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.query_one("#agency", Input).value = "云溪县市场监督管理局"
        screen.query_one("#last-year", Input).value = str(EXAMPLE_LAST_YEAR)
        screen.query_one("#new-path", Input).value = "新报告"
        await create(pilot)
        assert isinstance(app.screen, FiguresScreen)
        assert app.session.project.tables.get("requests.carried_in.total") == 2
    assert load_project(tmp_path / "新报告.json").project.last_year is not None


async def test_new_report_refuses_what_it_cannot_use(make_app, project_file, tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        message = screen.query_one("#start-message", Static)
        await create(pilot)
        assert "请填写" in str(message.render())
        screen.query_one("#agency", Input).value = "云溪县市场监督管理局"
        screen.query_one("#new-path", Input).value = str(project_file)
        await create(pilot)
        assert "已存在" in str(message.render())
        screen.query_one("#new-path", Input).value = "x.json"
        screen.query_one("#year", Input).value = "二〇二五"
        await create(pilot)
        assert "不是年份" in str(message.render())
        assert isinstance(app.screen, StartScreen)
        assert not (tmp_path / "x.json").exists()


async def test_an_unreadable_last_year_file_is_explained(make_app, tmp_path):
    bad = tmp_path / "2024年报告.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.query_one("#agency", Input).value = "云溪县市场监督管理局"
        screen.query_one("#last-year", Input).value = str(bad)
        await create(pilot)
        message = str(screen.query_one("#start-message", Static).render())
        assert message.startswith("上年报告无法使用：") and "Traceback" not in message
        assert isinstance(app.screen, StartScreen) and app.session is None
    assert not (tmp_path / "云溪县市场监督管理局2025年报告.json").exists()


async def test_import_hints_of_last_years_file_stay_in_the_checks_after_new(make_app, tmp_path):
    """The 2021 seed report as last year's file: its four hints (N1 ×2, V3 ×2) are listed
    in the notice and kept for the checks screen, not only counted."""
    from textual.widgets import Tree

    from drafter.tui.screens.checks import ChecksScreen
    from tests.narrative.corpus import SEED

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.query_one("#agency", Input).value = "川汇区信访局"
        screen.query_one("#year", Input).value = "2022"
        screen.query_one("#last-year", Input).value = str(SEED)
        await create(pilot)
        assert isinstance(app.screen, FiguresScreen)
        [notice] = [n for n in app._notifications if n.title == "已新建报告"]
        assert "提示 N1 2 项、V3 2 项：" in notice.message
        assert "第 91 行 一级标题「六、其他需要报告的事项」出现了 2 次" in notice.message
        assert "没有现行有效件数" in notice.message and "现行有效件数 2" not in notice.message
        await pilot.press("f4")
        await eventually(pilot, lambda: isinstance(app.screen, ChecksScreen))
        checks = app.screen
        tree = checks.query_one(Tree)
        [group] = [n for n in tree.root.children if "上年报告导入提示" in str(n.label)]
        assert str(group.label) == "上年报告导入提示（4）"
        assert len(group.children) == 4
        tree.move_cursor(group.children[0])
        await pilot.pause()
        detail = str(checks.query_one("#finding-detail").render())
        assert "位置：上年报告 000_20272e85d49a1cc6.txt 第" in detail
        path = app.session.path
    last = load_project(path).project.last_year
    assert last is not None and last.imported is not None and len(last.imported.findings) == 4
