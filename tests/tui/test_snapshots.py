"""SVG snapshots of every screen at 120×40 and at 80×24 (update deliberately:
--snapshot-update, then look at them: README 测试).

At both sizes every control must be whole on screen: each picture's run checks that no
button, field, list or key bar is cut off or pushed out of view (:func:`cut_controls`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.containers import ScrollableContainer
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, RadioButton, TextArea, Tree

from drafter import recent, recovery
from drafter.model import Draft, KeyFact
from drafter.store import load_project, save_project
from drafter.tui.screens.figures import FiguresScreen
from drafter.tui.widgets.form_grid import FormGrid
from drafter.tui.widgets.key_bar import KeyBar
from drafter.tui.widgets.status_line import StatusLine
from drafter.tui.widgets.tab_strip import TabStrip
from tests.tui.conftest import SIZE, detail_of, eventually, settle

SMALL = (80, 24)
CONTROLS = (Button, Input, RadioButton, OptionList, TextArea, Tree, FormGrid, TabStrip)


@pytest.fixture(params=[SIZE, SMALL], ids=["120x40", "80x24"])
def size(request: pytest.FixtureRequest) -> tuple[int, int]:
    return request.param


def shown(widget: Widget) -> bool:
    """Displayed, with every container above it displayed (not a hidden tab or pane)."""
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))


def cut_controls(screen) -> list[str]:
    """Controls on ``screen`` not wholly visible (cut by an edge or out of view).

    Controls inside a scrolled list (key facts, the help text) may be scrolled away and
    are not counted; the key bar must show every line of keys it holds.
    """
    visible = screen._compositor.visible_widgets
    cut = []
    for widget in screen.query("*"):
        if not isinstance(widget, (*CONTROLS, KeyBar, StatusLine)) or not shown(widget):
            continue
        if any(isinstance(a, ScrollableContainer) for a in widget.ancestors):
            continue
        placed = visible.get(widget)
        if placed is None or placed[1].intersection(placed[0]) != placed[0]:
            cut.append(f"{type(widget).__name__}#{widget.id}")
    for bar in screen.query(KeyBar):
        if bar.virtual_size.height > bar.size.height:
            cut.append("KeyBar: keys beyond its lines")
    for line in screen.query(StatusLine):
        if cell_len(str(line.render())) > line.content_region.width:
            cut.append("StatusLine: longer than its line")
    return cut


def checked(run_before=None):
    """``run_before``, then the check that every control is whole on screen.

    Notices are cleared first: each disappears after its timeout, and a loaded machine
    would take the picture after some of them had gone.
    """

    async def run(pilot):
        if run_before is not None:
            await run_before(pilot)
        else:
            await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()
        assert cut_controls(pilot.app.screen) == []

    return run


def pressing(key: str):
    async def run(pilot):
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)

    return run


def test_start_screen(snap_compare, size, make_app):
    for name in ("云溪县市场监督管理局2024年报告.json", "云溪县市场监督管理局2025年报告.json"):
        recent.remember(Path("/srv/公开年报") / name)  # not there: shown as missing
    assert snap_compare(make_app(), terminal_size=size, run_before=checked())


def test_figures_table_two(snap_compare, size, make_app, project_file):
    assert snap_compare(make_app(project_file), terminal_size=size, run_before=checked(settle))


def test_figures_table_three_with_an_error_at_its_cell(snap_compare, size, make_app, project_file):
    async def break_r1(pilot):
        await settle(pilot)
        figures = pilot.app.screen
        assert isinstance(figures, FiguresScreen)
        figures.focus_cell("requests.granted.natural_person")
        await detail_of(pilot, figures, "requests.granted.natural_person")
        await pilot.press("2", "0", "enter")
        figures.focus_cell("requests.carried_out.natural_person")
        await detail_of(pilot, figures, "requests.carried_out.natural_person")

    assert snap_compare(make_app(project_file), terminal_size=size, run_before=checked(break_r1))


def test_figures_table_four_while_typing(snap_compare, size, make_app, project_file):
    async def typing(pilot):
        await settle(pilot)
        pilot.app.screen.focus_cell("appeals.litigation_direct.pending")
        await detail_of(pilot, pilot.app.screen, "appeals.litigation_direct.pending")
        await pilot.press("１")

    assert snap_compare(make_app(project_file), terminal_size=size, run_before=checked(typing))


def test_key_facts(snap_compare, size, make_app, project_file):
    project = load_project(project_file).project
    project.key_facts = [
        KeyFact(label="主动公开信息", value="1268条"),
        KeyFact(label="政策解读", value="36篇，其中图文解读12篇"),
    ]
    save_project(project, project_file)

    async def facts(pilot):
        await settle(pilot)
        pilot.app.screen.show_facts()
        await pilot.pause()

    assert snap_compare(make_app(project_file), terminal_size=size, run_before=checked(facts))


def test_narrative_with_a_suggestion(snap_compare, size, make_app, project_file):
    project = load_project(project_file).project
    project.drafts["overview"] = Draft(text="2025年，云溪县市场监督管理局……", origin="offline")
    save_project(project, project_file)
    assert snap_compare(
        make_app(project_file), terminal_size=size, run_before=checked(pressing("f3"))
    )


def test_checks(snap_compare, size, make_app, project_file):
    project = load_project(project_file).project
    project.tables.set("requests.granted.business", 9)  # R1, R2, R3 in table 三
    project.tables.set("active.regulations.issued", 1)  # C3: a county bureau makes no 规章
    save_project(project, project_file)
    assert snap_compare(
        make_app(project_file), terminal_size=size, run_before=checked(pressing("f4"))
    )


def test_help(snap_compare, size, make_app, project_file):
    assert snap_compare(
        make_app(project_file), terminal_size=size, run_before=checked(pressing("f1"))
    )


def test_recovery_offer(snap_compare, size, make_app, project_file):
    project = load_project(project_file).project
    project.set_text("overview", "崩溃前的文字。")
    copy = recovery.write_recovery(project, project_file)
    # A fixed time and a fixed-looking path keep the picture stable.
    text = copy.read_text(encoding="utf-8")
    copy.write_text(re.sub(r'"saved": "[^"]+"', '"saved": "2026-01-15T09:30:00"', text))

    async def shorten(pilot):
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#question").update(
            screen.question.replace(str(copy), "~/.local/share/drafter/recovery/….json")
        )
        await pilot.pause()

    assert snap_compare(make_app(project_file), terminal_size=size, run_before=checked(shorten))


def test_new_report_filled_in(snap_compare, size, make_app):
    async def fill(pilot):
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#agency", Input).value = "示例镇人民政府"
        screen.query_one("#new-path", Input).value = "示例镇人民政府2025年报告.json"
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=checked(fill))


def test_draft_suggestion_with_its_findings(snap_compare, size, make_app, project_file):
    """Section 一 drafted offline into an empty section: last year's figures flagged."""
    project = load_project(project_file).project
    project.set_text("overview", "")
    save_project(project, project_file)

    async def draft(pilot):
        await settle(pilot)
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("f5")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = make_app(project_file, offline=True)
    assert snap_compare(app, terminal_size=size, run_before=checked(draft))


def test_export_dialog(snap_compare, size, make_app, project_file):
    async def export(pilot):
        await settle(pilot)
        await pilot.press("f10")
        await pilot.pause()
        field = pilot.app.screen.query_one("#export-path", Input)
        field.value = "~/公开年报/云溪县市场监督管理局2025年政府信息公开工作年度报告.docx"
        await pilot.pause()

    assert snap_compare(make_app(project_file), terminal_size=size, run_before=checked(export))


def test_export_refused_with_the_errors_listed(snap_compare, size, make_app, project_file):
    project = load_project(project_file).project
    project.tables.set("requests.granted.business", 9)  # R1, R2, R3 in table 三
    save_project(project, project_file)

    async def refused(pilot):
        await settle(pilot)
        await pilot.press("f10")
        await pilot.pause()
        dialog = pilot.app.screen
        dialog.query_one("#export-path", Input).value = "云溪县2025年报告.docx"
        go = dialog.query_one("#export-go")
        go.press()
        # The refusal can come back within the button's 0.2 s pressed colour: wait until
        # the list is shown *and* the button is drawn at rest, whatever the machine's speed.
        await eventually(pilot, lambda: dialog.has_class("refused") and not go.has_class("-active"))
        await pilot.pause()

    assert snap_compare(make_app(project_file), terminal_size=size, run_before=checked(refused))


def test_command_palette(snap_compare, size, make_app, project_file):
    async def palette(pilot):
        await settle(pilot)
        await pilot.press("ctrl+p")
        await eventually(pilot, lambda: pilot.app.screen.query("CommandInput"))
        await pilot.pause()

    assert snap_compare(make_app(project_file), terminal_size=size, run_before=checked(palette))


def test_file_picker(snap_compare, size, make_app, tmp_path):
    folder = tmp_path / "公开年报"
    folder.mkdir()
    for name in ("云溪县市场监督管理局2024年报告.json", "云溪县市场监督管理局2025年报告.json"):
        (folder / name).write_text("{}", encoding="utf-8")
    (folder / "说明.docx").write_bytes(b"")  # not a project file: not listed
    app = make_app()
    app.workdir = folder

    async def picker(pilot):
        await settle(pilot)
        pilot.app.screen.workdir = folder
        await pilot.press("ctrl+b")
        screen = pilot.app.screen
        await eventually(pilot, lambda: screen.query("#picker-folder"))
        tree = screen.query_one("#picker-tree")
        await eventually(pilot, lambda: len(tree.root.children) == 2)
        line = screen.query_one("#picker-folder")
        line.update(str(line.render()).replace(str(tmp_path), "~"))  # a stable picture
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=checked(picker))


def test_report_details(snap_compare, size, make_app, project_file):
    async def details(pilot):
        await settle(pilot)
        await pilot.press("ctrl+r")
        await eventually(pilot, lambda: pilot.app.screen.query("#details-agency"))
        await pilot.pause()

    assert snap_compare(make_app(project_file), terminal_size=size, run_before=checked(details))


def test_export_refused_for_blank_cells(snap_compare, size, make_app, project_file):
    """Five buttons in a row (去填写 first) still fit at 80 columns."""
    project = load_project(project_file).project
    project.tables.set("requests.granted.research", None)
    save_project(project, project_file)

    async def refused(pilot):
        await settle(pilot)
        await pilot.press("f10")
        await pilot.pause()
        dialog = pilot.app.screen
        dialog.query_one("#export-path", Input).value = "云溪县2025年报告.docx"
        go = dialog.query_one("#export-go")
        go.press()
        await eventually(pilot, lambda: dialog.has_class("blanks") and not go.has_class("-active"))
        await pilot.pause()

    assert snap_compare(make_app(project_file), terminal_size=size, run_before=checked(refused))


def test_ledger_value_picker(snap_compare, size, make_app, tmp_path):
    from drafter.model import Project
    from tests.factories import FIXTURES
    from tests.tui.test_ledger import pick_file

    path = tmp_path / "2023.json"
    save_project(Project.empty("某某县人民政府办公室", 2023), path)

    async def picker(pilot):
        await settle(pilot)
        await pilot.press("ctrl+l")
        await pick_file(pilot, FIXTURES / "ledger" / "messy.xlsx")
        await eventually(pilot, lambda: pilot.app.screen.query("#ledger-options"))
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(path), terminal_size=size, run_before=checked(picker))
