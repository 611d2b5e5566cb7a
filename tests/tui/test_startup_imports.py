"""Nothing heavy is imported at start-up: each is loaded when first needed.

openai (≈0.5 s) when a model drafts, python-docx when Word is exported, jinja2 when a
draft is made; pydantic and the project model when a project is opened; the rules and
the narrative checker after the first screen is drawn (the first check runs in a
worker). ``bench/startup.py`` measures what this saves.
"""

import gc
import subprocess
import sys

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
