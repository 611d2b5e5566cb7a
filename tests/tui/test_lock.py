"""The app locks the project it opens: never two windows writing one project."""

from __future__ import annotations

import json
import os

from drafter.lock import acquire, lock_path
from drafter.tui.screens.figures import FiguresScreen
from drafter.tui.screens.start import StartScreen
from drafter.tui.widgets.form_grid import FormGrid
from tests.tui.conftest import SIZE, eventually


async def test_a_project_open_elsewhere_is_refused_with_what_to_do(make_app, project_file):
    elsewhere = acquire(project_file, "浏览器", "按 Ctrl+Q 退出或关闭那个标签页")
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and app.session is None
        (note,) = [n for n in app._notifications if n.title == "已在别处打开"]
        assert "yunxi-2025.json 已在浏览器中打开" in note.message
        assert "先在那里按 Ctrl+Q 退出或关闭那个标签页，再重试" in note.message

        elsewhere.release()  # the other window quits; now it opens here
        app.open_project(project_file)
        await eventually(pilot, lambda: isinstance(app.focused, FormGrid))
        assert isinstance(app.screen, FiguresScreen) and app.session is not None


async def test_the_open_project_stays_locked_until_the_app_quits(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        holder = json.loads(lock_path(project_file).read_text(encoding="utf-8"))
        assert holder["pid"] == os.getpid() and holder["where"] == "终端"
        app.open_project(project_file)  # the same project again: still open, no refusal
        await pilot.pause()
        assert not [n for n in app._notifications if n.title == "已在别处打开"]
        assert isinstance(app.screen, FiguresScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not lock_path(project_file).exists()


async def test_opening_another_project_lets_go_of_the_first(make_app, project_file, tmp_path):
    other = tmp_path / "other.json"
    other.write_bytes(project_file.read_bytes())
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        app.open_project(other)
        await pilot.pause()
        assert app.session is not None and app.session.path == other
        assert not lock_path(project_file).exists()
        assert lock_path(other).exists()
