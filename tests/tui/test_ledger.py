"""「从台账生成」 in the TUI: pick the ledger, answer the pickers, keep or replace typed figures."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from drafter.model import Project
from drafter.store import load_project, save_project
from drafter.tui.screens.choice import ChoiceScreen
from drafter.tui.screens.figures import FiguresScreen
from drafter.tui.screens.file_picker import FilePickerScreen
from drafter.tui.screens.ledger import ValuePicker
from tests.factories import FIXTURES
from tests.ledger.test_fixtures import MESSY_2023
from tests.tui.conftest import SIZE, detail_of, eventually

MESSY = FIXTURES / "ledger" / "messy.xlsx"


async def pick_file(pilot, path) -> None:
    app = pilot.app
    await eventually(
        pilot, lambda: isinstance(app.screen, FilePickerScreen) and app.screen.query("#picker-path")
    )
    await pilot.pause()
    app.screen.query_one("#picker-path", Input).value = str(path)
    app.screen.query_one("#picker-path", Input).focus()
    await pilot.press("enter")


async def choose(pilot, key: str) -> None:
    await eventually(pilot, lambda: isinstance(pilot.app.screen, ValuePicker))
    options = pilot.app.screen.query_one(OptionList)
    options.highlighted = options.get_option_index(key)
    await pilot.press("enter")


async def test_pickers_settle_the_questions_and_the_cells_show_their_rows(make_app, tmp_path):
    path = tmp_path / "2023.json"
    project = Project.empty("某某县人民政府办公室", 2023)
    project.tables.set("requests.granted.natural_person", 9)  # typed by the clerk
    save_project(project, path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        figures = app.screen
        assert isinstance(figures, FiguresScreen)
        await pilot.press("ctrl+l")
        await pick_file(pilot, MESSY)
        await eventually(pilot, lambda: isinstance(app.screen, ValuePicker))
        question = str(app.screen.query_one("#ledger-question", Static).render())
        assert "申请人类型「法人或其他组织」" in question and "第 18 行" in question
        await choose(pilot, "business")
        await choose(pilot, "other_1")
        await eventually(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        asked = str(app.screen.query_one("#question", Static).render())
        assert "表三「（一）予以公开」「自然人」：您填写的 9 → 台账 2" in asked
        await pilot.click("#choice-replace")
        await eventually(pilot, lambda: app.session.project.tables.get("requests.new.total") == 11)
        tables = app.session.project.tables
        assert {p: tables.get(p) for p in MESSY_2023} == MESSY_2023
        figures.focus_cell("requests.granted.total")
        detail = await detail_of(pilot, figures, "requests.granted.total")
        assert "台账 messy.xlsx（2023 年）：「2023年」第 5–6、18 行（共 3 行）" in detail
        await eventually(pilot, lambda: not app.session.dirty)
    saved = load_project(path).project
    assert saved.tables.get("requests.granted.natural_person") == 2
    assert saved.model_extra is not None and saved.model_extra["ledger"]["choices"] == {
        "applicant_type": {"法人或其他组织": "business"},
        "result": {"补正": "other_1"},
    }


async def test_an_unusable_ledger_changes_nothing(make_app, project_file):
    before = project_file.read_bytes()
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        tables = app.session.project.tables.model_copy(deep=True)
        app.screen.action_from_ledger()
        await pick_file(pilot, FIXTURES / "ledger" / "bad" / "no-date.xlsx")
        await eventually(pilot, lambda: isinstance(app.screen, FiguresScreen))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.session.project.tables == tables
        assert not app.session.dirty
    assert project_file.read_bytes() == before


async def test_rows_in_error_are_listed_and_the_tables_stay(make_app, tmp_path):
    from openpyxl import Workbook

    ledger = tmp_path / "台账.xlsx"
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["序号", "收到日期", "申请人类型", "答复日期", "处理结果"])
    sheet.append([1, "2023-3-5", "自然人", "2023-3-1", "予以公开"])  # answered before received
    sheet.append([2, "", "自然人", "2023-3-1", "予以公开"])  # no received date
    wb.save(ledger)
    path = tmp_path / "2023.json"
    save_project(Project.empty("某某局", 2023), path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        tables = app.session.project.tables.model_copy(deep=True)
        await pilot.press("ctrl+l")
        await pick_file(pilot, ledger)
        await eventually(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        text = str(app.screen.query_one("#question", Static).render())
        assert "台账有 2 处错误，表格没有改动" in text
        assert "「Sheet」第 2 行：办结日期 2023-03-01 早于收到日期 2023-03-05" in text
        assert "「Sheet」第 3 行：没有收到日期" in text
        await pilot.press("escape")
        await eventually(pilot, lambda: isinstance(app.screen, FiguresScreen))
        assert app.session.project.tables == tables
