"""Nothing typed is lost: autosave, failed saves, quitting, recovery after a crash."""

from __future__ import annotations

import shutil

from drafter import recovery
from drafter.store import load_project
from drafter.tui.screens.choice import ChoiceScreen
from drafter.tui.screens.figures import FiguresScreen
from drafter.tui.widgets.status_line import StatusLine
from tests.tui.conftest import SIZE, eventually


def overview(path) -> str:
    return load_project(path).project.text("overview")


def status_of(app) -> str:
    return str(app.screen.query_one(StatusLine).render())


async def test_steady_typing_does_not_postpone_the_save(make_app, project_file):
    """The save is due a fixed delay after the first unsaved change, not after the last:
    a clerk typing without pause still gets saves while typing."""
    app = make_app(project_file, autosave_delay=0.3)
    async with app.run_test(size=SIZE) as pilot:
        typed = ""
        for n in range(1, 61):  # a change every 0.05 s for about 3 s, never a 0.3 s pause
            typed += f"第{n}句。"
            app.session.set_text("overview", typed)
            await pilot.pause(0.05)
            if overview(project_file).startswith("第1句。"):
                break  # saved mid-typing
        else:
            raise AssertionError("nothing was saved while the clerk kept typing")


async def test_quitting_saves_at_once_and_removes_the_recovery_copy(make_app, project_file):
    app = make_app(project_file, autosave_delay=30)
    async with app.run_test(size=SIZE) as pilot:
        app.session.set_text("overview", "退出前最后输入的文字。")
        assert app.session.dirty
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == 0
    assert overview(project_file) == "退出前最后输入的文字。"
    assert not recovery.recovery_path(project_file).exists()


async def test_a_failing_save_is_shown_and_quitting_asks(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        project_file.unlink()
        project_file.mkdir()  # the project file can no longer be written
        app.session.set_text("overview", "保存失败时输入的文字。")
        await eventually(pilot, lambda: "保存失败" in status_of(app))
        assert any(n.title == "自动保存失败" for n in app._notifications)
        copy = recovery.read_recovery(project_file)
        assert copy is not None and copy.project.text("overview") == "保存失败时输入的文字。"

        await pilot.press("ctrl+q")
        await eventually(pilot, lambda: isinstance(app.screen, ChoiceScreen))  # not quitting
        assert "恢复副本" in app.screen.question
        asked = app.screen
        await pilot.click("#choice-retry")  # still failing: asked again
        await eventually(
            pilot, lambda: isinstance(app.screen, ChoiceScreen) and app.screen is not asked
        )
        await pilot.click("#choice-stay")
        await eventually(pilot, lambda: isinstance(app.screen, FiguresScreen))

        project_file.rmdir()  # the clerk frees the path, then quits again
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == 0
    assert overview(project_file) == "保存失败时输入的文字。"


async def test_a_newer_recovery_copy_is_offered_and_restored(make_app, project_file):
    project = load_project(project_file).project
    project.set_text("overview", "崩溃前输入、没有写进项目文件的文字。")
    recovery.write_recovery(project, project_file)
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ChoiceScreen)
        assert "恢复副本" in app.screen.question
        await pilot.click("#choice-restore")
        await eventually(pilot, lambda: isinstance(app.screen, FiguresScreen))
        restored = "崩溃前输入、没有写进项目文件的文字。"
        await eventually(pilot, lambda: overview(project_file) == restored)


async def test_declining_the_recovery_copy_opens_the_file(make_app, project_file, tmp_path):
    original = overview(project_file)
    project = load_project(project_file).project
    project.set_text("overview", "不要的文字。")
    recovery.write_recovery(project, project_file)
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#choice-discard")
        await eventually(pilot, lambda: isinstance(app.screen, FiguresScreen))
        assert app.session.project.text("overview") == original


async def test_opening_another_project_saves_the_first(make_app, project_file, tmp_path):
    other = tmp_path / "other.json"
    shutil.copy(project_file, other)
    app = make_app(project_file, autosave_delay=30)
    async with app.run_test(size=SIZE) as pilot:
        app.session.set_text("overview", "第一个项目的修改。")
        app.open_project(other)
        await pilot.pause()
        assert app.session.path == other.resolve()
    assert overview(project_file) == "第一个项目的修改。"


async def test_quitting_while_typing_in_a_cell_keeps_the_figure(make_app, project_file):
    app = make_app(project_file, autosave_delay=30)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8")  # typed into 表二 规章 本年制发件数, not yet confirmed
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert load_project(project_file).project.tables.get("active.regulations.issued") == 8
