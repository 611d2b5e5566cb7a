"""Keys a clerk expects: Enter submits a form, Tab skips totals, Ctrl+Home/End, lists
with their first item ready."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from drafter import recent
from drafter.store import load_project
from drafter.tui.screens.export import ExportScreen
from drafter.tui.screens.figures import FiguresScreen
from drafter.tui.screens.narrative import NarrativeScreen
from drafter.tui.screens.start import StartScreen
from tests.factories import EXAMPLE_LAST_YEAR
from tests.tui.conftest import SIZE, detail_of, eventually


async def test_enter_walks_the_new_report_form_and_submits_in_its_last_field(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        agency = screen.query_one("#agency", Input)
        agency.focus()
        agency.value = "示例镇人民政府"
        await pilot.press("enter")
        assert app.focused is screen.query_one("#year", Input)
        await pilot.press("enter")
        assert app.focused is screen.query_one("#last-year", Input)
        await pilot.press("enter")
        assert app.focused is screen.query_one("#new-path", Input)
        await pilot.press("enter")  # the last field: 新建
        await eventually(pilot, lambda: isinstance(app.screen, FiguresScreen))
    assert load_project(tmp_path / "示例镇人民政府2025年报告.json").project.year == 2025


async def test_enter_in_the_export_path_exports(make_app, project_file, tmp_path):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f10")
        await eventually(pilot, lambda: isinstance(app.screen, ExportScreen))
        field = app.screen.query_one("#export-path", Input)
        field.value = str(tmp_path / "报告.md")
        field.focus()
        await pilot.press("enter")
        await eventually(pilot, lambda: not isinstance(app.screen, ExportScreen))
    assert (tmp_path / "报告.md").read_text(encoding="utf-8").startswith("# ")


async def test_the_first_recent_project_that_still_exists_is_highlighted(
    make_app, project_file, tmp_path
):
    recent.remember(project_file)
    recent.remember(tmp_path / "已删除.json")  # most recent, but gone
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        options = app.screen.query_one("#recent", OptionList)
        assert options.highlighted == 1
        options.focus()
        await pilot.press("enter")  # no arrow key needed
        await eventually(pilot, lambda: isinstance(app.screen, FiguresScreen))
        assert app.session.path == project_file.resolve()


async def test_ctrl_home_and_ctrl_end_go_to_the_start_and_end_of_the_text(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await eventually(pilot, lambda: isinstance(app.screen, NarrativeScreen))
        area = app.screen.editor("overview").editor
        assert app.focused is area
        await pilot.press("ctrl+end")
        assert area.cursor_location == area.document.end
        await pilot.press("ctrl+shift+home")
        assert area.selected_text == area.text
        await pilot.press("ctrl+home")
        assert area.cursor_location == (0, 0) and not area.selected_text


async def test_tab_and_enter_skip_computed_totals(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        figures = app.screen
        figures.focus_cell("requests.new.other_org")
        await pilot.pause()
        grid = figures.grid("requests")
        await pilot.press("tab")  # past 一、本年新收 总计
        assert grid.cursor == "requests.carried_in.natural_person"
        await pilot.press("shift+tab")
        assert grid.cursor == "requests.new.other_org"
        figures.focus_cell("requests.other_3.natural_person")  # the last outcome row
        await pilot.pause()
        await pilot.press("enter")  # past （七）总计
        assert grid.cursor == "requests.carried_out.natural_person"
        await pilot.press("up")  # the arrows still visit a total, to read it
        assert grid.cursor == "requests.total.natural_person"


async def test_the_total_row_of_a_blank_table_is_not_flagged_as_blank(make_app, tmp_path):
    """A new project: （七）总计 follows its blank parts. No ``?`` there, and no advice to
    type where typing is refused."""
    from drafter.newproject import start_report
    from drafter.store import save_project

    path = tmp_path / "新.json"
    save_project(
        start_report("示例镇人民政府", 2025, last_year_file=EXAMPLE_LAST_YEAR).project, path
    )
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await eventually(pilot, lambda: not app.session.first_check_pending)
        figures = app.screen
        figures.focus_cell("requests.total.natural_person")
        detail = await detail_of(pilot, figures, "requests.total.natural_person")
        grid = figures.grid("requests")
        placed = grid.grid_layout.by_path["requests.total.natural_person"]
        strip = grid.render_line(grid._view_y(placed.top))
        cell = strip.crop(placed.x, placed.x + placed.width).text
        assert cell.startswith("=") and "?" not in cell
        assert grid.findings_at() == [] or all(
            f.location.cell != "requests.total.natural_person" for f in grid.findings_at()
        )
        assert "请填写" not in detail and "自动计算" in detail


async def test_the_start_screen_proposes_the_year_being_reported(make_app, tmp_path):
    from datetime import date

    from drafter.tui.app import DrafterApp
    from drafter.tui.screens.start import report_year

    assert report_year(date(2026, 12, 1)) == 2026  # December: this year's report
    assert report_year(date(2027, 1, 15)) == 2026  # up to the deadlines and after
    assert report_year(date(2027, 11, 30)) == 2026
    app = DrafterApp(workdir=tmp_path, today=date(2026, 12, 10))
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, StartScreen)
        assert app.screen.query_one("#year", Input).value == "2026"
