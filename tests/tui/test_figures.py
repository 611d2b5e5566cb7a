"""The figures screen: typing, totals, carry-over, findings at cells, paste, key facts."""

from __future__ import annotations

import json

from textual import events
from textual.widgets import Input

from drafter import forms
from drafter.store import load_project
from drafter.tui.screens.figures import FiguresScreen
from drafter.tui.widgets.form_grid import FormGrid
from drafter.tui.widgets.key_facts import KeyFactRow, KeyFactsEditor
from tests.tui.conftest import SIZE, detail_of, eventually


def figures_of(app) -> FiguresScreen:
    screen = app.screen
    assert isinstance(screen, FiguresScreen)
    return screen


def cell_in_file(path, cell):
    data = json.loads(path.read_text(encoding="utf-8"))
    owner = data["tables"]
    for part in cell.split("."):
        owner = owner[part]
    return owner


async def test_typing_full_width_digits_sets_the_cell_totals_and_file(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        figures = figures_of(app)
        figures.focus_cell("requests.new.natural_person")
        await pilot.pause()
        grid = figures.grid("requests")
        await pilot.press("１", "２")
        assert grid.buffer is not None and grid.buffer.text == "１２"
        await pilot.press("enter")
        project = app.session.project
        assert project.tables.get("requests.new.natural_person") == 12
        assert project.tables.get("requests.new.total") == 12 + 4 + 2  # R3, live
        assert grid.cursor == "requests.carried_in.natural_person"  # Enter moves down
        assert "已将「１２」规范为 12" in figures.notes["requests.new.natural_person"]
        await eventually(pilot, lambda: not app.session.dirty)
        assert cell_in_file(project_file, "requests.new.natural_person") == 12
        assert cell_in_file(project_file, "requests.new.total") == 18
        assert not app.session.dirty


async def test_findings_show_at_their_cell_with_the_chinese_message(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        figures = figures_of(app)
        figures.focus_cell("requests.granted.natural_person")
        await pilot.pause()
        await pilot.press("2", "0", "enter")
        grid = figures.grid("requests")
        r1 = [f for f in app.session.findings if f.rule == "R1"]
        assert len(r1) == 2  # 自然人 and 总计 columns
        figures.focus_cell("requests.carried_out.natural_person")
        detail = await detail_of(pilot, figures, "requests.carried_out.natural_person")
        assert [f.rule for f in grid.findings_at()] == ["R1"]
        assert "表三「四、结转下年度继续办理」「自然人」" in detail
        assert "第一项加第二项之和应等于第三项加第四项之和" in detail
        line = grid.render_line(grid._view_y(grid.grid_layout.by_path[grid.cursor].top))
        assert "!" in line.text  # the error mark at the cell


async def test_totals_and_computed_cells_refuse_typing(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        figures = figures_of(app)
        figures.focus_cell("requests.new.total")
        await pilot.pause()
        await pilot.press("9")
        grid = figures.grid("requests")
        assert grid.buffer is None
        assert app.session.project.tables.get("requests.new.total") == 29
        assert "合计由程序计算" in figures.notes["requests.new.total"]


async def test_tab_enter_and_arrows_move_between_cells(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        grid = figures_of(app).grid("active")
        assert app.focused is grid
        assert grid.cursor == "active.regulations.issued"
        await pilot.press("tab")
        assert grid.cursor == "active.regulations.repealed"
        await pilot.press("down")
        assert grid.cursor == "active.normative_documents.repealed"
        await pilot.press("enter")
        assert grid.cursor == "active.licensing"
        await pilot.press("shift+tab")
        assert grid.cursor == "active.normative_documents.in_force"
        await pilot.press("up", "left", "left")
        assert grid.cursor == "active.regulations.issued"


async def test_carried_cells_are_prefilled_marked_and_correctable(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        figures = figures_of(app)
        grid = figures.grid("requests")
        path = "requests.carried_in.natural_person"
        assert path in grid.prefilled()
        figures.focus_cell(path)
        assert "由上年报告结转预填" in await detail_of(pilot, figures, path)
        assert grid.render_line(grid._view_y(grid.grid_layout.by_path[path].top)).text.count("<")
        await pilot.press("5", "enter")
        assert app.session.project.tables.get(path) == 5
        assert [f.rule for f in grid.findings_at(path) if f.location.cell == path] == ["X1"]


async def test_pasting_a_row_and_a_column_fills_consecutive_cells(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        figures = figures_of(app)
        figures.focus_cell("requests.withheld_1.natural_person")
        await pilot.pause()
        grid = figures.grid("requests")
        grid.post_message(events.Paste("1\t2\t3\t4\t5\t6\t21\n"))  # as Excel copies a row
        await pilot.pause()
        tables = app.session.project.tables
        row = [tables.get(f"requests.withheld_1.{c}") for c, _ in forms.REQUEST_COLUMNS]
        assert row == [1, 2, 3, 4, 5, 6, 21]
        figures.focus_cell("active.regulations.issued")
        await pilot.pause()
        figures.grid("active").post_message(events.Paste("３\n1\n"))  # a column, from a page
        await pilot.pause()
        assert tables.get("active.regulations.issued") == 3
        assert tables.get("active.normative_documents.issued") == 1


async def test_pasted_total_that_disagrees_is_reported_not_written(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        figures = figures_of(app)
        figures.focus_cell("appeals.review.upheld")
        await pilot.pause()
        grid = figures.grid("appeals")
        outcome = grid.paste_rows([["1", "0", "0", "0", "7"]])
        assert app.session.project.tables.get("appeals.review.total") == 1
        assert any("未采用输入的 7" in n.message for n in outcome.notes)
        # Said at once, each disagreeing total with its cell: not only when the cursor
        # lands on it.
        assert grid.cursor == "appeals.review.upheld"
        await eventually(pilot, lambda: list(app._notifications))
        [notice] = list(app._notifications)
        assert notice.severity == "warning"
        assert "表四「行政复议」「总计」：合计由程序计算为 1，未采用输入的 7" in notice.message


async def test_a_pasted_block_lists_every_disagreeing_total(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        figures = figures_of(app)
        figures.focus_cell("requests.new.natural_person")
        await pilot.pause()
        grid = figures.grid("requests")
        # 一、本年新收 and 二、上年结转 as Excel copies them, both 总计 wrong.
        grid.paste_rows(
            [["23", "4", "0", "0", "2", "0", "30"], ["2", "0", "0", "0", "0", "0", "9"]]
        )
        await eventually(pilot, lambda: list(app._notifications))
        [notice] = list(app._notifications)
        lines = notice.message.split("\n")
        assert len(lines) == 2
        assert "「一、本年新收政府信息公开申请数量」「总计」：合计由程序计算为 29" in lines[0]
        assert "「二、上年结转政府信息公开申请数量」「总计」：合计由程序计算为 2" in lines[1]


async def test_undo_puts_the_table_back(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        grid = figures_of(app).grid("active")
        await pilot.press("7", "enter")
        assert app.session.project.tables.get("active.regulations.issued") == 7
        await pilot.press("ctrl+z")
        assert app.session.project.tables.get("active.regulations.issued") == 0
        assert grid.buffer is None


async def test_terminal_cursor_sits_at_the_caret_of_the_cell(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        figures = figures_of(app)
        figures.focus_cell("requests.new.natural_person")
        await pilot.pause()
        grid = figures.grid("requests")
        placed = grid.grid_layout.by_path["requests.new.natural_person"]
        region = grid.content_region
        assert app.cursor_position == (region.x + placed.x + 1, region.y + placed.top)
        grid.type_text("１２")
        assert app.cursor_position.x == region.x + placed.x + 1 + 4  # two wide digits


async def test_the_key_facts_editor_is_built_when_its_tab_is_first_shown(make_app, project_file):
    """Not composed for the first paint of the tables; shown with its first fact focused."""
    from drafter.model import KeyFact
    from drafter.store import save_project

    project = load_project(project_file).project
    project.key_facts = [KeyFact(label="培训场次", value="12场")]
    save_project(project, project_file)
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        figures = figures_of(app)
        await pilot.pause()
        assert not figures.query(KeyFactsEditor)
        await pilot.press("f6", "f6", "f6")
        await eventually(pilot, lambda: isinstance(app.focused, Input))
        assert isinstance(app.focused, Input)
        assert app.focused.value == "培训场次" and app.focused.parent is not None
        assert app.focused.parent is figures.query(KeyFactRow).first()


async def test_key_facts_are_added_edited_and_removed(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        figures = figures_of(app)
        figures.show_facts()
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        label, value = app.screen.query(KeyFactRow).last().query(Input)
        label.value = "主动公开信息"
        value.value = "1268条（含政策解读36篇）"
        await pilot.press("ctrl+n")
        await pilot.pause()
        second = app.screen.query(KeyFactRow).last()
        second.query(Input).first().value = "培训场次"
        await eventually(pilot, lambda: len(load_project(project_file).project.key_facts) == 2)
        saved = load_project(project_file).project.key_facts
        assert [(f.label, f.value) for f in saved] == [
            ("主动公开信息", "1268条（含政策解读36篇）"),
            ("培训场次", ""),
        ]
        second.query(Input).first().focus()
        await pilot.press("ctrl+d")
        await eventually(pilot, lambda: len(load_project(project_file).project.key_facts) == 1)
        assert [f.label for f in load_project(project_file).project.key_facts] == ["主动公开信息"]


async def test_f6_cycles_tables_and_focuses_the_grid(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        figures = figures_of(app)
        await pilot.press("f6")
        assert isinstance(app.focused, FormGrid) and app.focused.table == "requests"
        await pilot.press("f6", "f6")
        assert figures.current_grid() is None
        await pilot.press("f6")
        assert isinstance(app.focused, FormGrid) and app.focused.table == "active"


async def test_clicking_a_tab_shows_its_table_or_the_key_facts(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        figures = figures_of(app)
        await pilot.click("#figure-tabs", offset=(8, 0))  # 「 表三 」 spans columns 6–11
        await eventually(
            pilot, lambda: isinstance(app.focused, FormGrid) and app.focused.table == "requests"
        )
        assert figures.grid("requests").display and not figures.grid("active").display
        await pilot.click("#figure-tabs", offset=(20, 0))  # 「 要点 」
        facts = figures.query_one(KeyFactsEditor)
        await eventually(pilot, lambda: facts in getattr(app.focused, "ancestors", ()))
        assert figures.current_grid() is None and not figures.grid("requests").display


async def test_opening_recomputes_totals_a_file_got_wrong(make_app, project_file):
    from drafter.store import save_project

    project = load_project(project_file).project
    project.tables.set("requests.new.total", 99)  # edited by hand outside drafter
    save_project(project, project_file)
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        assert app.session.project.tables.get("requests.new.total") == 29
        assert any("重新计算了 1 个" in n.message for n in app._notifications)
        await eventually(pilot, lambda: cell_in_file(project_file, "requests.new.total") == 29)
    assert cell_in_file(project_file, "requests.new.total") == 29


async def test_a_2019_format_report_and_a_small_terminal(make_app, tmp_path):
    import random

    from drafter.store import save_project
    from tests.factories import random_report

    path = tmp_path / "old.json"
    save_project(random_report(random.Random(7), "2019"), path)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        figures = figures_of(app)
        figures.focus_cell("active.licensing.change")  # 本年增/减: a signed count (V4)
        await pilot.pause()
        await pilot.press("-", "3", "enter")
        assert app.session.project.tables.get("active.licensing.change") == -3
        for _ in range(3):
            await pilot.press("f6")
            grid = figures.current_grid()
            if grid is not None:
                grid.focus_cell(grid.form.cells[-1].path)  # scrolled into view
                await pilot.pause()
                region = grid.content_region
                x, y = app.cursor_position
                assert region.x <= x < region.right and region.y <= y < region.bottom
