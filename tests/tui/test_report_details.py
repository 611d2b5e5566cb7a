"""What a clerk found missing: renaming the report, last year's figure beside this
year's, and a file picker that goes up a folder."""

from __future__ import annotations

from textual.widgets import Input, Static

from drafter.store import load_project
from drafter.tui.screens.details import DetailsScreen
from drafter.tui.screens.figures import FiguresScreen
from drafter.tui.screens.file_picker import FilePickerScreen, ReportTree
from tests.tui.conftest import SIZE, detail_of, eventually


async def test_agency_year_and_title_change_after_creation(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await eventually(pilot, lambda: isinstance(app.screen, DetailsScreen))
        dialog = app.screen
        agency = dialog.query_one("#details-agency", Input)
        assert app.focused is agency and agency.value == "云溪县市场监督管理局"
        agency.value = "云溪县市场监管局"
        await pilot.press("enter")  # to 报告年度
        year = dialog.query_one("#details-year", Input)
        assert app.focused is year
        year.value = "二〇二五"
        await pilot.press("enter", "enter")  # to 标题, then save: refused, said why
        assert "不是年份" in str(dialog.query_one("#details-message", Static).render())
        assert isinstance(app.screen, DetailsScreen)
        year.value = "2025"
        title = dialog.query_one("#details-title", Input)
        title.focus()
        await pilot.press("enter")
        await eventually(pilot, lambda: isinstance(app.screen, FiguresScreen))
        status = str(app.screen.query_one("StatusLine").render())
        assert status.startswith("云溪县市场监管局2025年")
        await eventually(pilot, lambda: not app.session.dirty)
    project = load_project(project_file).project
    assert (project.agency, project.year) == ("云溪县市场监管局", 2025)
    assert project.title == "云溪县市场监管局2025年政府信息公开工作年度报告"  # followed


async def test_escape_leaves_the_report_details_unchanged(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await eventually(pilot, lambda: isinstance(app.screen, DetailsScreen))
        app.screen.query_one("#details-agency", Input).value = "别的局"
        await pilot.press("escape")
        await eventually(pilot, lambda: isinstance(app.screen, FiguresScreen))
        assert app.session.project.agency == "云溪县市场监督管理局" and not app.session.dirty


async def test_the_detail_line_shows_last_years_figure_of_the_cell(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        figures = app.screen
        figures.focus_cell("requests.new.natural_person")
        detail = await detail_of(pilot, figures, "requests.new.natural_person")
        last = app.session.project.last_year.tables.get("requests.new.natural_person")
        assert f"「自然人」 · 2024年 {last}" in detail
        figures.focus_cell("active.regulations.issued")
        detail = await detail_of(pilot, figures, "active.regulations.issued")
        last = app.session.project.last_year.tables.get("active.regulations.issued")
        assert f" · 2024年 {last}" in detail


async def test_the_file_picker_goes_up_a_folder(make_app, tmp_path):
    inner = tmp_path / "二〇二五" / "草稿"
    inner.mkdir(parents=True)
    app = make_app()
    app.workdir = inner
    async with app.run_test(size=SIZE) as pilot:
        app.screen.workdir = inner
        await pilot.press("ctrl+b")
        await eventually(pilot, lambda: isinstance(app.screen, FilePickerScreen))
        picker = app.screen
        tree = picker.query_one(ReportTree)
        assert str(inner) in str(picker.query_one("#picker-folder", Static).render())
        await pilot.press("backspace")
        assert tree.path == inner.parent
        await pilot.click("#picker-up")
        await eventually(pilot, lambda: tree.path == tmp_path)
        assert f"{tmp_path} · Backspace 上一级" in str(picker.query_one("#picker-folder").render())
