"""Nothing heavy is imported at start-up: each is loaded when first needed.

openai (≈0.5 s) when a model drafts, python-docx when Word is exported, jinja2 when a
draft is made; pydantic and the project model when a project is opened; the rules and
the narrative checker after the first screen is drawn (the first check runs in a
worker). Nor is anything styled twice for want of the terminal's size classes.
``bench/startup.py`` measures what this saves.
"""

import gc
import subprocess
import sys

import pytest
from textual.screen import Screen

from tests.tui.conftest import SIZE, eventually

NEVER_AT_START = (
    "openai",
    "docx",
    "jinja2",
    "drafter.rules",
    "drafter.narrative",
)


def loaded_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint(','.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(out.stdout.strip().split(","))


def test_the_ui_module_loads_neither_openai_nor_docx():
    modules = loaded_after(
        "import drafter.tui.app, drafter.tui.screens.figures, "
        "drafter.tui.screens.narrative, drafter.tui.screens.checks, drafter.tui.screens.export"
    )
    assert {"openai", "docx", "jinja2"} & modules == set()


def test_the_start_screen_needs_no_project_machinery():
    modules = loaded_after("import drafter.tui.app")
    assert {"pydantic", "drafter.model", "drafter.forms", *NEVER_AT_START} & modules == set()


def test_the_tables_screen_needs_no_checker_before_its_first_paint():
    modules = loaded_after(
        "import drafter.tui.app, drafter.tui.session, drafter.tui.screens.figures"
    )
    assert "drafter.model" in modules  # the project itself, of course
    assert set(NEVER_AT_START) & modules == set()


async def test_the_collector_is_paused_until_the_first_paint_and_left_as_found(
    make_app, project_file
):
    """Paused while the tables are built, running (start-up's objects frozen) once they
    are drawn, and after the app ends nothing stays frozen."""
    app = make_app(project_file)
    while_mounting: list[bool] = []
    app.call_later(lambda: while_mounting.append(gc.isenabled()))
    async with app.run_test(size=SIZE) as pilot:
        assert while_mounting == [False]
        await eventually(pilot, lambda: gc.isenabled())
        assert gc.get_freeze_count() > 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize(
    ("size", "classes"),
    [
        ((80, 24), {"-narrow", "-short"}),
        ((99, 31), {"-narrow", "-short"}),
        ((100, 32), {"-wide", "-tall"}),
        ((120, 40), {"-wide", "-tall"}),
    ],
)
async def test_screens_are_built_with_the_size_classes_of_the_terminal(
    make_app, project_file, size, classes
):
    """Set before their widgets are first styled, so the first resize does not restyle
    them all: the same classes Textual sets on that resize."""
    app = make_app(project_file)
    async with app.run_test(size=size):
        assert set(app.sized(Screen()).classes) == classes
        assert classes <= set(app.screen.classes)


async def test_a_screen_built_before_the_terminal_shrank_fits_the_new_size(make_app, project_file):
    app = make_app(project_file)  # the start screen is built, at 120×40, and not shown
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        app.action_start()
        await eventually(pilot, lambda: {"-narrow", "-short"} <= set(app.screen.classes))
        assert app.screen.name == "start" and "-wide" not in app.screen.classes
