"""SVG snapshots of every screen at 120×40 (update deliberately: --snapshot-update)."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Input

from drafter import recent, recovery
from drafter.model import Draft, KeyFact
from drafter.store import load_project, save_project
from drafter.tui.screens.figures import FiguresScreen
from tests.tui.conftest import SIZE, eventually, settle


def pressing(key: str):
    async def run(pilot):
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)

    return run


def test_start_screen(snap_compare, make_app):
    for name in ("云溪县市场监督管理局2024年报告.json", "云溪县市场监督管理局2025年报告.json"):
        recent.remember(Path("/srv/公开年报") / name)  # not there: shown as missing
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_figures_table_two(snap_compare, make_app, project_file):
    assert snap_compare(make_app(project_file), terminal_size=SIZE, run_before=settle)


def test_figures_table_three_with_an_error_at_its_cell(snap_compare, make_app, project_file):
    async def break_r1(pilot):
        await settle(pilot)
        figures = pilot.app.screen
        assert isinstance(figures, FiguresScreen)
        figures.focus_cell("requests.granted.natural_person")
        await pilot.pause()
        await pilot.press("2", "0", "enter")
        figures.focus_cell("requests.carried_out.natural_person")
        await pilot.pause()

    assert snap_compare(make_app(project_file), terminal_size=SIZE, run_before=break_r1)


def test_figures_table_four_while_typing(snap_compare, make_app, project_file):
    async def typing(pilot):
        await settle(pilot)
        pilot.app.screen.focus_cell("appeals.litigation_direct.pending")
        await pilot.pause()
        await pilot.press("１")

    assert snap_compare(make_app(project_file), terminal_size=SIZE, run_before=typing)


def test_key_facts(snap_compare, make_app, project_file):
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

    assert snap_compare(make_app(project_file), terminal_size=SIZE, run_before=facts)


def test_narrative_with_a_suggestion(snap_compare, make_app, project_file):
    project = load_project(project_file).project
    project.drafts["overview"] = Draft(text="2025年，云溪县市场监督管理局……", origin="offline")
    save_project(project, project_file)
    assert snap_compare(make_app(project_file), terminal_size=SIZE, run_before=pressing("f3"))


def test_checks(snap_compare, make_app, project_file):
    project = load_project(project_file).project
    project.tables.set("requests.granted.business", 9)  # R1, R2, R3 in table 三
    project.tables.set("active.regulations.issued", 1)  # C3: a county bureau makes no 规章
    save_project(project, project_file)
    assert snap_compare(make_app(project_file), terminal_size=SIZE, run_before=pressing("f4"))


def test_help(snap_compare, make_app, project_file):
    assert snap_compare(make_app(project_file), terminal_size=SIZE, run_before=pressing("f1"))


def test_recovery_offer(snap_compare, make_app, project_file):
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

    assert snap_compare(make_app(project_file), terminal_size=SIZE, run_before=shorten)


def test_new_report_filled_in(snap_compare, make_app):
    async def fill(pilot):
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#agency", Input).value = "示例镇人民政府"
        screen.query_one("#new-path", Input).value = "示例镇人民政府2025年报告.json"
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=fill)


def test_draft_suggestion_with_its_findings(snap_compare, make_app, project_file):
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
    assert snap_compare(app, terminal_size=SIZE, run_before=draft)


def test_export_dialog(snap_compare, make_app, project_file):
    async def export(pilot):
        await settle(pilot)
        await pilot.press("f10")
        await pilot.pause()
        field = pilot.app.screen.query_one("#export-path", Input)
        field.value = "~/公开年报/云溪县市场监督管理局2025年政府信息公开工作年度报告.docx"
        await pilot.pause()

    assert snap_compare(make_app(project_file), terminal_size=SIZE, run_before=export)


def test_export_refused_with_the_errors_listed(snap_compare, make_app, project_file):
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

    assert snap_compare(make_app(project_file), terminal_size=SIZE, run_before=refused)
