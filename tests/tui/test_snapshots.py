"""SVG snapshots of every screen at 120×40 (update deliberately: --snapshot-update)."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Input

from drafter import recent, recovery
from drafter.model import Draft, KeyFact
from drafter.store import load_project, save_project
from drafter.tui.screens.figures import FiguresScreen
from tests.tui.conftest import SIZE


def test_start_screen(snap_compare, make_app):
    for name in ("云溪县市场监督管理局2024年报告.json", "云溪县市场监督管理局2025年报告.json"):
        recent.remember(Path("/srv/公开年报") / name)  # not there: shown as missing
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_figures_table_two(snap_compare, make_app, project_file):
    assert snap_compare(make_app(project_file), terminal_size=SIZE)


def test_figures_table_three_with_an_error_at_its_cell(snap_compare, make_app, project_file):
    async def break_r1(pilot):
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
        pilot.app.screen.show_facts()
        await pilot.pause()

    assert snap_compare(make_app(project_file), terminal_size=SIZE, run_before=facts)


def test_narrative_with_a_suggestion(snap_compare, make_app, project_file):
    project = load_project(project_file).project
    project.drafts["overview"] = Draft(text="2025年，云溪县市场监督管理局……", origin="offline")
    save_project(project, project_file)
    assert snap_compare(make_app(project_file), terminal_size=SIZE, press=["f3"])


def test_checks(snap_compare, make_app, project_file):
    project = load_project(project_file).project
    project.tables.set("requests.granted.business", 9)  # R1, R2, R3 in table 三
    project.tables.set("active.regulations.issued", 1)  # C3: a county bureau makes no 规章
    save_project(project, project_file)
    assert snap_compare(make_app(project_file), terminal_size=SIZE, press=["f4"])


def test_help(snap_compare, make_app, project_file):
    assert snap_compare(make_app(project_file), terminal_size=SIZE, press=["f1"])


def test_recovery_offer(snap_compare, make_app, project_file):
    project = load_project(project_file).project
    project.set_text("overview", "崩溃前的文字。")
    copy = recovery.write_recovery(project, project_file)
    # A fixed time and a fixed-looking path keep the picture stable.
    text = copy.read_text(encoding="utf-8")
    copy.write_text(re.sub(r'"saved": "[^"]+"', '"saved": "2026-01-15T09:30:00"', text))

    async def shorten(pilot):
        screen = pilot.app.screen
        screen.query_one("#question").update(
            screen.question.replace(str(copy), "~/.local/share/drafter/recovery/….json")
        )
        await pilot.pause()

    assert snap_compare(make_app(project_file), terminal_size=SIZE, run_before=shorten)


def test_new_report_filled_in(snap_compare, make_app):
    async def fill(pilot):
        screen = pilot.app.screen
        screen.query_one("#agency", Input).value = "示例镇人民政府"
        screen.query_one("#new-path", Input).value = "示例镇人民政府2025年报告.json"
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=fill)
