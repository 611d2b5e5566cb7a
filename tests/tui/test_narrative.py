"""The narrative screen: editing beside last year, similarity, suggestions, copy."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from drafter.model import Draft
from drafter.store import load_project, save_project
from drafter.tui.screens.choice import ChoiceScreen
from drafter.tui.screens.figures import FiguresScreen
from drafter.tui.screens.narrative import NarrativeScreen
from tests.tui.conftest import SIZE, eventually


def saved(path, section: str) -> str:
    return load_project(path).project.text(section)


async def open_narrative(app, pilot) -> NarrativeScreen:
    await pilot.press("f3")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, NarrativeScreen)
    return screen


async def test_editing_reaches_the_model_and_the_file_and_undo_works(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_narrative(app, pilot)
        editor = screen.editor("overview")
        assert app.focused is editor.editor
        original = editor.editor.text
        editor.editor.insert("今年新增“政策解读”专栏。", (0, 0))  # typed text (IME-committed)
        expected = "今年新增“政策解读”专栏。" + original
        await eventually(pilot, lambda: saved(project_file, "overview") == expected)
        assert app.session.project.text("overview") == expected
        assert saved(project_file, "overview") == expected
        await pilot.press("ctrl+z")
        await eventually(pilot, lambda: saved(project_file, "overview") == original)


async def test_last_years_text_is_beside_and_read_only(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_narrative(app, pilot)
        editor = screen.editor("overview")
        last = editor.query_one("#last-year", TextArea)
        assert last.read_only
        assert last.text == app.session.project.last_year.text("overview")
        assert "2024年原文" in str(editor.query_one("#reference-title").render())


async def test_similarity_to_last_year_is_shown_and_follows_edits(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_narrative(app, pilot)
        editor = screen.editor("problems")
        info = editor.query_one(".section-info")
        assert "与去年相同的句子 0/" in str(info.render())
        editor.editor.load_text(editor.last_year_text)  # the classic error: copied text
        await eventually(pilot, lambda: "（100%）" in str(info.render()))


async def test_the_editor_and_the_checks_show_one_similarity_figure(make_app, project_file):
    """One measure (drafter.similarity): the editor's line and F4's N7 say the same n/m."""
    project = load_project(project_file).project
    last = project.last_year
    paragraphs = last.text("overview").split("\n")
    project.set_text(
        "overview", "\n".join([*paragraphs[:-1], "本年新写的一段，与上年完全不同的内容。"])
    )
    save_project(project, project_file)
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_narrative(app, pilot)
        info = str(screen.editor("overview").query_one(".section-info").render())
        figures = info.split("与去年相同的句子 ")[1].split("（")[0]
        carried, total = figures.split("/")
        [n7] = [f for f in app.session.findings if f.rule == "N7"]
        assert f"（{carried}/{total} 句）" in n7.message


async def test_f6_moves_through_the_sections(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_narrative(app, pilot)
        keys = []
        for _ in range(4):
            keys.append(screen.editor().key)
            await pilot.press("f6")
        assert keys == ["overview", "problems", "other", "preamble"]


def with_suggestion(project_file, text: str, key: str = "problems") -> None:
    project = load_project(project_file).project
    project.drafts[key] = Draft(text=text, origin="offline")
    save_project(project, project_file)


async def test_accepting_a_suggestion_into_an_empty_section(make_app, project_file):
    project = load_project(project_file).project
    project.set_text("problems", "")
    save_project(project, project_file)
    with_suggestion(project_file, "一是公开深度不够。二是解读形式单一。")
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_narrative(app, pilot)
        screen.show_section("problems")
        await pilot.press("f7")
        assert screen.editor().showing_suggestion
        await pilot.press("f8")  # into the empty section without asking
        suggested = "一是公开深度不够。二是解读形式单一。"
        await eventually(pilot, lambda: app.session.project.text("problems") == suggested)
        assert not isinstance(app.screen, ChoiceScreen)
    after = load_project(project_file).project
    assert after.text("problems") == "一是公开深度不够。二是解读形式单一。"
    assert after.drafts["problems"].applied


async def test_a_suggestion_never_replaces_edited_text_without_asking(make_app, project_file):
    with_suggestion(project_file, "建议的文字。")
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_narrative(app, pilot)
        screen.show_section("problems")
        mine = app.session.project.text("problems")
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")  # keep my text
        await eventually(pilot, lambda: not isinstance(app.screen, ChoiceScreen))
        assert app.session.project.text("problems") == mine
        assert saved(project_file, "problems") == mine
        await pilot.press("f8")
        await pilot.pause()
        await pilot.click("#choice-replace")
        await eventually(pilot, lambda: saved(project_file, "problems") == "建议的文字。")
        await pilot.press("ctrl+z")  # the replaced text comes back
        await eventually(pilot, lambda: saved(project_file, "problems") == mine)
        assert saved(project_file, "problems") == mine


async def test_copying_a_section_also_writes_a_file(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await open_narrative(app, pilot)
        await pilot.press("f9")
        await pilot.pause()
        text = app.session.project.text("overview")
        assert app.clipboard == text
        [note] = list(app._notifications)
        path = Path(note.message.rsplit("请打开文件：", 1)[1])
        # Beside the project, where the clerk looks, not in a hidden data folder.
        assert path == project_file.parent / "yunxi-2025-总体情况.txt"
        assert path.read_text(encoding="utf-8") == text


async def test_copying_from_a_read_only_folder_falls_back_to_the_data_folder(
    make_app, project_file
):
    from drafter import paths

    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await open_narrative(app, pilot)
        (project_file.parent / "yunxi-2025-总体情况.txt").mkdir()  # cannot be written
        await pilot.press("f9")
        await eventually(pilot, lambda: list(app._notifications))
        [note] = list(app._notifications)
        path = Path(note.message.rsplit("请打开文件：", 1)[1])
        assert path.parent == paths.data_dir() / "clipboard"
        assert path.read_text(encoding="utf-8") == app.session.project.text("overview")


async def test_each_figure_shows_the_cell_it_was_checked_against(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_narrative(app, pilot)
        section = screen.editor("overview")
        panel = section.query_one("#claims")
        assert panel.claims and all(c.holds for c in panel.claims)
        lines = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert "✓29件→表三「一、本年新收政府信息公开申请数量」「总计」=29" in lines
        # The clerk writes a wrong figure: ✗ at once (after a short pause in typing).
        text = section.editor.text
        section.editor.load_text(
            text.replace("新收政府信息公开申请29件", "新收政府信息公开申请22件")
        )
        await eventually(pilot, lambda: any(c.holds is False for c in panel.claims))
        [wrong] = [c for c in panel.claims if c.holds is False]
        index = panel.claims.index(wrong)
        assert str(panel.get_option_at_index(index).prompt).startswith("✗22件→表三")
        assert "1个与表格不符" in str(panel.border_title)
        # Highlighting it selects the figure in the text; Enter goes to the cell.
        panel.focus()
        panel.highlighted = index
        await eventually(pilot, lambda: section.editor.selected_text == "22件")
        await pilot.press("enter")
        await eventually(pilot, lambda: isinstance(app.screen, FiguresScreen))
        figures = app.screen
        assert isinstance(figures, FiguresScreen)
        assert figures.grid("requests").cursor == "requests.new.total"


async def test_the_figures_follow_the_tables(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_narrative(app, pilot)
        await pilot.press("f2")
        await pilot.pause()
        app.session.apply_cells({"requests.new.natural_person": "30"})  # 23 → 30
        await pilot.press("f3")
        await pilot.pause()
        panel = screen.editor("overview").query_one("#claims")
        [wrong] = [c for c in panel.claims if c.holds is False]
        assert wrong.table_value == app.session.project.tables.get("requests.new.total") == 36
